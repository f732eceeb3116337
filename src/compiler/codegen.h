// codegen.h — the compiler's second pass: AST to code objects. Statements and expressions are
// translated one node at a time onto a stack machine; jumps go to labels that are patched at the end.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"
#include "syntax/ast.h"

namespace minipy {

enum class CompileMode {
    File,         // a module: statements, returns None
    Interactive,  // a REPL entry: the value of each expression statement is printed (PRINT_EXPR)
    Eval,         // eval(): one expression, whose value the code returns
};

// Compiles a parsed module into a code object. `source` is the text it was parsed from, quoted by
// compile-time SyntaxErrors. `optimize` is compile()'s: -1 for the interpreter's level (-O, -OO,
// runtime/environment.h), else 0, 1 (no asserts, __debug__ False) or 2 (no docstrings either).
// `top_level_await` is compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT. Throws syntax::SyntaxError.
Ref compile_module(const ast::Module& module, std::string_view source, const std::string& filename,
                   CompileMode mode = CompileMode::File, int optimize = -1, bool top_level_await = false);

// Issues the front end's warnings about `module` (invalid escapes, numbers glued to keywords)
// through the warnings module; one turned into an error throws syntax::SyntaxError. compile_module
// does it first; ast.parse, which compiles nothing, calls it itself.
void issue_source_warnings(const ast::Module& module, std::string_view source, const std::string& filename);

}  // namespace minipy
