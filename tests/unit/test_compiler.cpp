// test_compiler.cpp — the opcode table's stack effects, the symbol table's scope decisions, and
// the code generator's compile-time errors and stack-depth bookkeeping.
#include <doctest/doctest.h>

#include "compiler/codegen.h"
#include "compiler/symtable.h"
#include "interpreter/interpreter.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/str.h"
#include "syntax/parser.h"

using namespace minipy;

namespace {

struct Analysed {
    std::unique_ptr<ast::Module> module;
    std::unique_ptr<CompileSource> source;
    std::unique_ptr<SymbolTable> table;
};

Analysed analyse(const char* text) {
    Analysed a;
    a.module = syntax::parse(text, "t.py");
    a.source = std::make_unique<CompileSource>(text, "t.py");
    a.table = std::make_unique<SymbolTable>(*a.module, *a.source);
    return a;
}

// The scope of the function called `name` among the module's children (depth-first).
const Scope* find_scope(const Scope* s, const std::string& name) {
    if (s->name == name) return s;
    for (const auto& c : s->children) {
        if (const Scope* found = find_scope(c.get(), name)) return found;
    }
    return nullptr;
}

syntax::SyntaxErrorInfo compile_error(const char* text) {
    initialize_runtime();
    try {
        auto module = syntax::parse(text, "t.py");
        compile_module(*module, text, "t.py");
    } catch (const syntax::SyntaxError& e) {
        return e.info();
    }
    return {};
}

Ref compile(const char* text) {
    initialize_runtime();
    auto module = syntax::parse(text, "t.py");
    return compile_module(*module, text, "t.py");
}

}  // namespace

TEST_CASE("opcode table: names and stack effects come from one table") {
    CHECK(std::string(op_name(Op::LOAD_FAST)) == "LOAD_FAST");
    CHECK(op_arg_kind(Op::JUMP_BACKWARD) == ArgKind::Jump);
    CHECK(stack_effect(Op::BUILD_LIST, 3) == -2);
    CHECK(stack_effect(Op::BUILD_MAP, 2) == -3);
    CHECK(stack_effect(Op::CALL, 2) == -3);
    CHECK(stack_effect(Op::LOAD_GLOBAL, 4 << 1) == 1);
    CHECK(stack_effect(Op::LOAD_GLOBAL, 4 << 1 | 1) == 2);
    CHECK(stack_effect(Op::UNPACK_SEQUENCE, 3) == 2);
    CHECK(stack_effect(Op::UNPACK_EX, 1 | 2 << 8) == 3);
    CHECK(stack_effect(Op::MAKE_FUNCTION, kMakeDefaults | kMakeClosure) == -2);
    CHECK(stack_effect(Op::FOR_ITER, 0, false) == 1);
    CHECK(stack_effect(Op::FOR_ITER, 0, true) == -1);
    CHECK(stack_effect(Op::JUMP_IF_FALSE_OR_POP, 0, true) == 0);
    CHECK(stack_effect(Op::JUMP_IF_FALSE_OR_POP, 0, false) == -1);
    // SEND keeps [iterator, item] while delegating and leaves only the return value on exit.
    CHECK(stack_effect(Op::SEND, 0, false) == 0);
    CHECK(stack_effect(Op::SEND, 0, true) == -1);
    CHECK(is_terminator(Op::RETURN_VALUE));
    CHECK_FALSE(is_terminator(Op::POP_JUMP_IF_TRUE));
}

TEST_CASE("symtable: locals, globals, cells and free variables") {
    auto a = analyse(
        "x = 1\n"
        "def f(p):\n"
        "    global g\n"
        "    y = p + x\n"
        "    def inner():\n"
        "        nonlocal y\n"
        "        y = p\n"
        "    return inner\n");
    const Scope* mod = a.table->module_scope();
    CHECK(mod->lookup("x") == NameScope::Local);  // the module's locals dict is its globals
    const Scope* f = find_scope(mod, "f");
    REQUIRE(f);
    CHECK(f->lookup("g") == NameScope::GlobalExplicit);
    CHECK(f->lookup("x") == NameScope::GlobalImplicit);
    CHECK(f->lookup("y") == NameScope::Cell);
    CHECK(f->lookup("p") == NameScope::Cell);
    CHECK(f->lookup("inner") == NameScope::Local);
    const Scope* inner = find_scope(mod, "inner");
    REQUIRE(inner);
    CHECK(inner->lookup("y") == NameScope::Free);
    CHECK(inner->lookup("p") == NameScope::Free);
    CHECK(inner->freevars == std::vector<std::string>{"p", "y"});
}

TEST_CASE("symtable: super() gives methods the class's __class__ cell") {
    auto a = analyse(
        "class A:\n"
        "    def f(self):\n"
        "        return super().f()\n"
        "    def g(self):\n"
        "        return 1\n");
    const Scope* cls = find_scope(a.table->module_scope(), "A");
    REQUIRE(cls);
    CHECK(cls->needs_class_cell);
    CHECK(cls->cellvars == std::vector<std::string>{"__class__"});
    CHECK(find_scope(a.table->module_scope(), "f")->lookup("__class__") == NameScope::Free);
    CHECK(find_scope(a.table->module_scope(), "g")->freevars.empty());
}

TEST_CASE("symtable: a walrus in a comprehension binds in the enclosing function") {
    auto a = analyse("def f(xs):\n    return [y for x in xs if (y := x)], y\n");
    const Scope* comp = find_scope(a.table->module_scope(), "<listcomp>");
    REQUIRE(comp);
    CHECK(comp->lookup("y") == NameScope::Free);
    CHECK(find_scope(a.table->module_scope(), "f")->lookup("y") == NameScope::Cell);
    auto m = analyse("[y for x in 'ab' if (y := x)]\n");
    CHECK(find_scope(m.table->module_scope(), "<listcomp>")->lookup("y") == NameScope::GlobalExplicit);
}

TEST_CASE("symtable: comprehensions get their own function scope") {
    auto a = analyse("def f(n):\n    return [i * n for i in range(n)]\n");
    const Scope* comp = find_scope(a.table->module_scope(), "<listcomp>");
    REQUIRE(comp);
    CHECK(comp->kind == ScopeKind::Comprehension);
    CHECK(comp->lookup("i") == NameScope::Local);
    CHECK(comp->lookup("n") == NameScope::Free);
    const Scope* f = find_scope(a.table->module_scope(), "f");
    CHECK(f->lookup("n") == NameScope::Cell);
    // The first iterable is evaluated in the enclosing scope, as in CPython.
    CHECK(f->lookup("range") == NameScope::GlobalImplicit);
}

TEST_CASE("compile-time SyntaxErrors carry CPython's message and position") {
    auto e = compile_error("x = 1\nreturn x\n");
    CHECK(e.msg == "'return' outside function");
    CHECK(e.line == 2);
    CHECK(e.col == 1);
    CHECK(compile_error("break\n").msg == "'break' outside loop");
    CHECK(compile_error("while 1:\n    def f():\n        continue\n").msg ==
          "'continue' not properly in loop");
    CHECK(compile_error("nonlocal x\n").msg == "nonlocal declaration not allowed at module level");
    auto nb = compile_error("def f():\n    nonlocal x\n");
    CHECK(nb.msg == "no binding for nonlocal 'x' found");
    CHECK(nb.line == 2);
    // The compiler quotes the line from the file named, as CPython: there is none here.
    CHECK(nb.text.empty());
    CHECK(nb.text_kind == syntax::SyntaxErrorInfo::Text::None);
    CHECK(compile_error("def f(a):\n    global a\n").msg == "name 'a' is parameter and global");
}

TEST_CASE("codegen: stack depth and exception table") {
    Ref code =
        compile("def f(a, b):\n    try:\n        return a + b\n    except TypeError:\n        return 0\n");
    Code* module = as_code(code.get());
    Code* f = nullptr;
    for (Object* k : module->consts) {
        if (type_of(k) == &code_type) f = as_code(k);
    }
    REQUIRE(f);
    CHECK(f->argcount == 2);
    CHECK(f->stacksize >= 2);
    REQUIRE_FALSE(f->exception_table.empty());
    CHECK(f->exception_table[0].depth == 0);
    CHECK(f->positions().size() == f->instructions.size());
}

TEST_CASE("codegen: constants are folded and shared") {
    Ref code = compile("a = (1, 2, -3)\nb = -3\nc = 'x'\nd = 'x'\n");
    Code* co = as_code(code.get());
    int tuples = 0, strs = 0;
    for (Object* k : co->consts) {
        tuples += type_of(k) == &tuple_type;
        strs += type_of(k) == &str_type;
    }
    CHECK(tuples == 1);
    CHECK(strs == 1);
}
