// source.h — the program text as the front end sees it: split into lines, with helpers that raise
// CPython-shaped SyntaxErrors pointing into it. Private to src/syntax/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/parser.h"

namespace minipy::syntax {

class Source {
public:
    Source(std::string_view text, std::string filename);

    const std::string& filename() const { return filename_; }
    std::string_view text() const { return text_; }
    int line_count() const { return static_cast<int>(starts_.size()); }
    // Line `n` (1-based) without its line break; empty past the end.
    std::string_view line(int n) const;

    // Throws a SyntaxError (or `type`) at 0-based code-point columns; end_col < 0 means "no range".
    [[noreturn]] void fail(const std::string& msg, int line, int col, int end_line = -1, int end_col = -1,
                           const std::string& type = "SyntaxError") const;
    // An error of the tokenizer (an unterminated string, an unmatched bracket, a bad character or
    // number) at a 0-based column: the SyntaxError's text has no newline, as CPython's tokenizer gives it.
    [[noreturn]] void fail_token(const std::string& msg, int line, int col) const;
    // An error CPython's compiler finds, not its parser (a duplicate argument, a repeated keyword):
    // as fail, but quoting the line from the file named, as quote_line_from_file.
    [[noreturn]] void fail_compiler(const std::string& msg, int line, int col, int end_line,
                                    int end_col) const;
    // Same as fail, with CPython's raw 1-based offsets (some of its messages use -1 or 0 as end_offset).
    [[noreturn]] void fail_raw(const std::string& msg, int line, int offset, int end_line, int end_offset,
                               const std::string& type = "SyntaxError",
                               SyntaxErrorInfo::Text text_kind = SyntaxErrorInfo::Text::Line) const;

private:
    std::string_view text_;
    std::string filename_;
    std::vector<size_t> starts_;
};

// Raises CPython's error for NUL bytes or malformed UTF-8 in the source.
void check_encoding(const Source& source);
// Length of the valid UTF-8 sequence at s[i], or 0 if it is malformed.
size_t utf8_sequence_length(std::string_view s, size_t i);
// Number of code points in a UTF-8 string.
// CPython's compiler quotes the line of a SyntaxError it raises from the file named
// (PyErr_ProgramTextObject), not from the source compiled: a script's own line, and None for
// compile(source, "<string>", ...). Sets info.text and info.text_kind from info.filename and info.line.
void quote_line_from_file(SyntaxErrorInfo& info);

int utf8_length(std::string_view s);
// Decodes the code point at s[i] (valid UTF-8), advancing i.
char32_t decode_utf8(std::string_view s, size_t& i);
// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string& out, char32_t c);

}  // namespace minipy::syntax
