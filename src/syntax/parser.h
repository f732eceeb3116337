// parser.h — the front end's public face: source text in, AST (or a CPython-style SyntaxError) out.
// Only src/syntax/ includes ANTLR headers; everything above this layer sees these functions and ast.h.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "syntax/ast.h"
#include "syntax/colors.h"

namespace minipy::syntax {

// Everything CPython's SyntaxError carries, so the traceback printer can reproduce its layout.
struct SyntaxErrorInfo {
    std::string type = "SyntaxError";  // or "IndentationError", "TabError"
    std::string msg;
    std::string filename;
    int line = 0;  // 1-based
    int col = 0;   // 1-based column of the caret's first character, as CPython's `offset`
    int end_line = 0;
    int end_col =
        0;  // 1-based, exclusive, as CPython's `end_offset`; 0 (a single caret) or -1 as CPython gives
    std::string text;  // the source line, without its newline
    // What CPython's SyntaxError.text then holds: the line with its newline (the parser's errors),
    // without it (the tokenizer's), or None (the compiler's, when no file of that name can be read:
    // CPython reads the line from the file named).
    enum class Text : unsigned char { Line, LineWithoutNewline, None };
    Text text_kind = Text::Line;
};

class SyntaxError : public std::runtime_error {
public:
    explicit SyntaxError(SyntaxErrorInfo info) : std::runtime_error(info.msg), info_(std::move(info)) {}
    const SyntaxErrorInfo& info() const { return info_; }

private:
    SyntaxErrorInfo info_;
};

// What the top of the source is parsed as.
enum class Mode {
    File,         // a module: statements up to EOF
    Interactive,  // one REPL entry; same as File, but an unfinished block is reported as incomplete
};

// Parses a whole module. Throws SyntaxError.
std::unique_ptr<ast::Module> parse(std::string_view source, const std::string& filename,
                                   Mode mode = Mode::File);

// True when `source` is a REPL entry that is not finished yet (an open bracket, a block header
// without its body, an unterminated triple-quoted string), so the REPL should print `... `.
bool is_incomplete(std::string_view source);

// `minipy --tokens` and the REPL's `.tokens`: the token stream in the layout of `python3 -m tokenize`, less
// the ENCODING, NL and COMMENT tokens that minipy's lexer never produces. Throws SyntaxError.
std::string dump_tokens(std::string_view source, const std::string& filename);

// `minipy --ast` and the REPL's `.ast`: the same text as Python's
// `ast.dump(ast.parse(source), indent=2)`. Throws SyntaxError.
std::string dump_ast(std::string_view source, const std::string& filename);

// The lines CPython prints for an uncaught SyntaxError, from `  File "...", line N` to
// `SyntaxError: msg`, each ending in '\n' (no "Traceback" header: CPython prints none for them);
// in CPython 3.13's colours when `colors` has them.
std::string format_syntax_error(const SyntaxErrorInfo& info, const Colors& colors = Colors::plain());

}  // namespace minipy::syntax
