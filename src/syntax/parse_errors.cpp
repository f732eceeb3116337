// parse_errors.cpp — maps the parser's first failure to the message CPython 3.11 gives for the same
// mistake. CPython finds these with its `invalid_*` grammar rules; here the failing token, its
// neighbours and the rule being parsed are inspected instead.
#include <vector>

#include "MiniPyParser.h"
#include "syntax/parse_session.h"
#include "syntax/parser.h"
#include "syntax/tokens.h"

namespace minipy::syntax {

using antlr4::Token;
using gen::MiniPyLexer;
using gen::MiniPyParser;

namespace {

bool starts_expression(size_t t) {
    switch (t) {
        case MiniPyLexer::NAME:
        case MiniPyLexer::NUMBER:
        case MiniPyLexer::STRING:
        case MiniPyLexer::OPEN_PAREN:
        case MiniPyLexer::OPEN_BRACK:
        case MiniPyLexer::OPEN_BRACE:
        case MiniPyLexer::NONE:
        case MiniPyLexer::TRUE:
        case MiniPyLexer::FALSE:
        case MiniPyLexer::ELLIPSIS:
        case MiniPyLexer::LAMBDA:
        case MiniPyLexer::NOT_OP:
        case MiniPyLexer::AWAIT:
            return true;
        default:
            return false;
    }
}

bool ends_expression(size_t t) {
    switch (t) {
        case MiniPyLexer::NAME:
        case MiniPyLexer::NUMBER:
        case MiniPyLexer::STRING:
        case MiniPyLexer::CLOSE_PAREN:
        case MiniPyLexer::CLOSE_BRACK:
        case MiniPyLexer::CLOSE_BRACE:
        case MiniPyLexer::NONE:
        case MiniPyLexer::TRUE:
        case MiniPyLexer::FALSE:
        case MiniPyLexer::ELLIPSIS:
            return true;
        default:
            return false;
    }
}

bool is_open(size_t t) {
    return t == MiniPyLexer::OPEN_PAREN || t == MiniPyLexer::OPEN_BRACK || t == MiniPyLexer::OPEN_BRACE;
}
bool is_close(size_t t) {
    return t == MiniPyLexer::CLOSE_PAREN || t == MiniPyLexer::CLOSE_BRACK || t == MiniPyLexer::CLOSE_BRACE;
}

// Tokens that end an operand of `or`/`and`/comparisons when scanning for its edges.
bool stops_disjunction(size_t t) {
    if (t >= MiniPyLexer::AND && t <= MiniPyLexer::YIELD) {
        return t != MiniPyLexer::NOT && t != MiniPyLexer::AND && t != MiniPyLexer::OR &&
               t != MiniPyLexer::IS && t != MiniPyLexer::NONE && t != MiniPyLexer::TRUE &&
               t != MiniPyLexer::FALSE;
    }
    switch (t) {
        case MiniPyLexer::COMMA:
        case MiniPyLexer::ASSIGN:
        case MiniPyLexer::COLON:
        case MiniPyLexer::WALRUS:
        case MiniPyLexer::SEMI_COLON:
        case MiniPyLexer::NEWLINE:
        case MiniPyLexer::INDENT:
        case MiniPyLexer::DEDENT:
        case MiniPyLexer::ARROW:
        case Token::EOF:
            return true;
        default:
            return t >= MiniPyLexer::ADD_ASSIGN && t <= MiniPyLexer::IDIV_ASSIGN;
    }
}

class ErrorMapper {
public:
    ErrorMapper(const Source& source, antlr4::CommonTokenStream& tokens,
                const antlr4::RecognitionException& e)
        : source_(source), tokens_(tokens), e_(e), tok_(e.getOffendingToken()) {}

    [[noreturn]] void raise();

private:
    const Token* at(long i) const {
        if (i < 0) return nullptr;
        if (i >= static_cast<long>(tokens_.size())) return tokens_.get(tokens_.size() - 1);
        return tokens_.get(static_cast<size_t>(i));
    }
    size_t type_at(long i) const {
        return at(i) ? at(i)->getType() : static_cast<size_t>(MiniPyLexer::NEWLINE);
    }
    int line(const Token* t) const { return static_cast<int>(t->getLine()); }
    int col(const Token* t) const { return static_cast<int>(t->getCharPositionInLine()); }

    [[noreturn]] void at_token(const std::string& msg, const Token* t,
                               const std::string& type = "SyntaxError");
    [[noreturn]] void between(const std::string& msg, const Token* first, const Token* last);
    void check_indented_block();
    void check_expected_colon();
    void check_try();
    void check_print();
    void check_comma();
    void check_comprehension_target();
    void check_if_expression();
    void check_dict_key();
    void check_walrus_target();
    void check_keyword_generator();
    void check_starred_generator();
    void check_assignment_in_expression();
    template <typename Visit>
    long walk_back(long from, Visit visit) const;
    long operand_start(long last) const;
    long matching_open(long close) const;
    int depth_before(long index) const;

    const Source& source_;
    antlr4::CommonTokenStream& tokens_;
    const antlr4::RecognitionException& e_;
    const Token* tok_;
    long index_ = 0;
};

void ErrorMapper::at_token(const std::string& msg, const Token* t, const std::string& type) {
    if (t->getType() == MiniPyLexer::NEWLINE) source_.fail(msg, line(t), col(t), -1, -1, type);
    auto [end_line, end_col] = token_end(*t);
    source_.fail(msg, line(t), col(t), end_line, end_col, type);
}

void ErrorMapper::between(const std::string& msg, const Token* first, const Token* last) {
    auto [end_line, end_col] = token_end(*last);
    source_.fail(msg, line(first), col(first), end_line, end_col);
}

void ErrorMapper::raise() {
    if (!tok_) source_.fail("invalid syntax", 1, 0);
    index_ = static_cast<long>(tok_->getTokenIndex());
    if (tok_->getType() == MiniPyLexer::INDENT) {
        source_.fail_raw("unexpected indent", line(tok_), utf8_length(tok_->getText()), line(tok_), -1,
                         "IndentationError");
    }
    check_indented_block();
    check_expected_colon();
    check_try();
    check_print();
    check_comma();
    check_comprehension_target();
    check_if_expression();
    check_dict_key();
    check_walrus_target();
    check_keyword_generator();
    check_starred_generator();
    check_assignment_in_expression();
    at_token("invalid syntax", tok_);
}

// `if x:` followed by an unindented line: CPython names the statement that wanted a body.
void ErrorMapper::check_indented_block() {
    auto* block = dynamic_cast<MiniPyParser::BlockContext*>(e_.getCtx());
    if (!block || type_at(index_ - 1) != MiniPyLexer::NEWLINE) return;
    auto* owner = block->parent;
    std::string what;
    if (dynamic_cast<MiniPyParser::If_stmtContext*>(owner)) what = "'if' statement";
    if (dynamic_cast<MiniPyParser::Elif_clauseContext*>(owner)) what = "'elif' statement";
    if (dynamic_cast<MiniPyParser::Else_clauseContext*>(owner)) what = "'else' statement";
    if (dynamic_cast<MiniPyParser::While_stmtContext*>(owner)) what = "'while' statement";
    if (dynamic_cast<MiniPyParser::For_stmtContext*>(owner)) what = "'for' statement";
    if (dynamic_cast<MiniPyParser::Try_stmtContext*>(owner)) what = "'try' statement";
    if (dynamic_cast<MiniPyParser::Except_blockContext*>(owner)) what = "'except' statement";
    if (dynamic_cast<MiniPyParser::Finally_clauseContext*>(owner)) what = "'finally' statement";
    if (dynamic_cast<MiniPyParser::With_stmtContext*>(owner)) what = "'with' statement";
    if (dynamic_cast<MiniPyParser::FuncdefContext*>(owner)) what = "function definition";
    if (dynamic_cast<MiniPyParser::ClassdefContext*>(owner)) what = "class definition";
    if (what.empty()) return;
    auto* header = static_cast<antlr4::ParserRuleContext*>(owner)->getStart();
    std::string msg = "expected an indented block after " + what + " on line " + std::to_string(line(header));
    at_token(msg, tok_, "IndentationError");
}

void ErrorMapper::check_expected_colon() {
    if (tok_->getType() != MiniPyLexer::NEWLINE) return;
    auto expected = e_.getExpectedTokens();
    if (expected.size() == 1 && expected.contains(static_cast<size_t>(MiniPyLexer::COLON)))
        at_token("expected ':'", tok_);
}

void ErrorMapper::check_try() {
    if (!dynamic_cast<MiniPyParser::Try_stmtContext*>(e_.getCtx())) return;
    size_t t = tok_->getType();
    if (t == MiniPyLexer::EXCEPT || t == MiniPyLexer::FINALLY) return;
    // At the end of the text CPython points past the end of the block's last line.
    if (t == MiniPyLexer::DEDENT || t == Token::EOF) {
        long i = index_ - 1;
        while (i > 0 && type_at(i) == MiniPyLexer::DEDENT) --i;
        const Token* last = at(i);
        if (last && last->getType() == MiniPyLexer::NEWLINE)
            source_.fail_raw("expected 'except' or 'finally' block", line(last), col(last) + 1, line(last),
                             -1);
    }
    at_token("expected 'except' or 'finally' block", tok_);
}

// `print "hi"`, `exec code in d`: Python 2's statements get a hint, as CPython's
// invalid_legacy_expression: the name `print` or `exec`, where an expression starts, followed (not by
// `(`) by an expression list. The hint covers the name and the longest expression list that follows
// (`print foo bar` marks `print foo`), each candidate parsed on its own; when none parses
// (`print {1:(foo.)}`), the error is the plain one.
void ErrorMapper::check_print() {
    const Token* prev = at(index_ - 1);
    if (!prev || prev->getType() != MiniPyLexer::NAME) return;
    const std::string& name = prev->getText();
    if (name != "print" && name != "exec") return;
    size_t before = type_at(index_ - 2);
    if (index_ >= 2 && (ends_expression(before) || before == MiniPyLexer::DOT)) return;
    size_t first = tok_->getType();
    if (first == MiniPyLexer::OPEN_PAREN || !(starts_expression(first) || first == MiniPyLexer::NOT)) return;
    // Where the list could end: after any token that closes every bracket it opened, up to the end
    // of the statement or the bracket that closes one opened before it. A bracket never closed is
    // left to the tokenizer's error.
    std::vector<long> ends;
    int depth = 0;
    for (long i = index_;; ++i) {
        size_t t = type_at(i);
        if (t == Token::EOF) return;
        if (is_open(t)) ++depth;
        if (is_close(t) && --depth < 0) break;
        if (depth == 0 && (t == MiniPyLexer::NEWLINE || t == MiniPyLexer::SEMI_COLON)) break;
        if (i - index_ > 200) return;  // a hint is not worth parsing a whole page for
        if (depth == 0) ends.push_back(i);
    }
    // The longest of those runs that parses on its own as one expression statement.
    for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
        std::string text;
        for (long i = index_; i <= *end; ++i) text += at(i)->getText() + " ";
        std::unique_ptr<ast::Module> tree;
        try {
            tree = parse(text, source_.filename());
        } catch (const SyntaxError& e) {
            // A mistake of its own in the whole list (`print 1 if x`) is what CPython reports, as its
            // rule for the list raises first: the later checks here find it at its place.
            if (end == ends.rbegin() && e.info().msg.rfind("invalid syntax", 0) != 0) return;
            continue;
        }
        if (tree->body.size() != 1 || tree->body[0]->kind != ast::StmtKind::Expr) continue;
        between("Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?", prev,
                at(*end));
    }
}

// Bracket depth just before token `index`.
int ErrorMapper::depth_before(long index) const {
    int depth = 0;
    for (long i = 0; i < index; ++i) {
        size_t t = type_at(i);
        depth += is_open(t) ? 1 : is_close(t) ? -1 : 0;
    }
    return depth;
}

// Two expressions side by side inside brackets: CPython suggests the missing comma and
// underlines both of them.
void ErrorMapper::check_comma() {
    size_t t = tok_->getType();
    size_t prev = type_at(index_ - 1);
    if (!starts_expression(t) || !ends_expression(prev) || depth_before(index_) == 0) return;
    if (prev == MiniPyLexer::NAME && t == MiniPyLexer::STRING) return;
    long first = operand_start(index_ - 1);
    long last = index_;
    for (int nest = 0;; ++last) {
        size_t k = type_at(last + 1);
        if (k == Token::EOF) break;
        if (nest == 0 && (is_close(k) || stops_disjunction(k))) break;
        nest += is_open(k) ? 1 : is_close(k) ? -1 : 0;
    }
    between("invalid syntax. Perhaps you forgot a comma?", at(first), at(last));
}

// `[a, b for a, b in c]`: a list or set display whose items are followed by `for`; CPython
// underlines the items, from the first to the last.
void ErrorMapper::check_comprehension_target() {
    size_t t = tok_->getType();
    if (t != MiniPyLexer::FOR && t != MiniPyLexer::ASYNC) return;
    bool comma = false, dict = false;  // a dict display (`{**a, 1: 2 for ...}`) gets no hint
    long open = walk_back(index_ - 1, [&](long, size_t k) {
        comma = comma || k == MiniPyLexer::COMMA;
        dict = dict || k == MiniPyLexer::COLON || k == MiniPyLexer::POWER;
        return true;
    });
    size_t bracket = type_at(open);
    if (!comma || dict || (bracket != MiniPyLexer::OPEN_BRACK && bracket != MiniPyLexer::OPEN_BRACE)) return;
    long last = type_at(index_ - 1) == MiniPyLexer::COMMA ? index_ - 2 : index_ - 1;
    between("did you forget parentheses around the comprehension target?", at(open + 1), at(last));
}

// Walks back from token `from` over whole bracketed groups, calling visit(index, type) for each
// token outside them until it returns false; stops there or at the bracket that encloses `from`.
// The index it stopped at: that token, the enclosing bracket, or -1.
template <typename Visit>
long ErrorMapper::walk_back(long from, Visit visit) const {
    long i = from;
    for (int nest = 0; i >= 0; --i) {
        size_t k = type_at(i);
        if (is_close(k)) {
            nest++;
        } else if (is_open(k)) {
            if (nest-- == 0) break;
        } else if (nest == 0 && !visit(i, k)) {
            break;
        }
    }
    return i;
}

// The first token of the operand of `or`/`and`/comparisons that ends at token `last`.
long ErrorMapper::operand_start(long last) const {
    return walk_back(last, [&](long, size_t k) { return !stops_disjunction(k); }) + 1;
}

// The bracket that the one at `close` closes, or -1.
long ErrorMapper::matching_open(long close) const {
    for (long i = close - 1, nest = 0; i >= 0; --i) {
        size_t k = type_at(i);
        if (is_close(k)) nest++;
        if (is_open(k) && nest-- == 0) return i;
    }
    return -1;
}

// `x = a if b` with no else: CPython underlines from the start of `a` to the end of `b`.
void ErrorMapper::check_if_expression() {
    size_t t = tok_->getType();
    if (t == MiniPyLexer::ELSE || t == MiniPyLexer::COLON || !ends_expression(type_at(index_ - 1))) return;
    long cond = operand_start(index_ - 1);
    if (cond < 2 || cond >= index_ || type_at(cond - 1) != MiniPyLexer::IF) return;
    long if_at = cond - 1;
    if (!ends_expression(type_at(if_at - 1))) return;
    // A comprehension's `if` (a `for` before it in the same brackets) is a condition, not this.
    for (long i = if_at - 1, nest = 0; i >= 0; --i) {
        size_t k = type_at(i);
        if (is_close(k)) nest++;
        if (is_open(k) && nest-- == 0) break;
        if (nest == 0 && (k == MiniPyLexer::FOR || k == MiniPyLexer::NEWLINE)) {
            if (k == MiniPyLexer::FOR) return;
            break;
        }
    }
    long first = operand_start(if_at - 1);
    if (first >= if_at) return;
    between("expected 'else' after 'if' expression", at(first), at(index_ - 1));
}

// `{1: 2, 3}`: an item of a dict display without its value; CPython points at the key's last
// character.
void ErrorMapper::check_dict_key() {
    size_t t = tok_->getType();
    if (t != MiniPyLexer::CLOSE_BRACE && t != MiniPyLexer::COMMA) return;
    if (!ends_expression(type_at(index_ - 1))) return;
    bool dict = false, item_colon = false, in_item = true;
    long item_start = -1;
    bool stopped = false;
    long i = walk_back(index_ - 1, [&](long at, size_t k) {
        if (k == MiniPyLexer::COMMA) {
            if (in_item) item_start = at + 1;
            in_item = false;
        } else if (k == MiniPyLexer::COLON || k == MiniPyLexer::POWER) {
            dict = true;
            if (in_item) item_colon = true;
        } else if (k == MiniPyLexer::FOR || stops_disjunction(k)) {
            stopped = true;
            return false;
        }
        return true;
    });
    if (stopped) return;
    if (i < 0 || type_at(i) != MiniPyLexer::OPEN_BRACE || !dict || item_colon || in_item) return;
    if (item_start >= index_) return;
    auto [end_line, end_col] = token_end(*at(index_ - 1));
    source_.fail_raw("':' expected after dictionary key", end_line, end_col, end_line, 0);
}

// `x.y := 1`: CPython names what the target is.
void ErrorMapper::check_walrus_target() {
    if (tok_->getType() != MiniPyLexer::WALRUS || index_ < 1) return;
    long last = index_ - 1;
    long first = operand_start(last);
    if (first > last) return;
    size_t k = type_at(last);
    std::string what;
    if (k == MiniPyLexer::NAME && last > first && type_at(last - 1) == MiniPyLexer::DOT) {
        what = "attribute";
    } else if (k == MiniPyLexer::CLOSE_BRACK) {
        what = matching_open(last) == first ? "list" : "subscript";
    } else if (k == MiniPyLexer::CLOSE_PAREN) {
        long open = matching_open(last);
        if (open != first) {
            what = "function call";
        } else {
            bool comma = last == first + 1;
            for (long i = first + 1, nest = 0; i < last; ++i) {
                size_t c = type_at(i);
                nest += is_open(c) ? 1 : is_close(c) ? -1 : 0;
                comma |= nest == 0 && c == MiniPyLexer::COMMA;
            }
            if (comma) what = "tuple";
        }
    } else if (first == last && (k == MiniPyLexer::NUMBER || k == MiniPyLexer::STRING)) {
        what = "literal";
    } else if (first == last &&
               (k == MiniPyLexer::TRUE || k == MiniPyLexer::FALSE || k == MiniPyLexer::NONE)) {
        what = at(last)->getText();
    }
    if (what.empty()) return;
    between("cannot use assignment expressions with " + what, at(first), at(last));
}

// `f(x=1 for x in y)`: a keyword argument followed by `for`.
void ErrorMapper::check_keyword_generator() {
    size_t t = tok_->getType();
    if (t != MiniPyLexer::FOR && t != MiniPyLexer::ASYNC) return;
    long name = walk_back(index_ - 1, [](long, size_t k) { return k != MiniPyLexer::COMMA; }) + 1;
    if (name + 1 >= index_ || type_at(name) != MiniPyLexer::NAME || type_at(name + 1) != MiniPyLexer::ASSIGN)
        return;
    between("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at(name), at(name + 1));
}

// `f(*x for x in y)`: a starred call argument followed by `for` (a starred display item or
// generator element parses, and the AST builder refuses it with the same message). ANTLR reports
// the `for`, or the call's `(` when the starred argument comes first. As CPython, a later argument
// gets "Generator expression must be parenthesized" instead, underlined to the generator's end.
void ErrorMapper::check_starred_generator() {
    auto is_for = [](size_t k) { return k == MiniPyLexer::FOR || k == MiniPyLexer::ASYNC; };
    long star = -1, for_at = -1;
    if (is_for(tok_->getType())) {
        for_at = index_;
        star = walk_back(index_ - 1, [](long, size_t k) { return k != MiniPyLexer::COMMA; }) + 1;
    } else if (tok_->getType() == MiniPyLexer::OPEN_PAREN && type_at(index_ + 1) == MiniPyLexer::STAR) {
        star = index_ + 1;
        for (long i = star + 1, nest = 0; type_at(i) != Token::EOF && type_at(i) != MiniPyLexer::NEWLINE;
             ++i) {
            size_t k = type_at(i);
            if (nest == 0 && (k == MiniPyLexer::COMMA || is_close(k))) break;
            if (nest == 0 && is_for(k)) {
                for_at = i;
                break;
            }
            nest += is_open(k) ? 1 : is_close(k) ? -1 : 0;
        }
    }
    if (for_at < 0 || star < 1 || star + 1 >= for_at || type_at(star) != MiniPyLexer::STAR) return;
    if (type_at(star - 1) == MiniPyLexer::OPEN_PAREN)
        between("iterable unpacking cannot be used in comprehension", at(star), at(for_at - 1));
    if (type_at(star - 1) != MiniPyLexer::COMMA) return;
    long last = for_at;
    for (long nest = 0; type_at(last + 1) != Token::EOF && type_at(last + 1) != MiniPyLexer::NEWLINE;
         ++last) {
        size_t k = type_at(last + 1);
        if (nest == 0 && (k == MiniPyLexer::COMMA || is_close(k))) break;
        nest += is_open(k) ? 1 : is_close(k) ? -1 : 0;
    }
    between("Generator expression must be parenthesized", at(star), at(last));
}

// `[x = 1]`, `{'a'=1}`: an `=` where an expression goes (inside a display or subscript, not a
// call's arguments). CPython's invalid_named_expression: after a name it suggests '==' or ':=',
// after another target it names what cannot be assigned to.
void ErrorMapper::check_assignment_in_expression() {
    if (tok_->getType() != MiniPyLexer::ASSIGN || !ends_expression(type_at(index_ - 1))) return;
    long first = operand_start(index_ - 1);
    if (first >= index_ || first < 1) return;
    long open = index_ - 1;
    for (long nest = 0; open >= 0; --open) {
        size_t k = type_at(open);
        if (is_close(k)) nest++;
        if (is_open(k) && nest-- == 0) break;
    }
    if (open < 0 || open >= first) return;
    size_t opener = type_at(open);
    // A call's arguments have their own rules; a dict display wants its ':'.
    if (opener == MiniPyLexer::OPEN_PAREN && open >= 1 && ends_expression(type_at(open - 1))) return;
    for (long i = open + 1, nest = 0; opener == MiniPyLexer::OPEN_BRACE && i < first; ++i) {
        size_t k = type_at(i);
        nest += is_open(k) ? 1 : is_close(k) ? -1 : 0;
        if (nest == 0 && k == MiniPyLexer::COLON) {
            auto [end_line, end_col] = token_end(*at(index_ - 1));
            source_.fail_raw("':' expected after dictionary key", end_line, end_col, end_line, 0);
        }
    }
    // The value: the operand after '=', which may not be followed by another '=' or ':='.
    long last = index_ + 1;
    if (!starts_expression(type_at(last)) && type_at(last) != MiniPyLexer::MINUS) return;
    for (int nest = 0;; ++last) {
        size_t k = type_at(last + 1);
        if (k == Token::EOF) break;
        if (nest == 0 && (is_close(k) || stops_disjunction(k))) break;
        nest += is_open(k) ? 1 : is_close(k) ? -1 : 0;
    }
    size_t after = type_at(last + 1);
    if (after == MiniPyLexer::ASSIGN || after == MiniPyLexer::WALRUS) return;
    long target_last = index_ - 1;
    size_t k = type_at(target_last);
    if (first == target_last && k == MiniPyLexer::NAME)
        between("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at(first), at(last));
    std::string what;
    if (k == MiniPyLexer::NAME && type_at(target_last - 1) == MiniPyLexer::DOT) {
        what = "attribute";
    } else if (k == MiniPyLexer::CLOSE_BRACK && matching_open(target_last) != first) {
        what = "subscript";
    } else if (k == MiniPyLexer::CLOSE_PAREN && matching_open(target_last) != first) {
        what = "function call";
    } else if (first == target_last && (k == MiniPyLexer::NUMBER || k == MiniPyLexer::STRING)) {
        what = "literal";
    }
    if (what.empty()) return;
    between("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?", at(first),
            at(target_last));
}

}  // namespace

// An unclosed bracket wins, as in CPython, when the parser read up to the end of the text or
// past the bracket's line. CPython's parser reads one token beyond an expression it tries to
// parse, so the token after the failing one counts when that one could start an expression.
void raise_parse_error(const Source& source, const Lexer& lexer, antlr4::CommonTokenStream& tokens,
                       const antlr4::RecognitionException& e) {
    const Token* furthest = e.getOffendingToken();
    if (lexer.inside_brackets() && furthest) {
        if (starts_expression(furthest->getType())) furthest = tokens.get(furthest->getTokenIndex() + 1);
        if (furthest->getType() == Token::EOF ||
            static_cast<int>(furthest->getLine()) > lexer.unclosed_line()) {
            lexer.fail_unclosed();
        }
    }
    ErrorMapper(source, tokens, e).raise();
}

}  // namespace minipy::syntax
