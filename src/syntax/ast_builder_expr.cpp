// ast_builder_expr.cpp — parse tree → AST for expressions: operators, atoms, trailers (calls,
// subscripts, attributes), displays and comprehensions.
#include "syntax/ast_builder.h"

namespace minipy::syntax {

using namespace ast;
using antlr4::tree::TerminalNode;

namespace {

template <typename T>
std::unique_ptr<T> node(const Pos& pos) {
    auto n = std::make_unique<T>();
    n->pos = pos;
    return n;
}

BinOpKind bin_op(size_t type) {
#define MINIPY_TOKEN_CASE(name, ast_name, symbol, stem, token, assign_token) \
    case P::token:                                                           \
        return BinOpKind::ast_name;
    switch (type) {
        MINIPY_BINARY_OPERATORS(MINIPY_TOKEN_CASE)
        default:
            return BinOpKind::Add;  // the grammar allows no other token here
    }
#undef MINIPY_TOKEN_CASE
}

CmpOpKind cmp_op(P::Comp_opContext* c) {
    switch (c->getStart()->getType()) {
        case P::LESS_THAN:
            return CmpOpKind::Lt;
        case P::GREATER_THAN:
            return CmpOpKind::Gt;
        case P::EQUALS:
            return CmpOpKind::Eq;
        case P::GT_EQ:
            return CmpOpKind::GtE;
        case P::LT_EQ:
            return CmpOpKind::LtE;
        case P::IN:
            return CmpOpKind::In;
        case P::NOT:
            return CmpOpKind::NotIn;
        case P::IS:
            return c->children.size() > 1 ? CmpOpKind::IsNot : CmpOpKind::Is;
        default:
            return CmpOpKind::NotEq;
    }
}

bool ends_with_comma(antlr4::ParserRuleContext* c) {
    auto* last = dynamic_cast<TerminalNode*>(c->children.back());
    return last && last->getSymbol()->getType() == P::COMMA;
}

// Most expressions are a single atom wrapped in a dozen one-child rule levels; following the
// only child directly skips the generated accessors' dynamic_casts (the builder's hot spot).
template <typename T>
T* only_child(antlr4::ParserRuleContext* c) {
    return c->children.size() == 1 ? static_cast<T*>(c->children[0]) : nullptr;
}

size_t rule_children(antlr4::ParserRuleContext* c) {
    size_t n = 0;
    for (auto* child : c->children) n += dynamic_cast<TerminalNode*>(child) == nullptr;
    return n;
}

}  // namespace

// One element of a comma-separated list, whatever rule the grammar uses there.
ExprPtr AstBuilder::element(antlr4::tree::ParseTree* t) {
    if (auto* c = dynamic_cast<P::TestContext*>(t)) return test(c);
    if (auto* c = dynamic_cast<P::ExprContext*>(t)) return expr(c);
    if (auto* c = dynamic_cast<P::Star_exprContext*>(t)) return star_expr(c);
    if (auto* c = dynamic_cast<P::Namedexpr_testContext*>(t)) return namedexpr_test(c);
    return subscript(static_cast<P::SubscriptContext*>(t));
}

// The element of a list, set or generator comprehension: never starred (CPython's parser rule
// invalid_comprehension).
ExprPtr AstBuilder::comprehension_element(antlr4::tree::ParseTree* t) {
    if (auto* c = dynamic_cast<P::Star_exprContext*>(t))
        fail_at("iterable unpacking cannot be used in comprehension", span(c));
    return element(t);
}

// `a` stays an expression; `a,` and `a, b` become a Tuple.
ExprPtr AstBuilder::tuple_or_single(antlr4::ParserRuleContext* c) {
    if (rule_children(c) == 1 && !ends_with_comma(c)) return element(c->children[0]);
    auto n = std::make_unique<Sequence>(ExprKind::Tuple);
    n->pos = span(c);
    for (auto* child : c->children) {
        if (!dynamic_cast<TerminalNode*>(child)) n->elts.push_back(element(child));
    }
    return n;
}

ExprPtr AstBuilder::namedexpr_test(P::Namedexpr_testContext* c) {
    if (auto* t = only_child<P::TestContext>(c)) return test(t);
    if (!c->WALRUS()) return test(c->test(0));
    auto n = node<NamedExpr>(span(c));
    n->target = store(test(c->test(0)), Target::Walrus);
    n->value = test(c->test(1));
    return n;
}

ExprPtr AstBuilder::test(P::TestContext* c) {
    if (c->children.size() == 1 && c->getStart()->getType() != P::LAMBDA) {
        return or_test(static_cast<P::Or_testContext*>(c->children[0]));
    }
    if (auto* l = c->lambdef()) return lambda(l, l->lambda_params(), test(l->test()));
    auto ors = c->or_test();
    if (ors.size() == 1) return or_test(ors[0]);
    auto n = node<IfExp>(span(c));
    n->body = or_test(ors[0]);
    n->test = or_test(ors[1]);
    n->orelse = test(c->test());
    return n;
}

ExprPtr AstBuilder::test_nocond(P::Test_nocondContext* c) {
    if (auto* l = c->lambdef_nocond()) return lambda(l, l->lambda_params(), test_nocond(l->test_nocond()));
    return or_test(c->or_test());
}

ExprPtr AstBuilder::lambda(antlr4::ParserRuleContext* c, P::Lambda_paramsContext* params, ExprPtr body) {
    auto n = node<Lambda>(span(c));
    if (params) lambda_parameters(params, n->args);
    n->body = std::move(body);
    return n;
}

ExprPtr AstBuilder::or_test(P::Or_testContext* c) {
    if (auto* t = only_child<P::And_testContext>(c)) return and_test(t);
    auto parts = c->and_test();
    if (parts.size() == 1) return and_test(parts[0]);
    auto n = node<BoolOp>(span(c));
    n->op = BoolOpKind::Or;
    for (auto* p : parts) n->values.push_back(and_test(p));
    return n;
}

ExprPtr AstBuilder::and_test(P::And_testContext* c) {
    if (auto* t = only_child<P::Not_testContext>(c)) return not_test(t);
    auto parts = c->not_test();
    if (parts.size() == 1) return not_test(parts[0]);
    auto n = node<BoolOp>(span(c));
    n->op = BoolOpKind::And;
    for (auto* p : parts) n->values.push_back(not_test(p));
    return n;
}

ExprPtr AstBuilder::not_test(P::Not_testContext* c) {
    if (auto* t = only_child<P::ComparisonContext>(c)) return comparison(t);
    if (!c->NOT()) return comparison(c->comparison());
    auto n = node<UnaryOp>(span(c));
    n->op = UnaryOpKind::Not;
    n->operand = not_test(c->not_test());
    return n;
}

ExprPtr AstBuilder::comparison(P::ComparisonContext* c) {
    if (auto* t = only_child<P::ExprContext>(c)) return expr(t);
    auto operands = c->expr();
    if (operands.size() == 1) return expr(operands[0]);
    auto n = node<Compare>(span(c));
    n->left = expr(operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        n->ops.push_back(cmp_op(c->comp_op(i - 1)));
        n->comparators.push_back(expr(operands[i]));
    }
    return n;
}

ExprPtr AstBuilder::star_expr(P::Star_exprContext* c) {
    auto n = node<Starred>(span(c));
    n->value = expr(c->expr());
    return n;
}

// `a op b op c` rules: the children alternate operand, operator token, operand.
template <typename Operand>
ExprPtr AstBuilder::binary_chain(antlr4::ParserRuleContext* c, Operand operand) {
    ExprPtr left = operand(c->children[0]);
    for (size_t i = 1; i + 1 < c->children.size(); i += 2) {
        ExprPtr right = operand(c->children[i + 1]);
        // From the operands' tokens, not their nodes: a parenthesized operand's span leaves out
        // its parentheses, CPython's BinOp keeps them (`(a+b)*c` starts at the parenthesis).
        auto* last = static_cast<antlr4::ParserRuleContext*>(c->children[i + 1]);
        auto n = node<BinOp>(span(c->getStart(), last->getStop()));
        n->op = bin_op(static_cast<TerminalNode*>(c->children[i])->getSymbol()->getType());
        n->left = std::move(left);
        n->right = std::move(right);
        left = std::move(n);
    }
    return left;
}

ExprPtr AstBuilder::expr(P::ExprContext* c) {
    return binary_chain(c, [this](auto* t) { return xor_expr(static_cast<P::Xor_exprContext*>(t)); });
}
ExprPtr AstBuilder::xor_expr(P::Xor_exprContext* c) {
    return binary_chain(c, [this](auto* t) { return and_expr(static_cast<P::And_exprContext*>(t)); });
}
ExprPtr AstBuilder::and_expr(P::And_exprContext* c) {
    return binary_chain(c, [this](auto* t) { return shift_expr(static_cast<P::Shift_exprContext*>(t)); });
}
ExprPtr AstBuilder::shift_expr(P::Shift_exprContext* c) {
    return binary_chain(c, [this](auto* t) { return arith_expr(static_cast<P::Arith_exprContext*>(t)); });
}
ExprPtr AstBuilder::arith_expr(P::Arith_exprContext* c) {
    return binary_chain(c, [this](auto* t) { return term(static_cast<P::TermContext*>(t)); });
}
ExprPtr AstBuilder::term(P::TermContext* c) {
    return binary_chain(c, [this](auto* t) { return factor(static_cast<P::FactorContext*>(t)); });
}

ExprPtr AstBuilder::factor(P::FactorContext* c) {
    if (auto* t = only_child<P::PowerContext>(c)) return power(t);
    if (c->power()) return power(c->power());
    auto n = node<UnaryOp>(span(c));
    size_t op = c->getStart()->getType();
    n->op = op == P::ADD ? UnaryOpKind::UAdd : op == P::MINUS ? UnaryOpKind::USub : UnaryOpKind::Invert;
    n->operand = factor(c->factor());
    return n;
}

ExprPtr AstBuilder::power(P::PowerContext* c) {
    if (auto* t = only_child<P::Atom_exprContext>(c)) return atom_expr(t);
    if (!c->POWER()) return atom_expr(c->atom_expr());
    auto n = node<BinOp>(span(c));
    n->left = atom_expr(c->atom_expr());
    n->op = BinOpKind::Pow;
    n->right = factor(c->factor());
    return n;
}

ExprPtr AstBuilder::atom_expr(P::Atom_exprContext* c) {
    if (auto* t = only_child<P::AtomContext>(c)) return atom(t);
    ExprPtr e = atom(c->atom());
    // The trailers' nodes start at the atom; only the Await around them starts at `await`.
    for (auto* t : c->trailer()) e = trailer(std::move(e), t, c->atom());
    if (!c->AWAIT()) return e;
    auto n = node<Await>(span(c));
    n->value = std::move(e);
    return n;
}

ExprPtr AstBuilder::trailer(ExprPtr base, P::TrailerContext* t, antlr4::ParserRuleContext* whole) {
    Pos pos = span(whole->getStart(), t->getStop());
    if (auto* call = dynamic_cast<P::CallTrailerContext*>(t)) {
        auto n = node<Call>(pos);
        n->func = std::move(base);
        if (call->arglist()) call_arguments(call->arglist(), n->args, n->keywords);
        return n;
    }
    if (auto* sub = dynamic_cast<P::SubscriptTrailerContext*>(t)) {
        auto n = node<Subscript>(pos);
        n->value = std::move(base);
        n->slice = tuple_or_single(sub->subscriptlist());
        // `a[*b]` indexes with a one-item tuple, as CPython's `slices` rule reads it (PEP 646).
        if (n->slice->kind == ExprKind::Starred) {
            auto t = std::make_unique<Sequence>(ExprKind::Tuple);
            t->pos = n->slice->pos;
            t->elts.push_back(std::move(n->slice));
            n->slice = std::move(t);
        }
        return n;
    }
    auto n = node<Attribute>(pos);
    n->value = std::move(base);
    n->attr = static_cast<P::AttrTrailerContext*>(t)->NAME()->getText();
    return n;
}

ExprPtr AstBuilder::subscript(P::SubscriptContext* c) {
    if (auto* i = dynamic_cast<P::IndexSubscriptContext*>(c)) return namedexpr_test(i->namedexpr_test());
    if (auto* s = dynamic_cast<P::StarSubscriptContext*>(c)) return star_expr(s->star_expr());
    auto* s = static_cast<P::SliceSubscriptContext*>(c);
    auto n = node<Slice>(span(c));
    if (s->lower) n->lower = test(s->lower);
    if (s->upper) n->upper = test(s->upper);
    if (s->sliceop() && s->sliceop()->test()) n->step = test(s->sliceop()->test());
    return n;
}

// The first token tells the alternative apart, which is cheaper than trying each label's class.
ExprPtr AstBuilder::atom(P::AtomContext* c) {
    Pos pos = span(c);
    auto n = node<Constant>(pos);
    switch (c->getStart()->getType()) {
        case P::NAME: {
            auto name = node<Name>(pos);
            name->id = c->getStart()->getText();
            return name;
        }
        case P::NUMBER:
            return number(c->getStart());
        case P::STRING:
            return strings(c, static_cast<P::StringAtomContext*>(c)->STRING());
        case P::OPEN_PAREN:
            return paren_atom(static_cast<P::ParenAtomContext*>(c));
        case P::OPEN_BRACK:
            return list_atom(static_cast<P::ListAtomContext*>(c));
        case P::OPEN_BRACE:
            return dict_atom(static_cast<P::DictAtomContext*>(c));
        case P::ELLIPSIS:
            n->value_kind = ConstKind::Ellipsis;
            break;
        case P::TRUE:
            n->value_kind = ConstKind::True;
            break;
        case P::FALSE:
            n->value_kind = ConstKind::False;
            break;
        default:
            break;
    }
    return n;
}

ExprPtr AstBuilder::paren_atom(P::ParenAtomContext* c) {
    Pos pos = span(c);
    if (c->yield_expr()) {
        auto e = yield_expr(c->yield_expr());
        parenthesized_.insert(e.get());
        return e;
    }
    auto* list = c->testlist_comp();
    if (!list) {
        auto empty = std::make_unique<Sequence>(ExprKind::Tuple);
        empty->pos = pos;
        return empty;
    }
    if (list->comp_for()) {
        auto n = std::make_unique<Comp>(ExprKind::GeneratorExp);
        n->pos = pos;
        n->elt = comprehension_element(list->children[0]);
        comp_for(list->comp_for(), n->generators);
        return n;
    }
    ExprPtr e = tuple_or_single(list);
    // A tuple spans its own parentheses, not the extra ones around them: `((1, 2))`.
    if (e->kind == ExprKind::Tuple && !parenthesized_.count(e.get())) e->pos = pos;
    parenthesized_.insert(e.get());
    return e;
}

ExprPtr AstBuilder::list_atom(P::ListAtomContext* c) {
    auto* list = c->testlist_comp();
    if (list && list->comp_for()) {
        auto n = std::make_unique<Comp>(ExprKind::ListComp);
        n->pos = span(c);
        n->elt = comprehension_element(list->children[0]);
        comp_for(list->comp_for(), n->generators);
        return n;
    }
    auto n = std::make_unique<Sequence>(ExprKind::List);
    n->pos = span(c);
    if (!list) return n;
    for (auto* child : list->children) {
        if (!dynamic_cast<TerminalNode*>(child)) n->elts.push_back(element(child));
    }
    return n;
}

ExprPtr AstBuilder::dict_atom(P::DictAtomContext* c) {
    Pos pos = span(c);
    auto* maker = c->dictorsetmaker();
    if (auto* d = dynamic_cast<P::DictMakerContext*>(maker)) {
        auto items = d->dict_item();
        if (d->comp_for()) {
            if (auto* stars = items[0]->POWER())
                fail_at("dict unpacking cannot be used in dict comprehension",
                        span(stars->getSymbol(), stars->getSymbol()));
            auto n = std::make_unique<Comp>(ExprKind::DictComp);
            n->pos = pos;
            n->key = test(items[0]->test(0));
            n->value = test(items[0]->test(1));
            comp_for(d->comp_for(), n->generators);
            return n;
        }
        auto n = node<Dict>(pos);
        for (auto* item : items) {
            n->keys.push_back(item->POWER() ? nullptr : test(item->test(0)));
            n->values.push_back(item->POWER() ? expr(item->expr()) : test(item->test(1)));
        }
        return n;
    }
    if (!maker) return node<Dict>(pos);
    auto* s = static_cast<P::SetMakerContext*>(maker);
    if (s->comp_for()) {
        auto n = std::make_unique<Comp>(ExprKind::SetComp);
        n->pos = pos;
        n->elt = comprehension_element(s->children[0]);
        comp_for(s->comp_for(), n->generators);
        return n;
    }
    auto n = node<Set>(pos);
    for (auto* child : s->children) {
        if (!dynamic_cast<TerminalNode*>(child)) n->elts.push_back(element(child));
    }
    return n;
}

ExprPtr AstBuilder::yield_expr(P::Yield_exprContext* c) {
    if (c->FROM()) {
        auto n = node<YieldFrom>(span(c));
        n->value = test(c->test());
        return n;
    }
    auto n = node<Yield>(span(c));
    if (c->testlist_star_expr()) n->value = tuple_or_single(c->testlist_star_expr());
    return n;
}

// Each `for` clause is one Comprehension; the `if`s after it are its filters.
void AstBuilder::comp_for(P::Comp_forContext* c, std::vector<Comprehension>& out) {
    Comprehension g;
    g.target = store(tuple_or_single(c->exprlist()), Target::For);
    g.iter = or_test(c->or_test());
    g.is_async = c->ASYNC() != nullptr;
    out.push_back(std::move(g));
    for (auto* it = c->comp_iter(); it;) {
        if (it->comp_for()) return comp_for(it->comp_for(), out);
        auto* cond = it->comp_if();
        out.back().ifs.push_back(test_nocond(cond->test_nocond()));
        it = cond->comp_iter();
    }
}

}  // namespace minipy::syntax
