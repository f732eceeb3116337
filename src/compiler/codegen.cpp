// codegen.cpp — the code generator's frame: one Unit per code object, labels and their stack depths,
// the exception table, assembly, and the statements. Expressions are in codegen_expr.cpp.
#include "compiler/codegen.h"

#include <stdexcept>

#include "compiler/compiler_unit.h"
#include "compiler/unparse.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "runtime/environment.h"

namespace minipy {

// ---- units ----

void Compiler::enter_unit(Scope* scope, const std::string& name, const std::string& qualname,
                          int firstlineno) {
    auto unit = std::make_unique<Unit>();
    unit->scope = scope;
    unit->code = code_new();
    unit->qualname = qualname;
    Code* co = unit->co();
    co->name = intern(name);
    co->qualname = intern(qualname);
    co->filename = src_.filename;
    co->firstlineno = firstlineno;
    if (scope->is_function()) {
        co->flags = kCoOptimized | kCoNewLocals;
        // CPython's CO_NESTED: defined inside a function, directly or through class bodies (a
        // method of a module-level class is not nested).
        for (const Scope* outer = scope->parent; outer; outer = outer->parent)
            if (outer->is_function()) {
                co->flags |= kCoNested;
                break;
            }
        if (scope->is_coroutine)
            co->flags |= scope->is_generator ? kCoAsyncGenerator : kCoCoroutine;
        else if (scope->is_generator)
            co->flags |= kCoGenerator;
        auto add_local = [&](const std::string& n) {
            if (unit->local_index.count(n)) return;
            unit->local_index[n] = static_cast<int>(co->varnames.size());
            co->varnames.push_back(intern(n));
        };
        for (const auto& p : scope->params) add_local(p);
        for (const auto& n : scope->order) {
            if (scope->lookup(n) == NameScope::Local) add_local(n);
        }
    }
    for (const auto& n : scope->cellvars) {
        unit->deref_index[n] = static_cast<int>(co->cellvars.size());
        if (scope->kind == ScopeKind::Class && n == "__class__")
            unit->class_cell_index = static_cast<int>(co->cellvars.size());
        co->cellvars.push_back(intern(n));
        auto it = unit->local_index.find(n);
        co->cell2arg.push_back(it == unit->local_index.end() ? -1 : it->second);
    }
    for (const auto& n : scope->freevars) {
        unit->deref_index[n] = static_cast<int>(co->cellvars.size() + co->freevars.size());
        co->freevars.push_back(intern(n));
    }
    unit->label_pos.reserve(16);
    units_.push_back(std::move(unit));
    u_ = units_.back().get();
    u_->pos.line = firstlineno;
}

Ref Compiler::leave_unit() {
    assemble();
    Ref code = std::move(u_->code);
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
    return code;
}

void Compiler::assemble() {
    Code* co = u_->co();
    for (auto& word : co->instructions) {
        Op op = instr_op(word);
        if (is_jump(op)) word = make_instr(op, static_cast<uint32_t>(u_->label_pos[instr_arg(word)]));
    }
    int current = -1;
    for (size_t i = 0; i <= co->instructions.size(); ++i) {
        int h = i < co->instructions.size() ? u_->handler_of[i] : -1;
        if (h == current) continue;
        if (current >= 0) co->exception_table.back().end = static_cast<uint32_t>(i);
        if (h >= 0) {
            const Handler& handler = u_->handlers[h];
            co->exception_table.push_back({static_cast<uint32_t>(i), 0,
                                           static_cast<uint32_t>(u_->label_pos[handler.label]),
                                           static_cast<uint32_t>(handler.depth)});
        }
        current = h;
    }
    co->stacksize = u_->max_depth;
}

std::string Compiler::child_qualname(const std::string& name) const {
    // A function or class whose name is declared `global` where it is defined is named as if it
    // were defined at the top level, as CPython's compiler_set_qualname does.
    if (u_->scope->kind != ScopeKind::Module &&
        u_->scope->lookup(mangle(u_->scope->private_name, name)) == NameScope::GlobalExplicit)
        return name;
    switch (u_->scope->kind) {
        case ScopeKind::Module:
            return name;
        case ScopeKind::Class:
            return u_->qualname + "." + name;
        default:
            return u_->qualname + ".<locals>." + name;
    }
}

// ---- emission ----

void Compiler::emit(Op op, uint32_t arg) {
    if (!u_->reachable) return;
    Code* co = u_->co();
    co->instructions.push_back(make_instr(op, arg));
    const ast::Pos& p = u_->pos;
    co->positions_to_fill().push_back({p.line, p.end_line, p.col, p.end_col});
    u_->handler_of.push_back(u_->handler_stack.empty() ? -1 : u_->handler_stack.back());
    if (!is_jump(op)) u_->depth += stack_effect(op, arg);
    u_->max_depth = std::max(u_->max_depth, u_->depth);
    if (is_terminator(op)) u_->reachable = false;
}

// Takes back the last instruction emitted, with its stack effect (a label bound after it now binds
// the next one emitted).
void Compiler::drop_last_instruction() {
    Code* co = u_->co();
    uint32_t word = co->instructions.back();
    co->instructions.pop_back();
    co->positions_to_fill().pop_back();
    u_->handler_of.pop_back();
    if (!is_jump(instr_op(word))) u_->depth -= stack_effect(instr_op(word), instr_arg(word));
}

void Compiler::emit_jump(Op op, int label) {
    if (!u_->reachable) return;
    if (op == Op::JUMP_FORWARD && u_->label_pos[label] >= 0) op = Op::JUMP_BACKWARD;
    u_->label_depth[label] = u_->depth + stack_effect(op, 0, true);
    u_->max_depth = std::max(u_->max_depth, u_->label_depth[label]);
    emit(op, static_cast<uint32_t>(label));
    u_->depth += stack_effect(op, 0, false);
    u_->max_depth = std::max(u_->max_depth, u_->depth);
}

// A jump the source does not spell (the end of a loop body, of an if block, of a try body) belongs
// to no line, as in CPython: sys.settrace reports no line for it (the landing reports its own), and
// a traceback stopped there shows the line before it (Code::line_of).
void Compiler::emit_artificial_jump(Op op, int label) {
    PosGuard guard(u_, ast::Pos{});
    emit_jump(op, label);
}

int Compiler::new_label() {
    u_->label_pos.push_back(-1);
    u_->label_depth.push_back(-1);
    return static_cast<int>(u_->label_pos.size() - 1);
}

void Compiler::bind(int label) {
    u_->label_pos[label] = static_cast<int>(u_->co()->instructions.size());
    if (u_->label_depth[label] >= 0) {
        u_->reachable = true;
        u_->depth = u_->label_depth[label];
    } else if (u_->reachable) {
        u_->label_depth[label] = u_->depth;
    }
}

void Compiler::bind_handler(int label, int depth) {
    u_->label_depth[label] = depth;
    bind(label);
    u_->max_depth = std::max(u_->max_depth, depth);
}

void Compiler::push_handler(int label, int depth) {
    u_->handlers.push_back({label, depth});
    u_->handler_stack.push_back(static_cast<int>(u_->handlers.size() - 1));
}

void Compiler::pop_handler() { u_->handler_stack.pop_back(); }

void Compiler::push_fblock(FBlock b) {
    b.handler_depth = u_->handler_stack.size();
    u_->fblocks.push_back(std::move(b));
}

// The finally body or __exit__ call that a `return`, `break` or `continue` runs on its way out is
// not covered by the block's own handler, so an exception it raises is not handled by the same
// block again (the finally body would run twice): CPython's POP_BLOCK in compiler_unwind_fblock.
void Compiler::push_fblock_over_handler(FBlock b) {
    push_fblock(std::move(b));
    --u_->fblocks.back().handler_depth;
}

void Compiler::pop_fblock() { u_->fblocks.pop_back(); }

int Compiler::add_const(Ref value, const std::string& key) {
    auto it = u_->const_index.find(key);
    if (it != u_->const_index.end()) return it->second;
    Code* co = u_->co();
    int index = static_cast<int>(co->consts.size());
    if (kCodeConstantsImmortal) make_constant_immortal(value.get());
    co->consts.push_back(value.release());
    if (!key.empty()) u_->const_index[key] = index;
    return index;
}

int Compiler::const_none() { return add_const(Ref::borrow(None), "None"); }

int Compiler::add_name(const std::string& name) {
    auto it = u_->name_index.find(name);
    if (it != u_->name_index.end()) return it->second;
    Code* co = u_->co();
    int index = static_cast<int>(co->names.size());
    co->names.push_back(intern(name));
    u_->name_index[name] = index;
    return index;
}

int Compiler::deref_slot(const std::string& name) { return u_->deref_index.at(name); }

int Compiler::closure_slot(const std::string& name) {
    if (u_->class_cell_index >= 0 && name == "__class__") return u_->class_cell_index;
    return deref_slot(name);
}

// ---- names ----

void Compiler::load_name(const std::string& raw_name) {
    std::string name = mangled(raw_name);
    Scope* s = u_->scope;
    switch (s->lookup(name)) {
        case NameScope::Local:
            if (s->is_function()) return emit(Op::LOAD_FAST, u_->local_index.at(name));
            return emit(Op::LOAD_NAME, add_name(name));
        case NameScope::GlobalExplicit:
            return emit(Op::LOAD_GLOBAL, add_name(name) << 1);
        case NameScope::GlobalImplicit:
            if (s->is_function()) return emit(Op::LOAD_GLOBAL, add_name(name) << 1);
            return emit(Op::LOAD_NAME, add_name(name));
        case NameScope::Free:
        case NameScope::Cell:
            // A class body reads its namespace first: `locals()["x"] = 43` there hides the
            // enclosing function's x (CPython's LOAD_CLASSDEREF).
            if (s->kind == ScopeKind::Class) return emit(Op::LOAD_CLASSDEREF, deref_slot(name));
            return emit(Op::LOAD_DEREF, deref_slot(name));
    }
}

void Compiler::store_name(const std::string& raw_name) {
    // CPython's compiler refuses every binding of __debug__, at the node it is compiling.
    if (raw_name == "__debug__") fail("cannot assign to __debug__", u_->pos);
    std::string name = mangled(raw_name);
    Scope* s = u_->scope;
    switch (s->lookup(name)) {
        case NameScope::Local:
            if (s->is_function()) return emit(Op::STORE_FAST, u_->local_index.at(name));
            return emit(Op::STORE_NAME, add_name(name));
        case NameScope::GlobalExplicit:
            return emit(Op::STORE_GLOBAL, add_name(name));
        case NameScope::GlobalImplicit:
            return emit(Op::STORE_NAME, add_name(name));
        case NameScope::Free:
        case NameScope::Cell:
            return emit(Op::STORE_DEREF, deref_slot(name));
    }
}

void Compiler::delete_name(const std::string& raw_name) {
    if (raw_name == "__debug__") fail("cannot delete __debug__", u_->pos);
    std::string name = mangled(raw_name);
    Scope* s = u_->scope;
    switch (s->lookup(name)) {
        case NameScope::Local:
            if (s->is_function()) return emit(Op::DELETE_FAST, u_->local_index.at(name));
            return emit(Op::DELETE_NAME, add_name(name));
        case NameScope::GlobalExplicit:
            return emit(Op::DELETE_GLOBAL, add_name(name));
        case NameScope::GlobalImplicit:
            return emit(Op::DELETE_NAME, add_name(name));
        case NameScope::Free:
        case NameScope::Cell:
            return emit(Op::DELETE_DEREF, deref_slot(name));
    }
}

// ---- statements ----

namespace {

// The docstring of a module, class or function body: its first statement, when that is a string.
const std::string* docstring_of(const ast::StmtList& body) {
    if (body.empty() || body.front()->kind != ast::StmtKind::Expr) return nullptr;
    const ast::Expr& first = *ast::as<ast::ExprStmt>(*body.front()).value;
    if (first.kind != ast::ExprKind::Constant ||
        ast::as<ast::Constant>(first).value_kind != ast::ConstKind::Str)
        return nullptr;
    return &ast::as<ast::Constant>(first).text;
}

}  // namespace

// A module's or class's docstring becomes its __doc__, stored first as CPython's compiler does.
void Compiler::store_docstring(const ast::StmtList& body) {
    const std::string* doc = optimize_ < 2 ? docstring_of(body) : nullptr;
    if (!doc) return;
    PosGuard guard(u_, body.front()->pos);
    emit(Op::LOAD_CONST, add_const(Ref::borrow(intern(*doc)), "s:" + *doc));
    emit(Op::STORE_NAME, add_name("__doc__"));
}

Ref Compiler::compile(const ast::Module& module) {
    enter_unit(symbols_.module_scope(), "<module>", "<module>", 1);
    u_->pos = {};
    if (mode_ == CompileMode::Eval) {
        if (module.body.size() != 1 || module.body[0]->kind != ast::StmtKind::Expr)
            fail("invalid syntax", module.body.empty() ? ast::Pos{} : module.body[0]->pos);
        visit_expr(*ast::as<ast::ExprStmt>(*module.body[0]).value);
        emit(Op::RETURN_VALUE);
    } else {
        bool has_doc = mode_ == CompileMode::File && optimize_ < 2 && docstring_of(module.body);
        if (has_doc) store_docstring(module.body);
        if (has_simple_annotations(module.body)) emit(Op::SETUP_ANNOTATIONS);
        visit_body(module.body, has_doc ? 1 : 0);
        emit_implicit_return();
    }
    if (module_awaits_) u_->co()->flags |= kCoCoroutine;
    return leave_unit();
}

bool Compiler::may_await() {
    if (u_->scope->is_coroutine) return true;
    if (!top_level_await_ || u_->scope->kind != ScopeKind::Module) return false;
    module_awaits_ = true;
    return true;
}

void Compiler::visit_body(const ast::StmtList& body, size_t first) {
    for (size_t i = first; i < body.size(); ++i) visit_stmt(*body[i]);
}

void Compiler::visit_stmt(const ast::Stmt& s) {
    PosGuard guard(u_, s.pos);
    using K = ast::StmtKind;
    switch (s.kind) {
        case K::FunctionDef:
            return visit_function_def(ast::as<ast::FunctionDef>(s));
        case K::ClassDef:
            return visit_class_def(ast::as<ast::ClassDef>(s));
        case K::Return:
            return visit_return(ast::as<ast::Return>(s));
        case K::Delete:
            for (const auto& t : ast::as<ast::Delete>(s).targets) visit_delete(*t);
            return;
        case K::Assign: {
            const auto& a = ast::as<ast::Assign>(s);
            if (visit_parallel_assign(a)) return;
            visit_expr(*a.value);
            for (size_t i = 0; i < a.targets.size(); ++i) {
                if (i + 1 < a.targets.size()) emit(Op::COPY, 1);
                visit_store(*a.targets[i]);
            }
            return;
        }
        case K::AugAssign:
            return visit_aug_assign(ast::as<ast::AugAssign>(s));
        case K::AnnAssign:
            return visit_ann_assign(ast::as<ast::AnnAssign>(s));
        case K::For:
            return visit_for(ast::as<ast::For>(s));
        case K::While:
            return visit_while(ast::as<ast::While>(s));
        case K::If:
            return visit_if(ast::as<ast::If>(s));
        case K::With:
            return visit_with(ast::as<ast::With>(s), 0);
        case K::Raise:
            return visit_raise(ast::as<ast::Raise>(s));
        case K::Try:
            return visit_try(ast::as<ast::Try>(s));
        case K::Match:
            return visit_match(ast::as<ast::Match>(s));
        case K::Assert:
            return visit_assert(ast::as<ast::Assert>(s));
        case K::Import:
            return visit_import(ast::as<ast::Import>(s));
        case K::ImportFrom:
            return visit_import_from(ast::as<ast::ImportFrom>(s));
        case K::Global:
        case K::Nonlocal:
            return;
        case K::Expr: {
            const auto& value = *ast::as<ast::ExprStmt>(s).value;
            bool print = mode_ == CompileMode::Interactive && u_->scope->kind == ScopeKind::Module;
            // A bare literal computes nothing, but its line runs (sys.settrace sees it): a NOP, as CPython's.
            if (value.kind == ast::ExprKind::Constant && !print) return emit(Op::NOP);
            visit_expr(value);
            return emit(print ? Op::PRINT_EXPR : Op::POP_TOP);
        }
        case K::Pass:
            // An instruction of its own, so the line exists for sys.settrace (CPython keeps a NOP).
            return emit(Op::NOP);
        case K::Break:
            return visit_loop_exit(s, true);
        case K::Continue:
            return visit_loop_exit(s, false);
    }
}

// In a module or class body, `name: ann` records ann in __annotations__ (as text under PEP 563);
// other targets' annotations are only evaluated. A function body evaluates none.
void Compiler::visit_ann_assign(const ast::AnnAssign& a) {
    // `x.__debug__: int` too, value or not (CPython's forbidden_name on the target).
    if ((a.target->kind == ast::ExprKind::Name && ast::as<ast::Name>(*a.target).id == "__debug__") ||
        (a.target->kind == ast::ExprKind::Attribute &&
         ast::as<ast::Attribute>(*a.target).attr == "__debug__"))
        fail("cannot assign to __debug__", u_->pos);
    if (a.value) {
        visit_expr(*a.value);
        visit_store(*a.target);
    }
    ScopeKind kind = u_->scope->kind;
    if (kind != ScopeKind::Module && kind != ScopeKind::Class) return;
    if (a.simple && a.target->kind == ast::ExprKind::Name) {
        visit_annotation(*a.annotation);
        load_name("__annotations__");
        std::string name = mangled(ast::as<ast::Name>(*a.target).id);
        emit(Op::LOAD_CONST, add_const(Ref::borrow(intern(name)), "s:" + name));
        emit(Op::STORE_SUBSCR);
    } else if (!symbols_.future_annotations) {
        visit_expr(*a.annotation);
        emit(Op::POP_TOP);
    }
}

// An annotation's value: the expression, or under PEP 563 its text, as CPython writes it back. `*args: *Ts`
// (PEP 646) stores the one item that unpacking Ts gives, as CPython's `[value] = [*Ts]`.
void Compiler::visit_annotation(const ast::Expr& e) {
    if (!symbols_.future_annotations && e.kind == ast::ExprKind::Starred) {
        visit_expr(*ast::as<ast::Starred>(e).value);
        return emit(Op::UNPACK_SEQUENCE, 1);
    }
    if (!symbols_.future_annotations) return visit_expr(e);
    std::optional<std::string> written = unparse_expression(e);
    std::string text = written ? *written : source_text(e.pos);
    emit(Op::LOAD_CONST, add_const(str_new(text), "s:" + text));
}

// The source of the span `p` (columns count code points), lines joined by a space.
std::string Compiler::source_text(const ast::Pos& p) const {
    auto cut = [](const std::string& line, int from, int to) {
        size_t b = 0, e = line.size(), cp = 0;
        for (size_t i = 0; i <= line.size(); ++i) {
            if (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
            if (static_cast<int>(cp) == from) b = i;
            if (to >= 0 && static_cast<int>(cp) == to) e = i;
            ++cp;
        }
        return line.substr(b, e > b ? e - b : 0);
    };
    std::string out;
    for (int l = p.line; l <= p.end_line && l >= 1 && l <= static_cast<int>(src_.lines.size()); ++l) {
        const std::string& line = src_.lines[l - 1];
        std::string piece = cut(line, l == p.line ? p.col : 0, l == p.end_line ? p.end_col : -1);
        if (!out.empty()) out += " ";
        out += piece;
    }
    return out;
}

// True when a module or class body (or a block nested in it) has `name: annotation`.
bool Compiler::has_simple_annotations(const ast::StmtList& body) {
    for (const auto& s : body) {
        switch (s->kind) {
            case ast::StmtKind::AnnAssign:
                if (ast::as<ast::AnnAssign>(*s).simple &&
                    ast::as<ast::AnnAssign>(*s).target->kind == ast::ExprKind::Name)
                    return true;
                break;
            case ast::StmtKind::If:
                if (has_simple_annotations(ast::as<ast::If>(*s).body) ||
                    has_simple_annotations(ast::as<ast::If>(*s).orelse))
                    return true;
                break;
            case ast::StmtKind::For:
            case ast::StmtKind::While: {
                const auto& b =
                    s->kind == ast::StmtKind::For ? ast::as<ast::For>(*s).body : ast::as<ast::While>(*s).body;
                const auto& o = s->kind == ast::StmtKind::For ? ast::as<ast::For>(*s).orelse
                                                              : ast::as<ast::While>(*s).orelse;
                if (has_simple_annotations(b) || has_simple_annotations(o)) return true;
                break;
            }
            case ast::StmtKind::With:
                if (has_simple_annotations(ast::as<ast::With>(*s).body)) return true;
                break;
            case ast::StmtKind::Try: {
                const auto& t = ast::as<ast::Try>(*s);
                if (has_simple_annotations(t.body) || has_simple_annotations(t.orelse) ||
                    has_simple_annotations(t.finalbody))
                    return true;
                for (const auto& h : t.handlers)
                    if (has_simple_annotations(h.body)) return true;
                break;
            }
            case ast::StmtKind::Match:
                for (const auto& c : ast::as<ast::Match>(*s).cases)
                    if (has_simple_annotations(c.body)) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

void Compiler::visit_function_def(const ast::FunctionDef& f) {
    visit_exprs(f.decorator_list);
    Ref code = compile_function_body(symbols_.scope_of(&f), f.name, f.args,
                                     first_line_of(f.pos, f.decorator_list), &f.body, nullptr);
    make_function(std::move(code), &f.args, f.pos, f.returns.get());
    apply_decorators(f.decorator_list);
    store_name(f.name);
}

// A decorated definition's code starts at its first decorator, as CPython's co_firstlineno does
// (sys.settrace's 'call' event and inspect.getsource show that line).
int Compiler::first_line_of(const ast::Pos& pos, const ast::ExprList& decorators) {
    return decorators.empty() ? pos.line : decorators.front()->pos.line;
}

// Each decorator is called on its own line, innermost first: a traceback from a decorator points
// at it, and sys.settrace sees its line again, as in CPython 3.11.
void Compiler::apply_decorators(const ast::ExprList& decorators) {
    for (size_t i = decorators.size(); i-- > 0;) {
        PosGuard at(u_, decorators[i]->pos);
        emit(Op::CALL, 0);
    }
}

// [NULL, __build_class__, body function, name, bases...] CALL: the body runs once, filling the
// namespace the class is made from.
void Compiler::visit_class_def(const ast::ClassDef& c) {
    visit_exprs(c.decorator_list);
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_BUILD_CLASS);
    Scope* scope = symbols_.scope_of(&c);
    enter_unit(scope, c.name, child_qualname(c.name), first_line_of(c.pos, c.decorator_list));
    load_name("__name__");
    store_name("__module__");
    emit(Op::LOAD_CONST, add_const(Ref::borrow(intern(u_->qualname)), "s:" + u_->qualname));
    store_name("__qualname__");
    store_docstring(c.body);
    if (has_simple_annotations(c.body)) emit(Op::SETUP_ANNOTATIONS);
    visit_body(c.body, optimize_ < 2 && docstring_of(c.body) ? 1 : 0);
    if (scope->needs_class_cell) {
        // The cell goes into the namespace, for type.__new__ to fill with the new class, and back to
        // __build_class__, which checks that it holds the class made (CPython's __classcell__).
        PosGuard guard(u_, ast::Pos{});
        emit(Op::LOAD_CLOSURE, closure_slot("__class__"));
        emit(Op::COPY, 1);
        emit(Op::STORE_NAME, add_name("__classcell__"));
        emit(Op::RETURN_VALUE);
    } else {
        emit_implicit_return();
    }
    Ref code = leave_unit();
    make_function(std::move(code), nullptr, c.pos);
    emit(Op::LOAD_CONST, add_const(Ref::borrow(intern(c.name)), "s:" + c.name));
    visit_call_args(c.bases, c.keywords, 2);
    apply_decorators(c.decorator_list);
    store_name(c.name);
}

Ref Compiler::compile_function_body(Scope* scope, const std::string& name, const ast::Arguments& args,
                                    int first_line, const ast::StmtList* body, const ast::Expr* value) {
    enter_unit(scope, name, child_qualname(name), first_line);
    Code* co = u_->co();
    co->posonlyargcount = static_cast<int>(args.posonlyargs.size());
    co->argcount = static_cast<int>(args.posonlyargs.size() + args.args.size());
    co->kwonlyargcount = static_cast<int>(args.kwonlyargs.size());
    if (args.vararg) co->flags |= kCoVarArgs;
    if (args.kwarg) co->flags |= kCoVarKeywords;
    if (const std::string* doc = body && optimize_ < 2 ? docstring_of(*body) : nullptr)
        co->set_doc(str_new(*doc));
    if (body) {
        // A function's docstring is no statement, even under -OO, as in CPython.
        visit_body(*body, docstring_of(*body) ? 1 : 0);
        emit_implicit_return();
        return leave_unit();
    }
    {
        // Ends before leave_unit(), which frees the unit the guard restores.
        PosGuard guard(u_, value->pos);
        visit_expr(*value);
        emit(Op::RETURN_VALUE);
    }
    return leave_unit();
}

// The `return None` at the end of a body belongs to no line of its own: CPython gives it the line
// of whatever ran before it (the last line of an if branch, a loop's test), so sys.settrace's
// 'return' event reports the last line traced (vm/trace_hooks.cpp), and a traceback never points here.
void Compiler::emit_implicit_return() {
    PosGuard guard(u_, ast::Pos{});
    emit(Op::LOAD_CONST, const_none());
    emit(Op::RETURN_VALUE);
}

void Compiler::visit_return(const ast::Return& r) {
    if (!u_->scope->is_function()) fail("'return' outside function", r.pos);
    // CPython reports a return value's position: the error comes after the value is compiled.
    check_except_star_exit(r.value ? r.value->pos : r.pos, false);
    if (r.value && u_->scope->is_coroutine && u_->scope->is_generator)
        fail("'return' with value in async generator", r.pos);
    if (r.value) {
        visit_expr(*r.value);
        unwind_fblocks(true, false);
    } else {
        if (unwinding_runs_code(false)) emit(Op::NOP);  // the `return` line, before a finally's
        unwind_fblocks(false, false);
        emit(Op::LOAD_CONST, const_none());
    }
    emit(Op::RETURN_VALUE);
}

void Compiler::visit_loop_exit(const ast::Stmt& s, bool is_break) {
    check_except_star_exit(s.pos, true);
    // The `break` or `continue` line runs before a finally body or an __exit__ it leaves, as in
    // CPython (sys.settrace reports it first).
    if (unwinding_runs_code(true)) emit(Op::NOP);
    int loop = unwind_fblocks(false, true);
    if (loop < 0) fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s.pos);
    const FBlock& b = u_->fblocks[loop];
    if (is_break) {
        if (b.kind == BlockKind::ForLoop) emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, b.break_label);
    } else {
        emit_jump(Op::JUMP_FORWARD, b.continue_label);
    }
}

bool Compiler::unwinding_runs_code(bool stop_at_loop) const {
    for (auto b = u_->fblocks.rbegin(); b != u_->fblocks.rend(); ++b) {
        if (stop_at_loop && (b->kind == BlockKind::WhileLoop || b->kind == BlockKind::ForLoop)) return false;
        if (b->kind == BlockKind::FinallyTry || b->kind == BlockKind::With || b->kind == BlockKind::AsyncWith)
            return true;
    }
    return false;
}

int Compiler::unwind_fblocks(bool preserve_tos, bool stop_at_loop) {
    std::vector<FBlock> saved_blocks = u_->fblocks;
    std::vector<int> saved_handlers = u_->handler_stack;
    int loop = -1;
    for (int i = static_cast<int>(saved_blocks.size()) - 1; i >= 0; --i) {
        const FBlock& b = saved_blocks[i];
        if (stop_at_loop && (b.kind == BlockKind::WhileLoop || b.kind == BlockKind::ForLoop)) {
            loop = i;
            break;
        }
        u_->fblocks.resize(i);
        u_->handler_stack.resize(b.handler_depth);
        unwind_one(b, preserve_tos);
    }
    u_->fblocks = std::move(saved_blocks);
    u_->handler_stack = std::move(saved_handlers);
    return loop;
}

void Compiler::unwind_one(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
        case BlockKind::WhileLoop:
        case BlockKind::TryExcept:
        case BlockKind::ExceptStar:
            return;
        case BlockKind::ForLoop:
            if (preserve_tos) emit(Op::SWAP, 2);
            return emit(Op::POP_TOP);
        case BlockKind::FinallyTry:
            // A `break` or `continue` in the finally body of a `return` drops the value it was
            // returning (CPython's POP_VALUE block; test_grammar's test_break_in_finally_after_return).
            if (preserve_tos) push_fblock(FBlock{BlockKind::PopValue, -1, -1, nullptr, {}});
            visit_body(*b.finalbody);
            if (preserve_tos) pop_fblock();
            // What follows (the jump or the return) belongs to no line, as in CPython: the finally
            // body seems to run after the statement that left; the statement's guard restores.
            u_->pos = ast::Pos{};
            return;
        case BlockKind::PopValue:
            if (preserve_tos) emit(Op::SWAP, 2);
            return emit(Op::POP_TOP);
        case BlockKind::FinallyEnd:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            if (preserve_tos) emit(Op::SWAP, 2);
            return emit(Op::POP_EXCEPT);
        case BlockKind::HandlerCleanup:
            if (preserve_tos) emit(Op::SWAP, 2);
            emit(Op::POP_EXCEPT);
            if (!b.name.empty()) {
                emit(Op::LOAD_CONST, const_none());
                store_name(b.name);
                delete_name(b.name);
            }
            return;
        case BlockKind::With:
        case BlockKind::AsyncWith:
            // __exit__ runs on the `with` line, and what follows on none (as for a finally body).
            u_->pos = b.pos;
            if (preserve_tos) emit(Op::SWAP, 2);
            emit_exit_call();
            if (b.kind == BlockKind::AsyncWith) emit_await(2);
            emit(Op::POP_TOP);
            u_->pos = ast::Pos{};
            return;
    }
}

void Compiler::emit_exit_call() {
    // [exit] -> [exit, None, None, None]: CALL 2 then sees `exit` in the method slot, so it calls
    // exit(None, None, None) — the trick CPython 3.11 uses too.
    int none = const_none();
    emit(Op::LOAD_CONST, none);
    emit(Op::LOAD_CONST, none);
    emit(Op::LOAD_CONST, none);
    emit(Op::CALL, 2);
}

// `await` of the awaitable at TOS, as CPython 3.11: GET_AWAITABLE, then the `yield from` loop.
// `from` says, for the error of an object that is not awaitable, that __aenter__ (1) or __aexit__
// (2) of an `async with` returned it.
void Compiler::emit_await(int from) {
    emit(Op::GET_AWAITABLE, from);
    emit(Op::LOAD_CONST, const_none());
    emit_yield_from_loop();
}

// [it, value] -> [result]: SEND passes each sent value (None first) to the inner iterator and each
// item it yields out; when it is exhausted, its return value is the result.
void Compiler::emit_yield_from_loop() {
    int start = new_label(), exit = new_label();
    bind(start);
    emit_jump(Op::SEND, exit);
    emit(Op::YIELD_VALUE);
    emit_jump(Op::JUMP_BACKWARD, start);
    bind(exit);
}

// `async for`, as CPython 3.11: each step awaits __anext__() under a handler whose END_ASYNC_FOR
// ends the loop on StopAsyncIteration (then the else block runs) and re-raises anything else.
void Compiler::visit_async_for(const ast::For& f) {
    if (!may_await()) fail("'async for' outside async function", f.pos);
    int start = new_label(), handler = new_label(), end = new_label();
    visit_expr(*f.iter);
    emit(Op::GET_AITER);
    int depth = u_->depth;
    bind(start);
    push_handler(handler, depth);
    {
        PosGuard guard(u_, f.iter->pos);
        emit(Op::GET_ANEXT);
        emit(Op::LOAD_CONST, const_none());
        emit_yield_from_loop();
    }
    pop_handler();
    visit_store(*f.target);
    push_fblock(FBlock{BlockKind::ForLoop, start, end, nullptr, {}});
    visit_body(f.body);
    pop_fblock();
    // Back to the next __anext__ with no line of its own: its 'line' event is the GET_ANEXT's.
    emit_artificial_jump(Op::JUMP_FORWARD, start);
    bind_handler(handler, depth + 1);
    emit(Op::END_ASYNC_FOR);
    visit_body(f.orelse);
    bind(end);
}

void Compiler::visit_for(const ast::For& f) {
    if (f.is_async) return visit_async_for(f);
    int start = new_label(), exit = new_label(), end = new_label();
    visit_iterable(*f.iter);
    emit(Op::GET_ITER);
    bind(start);
    {
        PosGuard guard(u_, f.iter->pos);
        emit_jump(Op::FOR_ITER, exit);
    }
    visit_store(*f.target);
    push_fblock(FBlock{BlockKind::ForLoop, start, end, nullptr, {}});
    visit_body(f.body);
    pop_fblock();
    emit_artificial_jump(Op::JUMP_FORWARD, start);
    bind(exit);
    visit_body(f.orelse);
    bind(end);
}

void Compiler::visit_while(const ast::While& w) {
    int start = new_label(), orelse = new_label(), end = new_label();
    bind(start);
    size_t before = u_->co()->instructions.size();
    visit_jump_if(*w.test, orelse, false);
    // `while True:` tests nothing, yet its line runs each round: a NOP, as CPython's, so that
    // sys.settrace reports it.
    if (u_->co()->instructions.size() == before) emit(Op::NOP);
    push_fblock(FBlock{BlockKind::WhileLoop, start, end, nullptr, {}});
    visit_body(w.body);
    pop_fblock();
    emit_artificial_jump(Op::JUMP_FORWARD, start);
    bind(orelse);
    visit_body(w.orelse);
    bind(end);
}

void Compiler::visit_if(const ast::If& i) {
    int orelse = new_label(), end = new_label();
    size_t before = u_->co()->instructions.size();
    visit_jump_if(*i.test, orelse, false);
    // `if 1:` tests nothing, yet its line runs: a NOP, as for `while True:`.
    if (u_->co()->instructions.size() == before) emit(Op::NOP);
    visit_body(i.body);
    if (!i.orelse.empty()) emit_artificial_jump(Op::JUMP_FORWARD, end);
    bind(orelse);
    visit_body(i.orelse);
    bind(end);
}

void Compiler::visit_try(const ast::Try& t) {
    // The `try:` line runs (sys.settrace sees it) before the body's first line, as CPython's NOP.
    emit(Op::NOP);
    if (!t.finalbody.empty()) return visit_try_finally(t);
    if (t.is_star) return visit_try_star(t);
    visit_try_except(t);
}

// A try statement's handler starts with PUSH_EXC_INFO, which belongs to no line (as in CPython):
// the exception's path goes from the raising line straight to the except or finally line.
void Compiler::emit_push_exc_info() {
    PosGuard guard(u_, ast::Pos{});
    emit(Op::PUSH_EXC_INFO);
}

// [prev, exc]: makes `prev` the handled exception again and re-raises exc. A clean-up's RERAISE has
// operand 1, as CPython's: a frame the exception leaves from there reports the line it was raised at.
void Compiler::emit_restore_and_reraise(bool from_cleanup) {
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE, from_cleanup ? 1 : 0);
}

// The body of a try with except clauses under `handler`, then its else block and a jump to `end`;
// returns the stack depth the handler starts from.
int Compiler::visit_try_body(const ast::Try& t, int handler, int end) {
    int depth = u_->depth;
    push_handler(handler, depth);
    push_fblock(FBlock{BlockKind::TryExcept, -1, -1, nullptr, {}});
    visit_body(t.body);
    pop_fblock();
    pop_handler();
    visit_body(t.orelse);
    emit_artificial_jump(Op::JUMP_FORWARD, end);
    return depth;
}

// Stack at the handler: [exc] -> PUSH_EXC_INFO -> [prev, exc]; each clause tests the type, stores or
// drops exc, runs its body with `prev` below, then POP_EXCEPT restores prev as the handled exception.
void Compiler::visit_try_except(const ast::Try& t) {
    int handler = new_label(), cleanup = new_label(), end = new_label();
    int depth = visit_try_body(t, handler, end);
    bind_handler(handler, depth + 1);
    emit_push_exc_info();
    push_handler(cleanup, depth + 1);
    for (const auto& h : t.handlers) {
        PosGuard guard(u_, h.pos);
        int next = new_label();
        if (h.type) {
            visit_expr(*h.type);
            emit(Op::CHECK_EXC_MATCH);
            emit_jump(Op::POP_JUMP_IF_FALSE, next);
        } else if (&h != &t.handlers.back()) {
            fail("default 'except:' must be last", h.pos);
        }
        int name_cleanup = new_label();
        if (h.name.empty()) {
            emit(Op::POP_TOP);
        } else {
            store_name(h.name);
            push_handler(name_cleanup, depth + 1);
        }
        push_fblock(FBlock{BlockKind::HandlerCleanup, -1, -1, nullptr, h.name});
        visit_body(h.body);
        pop_fblock();
        if (!h.name.empty()) pop_handler();
        // Leaving the clause (restoring the handled exception, clearing the name) belongs to no
        // line, as in CPython: sys.settrace reports no second visit of the `except` line.
        PosGuard no_line(u_, ast::Pos{});
        emit(Op::POP_EXCEPT);
        if (!h.name.empty()) {
            emit(Op::LOAD_CONST, const_none());
            store_name(h.name);
            delete_name(h.name);
            emit_jump(Op::JUMP_FORWARD, end);
            // An exception inside the body still clears the name before leaving.
            bind_handler(name_cleanup, depth + 2);
            emit(Op::LOAD_CONST, const_none());
            store_name(h.name);
            delete_name(h.name);
            emit(Op::RERAISE, 1);
        } else {
            emit_jump(Op::JUMP_FORWARD, end);
        }
        bind(next);
    }
    {
        // No clause matched: the exception goes on from the last clause's line, as CPython's
        // re-raise there (a frame it leaves reports that line).
        PosGuard last_clause(u_, t.handlers.back().pos);
        emit(Op::RERAISE);
    }
    PosGuard no_line(u_, ast::Pos{});
    pop_handler();
    bind_handler(cleanup, depth + 2);
    emit_restore_and_reraise(true);
    bind(end);
}

// The finally body is compiled twice: inline on the normal path, and in the handler, which
// re-raises afterwards. `return`/`break` inside the try run a third copy (unwind_one).
void Compiler::visit_try_finally(const ast::Try& t) {
    int handler = new_label(), cleanup = new_label(), end = new_label();
    int depth = u_->depth;
    push_handler(handler, depth);
    push_fblock_over_handler(FBlock{BlockKind::FinallyTry, -1, -1, &t.finalbody, {}});
    if (t.handlers.empty())
        visit_body(t.body);
    else if (t.is_star)
        visit_try_star(t);
    else
        visit_try_except(t);
    pop_fblock();
    pop_handler();
    visit_body(t.finalbody);
    emit_artificial_jump(Op::JUMP_FORWARD, end);

    bind_handler(handler, depth + 1);
    emit_push_exc_info();
    push_handler(cleanup, depth + 1);
    push_fblock(FBlock{BlockKind::FinallyEnd, -1, -1, nullptr, {}});
    visit_body(t.finalbody);
    pop_fblock();
    pop_handler();
    // Re-raising after the finally body belongs to no line: the frame's line stays the finally
    // body's last, as sys.settrace's 'return' event shows in CPython.
    PosGuard no_line(u_, ast::Pos{});
    emit_restore_and_reraise(false);
    bind_handler(cleanup, depth + 2);
    emit_restore_and_reraise(true);
    bind(end);
}

void Compiler::visit_with(const ast::With& w, size_t item) {
    const ast::WithItem& it = w.items[item];
    int handler = new_label(), cleanup = new_label(), suppress = new_label(), end = new_label();
    if (w.is_async && !may_await()) fail("'async with' outside async function", w.pos);
    visit_expr(*it.context_expr);
    if (w.is_async) {
        emit(Op::BEFORE_ASYNC_WITH);
        emit_await(1);
    } else {
        emit(Op::BEFORE_WITH);
    }
    int depth = u_->depth - 1;  // the exit function stays on the stack
    push_handler(handler, depth);
    if (it.optional_vars)
        visit_store(*it.optional_vars);
    else
        emit(Op::POP_TOP);
    push_fblock_over_handler(
        FBlock{w.is_async ? BlockKind::AsyncWith : BlockKind::With, -1, -1, nullptr, {}, 0, w.pos});
    if (item + 1 < w.items.size())
        visit_with(w, item + 1);
    else
        visit_body(w.body);
    pop_fblock();
    pop_handler();
    emit_exit_call();
    if (w.is_async) emit_await(2);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, end);

    bind_handler(handler, depth + 1);
    emit(Op::PUSH_EXC_INFO);
    push_handler(cleanup, depth + 1);
    emit(Op::WITH_EXCEPT_START);
    if (w.is_async) emit_await(2);
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE, 1);  // the exception goes on from where it was raised in the body
    pop_handler();
    bind(suppress);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, end);
    bind_handler(cleanup, depth + 2);
    emit_restore_and_reraise(true);
    bind(end);
}

void Compiler::visit_raise(const ast::Raise& r) {
    uint32_t n = 0;
    if (r.exc) {
        visit_expr(*r.exc);
        ++n;
        if (r.cause) {
            visit_expr(*r.cause);
            ++n;
        }
    }
    emit(Op::RAISE_VARARGS, n);
}

void Compiler::visit_assert(const ast::Assert& a) {
    check_assert(a);  // its warning is given under -O too, as CPython's
    if (optimize_ > 0) return;
    int end = new_label();
    visit_jump_if(*a.test, end, true);
    // CPython 3.11 points the traceback at the test expression.
    PosGuard guard(u_, a.test->pos);
    emit(Op::LOAD_ASSERTION_ERROR);
    if (a.msg) {
        visit_expr(*a.msg);
        emit(Op::CALL, 0);
    }
    emit(Op::RAISE_VARARGS, 1);
    bind(end);
}

void Compiler::visit_import(const ast::Import& imp) {
    for (const auto& alias : imp.names) {
        emit(Op::LOAD_CONST, add_const(Ref::steal(make_small_int(0)), "i:0"));
        emit(Op::LOAD_CONST, const_none());
        emit(Op::IMPORT_NAME, add_name(mangled(alias.name)));
        size_t dot = alias.name.find('.');
        if (alias.asname.empty()) {
            store_name(alias.name.substr(0, dot));
            continue;
        }
        while (dot != std::string::npos) {
            size_t next = alias.name.find('.', dot + 1);
            emit(Op::IMPORT_FROM, add_name(alias.name.substr(dot + 1, next - dot - 1)));
            emit(Op::SWAP, 2);
            emit(Op::POP_TOP);
            dot = next;
        }
        store_name(alias.asname);
    }
}

void Compiler::visit_import_from(const ast::ImportFrom& imp) {
    bool star = imp.names.size() == 1 && imp.names[0].name == "*";
    if (star && u_->scope->kind != ScopeKind::Module)
        fail("import * only allowed at module level", imp.names[0].pos);
    emit(Op::LOAD_CONST, add_const(Ref::steal(make_small_int(imp.level)), "i:" + std::to_string(imp.level)));
    Ref fromlist = tuple_new(imp.names.size());
    for (size_t i = 0; i < imp.names.size(); ++i) {
        as_tuple(fromlist.get())->items[i] = newref(intern(imp.names[i].name));
    }
    emit(Op::LOAD_CONST, add_const(std::move(fromlist), ""));
    emit(Op::IMPORT_NAME, add_name(mangled(imp.module)));
    if (star) {
        emit(Op::IMPORT_STAR);
        return;
    }
    for (const auto& alias : imp.names) {
        emit(Op::IMPORT_FROM, add_name(mangled(alias.name)));
        store_name(alias.asname.empty() ? alias.name : alias.asname);
    }
    emit(Op::POP_TOP);
}

void Compiler::visit_aug_assign(const ast::AugAssign& a) {
    uint32_t op = static_cast<uint32_t>(binary_op_of(a.op)) | kInplaceFlag;
    const ast::Expr& t = *a.target;
    switch (t.kind) {
        case ast::ExprKind::Name: {
            const auto& name = ast::as<ast::Name>(t).id;
            if (name == "__debug__") fail("cannot assign to __debug__", t.pos);
            load_name(name);
            visit_expr(*a.value);
            emit(Op::BINARY_OP, op);
            return store_name(name);
        }
        case ast::ExprKind::Attribute: {
            const auto& attr = ast::as<ast::Attribute>(t);
            visit_expr(*attr.value);  // CPython 3.11 lets `x.__debug__ += 1` compile
            emit(Op::COPY, 1);
            {
                PosGuard guard(u_, t.pos);
                emit(Op::LOAD_ATTR, attr_name(attr.attr));
            }
            visit_expr(*a.value);
            emit(Op::BINARY_OP, op);
            emit(Op::SWAP, 2);
            return emit(Op::STORE_ATTR, attr_name(attr.attr));
        }
        case ast::ExprKind::Subscript: {
            const auto& sub = ast::as<ast::Subscript>(t);
            visit_expr(*sub.value);
            visit_subscript_key(*sub.slice);
            emit(Op::COPY, 2);
            emit(Op::COPY, 2);
            {
                PosGuard guard(u_, t.pos);
                emit(Op::BINARY_SUBSCR);
            }
            visit_expr(*a.value);
            emit(Op::BINARY_OP, op);
            emit(Op::SWAP, 3);
            emit(Op::SWAP, 2);
            return emit(Op::STORE_SUBSCR);
        }
        default:
            fail("illegal expression for augmented assignment", t.pos);
    }
}

void Compiler::visit_delete(const ast::Expr& t) {
    PosGuard guard(u_, t.pos);
    switch (t.kind) {
        case ast::ExprKind::Name:
            return delete_name(ast::as<ast::Name>(t).id);
        case ast::ExprKind::Attribute: {
            const auto& attr = ast::as<ast::Attribute>(t);
            visit_expr(*attr.value);
            return emit(Op::DELETE_ATTR, attr_name(attr.attr));
        }
        case ast::ExprKind::Subscript: {
            const auto& sub = ast::as<ast::Subscript>(t);
            visit_expr(*sub.value);
            visit_subscript_key(*sub.slice);
            return emit(Op::DELETE_SUBSCR);
        }
        case ast::ExprKind::Tuple:
        case ast::ExprKind::List:
            for (const auto& e : ast::as<ast::Sequence>(t).elts) visit_delete(*e);
            return;
        default:
            fail("cannot delete expression", t.pos);
    }
}

Ref compile_module(const ast::Module& module, std::string_view source, const std::string& filename,
                   CompileMode mode, int optimize, bool top_level_await) {
    issue_source_warnings(module, source, filename);
    CompileSource src(source, filename);
    try {
        SymbolTable symbols(module, src);
        Compiler compiler(src, symbols, mode, optimize < 0 ? optimize_level() : optimize, top_level_await);
        return compiler.compile(module);
    } catch (const std::out_of_range&) {
        // A name missing from a scope's tables is a bug of this compiler (a class's `global x`
        // passed on to its methods was one): a SystemError for the code that met it, not an abort.
        raise(&SystemError_type,
              format("compiler: a name without a slot while compiling %s", filename.c_str()));
    }
}

}  // namespace minipy
