// ast_params.cpp — function parameters and call arguments, with the ordering rules CPython's
// grammar enforces ("non-default argument follows default argument", ...) and its messages.
#include <set>

#include "syntax/ast_builder.h"

namespace minipy::syntax {

using namespace ast;

namespace {

// Walks the parameters left to right, knowing which section (positional, keyword-only) it is in.
class ParamState {
public:
    ParamState(Arguments& out, const Source& source) : out_(out), source_(source) {}

    void fail(const std::string& msg, antlr4::Token* t) const {
        int line = static_cast<int>(t->getLine());
        int col = static_cast<int>(t->getCharPositionInLine());
        source_.fail(msg, line, col, line, col + static_cast<int>(utf8_length(t->getText())));
    }

    ArgPtr arg(antlr4::Token* name, ExprPtr annotation) {
        if (!names_.insert(name->getText()).second) {
            // CPython's symtable finds it: the compiler's way of quoting the line.
            int line = static_cast<int>(name->getLine()),
                col = static_cast<int>(name->getCharPositionInLine());
            source_.fail_compiler("duplicate argument '" + name->getText() + "' in function definition", line,
                                  col, line, col + static_cast<int>(utf8_length(name->getText())));
        }
        auto a = std::make_unique<Arg>();
        a->name = name->getText();
        a->annotation = std::move(annotation);
        a->pos.line = static_cast<int>(name->getLine());
        a->pos.col = static_cast<int>(name->getCharPositionInLine());
        a->pos.end_line = a->pos.line;
        a->pos.end_col = a->pos.col + utf8_length(name->getText());
        // CPython's arg spans its annotation too.
        if (a->annotation) {
            a->pos.end_line = a->annotation->pos.end_line;
            a->pos.end_col = a->annotation->pos.end_col;
        }
        return a;
    }

    void plain(antlr4::Token* name, ExprPtr annotation, ExprPtr def) {
        if (out_.kwarg) fail("arguments cannot follow var-keyword argument", name);
        if (star_seen_) {
            out_.kwonlyargs.push_back(arg(name, std::move(annotation)));
            out_.kw_defaults.push_back(std::move(def));
            bare_star_ = nullptr;
            return;
        }
        if (!def && !out_.defaults.empty()) fail("non-default argument follows default argument", name);
        out_.args.push_back(arg(name, std::move(annotation)));
        if (def) out_.defaults.push_back(std::move(def));
    }

    void slash(antlr4::Token* t) {
        if (slash_seen_) fail("/ may appear only once", t);
        if (star_seen_ || out_.kwarg) fail("/ must be ahead of *", t);
        if (out_.args.empty()) fail("at least one argument must precede /", t);
        slash_seen_ = true;
        for (auto& a : out_.args) out_.posonlyargs.push_back(std::move(a));
        out_.args.clear();
    }

    void star(antlr4::Token* star, antlr4::Token* name, ExprPtr annotation) {
        if (star_seen_) fail("* argument may appear only once", star);
        if (out_.kwarg) fail("arguments cannot follow var-keyword argument", star);
        star_seen_ = true;
        if (name) {
            out_.vararg = arg(name, std::move(annotation));
        } else {
            bare_star_ = star;
        }
    }

    void kwarg(antlr4::Token* name, ExprPtr annotation) {
        if (out_.kwarg) fail("arguments cannot follow var-keyword argument", name);
        if (bare_star_) fail("named arguments must follow bare *", bare_star_);
        out_.kwarg = arg(name, std::move(annotation));
    }

    void finish() const {
        if (bare_star_) fail("named arguments must follow bare *", bare_star_);
    }

private:
    Arguments& out_;
    const Source& source_;
    std::set<std::string> names_;
    bool slash_seen_ = false, star_seen_ = false;
    antlr4::Token* bare_star_ = nullptr;
};

antlr4::Token* sym(antlr4::tree::TerminalNode* n) { return n ? n->getSymbol() : nullptr; }

}  // namespace

void AstBuilder::parameters(P::ParamlistContext* c, Arguments& out) {
    ParamState state(out, source_);
    for (auto* p : c->param()) {
        if (auto* q = dynamic_cast<P::PlainParamContext*>(p)) {
            auto tests = q->test();
            ExprPtr annotation = q->COLON() ? test(tests[0]) : nullptr;
            ExprPtr def = q->ASSIGN() ? test(tests.back()) : nullptr;
            state.plain(sym(q->NAME()), std::move(annotation), std::move(def));
        } else if (auto* s = dynamic_cast<P::StarParamContext*>(p)) {
            ExprPtr annotation = s->test()        ? test(s->test())
                                 : s->star_expr() ? star_expr(s->star_expr())
                                                  : nullptr;
            state.star(sym(s->STAR()), sym(s->NAME()), std::move(annotation));
        } else if (auto* k = dynamic_cast<P::KwParamContext*>(p)) {
            state.kwarg(sym(k->NAME()), k->test() ? test(k->test()) : nullptr);
        } else {
            state.slash(p->getStart());
        }
    }
    state.finish();
}

void AstBuilder::lambda_parameters(P::Lambda_paramsContext* c, Arguments& out) {
    ParamState state(out, source_);
    for (auto* p : c->lambda_param()) {
        if (auto* q = dynamic_cast<P::LambdaPlainParamContext*>(p)) {
            state.plain(sym(q->NAME()), nullptr, q->test() ? test(q->test()) : nullptr);
        } else if (auto* s = dynamic_cast<P::LambdaStarParamContext*>(p)) {
            state.star(sym(s->STAR()), sym(s->NAME()), nullptr);
        } else if (auto* k = dynamic_cast<P::LambdaKwParamContext*>(p)) {
            state.kwarg(sym(k->NAME()), nullptr);
        } else {
            state.slash(p->getStart());
        }
    }
    state.finish();
}

// Call arguments: positional ones may not follow keywords or `**`, `*x` may not follow `**`,
// and a bare generator expression must be the only argument.
void AstBuilder::call_arguments(P::ArglistContext* c, ExprList& args, std::vector<Keyword>& keywords) {
    auto all = c->argument();
    bool seen_keyword = false, seen_kw_unpack = false;
    for (auto* a : all) {
        Pos pos = span(a);
        bool positional = dynamic_cast<P::PlainArgumentContext*>(a) ||
                          dynamic_cast<P::GenArgumentContext*>(a) ||
                          dynamic_cast<P::WalrusArgumentContext*>(a);
        // CPython points just past the offending argument.
        Pos after{pos.end_line, pos.end_col, pos.end_line, pos.end_col + 1};
        if (positional && seen_kw_unpack)
            fail_at("positional argument follows keyword argument unpacking", after);
        if (positional && seen_keyword) fail_at("positional argument follows keyword argument", after);
        if (auto* g = dynamic_cast<P::GenArgumentContext*>(a)) {
            if (all.size() > 1 || c->COMMA().size() > 0)
                fail_at("Generator expression must be parenthesized", pos);
            auto n = std::make_unique<Comp>(ExprKind::GeneratorExp);
            // CPython's generator expression spans the call's parentheses: `f(x for x in y)`.
            auto* call = dynamic_cast<antlr4::ParserRuleContext*>(c->parent);
            n->pos = call ? span(call->getStart(), call->getStop()) : pos;
            n->elt = namedexpr_test(g->namedexpr_test());
            comp_for(g->comp_for(), n->generators);
            args.push_back(std::move(n));
        } else if (auto* w = dynamic_cast<P::WalrusArgumentContext*>(a)) {
            auto n = std::make_unique<NamedExpr>();
            n->pos = pos;
            n->target = store(test(w->test(0)), Target::Walrus);
            n->value = test(w->test(1));
            args.push_back(std::move(n));
        } else if (auto* k = dynamic_cast<P::KeywordArgumentContext*>(a)) {
            ExprPtr name = test(k->test(0));
            if (name->kind != ExprKind::Name || parenthesized_.count(name.get())) {
                fail_at("expression cannot contain assignment, perhaps you meant \"==\"?",
                        span(k->getStart(), k->ASSIGN()->getSymbol()));
            }
            for (const auto& earlier : keywords) {
                if (earlier.arg == as<Name>(*name).id)
                    fail_compiler_at("keyword argument repeated: " + earlier.arg, pos);
            }
            keywords.push_back({as<Name>(*name).id, test(k->test(1)), pos});
            seen_keyword = true;
        } else if (auto* u = dynamic_cast<P::KwUnpackArgumentContext*>(a)) {
            keywords.push_back({"", test(u->test()), pos});
            seen_kw_unpack = true;
        } else if (auto* s = dynamic_cast<P::StarArgumentContext*>(a)) {
            if (seen_kw_unpack) {
                fail_at("iterable argument unpacking follows keyword argument unpacking",
                        span(s->STAR()->getSymbol(), s->STAR()->getSymbol()));
            }
            auto n = std::make_unique<Starred>();
            n->pos = pos;
            n->value = test(s->test());
            args.push_back(std::move(n));
        } else {
            args.push_back(test(static_cast<P::PlainArgumentContext*>(a)->test()));
        }
    }
}

}  // namespace minipy::syntax
