// lexer.cpp — turns ANTLR's raw tokens into Python's token stream, as CPython's tokenizer
// (Parser/tokenizer.c) does: logical lines, indentation, bracket matching and its error messages.
#include "syntax/lexer.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "CommonToken.h"
#include "runtime/unicode_ctype.h"
#include "syntax/tokens.h"
#include "syntax/unicode_data.h"

namespace minipy::syntax {

using gen::MiniPyLexer;

namespace {

// CPython's tokenizer gives up beyond this many open brackets (MAXLEVEL in tokenizer.h).
constexpr size_t kMaxBracketDepth = 200;
constexpr size_t kMaxIndentDepth = 100;  // CPython's MAXINDENT: levels, counting the outermost

char bracket_char(size_t type) {
    switch (type) {
        case MiniPyLexer::OPEN_PAREN:
            return '(';
        case MiniPyLexer::OPEN_BRACK:
            return '[';
        case MiniPyLexer::OPEN_BRACE:
            return '{';
        case MiniPyLexer::CLOSE_PAREN:
            return ')';
        case MiniPyLexer::CLOSE_BRACK:
            return ']';
        default:
            return '}';
    }
}

bool closes(size_t open, size_t close) {
    return (open == MiniPyLexer::OPEN_PAREN && close == MiniPyLexer::CLOSE_PAREN) ||
           (open == MiniPyLexer::OPEN_BRACK && close == MiniPyLexer::CLOSE_BRACK) ||
           (open == MiniPyLexer::OPEN_BRACE && close == MiniPyLexer::CLOSE_BRACE);
}

std::string hex4(char32_t c) {
    char buf[16];
    snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

Lexer::Lexer(antlr4::CharStream* input, const Source& source) : MiniPyLexer(input), source_(source) {}

std::unique_ptr<antlr4::Token> Lexer::nextToken() {
    while (pending_.empty()) produce();
    auto t = std::move(pending_.front());
    pending_.pop_front();
    return t;
}

void Lexer::emit(size_t type, std::string text, int line, int col) {
    auto t = std::make_unique<antlr4::CommonToken>(type, text);
    t->setLine(line);
    t->setCharPositionInLine(col);
    pending_.push_back(std::move(t));
}

void Lexer::produce() {
    if (finished_) return emit(EOF, "", eof_line_, 0);
    auto t = lookahead_ ? std::move(lookahead_) : MiniPyLexer::nextToken();
    size_t type = t->getType();
    if (type == NEWLINE) {
        if (brackets_.empty()) on_newline(std::move(t));
        return;
    }
    if (type == EOF) return on_eof();
    if (first_token_) {
        // An indented first line: hand the parser an INDENT so it reports "unexpected indent".
        first_token_ = false;
        int col = static_cast<int>(t->getCharPositionInLine());
        if (col > 0) emit(INDENT, std::string(source_.line(1).substr(0, col)), 1, 0);
    }
    check_token(*t);
    line_has_tokens_ = true;
    auto [end_line, end_col] = token_end(*t);
    last_line_ = end_line;
    last_end_col_ = end_col;
    if (type == NAME && normalize_names_) normalize_name(*t);
    pending_.push_back(std::move(t));
}

// A run of raw newlines is one NEWLINE (if the line had tokens) plus the indentation change
// of the next non-blank line; blank and comment-only lines vanish, as tokenize's NL tokens do.
void Lexer::on_newline(std::unique_ptr<antlr4::Token> first) {
    first_token_ = false;
    std::string indent_text = first->getText();
    auto next = MiniPyLexer::nextToken();
    while (next->getType() == NEWLINE) {
        indent_text = next->getText();
        next = MiniPyLexer::nextToken();
    }
    if (line_has_tokens_) {
        std::string text = first->getText();
        text = text.substr(0, text.find_first_of(" \t\f", 1));
        emit(NEWLINE, text, static_cast<int>(first->getLine()),
             static_cast<int>(first->getCharPositionInLine()));
    }
    line_has_tokens_ = false;
    if (next->getType() != EOF) on_indentation(indent_text, *next);
    lookahead_ = std::move(next);
}

void Lexer::on_indentation(const std::string& newline_text, const antlr4::Token& next) {
    int col = 0, alt_col = 0;
    size_t ws = newline_text.find_first_of(" \t\f", 1);
    if (newline_text[0] == '\f') ws = 1;
    std::string indent = ws == std::string::npos ? "" : newline_text.substr(ws);
    for (char c : indent) {
        if (c == ' ') {
            col++, alt_col++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8, alt_col++;
        } else {
            col = alt_col = 0;
        }
    }
    int line = static_cast<int>(next.getLine());
    int line_len = utf8_length(source_.line(line));
    const char* tab_error = "inconsistent use of tabs and spaces in indentation";
    if (col > indents_.back()) {
        if (alt_col <= alt_indents_.back()) source_.fail_raw(tab_error, line, 1, line, 0, "TabError");
        if (indents_.size() >= kMaxIndentDepth)
            source_.fail_raw("too many levels of indentation", line, 1, line, 0, "IndentationError");
        indents_.push_back(col);
        alt_indents_.push_back(alt_col);
        emit(INDENT, indent, line, 0);
        return;
    }
    while (col < indents_.back()) {
        indents_.pop_back();
        alt_indents_.pop_back();
        emit(DEDENT, "", line, static_cast<int>(next.getCharPositionInLine()));
    }
    if (col != indents_.back()) {
        source_.fail_raw("unindent does not match any outer indentation level", line, line_len + 1, line, -1,
                         "IndentationError");
    }
    if (alt_col != alt_indents_.back()) source_.fail_raw(tab_error, line, 1, line, 0, "TabError");
}

void Lexer::on_eof() {
    if (!brackets_.empty()) {
        // Inside brackets the parser cannot accept EOF; it reports "never closed" or its own error.
        finished_ = true;
        eof_line_ = source_.line_count() + 1;
        return emit(EOF, "", eof_line_, 0);
    }
    if (line_has_tokens_) emit(NEWLINE, "", last_line_, last_end_col_);
    line_has_tokens_ = false;
    // tokenize puts the closing DEDENTs and ENDMARKER at column 0 of the line after the last one.
    eof_line_ = source_.text().empty() ? 1 : source_.line_count() + 1;
    while (indents_.size() > 1) {
        indents_.pop_back();
        emit(DEDENT, "", eof_line_, 0);
    }
    finished_ = true;
    emit(EOF, "", eof_line_, 0);
}

void Lexer::fail_unclosed() const {
    const Bracket& b = brackets_.back();
    source_.fail_raw(std::string("'") + bracket_char(b.kind) + "' was never closed", b.line, b.col + 1,
                     b.line, 0);
}

void Lexer::check_token(const antlr4::Token& t) {
    int line = static_cast<int>(t.getLine());
    int col = static_cast<int>(t.getCharPositionInLine());
    switch (t.getType()) {
        case OPEN_PAREN:
        case OPEN_BRACK:
        case OPEN_BRACE:
            if (brackets_.size() >= kMaxBracketDepth)
                source_.fail_token("too many nested parentheses", line, col);
            brackets_.push_back({t.getType(), line, col});
            break;
        case CLOSE_PAREN:
        case CLOSE_BRACK:
        case CLOSE_BRACE:
            close_bracket(t);
            break;
        case NAME:
            check_name(t);
            break;
        case NUMBER:
            check_number_end(t);
            break;
        case UNTERMINATED_STRING:
            source_.fail_token("unterminated string literal (detected at line " + std::to_string(line) + ")",
                               line, col);
        case UNTERMINATED_LONG_STRING:
            source_.fail_token("unterminated triple-quoted string literal (detected at line " +
                                   std::to_string(source_.line_count()) + ")",
                               line, col);
        case STRAY_BACKSLASH:
            if (_input->LA(1) == EOF)
                source_.fail_raw("unexpected EOF while parsing", line, col + 2, line, -1);
            source_.fail_raw("unexpected character after line continuation character", line, col + 2, line,
                             0);
        case ERROR_CHAR:
            fail_error_char(t);
            break;
        default:
            break;
    }
}

void Lexer::close_bracket(const antlr4::Token& t) {
    int line = static_cast<int>(t.getLine());
    int col = static_cast<int>(t.getCharPositionInLine());
    std::string close(1, bracket_char(t.getType()));
    if (brackets_.empty()) source_.fail_token("unmatched '" + close + "'", line, col);
    const Bracket& open = brackets_.back();
    if (!closes(open.kind, t.getType())) {
        std::string msg = "closing parenthesis '" + close + "' does not match opening parenthesis '" +
                          bracket_char(open.kind) + "'";
        if (open.line != line) msg += " on line " + std::to_string(open.line);
        source_.fail_token(msg, line, col);
    }
    brackets_.pop_back();
}

// The grammar accepts any non-ASCII code point in a name; CPython accepts only identifier
// characters (XID_Start or '_' first, XID_Continue after) and names the first offending one.
void Lexer::check_name(const antlr4::Token& t) {
    std::string text = t.getText();
    int col = static_cast<int>(t.getCharPositionInLine());
    for (size_t i = 0; i < text.size(); ++col) {
        bool first = i == 0;
        char32_t c = decode_utf8(text, i);
        if (first ? c == '_' || unicode_is_xid_start(c) : unicode_is_xid_continue(c)) continue;
        int line = static_cast<int>(t.getLine());
        if (!unicode_is_printable(c))
            source_.fail_token("invalid non-printable character U+" + hex4(c), line, col);
        std::string ch;
        append_utf8(ch, c);
        source_.fail_token("invalid character '" + ch + "' (U+" + hex4(c) + ")", line, col);
    }
}

// PEP 3131: identifiers are compared in NFKC form, so `ﬁ` and `fi` name the same variable. Only
// the source's names are normalized (getattr(obj, "ﬁ") is another attribute), and only non-ASCII
// ones pay for it, as in CPython's parser.
void Lexer::normalize_name(antlr4::Token& t) {
    std::string text = t.getText();
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return;
    if (auto* common = dynamic_cast<antlr4::CommonToken*>(&t))
        common->setText(unicode_data::normalize(unicode_data::NormalForm::NFKC, text));
}

namespace {

// An error CPython's tokenizer finds in a number literal: its message and 1-based offsets.
struct NumberError {
    std::string msg;
    int offset = 0, end_offset = 0;
};

bool is_ident_char(int c) { return c == '_' || std::isalnum(c) || c >= 0x80; }

// CPython 3.11's tokenizer reading the number that starts at byte `start` of `line` (tok_get's
// number branch, verify_end_of_number and tok_decimal_tail), for the error it raises there and
// where: "invalid digit '8' in octal literal", "leading zeros in decimal integer literals...",
// "invalid hexadecimal literal"... Offsets count from the line's start in bytes, plus `shift` (the
// code points the bytes before the number are short of). Nothing when the number ends well or only
// earns a warning (a keyword right after it: `1if x else y`).
std::optional<NumberError> scan_number_error(std::string_view line, size_t start, int shift) {
    size_t cur = start;
    auto next = [&]() -> int {
        return cur < line.size() ? static_cast<unsigned char>(line[cur++]) : (cur++, 0);
    };
    auto backup = [&]() { --cur; };
    auto error = [&](std::string msg) {
        int at = static_cast<int>(cur) + shift;
        return std::optional<NumberError>(NumberError{std::move(msg), at, at});
    };
    auto rest_is = [&](const char* word) { return line.substr(cur).rfind(word, 0) == 0; };
    // verify_end_of_number: a keyword after the number is a warning, another name character an error.
    auto bad_end = [&](int c, const char* kind) -> std::optional<NumberError> {
        bool keyword = (c == 'a' && rest_is("nd")) || (c == 'e' && rest_is("lse")) ||
                       (c == 'f' && rest_is("or")) ||
                       (c == 'i' && (rest_is("f") || rest_is("n") || rest_is("s"))) ||
                       (c == 'o' && rest_is("r")) || (c == 'n' && rest_is("ot"));
        if (keyword || !is_ident_char(c)) return std::nullopt;
        backup();
        return error(std::string("invalid ") + kind + " literal");
    };
    // tok_decimal_tail: digits with single underscores between them; the character after them.
    auto decimal_tail = [&](int& c) -> std::optional<NumberError> {
        for (;;) {
            do c = next();
            while (std::isdigit(c));
            if (c != '_') return std::nullopt;
            c = next();
            if (!std::isdigit(c)) {
                backup();
                return error("invalid decimal literal");
            }
        }
    };
    // 0x / 0o / 0b: digits of the base with single underscores; `digit_error` for a decimal digit
    // beyond an octal or binary base.
    auto radix = [&](auto in_base, const char* kind, bool digit_error) -> std::optional<NumberError> {
        int c = next();
        do {
            if (c == '_') c = next();
            if (!in_base(c)) {
                if (digit_error && std::isdigit(c))
                    return error(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                                 " literal");
                backup();
                return error(std::string("invalid ") + kind + " literal");
            }
            do c = next();
            while (in_base(c));
        } while (c == '_');
        if (digit_error && std::isdigit(c))
            return error(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal");
        return bad_end(c, kind);
    };
    int c = next();
    bool fraction = false, exponent = false, imaginary = false;
    if (c == '0') {
        c = next();
        if (c == 'x' || c == 'X')
            return radix([](int d) { return std::isxdigit(d) != 0; }, "hexadecimal", false);
        if (c == 'o' || c == 'O') return radix([](int d) { return d >= '0' && d < '8'; }, "octal", true);
        if (c == 'b' || c == 'B') return radix([](int d) { return d == '0' || d == '1'; }, "binary", true);
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = next();
                if (!std::isdigit(c)) {
                    backup();
                    return error("invalid decimal literal");
                }
            }
            if (c != '0') break;
            c = next();
        }
        size_t zeros_end = cur;
        if (std::isdigit(c)) {
            nonzero = true;
            if (auto e = decimal_tail(c)) return e;
        }
        if (c == '.') {
            c = next();
            fraction = true;
        } else if (c == 'e' || c == 'E') {
            exponent = true;
        } else if (c == 'j' || c == 'J') {
            imaginary = true;
        } else if (nonzero) {
            return NumberError{
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
                "octal integers",
                static_cast<int>(start) + 1 + shift, static_cast<int>(zeros_end) + shift};
        } else {
            return bad_end(c, "decimal");
        }
    } else {
        backup();
        if (auto e = decimal_tail(c)) return e;
        if (c == '.') {
            c = next();
            fraction = true;
        }
    }
    if (fraction && std::isdigit(c)) {
        if (auto e = decimal_tail(c)) return e;
    }
    if (!imaginary && (exponent || c == 'e' || c == 'E')) {
        int e = c;
        c = next();
        if (c == '+' || c == '-') {
            c = next();
            if (!std::isdigit(c)) {
                backup();
                return error("invalid decimal literal");
            }
        } else if (!std::isdigit(c)) {
            backup();
            return bad_end(e, "decimal");
        }
        if (auto err = decimal_tail(c)) return err;
    }
    if (imaginary || c == 'j' || c == 'J') return bad_end(next(), "imaginary");
    return bad_end(c, "decimal");
}

}  // namespace

// A number glued to a name (`1abc`) is an error, and before the keywords CPython still tolerates
// there (`1if x else y`) a warning.
void Lexer::check_number_end(const antlr4::Token& number) {
    size_t c = _input->LA(1);
    bool ident = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 (c >= 0x80 && c != EOF);
    if (!ident) return;
    std::string after;
    for (int k = 1; k <= 4; ++k) {
        size_t ch = _input->LA(k);
        if (ch == EOF || ch >= 0x80) break;
        after += static_cast<char>(ch);
    }
    bool keyword = false;
    for (const char* kw : {"and", "else", "for", "if", "in", "is", "not", "or"})
        keyword |= after.rfind(kw, 0) == 0;
    std::string text = number.getText();
    char kind = text.size() > 1 && text[0] == '0' ? static_cast<char>(text[1] | 0x20) : 'd';
    const char* name = kind == 'x'   ? "hexadecimal"
                       : kind == 'o' ? "octal"
                       : kind == 'b' ? "binary"
                                     : "decimal";
    char last = static_cast<char>(text.back() | 0x20);
    if (last == 'j') name = "imaginary";
    int line = static_cast<int>(number.getLine());
    // CPython's own reading of the number names the bad digit or part, and where.
    std::string_view source_line = source_.line(line);
    int start_cp = static_cast<int>(number.getCharPositionInLine());
    size_t start = 0;
    for (int seen = 0; start < source_line.size(); ++start) {
        if ((static_cast<unsigned char>(source_line[start]) & 0xC0) != 0x80 && seen++ == start_cp) break;
    }
    if (auto e = scan_number_error(source_line, start, start_cp - static_cast<int>(start)))
        source_.fail_raw(e->msg, line, e->offset, line, e->end_offset, "SyntaxError",
                         SyntaxErrorInfo::Text::LineWithoutNewline);
    int col = static_cast<int>(number.getCharPositionInLine() + text.size()) - 1;
    std::string message = std::string("invalid ") + name + " literal";
    if (!keyword) source_.fail_token(message, line, col);
    // CPython 3.11 still accepts these, with a SyntaxWarning placed where the keyword starts.
    warnings_.push_back({ast::SourceWarning::kSyntax, message, {line, col, line, col}});
}

void Lexer::fail_error_char(const antlr4::Token& t) {
    char32_t c = static_cast<unsigned char>(t.getText()[0]);
    // Printable ASCII strays such as `$` or `?` reach the parser, which says "invalid syntax".
    if (unicode_is_printable(c)) return;
    source_.fail_token("invalid non-printable character U+" + hex4(c), static_cast<int>(t.getLine()),
                       static_cast<int>(t.getCharPositionInLine()));
}

}  // namespace minipy::syntax
