// traceback.h — printing an uncaught exception as CPython 3.11 does: the chain of causes and
// contexts, each "Traceback (most recent call last):" with its source lines and ^^^ / ~~^~~ carets.
#pragma once

#include <string>

#include "objects/object.h"
#include "syntax/colors.h"
#include "syntax/parser.h"

namespace minipy {

// The full text CPython writes to stderr for an uncaught exception; in CPython 3.13's colours
// when `colors` has them.
std::string format_exception(Object* exc, const syntax::Colors& colors = syntax::Colors::plain());

// The Python exception for a syntax error found by the front end (exec, eval, compile, import): a
// SyntaxError, IndentationError or TabError with CPython's msg/filename/lineno/offset/text/
// end_lineno/end_offset, or the RecursionError or MemoryError of input nested too deep.
Ref syntax_error_object(const syntax::SyntaxErrorInfo& info);
[[noreturn]] void raise_syntax_error(const syntax::SyntaxError& e);

}  // namespace minipy
