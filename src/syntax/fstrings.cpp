// fstrings.cpp — f-strings as CPython 3.11 reads them: literal text with {{ and }}, replacement
// fields `{expr!c:spec}` (specs may nest fields) and `{expr=}`. Each expression is parsed by a
// fresh parser run on `(expr)`, with positions mapped back into the file.
#include "syntax/ast_builder.h"
#include "syntax/parse_session.h"

namespace minipy::syntax {

using namespace ast;

namespace {

// Where the expression of a replacement field ends: at `!`, `:`, `=` or `}` outside brackets
// and quotes.
size_t field_end(const std::string& body, size_t i) {
    int depth = 0;
    char quote = 0;
    for (; i < body.size(); ++i) {
        char c = body[i];
        char next = i + 1 < body.size() ? body[i + 1] : 0;
        if (quote) {
            if (c == quote) quote = 0;
        } else if ((c == '\'' || c == '"') && body.compare(i, 3, std::string(3, c)) == 0) {
            // A triple-quoted string may hold its quote character alone: skip to its end.
            size_t close = body.find(std::string(3, c), i + 3);
            i = close == std::string::npos ? body.size() - 1 : close + 2;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) break;
            depth--;
        } else if (depth == 0 && ((c == '!' && next != '=') || c == ':')) {
            break;
        } else if (depth == 0 && c == '=' && next != '=' && i > 0 &&
                   std::string("=!<>").find(body[i - 1]) == std::string::npos) {
            break;
        }
    }
    return i;
}

// The end of a format spec: the `}` that closes the field, skipping nested fields.
size_t spec_end(const std::string& body, size_t i) {
    int depth = 0;
    for (; i < body.size(); ++i) {
        if (depth > 0 && (body[i] == '\'' || body[i] == '"')) {
            // A string in a nested field's expression: its braces do not count (`{3:{"}"}>10}`).
            size_t close = body.find(body[i], i + 1);
            i = close == std::string::npos ? body.size() - 1 : close;
            continue;
        }
        if (body[i] == '{') depth++;
        if (body[i] == '}' && depth-- == 0) break;
    }
    return i;
}

// The line and column in the file of body[at], given where the body starts.
std::pair<int, int> body_position(const std::string& body, size_t at, int line, int col) {
    std::string before = body.substr(0, at);
    size_t nl = before.rfind('\n');
    int at_line = line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    int at_col = nl == std::string::npos ? col + utf8_length(before) : utf8_length(before.substr(nl + 1));
    return {at_line, at_col};
}

}  // namespace

void AstBuilder::fstring(const std::string& body, bool raw, int line, int col, const Pos& last_text_pos,
                         ExprList& parts) {
    const Pos& pos = fstring_literal_;
    auto fail = [&](const std::string& msg) { fail_at(msg, fstring_end_); };
    std::string literal;
    auto flush = [&](const Pos& text_pos) {
        append_constant(parts, raw ? literal : decode_literal(literal, false, fail, fstring_token_),
                        text_pos);
        literal.clear();
    };
    for (size_t i = 0; i < body.size();) {
        char c = body[i];
        if ((c == '{' || c == '}') && i + 1 < body.size() && body[i + 1] == c) {
            literal += c;
            i += 2;
        } else if (c == '{') {
            flush(pos);
            size_t start = i + 1;
            size_t end = field_end(body, start);
            if (end < body.size() && body[end] == '=') {
                end++;
                while (end < body.size() && body[end] == ' ') end++;
                append_constant(parts, body.substr(start, end - start), pos);
            }
            i = start;
            parts.push_back(fstring_field(body, i, raw, line, col));
        } else if (c == '}') {
            fail("f-string: single '}' is not allowed");
        } else if (!raw && c == '\\' && i + 1 < body.size() && body[i + 1] != '{' && body[i + 1] != '}') {
            // An escape is literal text: `\\` keeps a `{` after it a field, and `\N{name}`'s braces
            // are part of the escape, not a field (CPython's fstring_find_literal).
            size_t stop = i + 2;
            if (body[i + 1] == 'N' && stop < body.size() && body[stop] == '{') {
                size_t close = body.find('}', stop);
                stop = close == std::string::npos ? body.size() : close + 1;
            }
            literal.append(body, i, stop - i);
            i = stop;
        } else {
            literal += c;
            i++;
        }
    }
    flush(last_text_pos);
}

// One `{...}` field; `i` is just past its `{` and ends just past its `}`.
ExprPtr AstBuilder::fstring_field(const std::string& body, size_t& i, bool raw, int line, int col) {
    size_t start = i;
    size_t end = field_end(body, start);
    std::string text = body.substr(start, end - start);
    if (end < body.size() && (body[end] == ')' || body[end] == ']'))
        fail_at(std::string("f-string: unmatched '") + body[end] + "'", fstring_end_);
    if (text.find_first_not_of(" \t\n") == std::string::npos) {
        if (end >= body.size()) fail_at("f-string: expecting '}'", fstring_end_);
        char next = body[end];
        if (next == '!' || next == '=' || next == ':')
            fail_at(std::string("f-string: expression required before '") + next + "'", fstring_end_);
        fail_at("f-string: empty expression not allowed", fstring_end_);
    }
    // CPython 3.11's tokenizer reads the expression part raw and refuses backslashes in it (3.12 lifts this).
    if (text.find('\\') != std::string::npos)
        fail_at("f-string expression part cannot include a backslash", fstring_end_);
    // Where the expression starts in the file, for the positions of its nodes.
    auto [expr_line, expr_col] = body_position(body, start, line, col);
    auto n = std::make_unique<FormattedValue>();
    n->pos = fstring_literal_;
    n->value = fstring_expression(text, expr_line, expr_col);
    i = end;
    bool self_doc = i < body.size() && body[i] == '=';
    if (self_doc) {
        i++;
        while (i < body.size() && body[i] == ' ') i++;
    }
    if (i < body.size() && body[i] == '!') {
        char conv = i + 1 < body.size() ? body[i + 1] : 0;
        if (conv == 0) fail_at("f-string: expecting '}'", fstring_end_);
        if (conv != 's' && conv != 'r' && conv != 'a') {
            fail_at("f-string: invalid conversion character: expected 's', 'r', or 'a'", fstring_end_);
        }
        n->conversion = conv;
        i += 2;
    }
    if (i < body.size() && body[i] == ':') {
        size_t stop = spec_end(body, i + 1);
        auto spec = std::make_unique<JoinedStr>();
        spec->pos = fstring_token_;
        auto [spec_line, spec_col] = body_position(body, i + 1, line, col);
        fstring(body.substr(i + 1, stop - i - 1), raw, spec_line, spec_col, fstring_token_, spec->values);
        n->format_spec = std::move(spec);
        i = stop;
    }
    if (i >= body.size() || body[i] != '}') fail_at("f-string: expecting '}'", fstring_end_);
    i++;
    if (self_doc && n->conversion < 0 && !n->format_spec) n->conversion = 'r';
    return n;
}

ExprPtr AstBuilder::fstring_expression(const std::string& text, int line, int col) {
    std::string wrapped = "(" + text + ")";
    Source sub(wrapped, source_.filename());
    try {
        ParseSession session(wrapped, sub);
        AstBuilder builder(sub, line - 1 + line_delta_, col - 1);
        ExprPtr e = builder.eval(session.eval_input());
        for (auto& w : builder.warnings()) warnings_.push_back(std::move(w));
        return e;
    } catch (const SyntaxError& e) {
        // CPython 3.11 prefixes every error its parser raises inside a replacement field.
        if (e.info().msg.rfind("f-string", 0) == 0) throw;
        SyntaxErrorInfo info = e.info();
        info.msg = "f-string: " + info.msg;
        throw SyntaxError(info);
    }
}

}  // namespace minipy::syntax
