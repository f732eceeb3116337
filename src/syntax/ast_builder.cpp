// ast_builder.cpp — parse tree → AST for modules and statements. Expressions are built in
// ast_builder_expr.cpp, parameters in ast_params.cpp, targets checked in ast_targets.cpp.
#include "syntax/ast_builder.h"

#include "syntax/tokens.h"

namespace minipy::syntax {

using namespace ast;

namespace {

template <typename T>
std::unique_ptr<T> node(const Pos& pos) {
    auto n = std::make_unique<T>();
    n->pos = pos;
    return n;
}

std::unique_ptr<SimpleStmt> simple(StmtKind kind, const Pos& pos) {
    auto n = std::make_unique<SimpleStmt>(kind);
    n->pos = pos;
    return n;
}

BinOpKind aug_op(size_t type) {
#define MINIPY_ASSIGN_TOKEN_CASE(name, ast_name, symbol, stem, token, assign_token) \
    case P::assign_token:                                                           \
        return BinOpKind::ast_name;
    switch (type) {
        MINIPY_BINARY_OPERATORS(MINIPY_ASSIGN_TOKEN_CASE)
        default:
            return BinOpKind::Add;  // the grammar allows no other token here
    }
#undef MINIPY_ASSIGN_TOKEN_CASE
}

const StmtList& last_nonempty(const StmtList& a, const StmtList& b) { return b.empty() ? a : b; }

std::string dotted(P::Dotted_nameContext* c) {
    std::string name;
    for (auto* n : c->NAME()) name += (name.empty() ? "" : ".") + n->getText();
    return name;
}

}  // namespace

Pos AstBuilder::span(antlr4::Token* start, antlr4::Token* stop) const {
    Pos p;
    p.line = static_cast<int>(start->getLine());
    p.col = static_cast<int>(start->getCharPositionInLine());
    auto [end_line, end_col] = token_end(*stop);
    p.end_line = end_line;
    p.end_col = end_col;
    if (p.line == 1) p.col += col_delta_;
    if (p.end_line == 1) p.end_col += col_delta_;
    p.line += line_delta_;
    p.end_line += line_delta_;
    return p;
}

Pos AstBuilder::span(antlr4::ParserRuleContext* c) const { return span(c->getStart(), c->getStop()); }

void AstBuilder::fail_at(const std::string& msg, const Pos& pos) const {
    source_.fail(msg, pos.line, pos.col, pos.end_line, pos.end_col);
}

void AstBuilder::fail_compiler_at(const std::string& msg, const Pos& pos) const {
    source_.fail_compiler(msg, pos.line, pos.col, pos.end_line, pos.end_col);
}

// CPython ends a compound statement at the last token of its last block: where its last statement
// ends, or at the `;` after it (not at the NEWLINE or DEDENT that closes the block in the parse tree).
void AstBuilder::end_with(Pos& pos, const StmtList& last_block) const {
    if (last_block.empty()) return;
    const Stmt* last = last_block.back().get();
    auto semicolon = semicolon_ends_.find(last);
    const Pos& end = semicolon != semicolon_ends_.end() ? semicolon->second : last->pos;
    pos.end_line = end.end_line;
    pos.end_col = end.end_col;
}

void AstBuilder::end_compound(Stmt& s) const {
    switch (s.kind) {
        case StmtKind::FunctionDef:
            return end_with(s.pos, as<FunctionDef>(s).body);
        case StmtKind::ClassDef:
            return end_with(s.pos, as<ClassDef>(s).body);
        case StmtKind::With:
            return end_with(s.pos, as<With>(s).body);
        case StmtKind::While:
            return end_with(s.pos, last_nonempty(as<While>(s).body, as<While>(s).orelse));
        case StmtKind::If:
            return end_with(s.pos, last_nonempty(as<If>(s).body, as<If>(s).orelse));
        case StmtKind::For:
            return end_with(s.pos, last_nonempty(as<For>(s).body, as<For>(s).orelse));
        case StmtKind::Try: {
            auto& t = as<Try>(s);
            if (!t.finalbody.empty() || !t.orelse.empty())
                return end_with(s.pos, last_nonempty(t.orelse, t.finalbody));
            if (!t.handlers.empty()) {
                s.pos.end_line = t.handlers.back().pos.end_line;
                s.pos.end_col = t.handlers.back().pos.end_col;
                return;
            }
            return end_with(s.pos, t.body);
        }
        case StmtKind::Match:
            if (!as<Match>(s).cases.empty()) end_with(s.pos, as<Match>(s).cases.back().body);
            return;
        default:
            return;
    }
}

std::unique_ptr<Module> AstBuilder::module(P::File_inputContext* c) {
    auto m = std::make_unique<Module>();
    for (auto* s : c->stmt()) stmt(s, m->body);
    m->warnings = std::move(warnings_);
    return m;
}

ExprPtr AstBuilder::eval(P::Eval_inputContext* c) { return tuple_or_single(c->testlist()); }

void AstBuilder::stmt(P::StmtContext* c, StmtList& out) {
    if (c->simple_stmts()) return simple_stmts(c->simple_stmts(), out);
    out.push_back(compound_stmt(c->compound_stmt()));
}

void AstBuilder::simple_stmts(P::Simple_stmtsContext* c, StmtList& out) {
    for (auto* s : c->simple_stmt()) out.push_back(simple_stmt(s));
    if (c->SEMI_COLON().size() == c->simple_stmt().size()) {
        antlr4::Token* semicolon = c->SEMI_COLON().back()->getSymbol();
        semicolon_ends_[out.back().get()] = span(semicolon, semicolon);
    }
}

StmtList AstBuilder::block(P::BlockContext* c) {
    StmtList body;
    if (c->simple_stmts()) {
        simple_stmts(c->simple_stmts(), body);
    } else {
        for (auto* s : c->stmt()) stmt(s, body);
    }
    return body;
}

StmtList AstBuilder::else_block(P::Else_clauseContext* c) { return c ? block(c->block()) : StmtList{}; }

StmtPtr AstBuilder::simple_stmt(P::Simple_stmtContext* c) {
    Pos pos = span(c);
    if (c->expr_stmt()) return expr_stmt(c->expr_stmt());
    if (c->pass_stmt()) return simple(StmtKind::Pass, pos);
    if (c->flow_stmt()) return flow_stmt(c->flow_stmt());
    if (c->import_stmt()) return import_stmt(c->import_stmt());
    if (auto* d = c->del_stmt()) {
        auto n = node<Delete>(pos);
        auto* list = d->exprlist();
        for (auto* child : list->children) {
            if (dynamic_cast<antlr4::tree::TerminalNode*>(child)) continue;
            n->targets.push_back(store(element(child), Target::Del));
        }
        return n;
    }
    if (auto* a = c->assert_stmt()) {
        auto n = node<Assert>(pos);
        n->test = test(a->test(0));
        if (a->test().size() > 1) n->msg = test(a->test(1));
        return n;
    }
    auto* g = c->global_stmt();
    auto n = std::make_unique<NameListStmt>(g ? StmtKind::Global : StmtKind::Nonlocal);
    n->pos = pos;
    for (auto* name : g ? g->NAME() : c->nonlocal_stmt()->NAME()) n->names.push_back(name->getText());
    return n;
}

StmtPtr AstBuilder::expr_stmt(P::Expr_stmtContext* c) {
    if (c->annassign()) return ann_assign(c);
    if (c->augassign()) return aug_assign(c);
    if (c->ASSIGN().empty()) {
        auto n = node<ExprStmt>(span(c));
        n->value = tuple_or_single(c->testlist_star_expr(0));
        return n;
    }
    return assign(c);
}

StmtPtr AstBuilder::assign(P::Expr_stmtContext* c) {
    auto n = node<Assign>(span(c));
    for (auto* child : c->children) {
        if (dynamic_cast<antlr4::tree::TerminalNode*>(child)) continue;
        n->targets.push_back(dynamic_cast<P::Yield_exprContext*>(child)
                                 ? yield_expr(static_cast<P::Yield_exprContext*>(child))
                                 : tuple_or_single(static_cast<antlr4::ParserRuleContext*>(child)));
    }
    n->value = std::move(n->targets.back());
    n->targets.pop_back();
    check_assign_targets(n->targets, n->targets.size() == 1);
    for (auto& t : n->targets) set_context(*t, Ctx::Store);
    return n;
}

StmtPtr AstBuilder::ann_assign(P::Expr_stmtContext* c) {
    auto n = node<AnnAssign>(span(c));
    auto* ann = c->annassign();
    n->target = tuple_or_single(c->testlist_star_expr(0));
    check_ann_target(*n->target);
    n->simple = n->target->kind == ExprKind::Name && !parenthesized_.count(n->target.get());
    set_context(*n->target, Ctx::Store);
    n->annotation = test(ann->test());
    if (ann->yield_expr()) n->value = yield_expr(ann->yield_expr());
    if (ann->testlist_star_expr()) n->value = tuple_or_single(ann->testlist_star_expr());
    return n;
}

StmtPtr AstBuilder::aug_assign(P::Expr_stmtContext* c) {
    auto n = node<AugAssign>(span(c));
    n->target = tuple_or_single(c->testlist_star_expr(0));
    check_aug_target(*n->target);
    set_context(*n->target, Ctx::Store);
    n->op = aug_op(c->augassign()->getStart()->getType());
    n->value = c->yield_expr().empty() ? tuple_or_single(c->testlist()) : yield_expr(c->yield_expr(0));
    return n;
}

StmtPtr AstBuilder::flow_stmt(P::Flow_stmtContext* c) {
    Pos pos = span(c);
    if (c->break_stmt()) return simple(StmtKind::Break, pos);
    if (c->continue_stmt()) return simple(StmtKind::Continue, pos);
    if (auto* r = c->return_stmt()) {
        auto n = node<Return>(pos);
        if (r->testlist_star_expr()) n->value = tuple_or_single(r->testlist_star_expr());
        return n;
    }
    if (auto* r = c->raise_stmt()) {
        auto n = node<Raise>(pos);
        if (!r->test().empty()) n->exc = test(r->test(0));
        if (r->test().size() > 1) n->cause = test(r->test(1));
        return n;
    }
    auto n = node<ExprStmt>(pos);
    n->value = yield_expr(c->yield_stmt()->yield_expr());
    return n;
}

StmtPtr AstBuilder::import_stmt(P::Import_stmtContext* c) {
    Pos pos = span(c);
    if (auto* in = c->import_name()) {
        auto n = node<Import>(pos);
        for (auto* d : in->dotted_as_names()->dotted_as_name()) {
            n->names.push_back({dotted(d->dotted_name()), d->NAME() ? d->NAME()->getText() : "", span(d)});
        }
        return n;
    }
    auto* f = c->import_from();
    auto n = node<ImportFrom>(pos);
    for (auto* dots : f->import_dots()) n->level += dots->ELLIPSIS() ? 3 : 1;
    if (f->dotted_name()) n->module = dotted(f->dotted_name());
    if (f->STAR()) {
        n->names.push_back({"*", "", span(f->STAR()->getSymbol(), f->STAR()->getSymbol())});
        return n;
    }
    for (auto* a : f->import_as_names()->import_as_name()) {
        n->names.push_back({a->NAME(0)->getText(), a->AS() ? a->NAME(1)->getText() : "", span(a)});
    }
    return n;
}

StmtPtr AstBuilder::compound_stmt(P::Compound_stmtContext* c) {
    StmtPtr n = compound_stmt_node(c);
    end_compound(*n);
    return n;
}

StmtPtr AstBuilder::compound_stmt_node(P::Compound_stmtContext* c) {
    if (c->if_stmt()) return if_stmt(c->if_stmt());
    if (auto* w = c->while_stmt()) {
        auto n = node<While>(span(w));
        n->test = namedexpr_test(w->namedexpr_test());
        n->body = block(w->block());
        n->orelse = else_block(w->else_clause());
        return n;
    }
    if (c->for_stmt()) return for_stmt(c->for_stmt());
    if (c->try_stmt()) return try_stmt(c->try_stmt());
    if (c->with_stmt()) return with_stmt(c->with_stmt());
    if (c->funcdef()) return funcdef(c->funcdef(), {});
    if (c->classdef()) return classdef(c->classdef(), {});
    if (c->async_stmt()) return async_stmt(c->async_stmt());
    if (c->match_stmt()) return match_stmt(c->match_stmt());
    return decorated(c->decorated());
}

// `async def`, `async for`, `async with`: the plain statement marked async, its position starting
// at `async` as in CPython.
StmtPtr AstBuilder::async_stmt(P::Async_stmtContext* c) {
    StmtPtr n;
    if (c->funcdef()) {
        n = funcdef(c->funcdef(), {});
        as<FunctionDef>(*n).is_async = true;
    } else if (c->for_stmt()) {
        n = for_stmt(c->for_stmt());
        as<For>(*n).is_async = true;
    } else {
        n = with_stmt(c->with_stmt());
        as<With>(*n).is_async = true;
    }
    n->pos = span(c);
    return n;
}

// `elif` chains become an If nested alone in the previous orelse, built from the last one up.
StmtPtr AstBuilder::if_stmt(P::If_stmtContext* c) {
    StmtList orelse = else_block(c->else_clause());
    auto clauses = c->elif_clause();
    for (auto it = clauses.rbegin(); it != clauses.rend(); ++it) {
        Pos pos = span((*it)->getStart(), c->getStop());
        auto n = node<If>(pos);
        n->test = namedexpr_test((*it)->namedexpr_test());
        n->body = block((*it)->block());
        n->orelse = std::move(orelse);
        end_compound(*n);
        orelse.clear();
        orelse.push_back(std::move(n));
    }
    auto n = node<If>(span(c));
    n->test = namedexpr_test(c->namedexpr_test());
    n->body = block(c->block());
    n->orelse = std::move(orelse);
    return n;
}

StmtPtr AstBuilder::for_stmt(P::For_stmtContext* c) {
    auto n = node<For>(span(c));
    n->target = store(tuple_or_single(c->exprlist()), Target::For);
    n->iter = tuple_or_single(c->testlist_star_expr());
    n->body = block(c->block());
    n->orelse = else_block(c->else_clause());
    return n;
}

StmtPtr AstBuilder::try_stmt(P::Try_stmtContext* c) {
    auto n = node<Try>(span(c));
    n->body = block(c->block());
    auto clauses = c->except_block();
    n->is_star = !clauses.empty() && clauses[0]->STAR();
    for (auto* e : clauses) {
        if ((e->STAR() != nullptr) != n->is_star) {
            antlr4::Token* last = e->STAR() ? e->STAR()->getSymbol() : e->EXCEPT()->getSymbol();
            fail_at("cannot have both 'except' and 'except*' on the same 'try'", span(e->getStart(), last));
        }
        if (e->STAR() && !e->test())
            fail_at("expected one or more exception types",
                    span(e->COLON()->getSymbol(), e->COLON()->getSymbol()));
        ExceptHandler h;
        h.pos = span(e);
        if (e->test()) h.type = test(e->test());
        if (e->NAME()) h.name = e->NAME()->getText();
        h.body = block(e->block());
        end_with(h.pos, h.body);
        n->handlers.push_back(std::move(h));
    }
    n->orelse = else_block(c->else_clause());
    if (c->finally_clause()) n->finalbody = block(c->finally_clause()->block());
    return n;
}

StmtPtr AstBuilder::with_stmt(P::With_stmtContext* c) {
    auto n = node<With>(span(c));
    for (auto* item : c->with_item()) {
        WithItem w;
        w.context_expr = test(item->test());
        if (item->expr()) w.optional_vars = store(expr(item->expr()), Target::With);
        n->items.push_back(std::move(w));
    }
    n->body = block(c->block());
    return n;
}

StmtPtr AstBuilder::funcdef(P::FuncdefContext* c, ExprList decorators) {
    auto n = node<FunctionDef>(span(c));
    n->name = c->NAME()->getText();
    if (c->paramlist()) parameters(c->paramlist(), n->args);
    if (c->test()) n->returns = test(c->test());
    n->body = block(c->block());
    n->decorator_list = std::move(decorators);
    return n;
}

StmtPtr AstBuilder::classdef(P::ClassdefContext* c, ExprList decorators) {
    auto n = node<ClassDef>(span(c));
    n->name = c->NAME()->getText();
    if (c->arglist()) call_arguments(c->arglist(), n->bases, n->keywords);
    n->body = block(c->block());
    n->decorator_list = std::move(decorators);
    return n;
}

StmtPtr AstBuilder::decorated(P::DecoratedContext* c) {
    ExprList decorators;
    for (auto* d : c->decorator()) decorators.push_back(namedexpr_test(d->namedexpr_test()));
    if (c->funcdef()) return funcdef(c->funcdef(), std::move(decorators));
    if (auto* a = c->async_funcdef()) {
        StmtPtr n = funcdef(a->funcdef(), std::move(decorators));
        as<FunctionDef>(*n).is_async = true;
        n->pos = span(a);
        return n;
    }
    return classdef(c->classdef(), std::move(decorators));
}

}  // namespace minipy::syntax
