// parse_session.h — one run of lexer + parser over a piece of text, with CPython-style error handling:
// the whole text is tokenized first (tokenizer errors win, as in CPython), then parsed fast (SLL),
// then again in full LL mode only if that failed, and a real failure becomes a SyntaxError.
#pragma once

#include <string_view>

#include "ANTLRInputStream.h"
#include "CommonTokenStream.h"
#include "MiniPyParser.h"
#include "syntax/lexer.h"

namespace minipy::syntax {

class ParseSession {
public:
    ParseSession(std::string_view text, const Source& source);

    // Parse trees are owned by the session's parser and die with it.
    gen::MiniPyParser::File_inputContext* file_input();
    gen::MiniPyParser::Eval_inputContext* eval_input();

    antlr4::CommonTokenStream& tokens() { return tokens_; }
    Lexer& lexer() { return lexer_; }

private:
    template <typename Ctx>
    Ctx* run(Ctx* (gen::MiniPyParser::*rule)());

    const Source& source_;
    antlr4::ANTLRInputStream input_;
    Lexer lexer_;
    antlr4::CommonTokenStream tokens_;
    gen::MiniPyParser parser_;
};

// Turns the parser's first failure into CPython 3.11's message for the same mistake.
[[noreturn]] void raise_parse_error(const Source& source, const Lexer& lexer,
                                    antlr4::CommonTokenStream& tokens, const antlr4::RecognitionException& e);

}  // namespace minipy::syntax
