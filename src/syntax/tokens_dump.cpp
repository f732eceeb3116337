// tokens_dump.cpp — `minipy --tokens`: the token stream in `python3 -m tokenize`'s layout, and the
// repr() helpers that layout (and `--ast`) needs.
#include <cstdio>

#include "ANTLRInputStream.h"
#include "runtime/unicode_ctype.h"
#include "syntax/lexer.h"
#include "syntax/tokens.h"

namespace minipy::syntax {

using gen::MiniPyLexer;

std::pair<int, int> token_end(const antlr4::Token& t) {
    int line = static_cast<int>(t.getLine());
    int col = static_cast<int>(t.getCharPositionInLine());
    std::string text = t.getText();
    if (t.getType() == MiniPyLexer::NEWLINE) return {line, col + 1};
    // A name's text may be its NFKC form (lexer.cpp), of another length than what was written.
    if (t.getType() == MiniPyLexer::NAME && t.getStopIndex() >= t.getStartIndex())
        return {line, col + static_cast<int>(t.getStopIndex() - t.getStartIndex() + 1)};
    size_t nl = text.rfind('\n');
    if (nl == std::string::npos) return {line, col + utf8_length(text)};
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return {line, utf8_length(std::string_view(text).substr(nl + 1))};
}

namespace {

std::string escape(std::string_view s, bool bytes) {
    char quote = '\'';
    if (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) quote = '"';
    std::string out(1, quote);
    char buf[16];
    for (size_t i = 0; i < s.size();) {
        char32_t c = bytes ? static_cast<unsigned char>(s[i++]) : decode_utf8(s, i);
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x80 ? (c < 0x20 || c == 0x7F) : (bytes || !unicode_is_printable(c))) {
            const char* fmt = c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x";
            snprintf(buf, sizeof buf, fmt, static_cast<unsigned>(c));
            out += buf;
        } else {
            append_utf8(out, c);
        }
    }
    return out + quote;
}

const char* kind_name(size_t type) {
    switch (type) {
        case MiniPyLexer::NAME:
            return "NAME";
        case MiniPyLexer::NUMBER:
            return "NUMBER";
        case MiniPyLexer::STRING:
            return "STRING";
        case MiniPyLexer::NEWLINE:
            return "NEWLINE";
        case MiniPyLexer::INDENT:
            return "INDENT";
        case MiniPyLexer::DEDENT:
            return "DEDENT";
        case MiniPyLexer::ERROR_CHAR:
            return "ERRORTOKEN";
        case antlr4::Token::EOF:
            return "ENDMARKER";
        default:
            break;
    }
    return type >= MiniPyLexer::AND && type <= MiniPyLexer::YIELD ? "NAME" : "OP";
}

// Pads to a width in code points, as Python's "%-15s" does.
std::string pad(std::string s, int width) {
    int len = utf8_length(s);
    if (len < width) s.append(static_cast<size_t>(width - len), ' ');
    return s;
}

}  // namespace

std::string py_repr_str(std::string_view s) { return escape(s, false); }
std::string py_repr_bytes(std::string_view s) { return "b" + escape(s, true); }

std::string dump_tokens(std::string_view text, const std::string& filename) {
    Source source(text, filename);
    check_encoding(source);
    antlr4::ANTLRInputStream input(text.data(), text.size());
    Lexer lexer(&input, source);
    lexer.removeErrorListeners();
    lexer.keep_names_as_written();
    std::string out;
    for (;;) {
        auto t = lexer.nextToken();
        auto [end_line, end_col] = token_end(*t);
        std::string span = std::to_string(t->getLine()) + "," + std::to_string(t->getCharPositionInLine()) +
                           "-" + std::to_string(end_line) + "," + std::to_string(end_col) + ":";
        std::string line =
            pad(span, 20) + pad(kind_name(t->getType()), 15) + pad(py_repr_str(t->getText()), 15);
        out += line + "\n";
        if (t->getType() == antlr4::Token::EOF) break;
    }
    return out;
}

}  // namespace minipy::syntax
