// unparse.h — an expression back to source text, as CPython's ast_unparse.c writes it: the text that
// `from __future__ import annotations` stores for an annotation (PEP 563), which is the expression's
// canonical form, not what the source said: `Dict[str,int]` is 'Dict[str, int]', `"str"` is "'str'".
#pragma once

#include <optional>
#include <string>

#include "syntax/ast.h"

namespace minipy {

// The text of `e`; nullopt for an expression this does not write (yield, :=), which the caller
// takes from the source instead.
std::optional<std::string> unparse_expression(const ast::Expr& e);

}  // namespace minipy
