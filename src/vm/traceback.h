// traceback.h — printing an uncaught exception as CPython 3.11 does: the chain of causes and
// contexts, each "Traceback (most recent call last):" with its source lines and ^^^ / ~~^~~ carets.
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

// The full text CPython writes to stderr for an uncaught exception.
std::string format_exception(Object* exc);

}  // namespace minipy
