// parser.cpp — the front end's entry points: source text → tokens → parse tree → AST.
#include "syntax/parser.h"

#include <algorithm>

#include "BailErrorStrategy.h"
#include "Exceptions.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionMode.h"
#include "syntax/ast_builder.h"
#include "syntax/parse_session.h"

namespace minipy::syntax {

ParseSession::ParseSession(std::string_view text, const Source& source)
    : source_(source),
      input_(text.data(), text.size()),
      lexer_(&input_, source),
      tokens_(&lexer_),
      parser_(&tokens_) {
    lexer_.removeErrorListeners();
    parser_.removeErrorListeners();
    parser_.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
}

gen::MiniPyParser::File_inputContext* ParseSession::file_input() {
    return run(&gen::MiniPyParser::file_input);
}
gen::MiniPyParser::Eval_inputContext* ParseSession::eval_input() {
    return run(&gen::MiniPyParser::eval_input);
}

namespace {

// Deeper operator chains than this would nest the parser, the AST and everything that walks it
// too deep for the C++ stack. CPython fails on such input too (MemoryError or RecursionError).
constexpr int kMaxChain = 2000;

// A colon does not end a chain: `lambda: lambda: ...` nests as deep as its length.
bool resets_chain(size_t t) {
    return t == gen::MiniPyLexer::COMMA || t == gen::MiniPyLexer::NEWLINE || t == gen::MiniPyLexer::ASSIGN ||
           t == gen::MiniPyLexer::SEMI_COLON;
}

// Counts operators (and trailers) between commas, statement ends and the like, summed over the
// enclosing bracket levels: the nesting of the parse tree grows with the sum, not with any one
// level's count (`-(-(-(...` is 2 per level, 200 levels deep).
void check_chain_depth(antlr4::CommonTokenStream& tokens, const Source& source) {
    std::vector<int> chain{0};
    int total = 0;
    for (antlr4::Token* t : tokens.getTokens()) {
        size_t type = t->getType();
        if (type == gen::MiniPyLexer::OPEN_PAREN || type == gen::MiniPyLexer::OPEN_BRACK ||
            type == gen::MiniPyLexer::OPEN_BRACE) {
            chain.back()++;
            ++total;
            chain.push_back(0);
        } else if (type == gen::MiniPyLexer::CLOSE_PAREN || type == gen::MiniPyLexer::CLOSE_BRACK ||
                   type == gen::MiniPyLexer::CLOSE_BRACE) {
            if (chain.size() > 1) {
                total -= chain.back();
                chain.pop_back();
            }
        } else if (resets_chain(type)) {
            total -= chain.back();
            chain.back() = 0;
        } else if (type != gen::MiniPyLexer::NAME && type != gen::MiniPyLexer::NUMBER &&
                   type != gen::MiniPyLexer::STRING) {
            chain.back()++;
            ++total;
        }
        if (total > kMaxChain) {
            source.fail_raw("maximum recursion depth exceeded during compilation",
                            static_cast<int>(t->getLine()), 0, static_cast<int>(t->getLine()), 0,
                            "RecursionError");
        }
    }
}

}  // namespace

// SLL prediction with bail-out is right for almost every correct program and about 10-30% faster
// (shared/ANTLR.md); only when it fails is the text parsed again with full LL prediction.
template <typename Ctx>
Ctx* ParseSession::run(Ctx* (gen::MiniPyParser::*rule)()) {
    tokens_.fill();
    check_chain_depth(tokens_, source_);
    auto* sim = parser_.getInterpreter<antlr4::atn::ParserATNSimulator>();
    sim->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    try {
        return (parser_.*rule)();
    } catch (const antlr4::ParseCancellationException&) {
    }
    tokens_.seek(0);
    parser_.reset();
    sim->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
        return (parser_.*rule)();
    } catch (const antlr4::ParseCancellationException& e) {
        try {
            std::rethrow_if_nested(e);
        } catch (const antlr4::RecognitionException& re) {
            raise_parse_error(source_, lexer_, tokens_, re);
        }
        source_.fail("invalid syntax", 1, 0);
    }
}

// CPython's tokenizer reads source with universal newlines: "\r\n" and a lone "\r" end a line as
// "\n" does, inside string literals too.
namespace {
std::string translate_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out.push_back(text[i]);
            continue;
        }
        out.push_back('\n');
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
    return out;
}
}  // namespace

std::unique_ptr<ast::Module> parse(std::string_view original, const std::string& filename, Mode mode) {
    if (original.find('\r') != std::string_view::npos)
        return parse(translate_newlines(original), filename, mode);
    std::string_view text = original;
    Source source(text, filename);
    check_encoding(source);
    ParseSession session(text, source);
    std::unique_ptr<ast::Module> module = AstBuilder(source).module(session.file_input());
    // The tokenizer's warnings come first: CPython's tokenizer runs ahead of its parser.
    std::vector<ast::SourceWarning>& early = session.lexer().warnings();
    module->warnings.insert(module->warnings.begin(), early.begin(), early.end());
    return module;
}

bool is_incomplete(std::string_view text) {
    Source source(text, "<stdin>");
    try {
        check_encoding(source);
        ParseSession session(text, source);
        session.file_input();
    } catch (const SyntaxError& e) {
        const std::string& msg = e.info().msg;
        // An error found after the last line (a block header with no body yet, `try:` without its
        // `except`) means more lines are coming; one on a line already typed is an error now.
        long lines = std::count(text.begin(), text.end(), '\n');
        return msg.find("was never closed") != std::string::npos ||
               msg.find("unterminated triple-quoted") != std::string::npos ||
               msg == "unexpected EOF while parsing" || e.info().line > lines;
    }
    // A finished compound statement still waits for the blank line that ends it.
    return false;
}

}  // namespace minipy::syntax
