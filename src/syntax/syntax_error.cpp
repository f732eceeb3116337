// syntax_error.cpp — CPython's layout for an uncaught SyntaxError.
// format_syntax_error follows print_error_text() in CPython 3.11's Python/pythonrun.c step by step.
#include <algorithm>

#include "syntax/source.h"

namespace minipy::syntax {

namespace {

// Byte offset of code point `n` in UTF-8 text.
size_t utf8_offset(std::string_view text, long n) {
    size_t i = 0;
    for (long seen = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == n) break;
    }
    return i;
}

// The source line and caret line, as print_error_text() writes them; with colour, the code above
// the carets and the carets themselves in the highlight colour, as CPython 3.13's traceback.py.
std::string error_text(const SyntaxErrorInfo& info, const Colors& colors) {
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
    if (offset < 0) return "    " + std::string(text) + "\n";
    size_t start = utf8_offset(text, offset);
    size_t end = utf8_offset(text, std::min(offset + carets, len));
    std::string out = "    " + std::string(text.substr(0, start));
    if (start < end) out += colors.highlight + std::string(text.substr(start, end - start)) + colors.reset;
    out += std::string(text.substr(end)) + "\n";
    out +=
        "    " + std::string(offset, ' ') + colors.highlight + std::string(carets, '^') + colors.reset + "\n";
    return out;
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& info, const Colors& colors) {
    std::string last =
        colors.type + info.type + colors.reset + ": " + colors.message + info.msg + colors.reset + "\n";
    // Errors found before tokenizing (a bad encoding) carry no location, and CPython prints none.
    if (info.line == 0) return last;
    std::string out = std::string("  File ") + colors.location + "\"" + info.filename + "\"" + colors.reset +
                      ", line " + colors.location + std::to_string(info.line) + colors.reset + "\n";
    if (!info.text.empty()) out += error_text(info, colors);
    return out + last;
}

}  // namespace minipy::syntax
