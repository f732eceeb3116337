// ast_targets.cpp — assignment, deletion and loop targets: which expressions may be assigned to,
// CPython's messages when they may not, and setting Store/Del contexts.
#include "syntax/ast_builder.h"

namespace minipy::syntax {

using namespace ast;

std::string expr_name(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Attribute:
            return "attribute";
        case ExprKind::Subscript:
            return "subscript";
        case ExprKind::Starred:
            return "starred";
        case ExprKind::Name:
            return "name";
        case ExprKind::List:
            return "list";
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::Call:
            return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        case ExprKind::Await:
            return "await expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "f-string expression";
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::NamedExpr:
            return "named expression";
        case ExprKind::Slice:
            return "slice";
        case ExprKind::Constant:
            break;
    }
    switch (as<Constant>(e).value_kind) {
        case ConstKind::None:
            return "None";
        case ConstKind::True:
            return "True";
        case ConstKind::False:
            return "False";
        case ConstKind::Ellipsis:
            return "ellipsis";
        default:
            return "literal";
    }
}

namespace {

// The first part of `e` that cannot be a target, depth first, as CPython's
// _PyPegen_get_invalid_target finds it; null when all of `e` can be assigned (or deleted).
const Expr* invalid_target(const Expr& e, bool del) {
    switch (e.kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
            return nullptr;
        case ExprKind::Starred:
            return del ? &e : invalid_target(*as<Starred>(e).value, del);
        case ExprKind::List:
        case ExprKind::Tuple:
            for (auto& elt : as<Sequence>(e).elts) {
                if (const Expr* bad = invalid_target(*elt, del)) return bad;
            }
            return nullptr;
        default:
            return &e;
    }
}

// Expressions that CPython's `bitwise_or` rule can produce: only these get the
// "Maybe you meant '==' instead of '='?" hint.
bool is_bitwise_or(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Compare:
        case ExprKind::BoolOp:
        case ExprKind::IfExp:
        case ExprKind::Lambda:
        case ExprKind::NamedExpr:
        case ExprKind::Starred:
        case ExprKind::GeneratorExp:
        case ExprKind::List:
        case ExprKind::Tuple:
            return false;
        case ExprKind::UnaryOp:
            return as<UnaryOp>(e).op != UnaryOpKind::Not;
        case ExprKind::Constant: {
            ConstKind k = as<Constant>(e).value_kind;
            return k != ConstKind::None && k != ConstKind::True && k != ConstKind::False;
        }
        default:
            return true;
    }
}

}  // namespace

// `(*x), y = ...`: a starred target in parentheses, inside a tuple or list target, is the
// parser's error in CPython (its star_targets rule admits none).
void AstBuilder::check_parenthesized_starred(const Expr& e) const {
    if (e.kind != ExprKind::Tuple && e.kind != ExprKind::List) return;
    for (const auto& elt : as<Sequence>(e).elts) {
        if (elt->kind == ExprKind::Starred && parenthesized_.count(elt.get()))
            fail_at("cannot use starred expression here", elt->pos);
        check_parenthesized_starred(*elt);
    }
}

void AstBuilder::check_target(const Expr& e, Target kind) const {
    if (kind == Target::Walrus) {
        if (e.kind != ExprKind::Name)
            fail_at("cannot use assignment expressions with " + expr_name(e), e.pos);
        return;
    }
    const Expr* bad = invalid_target(e, kind == Target::Del);
    if (!bad && kind != Target::Del) check_parenthesized_starred(e);
    if (!bad) return;
    fail_at((kind == Target::Del ? "cannot delete " : "cannot assign to ") + expr_name(*bad), bad->pos);
}

void AstBuilder::set_context(Expr& e, Ctx ctx) const {
    switch (e.kind) {
        case ExprKind::Name:
            as<Name>(e).ctx = ctx;
            break;
        case ExprKind::Attribute:
            as<Attribute>(e).ctx = ctx;
            break;
        case ExprKind::Subscript:
            as<Subscript>(e).ctx = ctx;
            break;
        case ExprKind::Starred:
            as<Starred>(e).ctx = ctx;
            set_context(*as<Starred>(e).value, ctx);
            break;
        case ExprKind::List:
        case ExprKind::Tuple:
            as<Sequence>(e).ctx = ctx;
            for (auto& elt : as<Sequence>(e).elts) set_context(*elt, ctx);
            break;
        default:
            break;
    }
}

ExprPtr AstBuilder::store(ExprPtr e, Target kind) {
    check_target(*e, kind);
    set_context(*e, kind == Target::Del ? Ctx::Del : Ctx::Store);
    return e;
}

// `a = b = value`: CPython's invalid_named_expression rule catches a bad first target written
// right before its `=` (and adds a hint); everything else gets the plain message.
void AstBuilder::check_assign_targets(const ExprList& targets, bool single) const {
    for (size_t i = 0; i < targets.size(); ++i) {
        const Expr& t = *targets[i];
        // `x = yield = 3`: a bare yield (one in parentheses is an atom, with the hint below).
        if ((t.kind == ExprKind::Yield || t.kind == ExprKind::YieldFrom) && !parenthesized_.count(&t))
            fail_at("assignment to yield expression not possible", t.pos);
        const Expr* bad = invalid_target(t, false);
        if (!bad) check_parenthesized_starred(t);
        if (!bad) {
            // `(*a) = 1`: a starred expression in parentheses is the parser's error.
            if (t.kind == ExprKind::Starred && parenthesized_.count(&t))
                fail_at("cannot use starred expression here", t.pos);
            if (t.kind == ExprKind::Starred)
                fail_compiler_at("starred assignment target must be in a list or tuple", t.pos);
            continue;
        }
        const Expr* last = &t;
        if (t.kind == ExprKind::Tuple && !parenthesized_.count(&t) && !as<Sequence>(t).elts.empty()) {
            last = as<Sequence>(t).elts.back().get();
        }
        // In parentheses any expression is an atom, so a bitwise_or in CPython's grammar.
        bool atom = parenthesized_.count(bad) && bad->kind != ExprKind::Starred;
        if (i == 0 && single && bad == last && (atom || is_bitwise_or(*bad))) {
            fail_at("cannot assign to " + expr_name(*bad) + " here. Maybe you meant '==' instead of '='?",
                    bad->pos);
        }
        fail_at("cannot assign to " + expr_name(*bad), bad->pos);
    }
}

void AstBuilder::check_aug_target(const Expr& e) const {
    if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute || e.kind == ExprKind::Subscript) return;
    fail_at("'" + expr_name(e) + "' is an illegal expression for augmented assignment", e.pos);
}

void AstBuilder::check_ann_target(const Expr& e) const {
    if (e.kind == ExprKind::Tuple) fail_at("only single target (not tuple) can be annotated", e.pos);
    if (e.kind == ExprKind::List) fail_at("only single target (not list) can be annotated", e.pos);
    if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute || e.kind == ExprKind::Subscript) return;
    fail_at("illegal target for annotation", e.pos);
}

}  // namespace minipy::syntax
