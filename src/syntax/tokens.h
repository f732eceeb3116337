// tokens.h — helpers shared by the lexer and `--tokens`: where a token ends, and Python's repr().
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "Token.h"

namespace minipy::syntax {

// (line, column) just past the token, as tokenize reports its end.
std::pair<int, int> token_end(const antlr4::Token& t);

// Python's repr() of a str (UTF-8) and of a bytes object.
std::string py_repr_str(std::string_view s);
std::string py_repr_bytes(std::string_view s);

}  // namespace minipy::syntax
