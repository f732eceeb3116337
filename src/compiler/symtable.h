// symtable.h — the compiler's first pass: which scope each name belongs to. Builds one Scope per module,
// function, lambda, comprehension and class body, then resolves every name to local, global, free or
// cell, as CPython's Python/symtable.c does, raising its SyntaxErrors for misplaced global/nonlocal.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "syntax/ast.h"
#include "syntax/parser.h"

namespace minipy {

// The program text, kept so compile-time SyntaxErrors can quote the offending line.
struct CompileSource {
    std::string filename;
    std::vector<std::string> lines;
    CompileSource(std::string_view text, std::string file);
    [[noreturn]] void fail(const std::string& msg, const ast::Pos& pos) const;
};

enum class ScopeKind { Module, Function, Lambda, Comprehension, Class };

// Where a name lives at run time.
enum class NameScope {
    Local,           // a fast local (function) or a key of the locals dict (module, class)
    GlobalExplicit,  // declared `global`
    GlobalImplicit,  // never bound here or in an enclosing function: globals, then builtins
    Free,            // bound in an enclosing function, reached through a cell
    Cell,            // bound here and captured by an inner function
};

// Per-name facts gathered while walking a scope.
enum SymbolFlag : int {
    kDefLocal = 1,
    kDefParam = 2,
    kDefGlobal = 4,
    kDefNonlocal = 8,
    kUse = 16,
    kDefAnnotated = 32,  // `x: int` as a simple annotation: x may not then be declared global or nonlocal
};

// CPython's private name mangling: inside class C (its body and everything nested in it, up to
// the next class), `__x` becomes `_C__x`; dunder names, dotted names and classes named only by
// underscores are left alone.
std::string mangle(const std::string& class_name, const std::string& name);

struct Scope {
    ScopeKind kind;
    std::string name;
    std::string private_name;  // the innermost enclosing class (this one, for a class), or empty
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children;
    std::map<std::string, int> flags;
    std::vector<std::string> order;   // names in order of first appearance
    std::vector<std::string> params;  // in signature order
    std::map<std::string, NameScope> resolved;
    std::vector<std::string> cellvars, freevars;  // sorted, as CPython orders them
    bool is_generator = false;
    bool is_coroutine = false;      // an `async def`: a coroutine, or an async generator if it yields
    bool needs_class_cell = false;  // a class whose methods use super() or __class__  // contains `yield`, or
                                    // is a generator expression

    bool is_function() const {
        return kind == ScopeKind::Function || kind == ScopeKind::Lambda || kind == ScopeKind::Comprehension;
    }
    NameScope lookup(const std::string& name) const;
};

class SymbolTable {
public:
    // Walks the module and resolves every scope. Throws syntax::SyntaxError.
    SymbolTable(const ast::Module& module, const CompileSource& source);
    Scope* module_scope() const { return root_.get(); }
    // The scope opened by a FunctionDef, Lambda, Comp or ClassDef node.
    Scope* scope_of(const void* node) const;
    // `from __future__ import annotations` (PEP 563): annotations are kept as strings, not evaluated.
    bool future_annotations = false;

private:
    std::unique_ptr<Scope> root_;
    std::map<const void*, Scope*> by_node_;
    friend class SymbolTableBuilder;
};

}  // namespace minipy
