// syntax_error.cpp — CPython's layout for an uncaught SyntaxError.
// format_syntax_error follows print_error_text() in CPython 3.11's Python/pythonrun.c step by step.
#include <algorithm>

#include "syntax/source.h"

namespace minipy::syntax {

namespace {

// The source line and caret line, as print_error_text() writes them.
std::string error_text(const SyntaxErrorInfo& info) {
    long offset = info.col;
    long end_offset = info.end_col;
    long line_size = utf8_length(info.text);
    if (info.end_line > info.line) end_offset = line_size;
    end_offset = std::min(end_offset, line_size + 1);
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    // CPython underlines a range only for plain SyntaxErrors; indentation errors get one caret.
    if (info.type != "SyntaxError") carets = 1;
    offset--;
    std::string_view text = info.text;
    while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f')) {
        text.remove_prefix(1);
        offset--;
    }
    long len = utf8_length(text);
    offset = std::min(offset, len);
    std::string out = "    " + std::string(text) + "\n";
    if (offset < 0) return out;
    out += "    " + std::string(offset, ' ') + std::string(carets, '^') + "\n";
    return out;
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& info) {
    // Errors found before tokenizing (a bad encoding) carry no location, and CPython prints none.
    if (info.line == 0) return info.type + ": " + info.msg + "\n";
    std::string out = "  File \"" + info.filename + "\", line " + std::to_string(info.line) + "\n";
    if (!info.text.empty()) out += error_text(info);
    return out + info.type + ": " + info.msg + "\n";
}

}  // namespace minipy::syntax
