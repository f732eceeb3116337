// exception_class.h — the exception classes that native modules define (termios.error,
// struct.error, _csv.Error, io.UnsupportedOperation...), made as CPython's PyErr_NewException makes
// them: a class statement `class name(*bases): pass` run in module `module`.
#pragma once

#include <initializer_list>

#include "objects/object.h"

namespace minipy {

Ref new_exception_class(const char* module, const char* name, std::initializer_list<Object*> bases);

}  // namespace minipy
