// ast_objects.h — compile()'s bridge between minipy's C++ syntax tree (syntax/ast.h) and the
// Python node objects of the `_ast` module (stdlib/_ast.py, CPython's classes): ast.parse builds the
// objects from a parse, and compile() of a tree made or changed in Python turns it back into C++.
#pragma once

#include <memory>
#include <string_view>

#include "compiler/codegen.h"
#include "objects/object.h"
#include "syntax/ast.h"

namespace minipy {

// compile()'s mode for a tree: CPython's four roots (mod = Module | Interactive | Expression |
// FunctionType).
enum class AstRoot { Module, Interactive, Expression, FunctionType };

// compile(..., PyCF_ONLY_AST)'s flag value, as CPython's.
inline constexpr int64_t kOnlyAstFlag = 0x400;
inline constexpr int64_t kTopLevelAwaitFlag = 0x2000;  // PyCF_ALLOW_TOP_LEVEL_AWAIT

// The `_ast` tree of a parsed source, with CPython's positions (columns counted in UTF-8 bytes
// of `source`). Expression takes the one expression statement of `module`; FunctionType takes a
// module whose one statement is the tuple `(argtypes), returns` (compile() parses "(a, b) -> r"
// with its arrow written as a comma, which keeps every column).
Ref ast_to_objects(const ast::Module& module, std::string_view source, AstRoot root);

// True when `o` is an instance of `_ast.AST` (compile() then takes it as a tree).
bool is_ast_object(Object* o);

// The C++ tree of a Python `_ast` tree given to compile() in `mode` ('exec': Module, 'eval':
// Expression, 'single': Interactive). Raises CPython's TypeError/ValueError for a malformed tree.
std::unique_ptr<ast::Module> ast_from_objects(Object* tree, CompileMode mode);

}  // namespace minipy
