// compiler_unit.h — private to the code generator: the Compiler class, shared by codegen.cpp
// (code units, labels, assembly, statements) and codegen_expr.cpp (expressions).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/symtable.h"
#include "objects/code.h"
#include "objects/opcodes.h"

namespace minipy {

// A control-flow construct that `break`, `continue` and `return` must leave in order
// (CPython's "frame blocks").
enum class BlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    HandlerCleanup,
    ExceptStar,
    With,
    AsyncWith,
    PopValue  // a return's value, waiting on the stack while a finally body runs
};

struct FBlock {
    BlockKind kind;
    int continue_label = -1;
    int break_label = -1;
    const ast::StmtList* finalbody = nullptr;  // FinallyTry
    std::string name;                          // HandlerCleanup: the `as` name to clear
    size_t handler_depth = 0;                  // handlers in force outside this block
    ast::Pos pos{};                            // With, AsyncWith: the statement, where __exit__ runs
};

// An exception handler in force while instructions are emitted.
struct Handler {
    int label;
    int depth;
};

// The state of a pattern being compiled (CPython's pattern_context): the names captured so far,
// whose values wait on the stack below the items in use, and the labels that pop n items on failure.
struct PatternContext {
    std::vector<std::string> stores;
    std::vector<int> fail_pop;  // fail_pop[n]: pops n items, then falls to fail_pop[n - 1]
    int on_top = 0;             // items above the captured values that a failure must pop too
    bool allow_irrefutable = false;
};

// Everything being built for one code object.
struct Unit {
    Scope* scope = nullptr;
    Ref code;
    std::string qualname;
    std::map<std::string, int> const_index;
    std::map<std::string, int> name_index;
    std::map<std::string, int> local_index;
    std::map<std::string, int> deref_index;  // cellvars then freevars
    // A class body's implicit `__class__` cell (needs_class_cell), which its methods close over and
    // __classcell__ hands to type.__new__; -1 without one. deref_index names the body's own
    // `__class__` where `nonlocal __class__` makes it a free variable too (CPython's get_ref_type).
    int class_cell_index = -1;
    std::vector<int> label_pos, label_depth;
    std::vector<int> handler_of;  // per instruction: index into `handlers`, or -1
    std::vector<Handler> handlers;
    std::vector<int> handler_stack;  // indexes into `handlers`
    std::vector<FBlock> fblocks;
    int depth = 0;
    int max_depth = 0;
    bool reachable = true;
    ast::Pos pos;
    Code* co() const { return code.as<Code>(); }
};

class Compiler {
public:
    Compiler(const CompileSource& source, SymbolTable& symbols, CompileMode mode, int optimize,
             bool top_level_await)
        : src_(source),
          symbols_(symbols),
          mode_(mode),
          optimize_(optimize),
          top_level_await_(top_level_await) {}
    Ref compile(const ast::Module& module);

private:
    const CompileSource& src_;
    SymbolTable& symbols_;
    CompileMode mode_;
    int optimize_;  // 0; 1 (-O): no asserts, __debug__ is False; 2 (-OO): no docstrings either
    // compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT: the module's own code may await (the asyncio REPL's),
    // and then is a coroutine's (CO_COROUTINE): eval() of it returns the coroutine.
    bool top_level_await_;
    bool module_awaits_ = false;
    // Whether the unit being compiled may await: a coroutine's, or the module's under
    // top_level_await_ (which it then marks as awaiting).
    bool may_await();
    std::vector<std::unique_ptr<Unit>> units_;
    Unit* u_ = nullptr;
    // The pattern compiled last: CPython reports "alternative patterns bind different names" there.
    ast::Pos last_pattern_pos_;

    // ---- units and assembly (codegen.cpp) ----
    void enter_unit(Scope* scope, const std::string& name, const std::string& qualname, int firstlineno);
    Ref leave_unit();
    void assemble();
    std::string child_qualname(const std::string& name) const;

    // ---- emission ----
    void emit(Op op, uint32_t arg = 0);
    void drop_last_instruction();
    void emit_jump(Op op, int label);
    int new_label();
    void bind(int label);
    void bind_handler(int label, int depth);
    void push_handler(int label, int depth);
    void push_fblock(FBlock b);
    // For a block whose own handler was pushed just before it (try/finally, with): leaving it by
    // return, break or continue runs its cleanup outside that handler.
    void push_fblock_over_handler(FBlock b);
    void pop_fblock();
    void pop_handler();
    int add_const(Ref value, const std::string& key);
    int const_none();
    int const_for(const ast::Constant& c);
    int add_name(const std::string& name);
    std::string mangled(const std::string& name) const { return mangle(u_->scope->private_name, name); }
    int attr_name(const std::string& attr) { return add_name(mangled(attr)); }  // LOAD_ATTR & co.
    int deref_slot(const std::string& name);
    // The slot LOAD_CLOSURE passes on to an inner scope, or to __classcell__, for `name`.
    int closure_slot(const std::string& name);
    [[noreturn]] void fail(const std::string& msg, const ast::Pos& pos) const { src_.fail(msg, pos); }

    // ---- names ----
    void load_name(const std::string& name);
    void store_name(const std::string& name);
    void delete_name(const std::string& name);

    // ---- statements (codegen.cpp) ----
    // The statements of `body` from `first` on (1: after a docstring, which is no statement to run).
    void visit_body(const ast::StmtList& body, size_t first = 0);
    void visit_stmt(const ast::Stmt& s);
    void visit_function_def(const ast::FunctionDef& f);
    void visit_class_def(const ast::ClassDef& c);
    void store_docstring(const ast::StmtList& body);
    void visit_for(const ast::For& f);
    void visit_while(const ast::While& w);
    void visit_if(const ast::If& i);
    void visit_try(const ast::Try& t);
    void visit_try_except(const ast::Try& t);
    int visit_try_body(const ast::Try& t, int handler, int end);
    // `from_cleanup`: a handler's clean-up, which puts the frame back where the exception was raised.
    void emit_restore_and_reraise(bool from_cleanup);
    void visit_try_finally(const ast::Try& t);
    void visit_try_star(const ast::Try& t);  // codegen_except_star.cpp
    // `break`/`continue` (stop_at_loop) or `return` may not leave an except* clause.
    void check_except_star_exit(const ast::Pos& pos, bool stop_at_loop);
    void visit_with(const ast::With& w, size_t item);
    void visit_raise(const ast::Raise& r);
    void visit_assert(const ast::Assert& a);
    void visit_import(const ast::Import& i);
    void visit_import_from(const ast::ImportFrom& i);
    void visit_aug_assign(const ast::AugAssign& a);
    void visit_delete(const ast::Expr& target);
    void visit_return(const ast::Return& r);
    void emit_implicit_return();
    void emit_push_exc_info();
    void emit_artificial_jump(Op op, int label);
    void visit_loop_exit(const ast::Stmt& s, bool is_break);
    // Emits the code that leaves fblocks above `stop` (all when stop is -1); `preserve_tos` keeps a
    // return value on top. Returns the index of the innermost loop when `stop_at_loop`.
    // Whether leaving the blocks up to the innermost loop (or all of them) runs code of other
    // lines: a finally body or an __exit__.
    bool unwinding_runs_code(bool stop_at_loop) const;
    int unwind_fblocks(bool preserve_tos, bool stop_at_loop);
    void unwind_one(const FBlock& b, bool preserve_tos);
    void emit_exit_call();          // calls __exit__(None, None, None) on the exit function below TOS
    void emit_await(int from = 0);  // awaits TOS (from: 1 __aenter__'s result, 2 __aexit__'s)
    void emit_yield_from_loop();    // [it, value] -> [result of `yield from it`]
    void visit_async_for(const ast::For& f);
    void visit_ann_assign(const ast::AnnAssign& a);
    void visit_annotation(const ast::Expr& e);
    std::string source_text(const ast::Pos& p) const;
    static bool has_simple_annotations(const ast::StmtList& body);

    // ---- the match statement (codegen_match.cpp) ----
    void visit_match(const ast::Match& m);
    void visit_pattern(const ast::Pattern& p, PatternContext& pc);
    void visit_subpattern(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_as(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_or(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_sequence(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_mapping(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_class(const ast::Pattern& p, PatternContext& pc);
    void visit_pattern_value(const ast::Expr& value, PatternContext& pc);
    void pattern_store(const std::string& name, const ast::Pos& pos, PatternContext& pc);
    void pattern_fail_jump(Op op, PatternContext& pc);
    void pattern_emit_fail_pops(PatternContext& pc);
    void rotate(int n);  // moves TOS down to the n-th item, the items above it moving up

    // ---- expressions (codegen_expr.cpp) ----
    void visit_expr(const ast::Expr& e);
    void visit_exprs(const ast::ExprList& list);
    void visit_store(const ast::Expr& target);
    void visit_unpack(const ast::ExprList& elts, const ast::Pos& pos);
    void fuse_unpack_to_fast(size_t unpack_at);
    bool visit_parallel_assign(const ast::Assign& a);
    void visit_jump_if(const ast::Expr& e, int label, bool when);
    void visit_bool_op(const ast::BoolOp& b);
    // `negated`: the compare is the operand of `not` and has one `is`, `is not`, `in` or `not in`,
    // compiled as the opposite test (CPython's fold_unaryop).
    void visit_compare(const ast::Compare& c, bool negated = false);
    void visit_call(const ast::Call& c);
    void visit_call_args(const ast::ExprList& args, const std::vector<ast::Keyword>& keywords,
                         uint32_t leading = 0);
    void visit_call_ex(const ast::ExprList& args, const std::vector<ast::Keyword>& keywords,
                       uint32_t leading);
    // `leading`: items already pushed that start the sequence.
    void visit_sequence(const ast::ExprList& elts, Op build, Op extend, uint32_t leading = 0);
    void visit_dict(const ast::Dict& d);
    void visit_subscript_key(const ast::Expr& slice);
    void visit_lambda(const ast::Lambda& l);
    void visit_comprehension(const ast::Comp& c);
    void visit_comp_generator(const ast::Comp& c, size_t index, int depth);
    void visit_joined_str(const ast::JoinedStr& j);
    void visit_formatted_value(const ast::FormattedValue& f);
    // Pushes defaults/kwdefaults, then makes a function (with its closure) from `code`.
    void make_function(Ref code, const ast::Arguments* args, const ast::Pos& pos,
                       const ast::Expr* returns = nullptr);
    // Compiles a def body (`body`) or a lambda body (`value`) into a new code object.
    Ref compile_function_body(Scope* scope, const std::string& name, const ast::Arguments& args,
                              int first_line, const ast::StmtList* body, const ast::Expr* value);
    static int first_line_of(const ast::Pos& pos, const ast::ExprList& decorators);
    void apply_decorators(const ast::ExprList& decorators);
    bool try_fold_constant(const ast::Expr& e, Ref* out, std::string* key);
    // A tuple of the items' constants (with its co_consts key), when every item folds.
    bool try_fold_tuple(const ast::ExprList& elts, Ref* out, std::string* key);
    Ref int_literal(const ast::Expr& literal, const std::string& decimal);
    bool try_fold_set_display(const ast::Expr& e, Ref* out, std::string* key);
    void visit_iterable(const ast::Expr& e);

    // ---- compile-time warnings (codegen_warnings.cpp) ----
    // Issues a SyntaxWarning for the code at `pos`; one the filters turn into an error fails there.
    void warn(const std::string& message, const ast::Pos& pos);
    Type* literal_type(const ast::Expr& e);
    bool is_literal_operand(const ast::Expr& e);
    void check_compare(const ast::Compare& c);
    void check_caller(const ast::Call& call);
    void check_subscript(const ast::Subscript& s);
    void check_assert(const ast::Assert& a);

    friend class PosGuard;
};

// The runtime operator for an AST operator (the two enums list them in different orders).
BinaryOp binary_op_of(ast::BinOpKind op);

// Sets the source position given to emitted instructions for the length of a scope.
class PosGuard {
public:
    PosGuard(Unit* u, const ast::Pos& pos) : u_(u), saved_(u->pos) { u->pos = pos; }
    ~PosGuard() { u_->pos = saved_; }

private:
    Unit* u_;
    ast::Pos saved_;
};

}  // namespace minipy
