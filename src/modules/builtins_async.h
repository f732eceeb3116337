// builtins_async.h — aiter(), anext() and breakpoint(), listed in builtins' function table.
#pragma once

#include "objects/object.h"

namespace minipy {

Ref bi_aiter(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
Ref bi_anext(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
Ref bi_breakpoint(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

}  // namespace minipy
