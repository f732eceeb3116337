// ast_patterns.cpp — parse tree → AST for the match statement (PEP 634). The grammar reads every
// pattern name as NAME; here they become captures, `_`, value patterns or class patterns, and what
// CPython's pattern grammar rejects is rejected with its messages.
#include "syntax/ast_builder.h"

namespace minipy::syntax {

using namespace ast;
using antlr4::tree::TerminalNode;

namespace {

PatternPtr make_pattern(PatternKind kind, const Pos& pos) {
    auto p = std::make_unique<Pattern>(kind);
    p->pos = pos;
    return p;
}

bool ends_with_comma(antlr4::ParserRuleContext* c) {
    auto* last = dynamic_cast<TerminalNode*>(c->children.back());
    return last && last->getSymbol()->getType() == P::COMMA;
}

bool is_imaginary(const Expr& e) {
    return e.kind == ExprKind::Constant && as<Constant>(e).value_kind == ConstKind::Imag;
}

}  // namespace

StmtPtr AstBuilder::match_stmt(P::Match_stmtContext* c) {
    auto n = std::make_unique<Match>();
    n->pos = span(c);
    n->subject = tuple_or_single(c->subject_expr());
    if (n->subject->kind == ExprKind::Starred) fail_at("invalid syntax", n->subject->pos);
    for (auto* cb : c->case_block()) {
        MatchCase mc;
        mc.pattern = patterns(cb->patterns());
        if (cb->namedexpr_test()) mc.guard = namedexpr_test(cb->namedexpr_test());
        mc.body = block(cb->block());
        n->cases.push_back(std::move(mc));
    }
    return n;
}

// `case a, *b:` is an open sequence pattern; a single pattern without a comma stands alone.
PatternPtr AstBuilder::patterns(P::PatternsContext* c) {
    auto items = c->maybe_star_pattern();
    if (items.size() == 1 && !ends_with_comma(c)) {
        if (items[0]->STAR()) {
            Pos after = span(c->getStop(), c->getStop());  // CPython points just past the pattern
            fail_at("invalid syntax", Pos{after.end_line, after.end_col, after.end_line, after.end_col + 1});
        }
        return pattern(items[0]->pattern());
    }
    return sequence_pattern(c, c);
}

PatternPtr AstBuilder::sequence_pattern(antlr4::ParserRuleContext* c, P::PatternsContext* items) {
    auto p = make_pattern(PatternKind::MatchSequence, span(c));
    if (items) {
        for (auto* item : items->maybe_star_pattern()) p->patterns.push_back(maybe_star_pattern(item));
    }
    return p;
}

PatternPtr AstBuilder::maybe_star_pattern(P::Maybe_star_patternContext* c) {
    if (!c->STAR()) return pattern(c->pattern());
    auto p = make_pattern(PatternKind::MatchStar, span(c));
    if (c->NAME()->getText() != "_") p->name = capture_name(c->NAME());
    return p;
}

// The name a pattern binds: never `__debug__`.
std::string AstBuilder::capture_name(TerminalNode* name) {
    std::string text = name->getText();
    if (text == "__debug__")
        fail_compiler_at("cannot assign to __debug__", span(name->getSymbol(), name->getSymbol()));
    return text;
}

PatternPtr AstBuilder::pattern(P::PatternContext* c) {
    auto* ors = c->or_pattern();
    auto alts = ors->closed_pattern();
    PatternPtr p;
    if (alts.size() == 1) {
        p = closed_pattern(alts[0]);
    } else {
        p = make_pattern(PatternKind::MatchOr, span(ors));
        for (auto* alt : alts) p->patterns.push_back(closed_pattern(alt));
    }
    if (!c->AS()) return p;
    TerminalNode* target = c->NAME();
    if (target->getText() == "_")
        fail_at("cannot use '_' as a target", span(target->getSymbol(), target->getSymbol()));
    auto as_pattern = make_pattern(PatternKind::MatchAs, span(c));
    as_pattern->pattern = std::move(p);
    as_pattern->name = capture_name(target);
    return as_pattern;
}

PatternPtr AstBuilder::closed_pattern(P::Closed_patternContext* c) {
    if (auto* lit = dynamic_cast<P::LiteralPatternContext*>(c)) {
        auto* l = lit->literal_pattern();
        size_t first = l->getStart()->getType();
        if (first == P::NONE || first == P::TRUE || first == P::FALSE) {
            auto p = make_pattern(PatternKind::MatchSingleton, span(c));
            p->value = literal_expr(l);
            return p;
        }
        auto p = make_pattern(PatternKind::MatchValue, span(c));
        p->value = literal_expr(l);
        return p;
    }
    if (auto* name = dynamic_cast<P::NamePatternContext*>(c)) {
        if (name->OPEN_PAREN()) return class_pattern(name);
        auto names = name->name_or_attr()->NAME();
        if (names.size() > 1) {
            auto p = make_pattern(PatternKind::MatchValue, span(c));
            p->value = name_or_attr(name->name_or_attr());
            return p;
        }
        auto p = make_pattern(PatternKind::MatchAs, span(c));
        if (names[0]->getText() != "_") p->name = capture_name(names[0]);
        return p;
    }
    if (auto* paren = dynamic_cast<P::ParenPatternContext*>(c)) {
        auto* items = paren->patterns();
        if (items && items->maybe_star_pattern().size() == 1 && !ends_with_comma(items)) {
            auto* only = items->maybe_star_pattern(0);
            if (only->STAR()) fail_at("invalid syntax", span(paren->getStop(), paren->getStop()));
            return pattern(only->pattern());  // a group pattern is its inner pattern
        }
        return sequence_pattern(c, items);
    }
    if (auto* list = dynamic_cast<P::ListPatternContext*>(c)) return sequence_pattern(c, list->patterns());
    return mapping_pattern(static_cast<P::MappingPatternContext*>(c));
}

// Numbers (signed, or real ± imaginary), strings (not f-strings), None/True/False.
ExprPtr AstBuilder::literal_expr(P::Literal_patternContext* c) {
    Pos pos = span(c);
    size_t first = c->getStart()->getType();
    if (first == P::NONE || first == P::TRUE || first == P::FALSE) {
        auto k = std::make_unique<Constant>();
        k->pos = pos;
        k->value_kind = first == P::NONE   ? ConstKind::None
                        : first == P::TRUE ? ConstKind::True
                                           : ConstKind::False;
        return k;
    }
    if (first == P::STRING) {
        ExprPtr s = strings(c, c->STRING());
        if (s->kind != ExprKind::Constant)
            fail_at("patterns may only match literals and attribute lookups", pos);
        return s;
    }
    auto numbers = c->NUMBER();
    ExprPtr left = number(numbers[0]->getSymbol());
    if (c->getStart()->getType() == P::MINUS) {
        auto neg = std::make_unique<UnaryOp>();
        neg->pos = span(c->getStart(), numbers[0]->getSymbol());
        neg->op = UnaryOpKind::USub;
        neg->operand = std::move(left);
        left = std::move(neg);
    }
    if (numbers.size() == 1) return left;
    ExprPtr right = number(numbers[1]->getSymbol());
    if (is_imaginary(left.get()->kind == ExprKind::UnaryOp ? *as<UnaryOp>(*left).operand : *left)) {
        fail_at("real number required in complex literal", left->pos);
    }
    if (!is_imaginary(*right)) fail_at("imaginary number required in complex literal", right->pos);
    auto sum = std::make_unique<BinOp>();
    sum->pos = pos;
    sum->left = std::move(left);
    sum->op = c->ADD() ? BinOpKind::Add : BinOpKind::Sub;
    sum->right = std::move(right);
    return sum;
}

ExprPtr AstBuilder::name_or_attr(P::Name_or_attrContext* c) {
    auto names = c->NAME();
    auto base = std::make_unique<Name>();
    base->pos = span(names[0]->getSymbol(), names[0]->getSymbol());
    base->id = names[0]->getText();
    ExprPtr e = std::move(base);
    for (size_t i = 1; i < names.size(); ++i) {
        auto a = std::make_unique<Attribute>();
        a->pos = span(c->getStart(), names[i]->getSymbol());
        a->value = std::move(e);
        a->attr = names[i]->getText();
        e = std::move(a);
    }
    return e;
}

PatternPtr AstBuilder::class_pattern(P::NamePatternContext* c) {
    auto p = make_pattern(PatternKind::MatchClass, span(c));
    p->value = name_or_attr(c->name_or_attr());
    if (!c->class_args()) return p;
    for (auto* arg : c->class_args()->class_arg()) {
        PatternPtr sub = pattern(arg->pattern());
        if (!arg->NAME()) {
            if (!p->kwd_patterns.empty()) fail_at("positional patterns follow keyword patterns", sub->pos);
            p->patterns.push_back(std::move(sub));
            continue;
        }
        std::string attr = arg->NAME()->getText();
        for (const auto& seen : p->kwd_attrs) {
            if (seen == attr) fail_at("attribute name repeated in class pattern: " + attr, sub->pos);
        }
        p->kwd_attrs.push_back(attr);
        p->kwd_patterns.push_back(std::move(sub));
    }
    return p;
}

// Keys are literals or dotted names; `**rest` (not `**_`) may only come last.
PatternPtr AstBuilder::mapping_pattern(P::MappingPatternContext* c) {
    auto p = make_pattern(PatternKind::MatchMapping, span(c));
    if (!c->mapping_items()) return p;
    for (auto* item : c->mapping_items()->mapping_item()) {
        if (!p->name.empty()) fail_at("invalid syntax", span(item->getStart(), item->getStart()));
        if (item->POWER()) {
            TerminalNode* rest = item->NAME();
            if (rest->getText() == "_") fail_at("invalid syntax", span(rest->getSymbol(), rest->getSymbol()));
            p->name = capture_name(rest);
            continue;
        }
        if (auto* lit = item->literal_pattern()) {
            p->keys.push_back(literal_expr(lit));
        } else {
            auto* key = item->name_or_attr();
            if (key->NAME().size() == 1)
                fail_at("invalid syntax", span(item->COLON()->getSymbol(), item->COLON()->getSymbol()));
            p->keys.push_back(name_or_attr(key));
        }
        p->patterns.push_back(pattern(item->pattern()));
    }
    return p;
}

}  // namespace minipy::syntax
