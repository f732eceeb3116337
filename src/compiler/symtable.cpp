// symtable.cpp — walks the AST once to record how each scope uses each name, then resolves the names
// scope by scope, from the module inwards, the way CPython's analyze_block() does.
#include "compiler/symtable.h"

#include <algorithm>
#include <set>

#include "syntax/source.h"

namespace minipy {

CompileSource::CompileSource(std::string_view text, std::string file) : filename(std::move(file)) {
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
}

void CompileSource::fail(const std::string& msg, const ast::Pos& pos) const {
    syntax::SyntaxErrorInfo info;
    info.msg = msg;
    info.filename = filename;
    info.line = pos.line;
    info.col = pos.col + 1;
    info.end_line = pos.end_line;
    info.end_col = pos.end_col + 1;
    syntax::quote_line_from_file(info);
    throw syntax::SyntaxError(std::move(info));
}

namespace {

// The first yield, await or := in `e`, which an annotation kept as text may not hold (CPython checks
// them in the annotation's own symbol-table block); null when there is none.
const ast::Expr* forbidden_in_annotation(const ast::Expr* e) {
    if (!e) return nullptr;
    using K = ast::ExprKind;
    auto first = [](std::initializer_list<const ast::Expr*> parts) -> const ast::Expr* {
        for (const ast::Expr* p : parts)
            if (const ast::Expr* found = forbidden_in_annotation(p)) return found;
        return nullptr;
    };
    auto first_of = [](const ast::ExprList& list) -> const ast::Expr* {
        for (const ast::ExprPtr& p : list)
            if (const ast::Expr* found = forbidden_in_annotation(p.get())) return found;
        return nullptr;
    };
    switch (e->kind) {
        case K::Yield:
        case K::YieldFrom:
        case K::Await:
        case K::NamedExpr:
            return e;
        case K::BoolOp:
            return first_of(ast::as<ast::BoolOp>(*e).values);
        case K::BinOp:
            return first({ast::as<ast::BinOp>(*e).left.get(), ast::as<ast::BinOp>(*e).right.get()});
        case K::UnaryOp:
            return forbidden_in_annotation(ast::as<ast::UnaryOp>(*e).operand.get());
        case K::Lambda: {  // its body is its own scope: `lambda: (yield)` is a generator function
            const auto& l = ast::as<ast::Lambda>(*e);
            const ast::Expr* found = first_of(l.args.defaults);
            return found ? found : first_of(l.args.kw_defaults);
        }
        case K::IfExp: {
            const auto& i = ast::as<ast::IfExp>(*e);
            return first({i.body.get(), i.test.get(), i.orelse.get()});
        }
        case K::Dict: {
            const auto& d = ast::as<ast::Dict>(*e);
            const ast::Expr* found = first_of(d.keys);
            return found ? found : first_of(d.values);
        }
        case K::Set:
            return first_of(ast::as<ast::Set>(*e).elts);
        case K::ListComp:
        case K::SetComp:
        case K::DictComp:
        case K::GeneratorExp: {
            const auto& c = ast::as<ast::Comp>(*e);
            if (const ast::Expr* found = first({c.elt.get(), c.key.get(), c.value.get()})) return found;
            for (const ast::Comprehension& g : c.generators) {
                if (const ast::Expr* found = first({g.target.get(), g.iter.get()})) return found;
                if (const ast::Expr* found = first_of(g.ifs)) return found;
            }
            return nullptr;
        }
        case K::Compare: {
            const auto& c = ast::as<ast::Compare>(*e);
            const ast::Expr* found = forbidden_in_annotation(c.left.get());
            return found ? found : first_of(c.comparators);
        }
        case K::Call: {
            const auto& c = ast::as<ast::Call>(*e);
            const ast::Expr* found = forbidden_in_annotation(c.func.get());
            if (!found) found = first_of(c.args);
            for (const ast::Keyword& k : c.keywords)
                if (!found) found = forbidden_in_annotation(k.value.get());
            return found;
        }
        case K::FormattedValue: {
            const auto& f = ast::as<ast::FormattedValue>(*e);
            return first({f.value.get(), f.format_spec.get()});
        }
        case K::JoinedStr:
            return first_of(ast::as<ast::JoinedStr>(*e).values);
        case K::Attribute:
            return forbidden_in_annotation(ast::as<ast::Attribute>(*e).value.get());
        case K::Subscript: {
            const auto& s = ast::as<ast::Subscript>(*e);
            return first({s.value.get(), s.slice.get()});
        }
        case K::Starred:
            return forbidden_in_annotation(ast::as<ast::Starred>(*e).value.get());
        case K::List:
        case K::Tuple:
            return first_of(ast::as<ast::Sequence>(*e).elts);
        case K::Slice: {
            const auto& s = ast::as<ast::Slice>(*e);
            return first({s.lower.get(), s.upper.get(), s.step.get()});
        }
        default:
            return nullptr;  // Name, Constant
    }
}

}  // namespace

NameScope Scope::lookup(const std::string& name) const {
    auto it = resolved.find(name);
    if (it != resolved.end()) return it->second;
    return kind == ScopeKind::Module ? NameScope::GlobalImplicit : NameScope::Local;
}

// The first pass: records definitions and uses per scope.
class SymbolTableBuilder {
public:
    SymbolTableBuilder(SymbolTable& table, const CompileSource& source) : table_(table), source_(source) {}

    void build(const ast::Module& module) {
        table_.future_annotations = check_future_statements(module);
        table_.root_ = std::make_unique<Scope>();
        table_.root_->kind = ScopeKind::Module;
        table_.root_->name = "<module>";
        current_ = table_.root_.get();
        visit_body(module.body);
    }

private:
    SymbolTable& table_;
    const CompileSource& source_;
    Scope* current_ = nullptr;
    // PEP 572's limits inside comprehensions: how many comprehension iterables enclose the
    // expression being visited (no `:=` may appear there), whether a comprehension's target is being
    // visited, and each comprehension's names that its targets mention (no `:=` may rebind them).
    int in_comprehension_iterable_ = 0;
    bool in_comprehension_target_ = false;
    std::map<const Scope*, std::set<std::string>> iteration_names_;

    // The future statements at the top of the module (future_prefix_).
    std::set<const ast::Stmt*> future_prefix_;

    static bool is_future_import(const ast::Stmt& s) {
        return s.kind == ast::StmtKind::ImportFrom && ast::as<ast::ImportFrom>(s).module == "__future__";
    }

    // A future statement comes first in the module, after the docstring and other future statements,
    // and names a feature CPython 3.11 knows (CPython's future.c). Whether `annotations` is one.
    bool check_future_statements(const ast::Module& module) {
        static const std::set<std::string> kFeatures = {
            "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
            "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
        bool annotations = false;
        for (size_t i = 0; i < module.body.size(); ++i) {
            const ast::Stmt& s = *module.body[i];
            if (i == 0 && s.kind == ast::StmtKind::Expr) continue;
            if (!is_future_import(s)) break;
            future_prefix_.insert(&s);
            for (const auto& a : ast::as<ast::ImportFrom>(s).names) {
                if (a.name == "braces") source_.fail("not a chance", s.pos);
                if (!kFeatures.count(a.name))
                    source_.fail("future feature " + a.name + " is not defined", s.pos);
                annotations |= a.name == "annotations";
            }
        }
        return annotations;
    }

    // Annotations are evaluated where the def or class statement runs, unless PEP 563 keeps them as text.
    void visit_annotation(const ast::ExprPtr& e) {
        if (!e) return;
        if (!table_.future_annotations) return visit_expr(*e);
        if (const ast::Expr* bad = forbidden_in_annotation(e.get())) {
            const char* what = bad->kind == ast::ExprKind::Await       ? "await"
                               : bad->kind == ast::ExprKind::NamedExpr ? "named"
                                                                       : "yield";
            source_.fail(std::string("'") + what + " expression' can not be used within an annotation",
                         bad->pos);
        }
    }
    void visit_param_annotations(const ast::Arguments& a) {
        for (const auto& p : a.posonlyargs) visit_annotation(p->annotation);
        for (const auto& p : a.args) visit_annotation(p->annotation);
        if (a.vararg) visit_annotation(a.vararg->annotation);
        for (const auto& p : a.kwonlyargs) visit_annotation(p->annotation);
        if (a.kwarg) visit_annotation(a.kwarg->annotation);
    }

    void add(const std::string& raw_name, int flag) {
        std::string name = mangle(current_->private_name, raw_name);
        auto [it, inserted] = current_->flags.emplace(name, 0);
        if (inserted) current_->order.push_back(name);
        it->second |= flag;
    }

    // PEP 572: `(x := v)` inside a comprehension binds x in the nearest enclosing scope that is not
    // a comprehension; the comprehensions in between reach it as a global or a free variable.
    void bind_walrus_outside(const std::string& raw_name, const ast::Pos& pos, const ast::Pos& name_pos) {
        std::string name = mangle(current_->private_name, raw_name);
        Scope* target = current_;
        for (; target->kind == ScopeKind::Comprehension; target = target->parent) {
            if (iteration_names_[target].count(name))
                source_.fail(
                    "assignment expression cannot rebind comprehension iteration variable '" + raw_name + "'",
                    name_pos);
        }
        if (target->kind == ScopeKind::Class)
            source_.fail("assignment expression within a comprehension cannot be used in a class body", pos);
        // A function's `global x` makes the comprehensions' x global too.
        auto declared = target->flags.find(name);
        bool global = target->kind == ScopeKind::Module ||
                      (declared != target->flags.end() && (declared->second & kDefGlobal));
        int through = global ? kDefGlobal : kDefNonlocal;
        for (Scope* s = current_; s != target; s = s->parent) {
            auto [it, inserted] = s->flags.emplace(name, 0);
            if (inserted) s->order.push_back(name);
            it->second |= through;
            if (through == kDefNonlocal) nonlocal_pos_[s][name] = pos;
        }
        auto [it, inserted] = target->flags.emplace(name, 0);
        if (inserted) target->order.push_back(name);
        it->second |= kDefLocal;
    }

    Scope* open(ScopeKind kind, const std::string& name, const void* node) {
        auto scope = std::make_unique<Scope>();
        scope->kind = kind;
        scope->name = name;
        scope->parent = current_;
        scope->private_name = kind == ScopeKind::Class ? name : current_ ? current_->private_name : "";
        Scope* raw = scope.get();
        current_->children.push_back(std::move(scope));
        table_.by_node_[node] = raw;
        current_ = raw;
        return raw;
    }
    void close() { current_ = current_->parent; }

    void visit_body(const ast::StmtList& body) {
        for (const auto& s : body) visit_stmt(*s);
    }
    void visit_exprs(const ast::ExprList& list) {
        for (const auto& e : list) {
            if (e) visit_expr(*e);
        }
    }

    void visit_params(const ast::Arguments& a) {
        auto param = [&](const ast::Arg& arg) {
            add(arg.name, kDefParam);
            current_->params.push_back(mangle(current_->private_name, arg.name));
        };
        for (const auto& p : a.posonlyargs) param(*p);
        for (const auto& p : a.args) param(*p);
        for (const auto& p : a.kwonlyargs) param(*p);
        if (a.vararg) param(*a.vararg);
        if (a.kwarg) param(*a.kwarg);
    }

    void declare(const ast::NameListStmt& s) {
        bool global = s.kind == ast::StmtKind::Global;
        if (!global && current_->kind == ScopeKind::Module) {
            source_.fail("nonlocal declaration not allowed at module level", s.pos);
        }
        const char* what = global ? "global" : "nonlocal";
        for (const auto& raw_name : s.names) {
            std::string name = mangle(current_->private_name, raw_name);
            auto it = current_->flags.find(name);
            int old = it == current_->flags.end() ? 0 : it->second;
            if (old & kDefParam) source_.fail("name '" + name + "' is parameter and " + what, s.pos);
            if (old & kDefAnnotated)
                source_.fail("annotated name '" + raw_name + "' can't be " + what, s.pos);
            if (old & kDefLocal) {
                source_.fail("name '" + name + "' is assigned to before " + what + " declaration", s.pos);
            }
            if (old & kUse)
                source_.fail("name '" + name + "' is used prior to " + what + " declaration", s.pos);
            if (global && (old & kDefNonlocal))
                source_.fail("name '" + name + "' is nonlocal and global", s.pos);
            if (!global && (old & kDefGlobal))
                source_.fail("name '" + name + "' is nonlocal and global", s.pos);
            add(name, global ? kDefGlobal : kDefNonlocal);
            nonlocal_pos_[current_][name] = s.pos;
            // As CPython's symtable (st_global), a `global` anywhere marks the name global in the
            // module's own table too: module-level code then stores and loads it as a global, which
            // shows when exec() runs the module with locals apart from its globals.
            if (global && current_ != table_.root_.get()) {
                Scope* root = table_.root_.get();
                auto [entry, inserted] = root->flags.emplace(name, 0);
                if (inserted) root->order.push_back(name);
                entry->second |= kDefGlobal;
            }
        }
    }

    void visit_stmt(const ast::Stmt& s) {
        using K = ast::StmtKind;
        switch (s.kind) {
            case K::FunctionDef: {
                const auto& f = ast::as<ast::FunctionDef>(s);
                visit_exprs(f.decorator_list);
                visit_exprs(f.args.defaults);
                visit_exprs(f.args.kw_defaults);
                visit_param_annotations(f.args);
                visit_annotation(f.returns);
                add(f.name, kDefLocal);
                open(ScopeKind::Function, f.name, &f);
                current_->is_coroutine = f.is_async;
                visit_params(f.args);
                visit_body(f.body);
                close();
                break;
            }
            case K::ClassDef: {
                const auto& c = ast::as<ast::ClassDef>(s);
                visit_exprs(c.decorator_list);
                visit_exprs(c.bases);
                for (const auto& k : c.keywords) visit_expr(*k.value);
                add(c.name, kDefLocal);
                open(ScopeKind::Class, c.name, &c);
                visit_body(c.body);
                close();
                break;
            }
            case K::Return:
                if (const auto& v = ast::as<ast::Return>(s).value) visit_expr(*v);
                break;
            case K::Delete:
                visit_exprs(ast::as<ast::Delete>(s).targets);
                break;
            case K::Assign: {
                const auto& a = ast::as<ast::Assign>(s);
                visit_expr(*a.value);
                visit_exprs(a.targets);
                break;
            }
            case K::AugAssign: {
                const auto& a = ast::as<ast::AugAssign>(s);
                visit_expr(*a.value);
                if (a.target->kind == ast::ExprKind::Name)
                    add(ast::as<ast::Name>(*a.target).id, kDefLocal | kUse);
                else
                    visit_expr(*a.target);
                break;
            }
            case K::AnnAssign: {
                const auto& a = ast::as<ast::AnnAssign>(s);
                if (a.value) visit_expr(*a.value);
                if (a.target->kind != ast::ExprKind::Name) {
                    visit_expr(*a.target);
                } else {
                    // CPython: `x: int` makes x local (annotated), `(x): int` only with a value.
                    const std::string& raw = ast::as<ast::Name>(*a.target).id;
                    auto it = current_->flags.find(mangle(current_->private_name, raw));
                    int old = it == current_->flags.end() ? 0 : it->second;
                    if (a.simple && (old & (kDefGlobal | kDefNonlocal)) &&
                        current_->kind != ScopeKind::Module) {
                        source_.fail("annotated name '" + raw + "' can't be " +
                                         (old & kDefGlobal ? "global" : "nonlocal"),
                                     s.pos);
                    }
                    if (a.simple) add(raw, kDefLocal | kDefAnnotated);
                    if (!a.simple && a.value) add(raw, kDefLocal);
                }
                if (current_->kind == ScopeKind::Module || current_->kind == ScopeKind::Class)
                    visit_annotation(a.annotation);
                break;
            }
            case K::For: {
                const auto& f = ast::as<ast::For>(s);
                visit_expr(*f.iter);
                visit_expr(*f.target);
                visit_body(f.body);
                visit_body(f.orelse);
                break;
            }
            case K::While: {
                const auto& w = ast::as<ast::While>(s);
                visit_expr(*w.test);
                visit_body(w.body);
                visit_body(w.orelse);
                break;
            }
            case K::If: {
                const auto& i = ast::as<ast::If>(s);
                visit_expr(*i.test);
                visit_body(i.body);
                visit_body(i.orelse);
                break;
            }
            case K::With: {
                const auto& w = ast::as<ast::With>(s);
                for (const auto& item : w.items) {
                    visit_expr(*item.context_expr);
                    if (item.optional_vars) visit_expr(*item.optional_vars);
                }
                visit_body(w.body);
                break;
            }
            case K::Raise: {
                const auto& r = ast::as<ast::Raise>(s);
                if (r.exc) visit_expr(*r.exc);
                if (r.cause) visit_expr(*r.cause);
                break;
            }
            case K::Try: {
                const auto& t = ast::as<ast::Try>(s);
                visit_body(t.body);
                for (const auto& h : t.handlers) {
                    if (h.type) visit_expr(*h.type);
                    if (!h.name.empty()) add(h.name, kDefLocal);
                    visit_body(h.body);
                }
                visit_body(t.orelse);
                visit_body(t.finalbody);
                break;
            }
            case K::Assert: {
                const auto& a = ast::as<ast::Assert>(s);
                visit_expr(*a.test);
                if (a.msg) visit_expr(*a.msg);
                break;
            }
            case K::Import:
                for (const auto& alias : ast::as<ast::Import>(s).names) {
                    add(alias.asname.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.asname,
                        kDefLocal);
                }
                break;
            case K::ImportFrom:
                if (is_future_import(s) && !future_prefix_.count(&s))
                    source_.fail("from __future__ imports must occur at the beginning of the file", s.pos);
                for (const auto& alias : ast::as<ast::ImportFrom>(s).names) {
                    if (alias.name != "*") add(alias.asname.empty() ? alias.name : alias.asname, kDefLocal);
                }
                break;
            case K::Global:
            case K::Nonlocal:
                declare(ast::as<ast::NameListStmt>(s));
                break;
            case K::Expr:
                visit_expr(*ast::as<ast::ExprStmt>(s).value);
                break;
            case K::Match: {
                const auto& m = ast::as<ast::Match>(s);
                visit_expr(*m.subject);
                for (const auto& c : m.cases) {
                    visit_pattern(*c.pattern);
                    if (c.guard) visit_expr(*c.guard);
                    visit_body(c.body);
                }
                break;
            }
            case K::Pass:
            case K::Break:
            case K::Continue:
                break;
        }
    }

    // A pattern loads its values, class names and keys, and binds its captures.
    void visit_pattern(const ast::Pattern& p) {
        if (p.value && p.kind != ast::PatternKind::MatchSingleton) visit_expr(*p.value);
        visit_exprs(p.keys);
        for (const auto& sub : p.patterns) visit_pattern(*sub);
        for (const auto& sub : p.kwd_patterns) visit_pattern(*sub);
        if (p.pattern) visit_pattern(*p.pattern);
        if (!p.name.empty()) add(p.name, kDefLocal);
    }

    // A name in a comprehension's target (even `x` of `x.a`, as CPython marks it); one that a `:=`
    // in this comprehension already bound outside cannot be an iteration variable too.
    void comprehension_target_name(const ast::Name& n) {
        std::string name = mangle(current_->private_name, n.id);
        auto it = current_->flags.find(name);
        if (it != current_->flags.end() && (it->second & (kDefGlobal | kDefNonlocal)))
            source_.fail("comprehension inner loop cannot rebind assignment expression target '" + n.id + "'",
                         n.pos);
        iteration_names_[current_].insert(name);
    }

    // A comprehension is a function of its own: a yield in it would make that function a generator.
    void check_yield_outside_comprehension(const ast::Expr& e) {
        if (current_->kind != ScopeKind::Comprehension) return;
        const std::string& n = current_->name;
        const char* what = n == "<listcomp>"   ? "list comprehension"
                           : n == "<setcomp>"  ? "set comprehension"
                           : n == "<dictcomp>" ? "dict comprehension"
                                               : "generator expression";
        source_.fail(std::string("'yield' inside ") + what, e.pos);
    }

    void visit_comprehension_iterable(const ast::Expr& e) {
        ++in_comprehension_iterable_;
        visit_expr(e);
        --in_comprehension_iterable_;
    }

    void visit_comprehension(const ast::Comp& c, const char* name) {
        visit_comprehension_iterable(*c.generators[0].iter);
        open(ScopeKind::Comprehension, name, &c);
        add(".0", kDefParam);
        current_->params.push_back(".0");
        for (size_t i = 0; i < c.generators.size(); ++i) {
            const auto& g = c.generators[i];
            if (i > 0) visit_comprehension_iterable(*g.iter);
            in_comprehension_target_ = true;
            visit_expr(*g.target);
            in_comprehension_target_ = false;
            visit_exprs(g.ifs);
        }
        if (c.elt) visit_expr(*c.elt);
        if (c.key) visit_expr(*c.key);
        if (c.value) visit_expr(*c.value);
        // `async for` or `await` makes an asynchronous comprehension (a coroutine, or an async
        // generator for a generator expression); awaiting an inner one makes the outer one async too.
        for (const auto& g : c.generators) current_->is_coroutine |= g.is_async;
        bool is_async = current_->is_coroutine && c.kind != ast::ExprKind::GeneratorExp;
        close();
        if (is_async && current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
    }

    void visit_expr(const ast::Expr& e) {
        using K = ast::ExprKind;
        switch (e.kind) {
            case K::BoolOp:
                visit_exprs(ast::as<ast::BoolOp>(e).values);
                break;
            case K::NamedExpr: {
                const auto& n = ast::as<ast::NamedExpr>(e);
                if (in_comprehension_iterable_ > 0)
                    source_.fail(
                        "assignment expression cannot be used in a comprehension iterable expression", e.pos);
                visit_expr(*n.value);
                if (current_->kind == ScopeKind::Comprehension && n.target->kind == ast::ExprKind::Name) {
                    bind_walrus_outside(ast::as<ast::Name>(*n.target).id, e.pos, n.target->pos);
                } else {
                    visit_expr(*n.target);
                }
                break;
            }
            case K::BinOp: {
                const auto& b = ast::as<ast::BinOp>(e);
                visit_expr(*b.left);
                visit_expr(*b.right);
                break;
            }
            case K::UnaryOp:
                visit_expr(*ast::as<ast::UnaryOp>(e).operand);
                break;
            case K::Lambda: {
                const auto& l = ast::as<ast::Lambda>(e);
                visit_exprs(l.args.defaults);
                visit_exprs(l.args.kw_defaults);
                open(ScopeKind::Lambda, "<lambda>", &l);
                visit_params(l.args);
                visit_expr(*l.body);
                close();
                break;
            }
            case K::IfExp: {
                const auto& i = ast::as<ast::IfExp>(e);
                visit_expr(*i.test);
                visit_expr(*i.body);
                visit_expr(*i.orelse);
                break;
            }
            case K::Dict: {
                const auto& d = ast::as<ast::Dict>(e);
                visit_exprs(d.keys);
                visit_exprs(d.values);
                break;
            }
            case K::Set:
                visit_exprs(ast::as<ast::Set>(e).elts);
                break;
            case K::ListComp:
                visit_comprehension(ast::as<ast::Comp>(e), "<listcomp>");
                break;
            case K::SetComp:
                visit_comprehension(ast::as<ast::Comp>(e), "<setcomp>");
                break;
            case K::DictComp:
                visit_comprehension(ast::as<ast::Comp>(e), "<dictcomp>");
                break;
            case K::GeneratorExp:
                visit_comprehension(ast::as<ast::Comp>(e), "<genexpr>");
                current_->children.back()->is_generator = true;
                break;
            case K::Await:
                visit_expr(*ast::as<ast::Await>(e).value);
                if (current_->kind == ScopeKind::Comprehension) current_->is_coroutine = true;
                break;
            case K::Yield:
                check_yield_outside_comprehension(e);
                current_->is_generator = true;
                if (const auto& v = ast::as<ast::Yield>(e).value) visit_expr(*v);
                break;
            case K::YieldFrom:
                check_yield_outside_comprehension(e);
                current_->is_generator = true;
                visit_expr(*ast::as<ast::YieldFrom>(e).value);
                break;
            case K::Compare: {
                const auto& c = ast::as<ast::Compare>(e);
                visit_expr(*c.left);
                visit_exprs(c.comparators);
                break;
            }
            case K::Call: {
                const auto& c = ast::as<ast::Call>(e);
                visit_expr(*c.func);
                visit_exprs(c.args);
                for (const auto& k : c.keywords) visit_expr(*k.value);
                break;
            }
            case K::FormattedValue: {
                const auto& f = ast::as<ast::FormattedValue>(e);
                visit_expr(*f.value);
                if (f.format_spec) visit_expr(*f.format_spec);
                break;
            }
            case K::JoinedStr:
                visit_exprs(ast::as<ast::JoinedStr>(e).values);
                break;
            case K::Constant:
                break;
            case K::Attribute:
                visit_expr(*ast::as<ast::Attribute>(e).value);
                break;
            case K::Subscript: {
                const auto& s = ast::as<ast::Subscript>(e);
                visit_expr(*s.value);
                visit_expr(*s.slice);
                break;
            }
            case K::Starred:
                visit_expr(*ast::as<ast::Starred>(e).value);
                break;
            case K::Name: {
                const auto& n = ast::as<ast::Name>(e);
                if (in_comprehension_target_) comprehension_target_name(n);
                add(n.id, n.ctx == ast::Ctx::Load ? kUse : kDefLocal);
                // CPython gives functions that mention `super` the implicit `__class__` cell it reads.
                if (n.id == "super" && n.ctx == ast::Ctx::Load && current_->is_function())
                    add("__class__", kUse);
                break;
            }
            case K::List:
            case K::Tuple:
                visit_exprs(ast::as<ast::Sequence>(e).elts);
                break;
            case K::Slice: {
                const auto& s = ast::as<ast::Slice>(e);
                if (s.lower) visit_expr(*s.lower);
                if (s.upper) visit_expr(*s.upper);
                if (s.step) visit_expr(*s.step);
                break;
            }
        }
    }

public:
    std::map<const Scope*, std::map<std::string, ast::Pos>> nonlocal_pos_;
};

std::string mangle(const std::string& class_name, const std::string& name) {
    if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;
    if (name.find('.') != std::string::npos) return name;
    size_t start = class_name.find_first_not_of('_');
    if (start == std::string::npos) return name;
    return "_" + class_name.substr(start) + name;
}

namespace {

// The second pass, for one scope: `bound` holds the names bound in enclosing function scopes;
// the scope's own free variables are added to `free_out` for its parent to resolve.
void analyze(Scope* s, const std::set<std::string>& bound, std::set<std::string>& free_out,
             const SymbolTableBuilder& builder, const CompileSource& source) {
    for (const auto& name : s->order) {
        int f = s->flags[name];
        NameScope r;
        if (f & kDefGlobal) {
            r = NameScope::GlobalExplicit;
        } else if (f & kDefNonlocal) {
            if (!bound.count(name)) {
                source.fail("no binding for nonlocal '" + name + "' found",
                            builder.nonlocal_pos_.at(s).at(name));
            }
            r = NameScope::Free;
        } else if (f & (kDefLocal | kDefParam)) {
            r = NameScope::Local;
        } else if (s->kind != ScopeKind::Module && bound.count(name)) {
            r = NameScope::Free;
        } else {
            r = NameScope::GlobalImplicit;
        }
        s->resolved[name] = r;
    }
    std::set<std::string> child_bound;
    if (s->kind != ScopeKind::Module) child_bound = bound;
    if (s->is_function()) {
        for (const auto& [name, r] : s->resolved) {
            if (r == NameScope::Local || r == NameScope::Free) child_bound.insert(name);
            if (r == NameScope::GlobalExplicit) child_bound.erase(name);
        }
    }
    // A class body binds `__class__` for the methods inside it (filled when the class is made).
    if (s->kind == ScopeKind::Class) child_bound.insert("__class__");
    std::set<std::string> child_free;
    for (auto& child : s->children) analyze(child.get(), child_bound, child_free, builder, source);
    if (s->kind == ScopeKind::Class && child_free.erase("__class__")) s->needs_class_cell = true;
    std::set<std::string> freevars;
    for (const auto& name : child_free) {
        auto it = s->resolved.find(name);
        if (s->is_function() && it != s->resolved.end() && it->second == NameScope::Local) {
            it->second = NameScope::Cell;
        } else if (it == s->resolved.end() || s->kind == ScopeKind::Class) {
            // Passed through this scope on its way to an inner one. A class that also binds the name,
            // or declares it global, keeps it in its namespace (or the globals) and passes the
            // enclosing function's cell on (CPython's DEF_FREE_CLASS, for DEF_BOUND | DEF_GLOBAL).
            if (it == s->resolved.end())
                s->resolved[name] = NameScope::Free;
            else if (it->second == NameScope::Local || it->second == NameScope::GlobalExplicit)
                freevars.insert(name);
            free_out.insert(name);
        }
    }
    for (const auto& [name, r] : s->resolved) {
        if (r == NameScope::Cell) s->cellvars.push_back(name);
        if (r == NameScope::Free) {
            freevars.insert(name);
            free_out.insert(name);
        }
    }
    s->freevars.assign(freevars.begin(), freevars.end());
    if (s->needs_class_cell) s->cellvars.push_back("__class__");
}

}  // namespace

SymbolTable::SymbolTable(const ast::Module& module, const CompileSource& source) {
    SymbolTableBuilder builder(*this, source);
    builder.build(module);
    std::set<std::string> free;
    analyze(root_.get(), {}, free, builder, source);
}

Scope* SymbolTable::scope_of(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
}

}  // namespace minipy
