// lexer.h — the ANTLR lexer wrapped to produce Python's logical lines: NEWLINE, INDENT and DEDENT as
// CPython's tokenizer makes them, brackets joining lines, and tokenizer errors with CPython's messages.
#pragma once

#include <deque>
#include <memory>
#include <vector>

#include "MiniPyLexer.h"
#include "syntax/ast.h"
#include "syntax/source.h"

namespace minipy::syntax {

class Lexer : public gen::MiniPyLexer {
public:
    Lexer(antlr4::CharStream* input, const Source& source);

    std::unique_ptr<antlr4::Token> nextToken() override;

    // True when the text ended inside brackets (the REPL then asks for more lines).
    bool inside_brackets() const { return !brackets_.empty(); }
    // Line of the innermost bracket left open at the end of the text.
    int unclosed_line() const { return brackets_.back().line; }
    [[noreturn]] void fail_unclosed() const;
    // The SyntaxWarnings for numbers glued to keywords (`1if x else y`), in source order.
    std::vector<ast::SourceWarning>& warnings() { return warnings_; }
    // The token dump shows names as written, as Python's tokenize module does; the parser gets them
    // in NFKC form.
    void keep_names_as_written() { normalize_names_ = false; }

private:
    struct Bracket {
        size_t kind;  // token type of the opener
        int line, col;
    };

    void produce();
    void on_newline(std::unique_ptr<antlr4::Token> first);
    void on_eof();
    void on_indentation(const std::string& newline_text, const antlr4::Token& next);
    void check_token(const antlr4::Token& t);
    void open_bracket(const antlr4::Token& t);
    void close_bracket(const antlr4::Token& t);
    void check_name(const antlr4::Token& t);
    void normalize_name(antlr4::Token& t);
    void check_number_end(const antlr4::Token& number);
    void fail_error_char(const antlr4::Token& t);
    void emit(size_t type, std::string text, int line, int col);

    const Source& source_;
    std::deque<std::unique_ptr<antlr4::Token>> pending_;
    std::unique_ptr<antlr4::Token> lookahead_;
    std::vector<int> indents_{0};
    std::vector<int> alt_indents_{0};  // widths with tab = 1 column, to detect TabError as CPython does
    std::vector<Bracket> brackets_;
    bool line_has_tokens_ = false;
    bool first_token_ = true;
    bool finished_ = false;
    bool normalize_names_ = true;
    std::vector<ast::SourceWarning> warnings_;
    int eof_line_ = 1;
    int last_line_ = 1, last_end_col_ = 0;  // end of the last real token, for the EOF NEWLINE
};

}  // namespace minipy::syntax
