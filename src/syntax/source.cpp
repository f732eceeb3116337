// source.cpp — the program text split into lines, and the helper that raises a SyntaxError quoting one.
#include "syntax/source.h"

#include <cstdio>
#include <fstream>

namespace minipy::syntax {

Source::Source(std::string_view text, std::string filename) : text_(text), filename_(std::move(filename)) {
    starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
    }
}

std::string_view Source::line(int n) const {
    if (n < 1 || n > line_count()) return {};
    size_t start = starts_[n - 1];
    size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view l = text_.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

void Source::fail(const std::string& msg, int line, int col, int end_line, int end_col,
                  const std::string& type) const {
    if (end_col < 0) {
        fail_raw(msg, line, col + 1, line, col + 1, type);
    }
    fail_raw(msg, line, col + 1, end_line, end_col + 1, type);
}

void Source::fail_token(const std::string& msg, int line, int col) const {
    fail_raw(msg, line, col + 1, line, col + 1, "SyntaxError", SyntaxErrorInfo::Text::LineWithoutNewline);
}

void Source::fail_compiler(const std::string& msg, int line, int col, int end_line, int end_col) const {
    SyntaxErrorInfo info;
    info.msg = msg;
    info.filename = filename_;
    info.line = line;
    info.col = col + 1;
    info.end_line = end_line;
    info.end_col = end_col + 1;
    quote_line_from_file(info);
    throw SyntaxError(std::move(info));
}

void quote_line_from_file(SyntaxErrorInfo& info) {
    info.text.clear();
    info.text_kind = SyntaxErrorInfo::Text::None;
    std::ifstream file(info.filename, std::ios::binary);
    std::string line;
    for (int n = 1; file && n <= info.line && std::getline(file, line); ++n) {
        if (n < info.line) continue;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        info.text = line;
        info.text_kind = SyntaxErrorInfo::Text::Line;
    }
}

void Source::fail_raw(const std::string& msg, int line, int offset, int end_line, int end_offset,
                      const std::string& type, SyntaxErrorInfo::Text text_kind) const {
    SyntaxErrorInfo info;
    info.type = type;
    info.text_kind = text_kind;
    info.msg = msg;
    info.filename = filename_;
    info.line = line;
    info.col = offset;
    info.end_line = end_line;
    info.end_col = end_offset;
    info.text = std::string(this->line(line));
    throw SyntaxError(std::move(info));
}

int utf8_length(std::string_view s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

char32_t decode_utf8(std::string_view s, size_t& i) {
    unsigned char c = s[i++];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    return cp;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// CPython reads source files as UTF-8 and rejects NUL bytes before tokenizing; both errors are
// reproduced with its wording (for a file run as a script).
void check_encoding(const Source& source) {
    std::string_view text = source.text();
    int line = 1;
    for (size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') line++;
        if (c == 0) {
            std::string_view l = source.line(line);
            SyntaxErrorInfo info;
            info.msg = "source code cannot contain null bytes";
            info.filename = source.filename();
            info.line = line;
            info.text = std::string(l.substr(0, l.find('\0')));
            throw SyntaxError(std::move(info));
        }
        size_t len = utf8_sequence_length(text, i);
        if (len == 0) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", c);
            SyntaxErrorInfo info;
            info.msg = std::string("Non-UTF-8 code starting with '") + buf + "' in file " +
                       source.filename() + " on line " + std::to_string(line) +
                       ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
            info.filename = source.filename();
            throw SyntaxError(std::move(info));
        }
        i += len;
    }
}

// Length of the valid UTF-8 sequence at s[i], or 0 if it is malformed.
size_t utf8_sequence_length(std::string_view s, size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return 1;
    // F5-FF never start a sequence (they were taken for 3-byte leads: the fuzzer's abort, in ANTLR's
    // own decoder, on the 3-byte file F6 86 86).
    size_t len = c >= 0xF5 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    }
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90)) {
        return 0;
    }
    return len;
}

}  // namespace minipy::syntax
