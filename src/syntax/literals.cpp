// literals.cpp — number and string literals: integers of any size to decimal text, floats,
// imaginary numbers, escape sequences, raw and bytes strings, and implicit concatenation.
#include <cstdlib>
#include <tuple>

#include "runtime/c_numbers.h"
#include "syntax/ast_builder.h"
#include "syntax/tokens.h"
#include "syntax/unicode_names.h"

namespace minipy::syntax {

using namespace ast;

namespace {

// Digits in any base → decimal text, through base-10^9 limbs (integers have no size limit).
std::string to_decimal(std::string_view digits, int base) {
    std::vector<uint32_t> limbs;  // little-endian, base 10^9
    for (char ch : digits) {
        int d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
        uint64_t carry = static_cast<uint64_t>(d);
        for (auto& limb : limbs) {
            uint64_t v = static_cast<uint64_t>(limb) * base + carry;
            limb = static_cast<uint32_t>(v % 1000000000);
            carry = v / 1000000000;
        }
        if (carry) limbs.push_back(static_cast<uint32_t>(carry));
    }
    if (limbs.empty()) return "0";
    std::string out = std::to_string(limbs.back());
    char buf[16];
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        snprintf(buf, sizeof buf, "%09u", limbs[i]);
        out += buf;
    }
    return out;
}

struct StringPiece {
    bool raw = false, bytes = false, fmt = false, unicode = false;
    std::string body;
    int line = 0, col = 0;  // where the body starts
    int end_line = 0, end_col = 0;
};

StringPiece split_literal(antlr4::Token* t) {
    StringPiece p;
    std::string text = t->getText();
    size_t q = text.find_first_of("'\"");
    for (size_t i = 0; i < q; ++i) {
        char c = static_cast<char>(text[i] | 0x20);
        p.raw |= c == 'r';
        p.bytes |= c == 'b';
        p.fmt |= c == 'f';
        p.unicode |= c == 'u';
    }
    size_t quote = text.compare(q, 3, std::string(3, text[q])) == 0 && text.size() - q >= 6 ? 3 : 1;
    std::string body = text.substr(q + quote, text.size() - q - 2 * quote);
    // Newlines inside literals are read as "\n" whatever the file used.
    for (size_t i; (i = body.find("\r\n")) != std::string::npos;) body.erase(i, 1);
    p.body = std::move(body);
    p.line = static_cast<int>(t->getLine());
    p.col = static_cast<int>(t->getCharPositionInLine() + q + quote);
    std::tie(p.end_line, p.end_col) = token_end(*t);
    return p;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Reads `n` hex digits at s[i]; -1 when they are missing.
long read_hex(const std::string& s, size_t& i, int n) {
    long v = 0;
    for (int k = 0; k < n; ++k, ++i) {
        if (i >= s.size() || hex_value(s[i]) < 0) return -1;
        v = v * 16 + hex_value(s[i]);
    }
    return v;
}

// Where CPython's unicode_escape decoder says byte `i` of a literal's UTF-8 text is: it sees the
// text with each non-ASCII character written as a ten-byte \UXXXXXXXX escape.
size_t escape_position(const std::string& s, size_t i) {
    size_t pos = 0;
    for (size_t k = 0; k < i && k < s.size(); ++k) {
        auto ch = static_cast<unsigned char>(s[k]);
        if (ch < 0x80) {
            ++pos;
        } else if ((ch & 0xC0) != 0x80) {
            pos += 10;
        }
    }
    return pos;
}

// `\N{name}` with s[i] just after the N: the named character, `i` moved past the closing brace.
// CPython calls a missing brace or an empty name malformed, an unknown one unknown.
template <typename Fail>
long named_escape(const std::string& s, size_t& i, const Fail& fail_escape, size_t start) {
    if (i >= s.size() || s[i] != '{')
        fail_escape(start, std::min(i, s.size()), "malformed \\N character escape");
    size_t close = s.find('}', i + 1);
    if (close == std::string::npos) fail_escape(start, s.size(), "malformed \\N character escape");
    if (close == i + 1) fail_escape(start, i + 1, "malformed \\N character escape");
    auto code = unicode_names::lookup(std::string_view(s).substr(i + 1, close - i - 1));
    if (!code) fail_escape(start, close + 1, "unknown Unicode character name");
    i = close + 1;
    return static_cast<long>(*code);
}

}  // namespace

// Backslash escapes of a non-raw literal; `bytes` keeps \u, \U and \N literal, as Python does.
std::string decode_escapes(const std::string& s, bool bytes,
                           const std::function<void(const std::string&)>& fail, std::string* invalid) {
    auto note_invalid = [&](const std::string& message) {
        if (invalid && invalid->empty()) *invalid = message;
    };
    // CPython's text for a bad escape spanning bytes [start, end) of the literal.
    auto fail_escape = [&](size_t start, size_t end, const std::string& why) {
        fail("(unicode error) 'unicodeescape' codec can't decode bytes in position " +
             std::to_string(escape_position(s, start)) + "-" + std::to_string(escape_position(s, end) - 1) +
             ": " + why);
    };
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i++];
            continue;
        }
        size_t start = i;
        char c = s[i + 1];
        i += 2;
        long v = -1;
        switch (c) {
            case '\n':
                continue;
            case '\\':
            case '\'':
            case '"':
                out += c;
                continue;
            case 'a':
                out += '\a';
                continue;
            case 'b':
                out += '\b';
                continue;
            case 'f':
                out += '\f';
                continue;
            case 'n':
                out += '\n';
                continue;
            case 'r':
                out += '\r';
                continue;
            case 't':
                out += '\t';
                continue;
            case 'v':
                out += '\v';
                continue;
            case 'x':
                v = read_hex(s, i, 2);
                if (v < 0 && bytes)
                    fail("(value error) invalid \\x escape at position " + std::to_string(start));
                if (v < 0) fail_escape(start, i, "truncated \\xXX escape");
                break;
            case 'u':
            case 'U':
                if (bytes) {  // no \u or \U in bytes: an unknown escape, kept as written
                    note_invalid(std::string("invalid escape sequence '\\") + c + "'");
                    out += '\\';
                    out += c;
                    continue;
                }
                v = read_hex(s, i, c == 'u' ? 4 : 8);
                if (v < 0)
                    fail_escape(start, i,
                                c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                if (v > 0x10FFFF) fail_escape(start, i, "illegal Unicode character");
                break;
            case 'N':
                if (bytes) {
                    note_invalid("invalid escape sequence '\\N'");
                    out += "\\N";
                    continue;
                }
                v = named_escape(s, i, fail_escape, start);
                break;
            default:
                if (c >= '0' && c <= '7') {
                    v = c - '0';
                    for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k)
                        v = v * 8 + (s[i++] - '0');
                    if (v > 0377)
                        note_invalid("invalid octal escape sequence '" + s.substr(start, i - start) + "'");
                    break;
                }
                // Unknown escapes stay as written.
                note_invalid(std::string("invalid escape sequence '\\") + c + "'");
                out += '\\';
                out += c;
                continue;
        }
        if (bytes) {
            out += static_cast<char>(v & 0xFF);
        } else {
            append_utf8(out, static_cast<char32_t>(v));
        }
    }
    return out;
}

ExprPtr AstBuilder::number(antlr4::Token* t) {
    std::string text;
    for (char c : t->getText()) {
        if (c != '_') text += c;
    }
    auto n = std::make_unique<Constant>();
    n->pos = span(t, t);
    char last = static_cast<char>(text.back() | 0x20);
    char second = text.size() > 1 ? static_cast<char>(text[1] | 0x20) : 0;
    if (last == 'j') {
        n->value_kind = ConstKind::Imag;
        n->number = c_strtod(text.c_str());
    } else if (text[0] == '0' && (second == 'x' || second == 'o' || second == 'b')) {
        n->value_kind = ConstKind::Int;
        n->text = to_decimal(std::string_view(text).substr(2), second == 'x' ? 16 : second == 'o' ? 8 : 2);
    } else if (text.find_first_of(".eE") != std::string::npos) {
        n->value_kind = ConstKind::Float;
        n->number = c_strtod(text.c_str());
    } else {
        n->value_kind = ConstKind::Int;
        n->text = to_decimal(text, 10);
    }
    return n;
}

// Adjacent literals are one value: a str, a bytes, or (with any f-string among them) a JoinedStr.
ExprPtr AstBuilder::strings(antlr4::ParserRuleContext* c,
                            const std::vector<antlr4::tree::TerminalNode*>& tokens) {
    std::vector<StringPiece> pieces;
    bool any_bytes = false, any_str = false, any_fmt = false;
    for (auto* s : tokens) {
        pieces.push_back(split_literal(s->getSymbol()));
        any_bytes |= pieces.back().bytes;
        any_str |= !pieces.back().bytes;
        any_fmt |= pieces.back().fmt;
    }
    Pos pos = span(c);
    if (any_bytes && any_str)
        source_.fail("cannot mix bytes and nonbytes literals", pos.end_line, pos.end_col);
    // CPython reports a bad escape at the end of the literal (the token's end).
    auto fail = [&](const std::string& msg) { source_.fail(msg, pos.end_line, pos.end_col); };
    if (!any_fmt) {
        auto n = std::make_unique<Constant>();
        n->pos = pos;
        n->value_kind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
        n->is_unicode_prefixed = pieces[0].unicode;
        for (size_t k = 0; k < pieces.size(); ++k) {
            const StringPiece& p = pieces[k];
            if (p.bytes) {
                for (unsigned char ch : p.body) {
                    if (ch >= 0x80) fail_at("bytes can only contain ASCII literal characters", pos);
                }
            }
            Pos token = span(tokens[k]->getSymbol(), tokens[k]->getSymbol());
            n->text += p.raw ? p.body : decode_literal(p.body, p.bytes, fail, token);
        }
        return n;
    }
    auto n = std::make_unique<JoinedStr>();
    n->pos = pos;
    fstring_literal_ = pos;
    for (size_t k = 0; k < pieces.size(); ++k) {
        const StringPiece& p = pieces[k];
        if (p.fmt) {
            fstring_token_ = span(tokens[k]->getSymbol(), tokens[k]->getSymbol());
            fstring_end_ = Pos{p.end_line + line_delta_, p.end_col, p.end_line + line_delta_, p.end_col};
            // Inside another f-string's field, the first line's columns are shifted like span()'s.
            fstring(p.body, p.raw, p.line, p.line == 1 ? p.col + col_delta_ : p.col, fstring_literal_,
                    n->values);
        } else {
            Pos token = span(tokens[k]->getSymbol(), tokens[k]->getSymbol());
            append_constant(n->values, p.raw ? p.body : decode_literal(p.body, false, fail, token), pos);
        }
    }
    return n;
}

std::string AstBuilder::decode_literal(const std::string& body, bool bytes,
                                       const std::function<void(const std::string&)>& fail,
                                       const Pos& token) {
    std::string invalid;
    std::string text = decode_escapes(body, bytes, fail, &invalid);
    if (!invalid.empty()) warnings_.push_back({SourceWarning::kDeprecation, invalid, token});
    return text;
}

// Joins literal text to a JoinedStr's parts, merging with a constant just before it.
void append_constant(ExprList& parts, const std::string& text, const Pos& pos) {
    if (text.empty()) return;
    if (!parts.empty() && parts.back()->kind == ExprKind::Constant) {
        as<Constant>(*parts.back()).text += text;
        return;
    }
    auto n = std::make_unique<Constant>();
    n->pos = pos;
    n->value_kind = ConstKind::Str;
    n->text = text;
    parts.push_back(std::move(n));
}

}  // namespace minipy::syntax
