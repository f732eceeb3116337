// traceback.h — printing an uncaught exception as CPython 3.11 does: the chain of causes and
// contexts, each "Traceback (most recent call last):" with its source lines and ^^^ / ~~^~~ carets.
#pragma once

#include <string>

#include "objects/object.h"
#include "syntax/colors.h"

namespace minipy {

// The full text CPython writes to stderr for an uncaught exception; in CPython 3.13's colours
// when `colors` has them.
std::string format_exception(Object* exc, const syntax::Colors& colors = syntax::Colors::plain());

}  // namespace minipy
