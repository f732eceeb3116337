// warnings_module.h — what other native modules ask of the native _warnings (warnings_module.cpp).
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

// warnings.warn(message, category, stacklevel=1, source=source), filed under the running Python
// frame, as CPython's PyErr_ResourceWarning: the filters decide whether it shows (ResourceWarning
// is ignored by default); `source` lets the message say where the object was made (tracemalloc).
void warn_with_source(Type* category, const std::string& message, Object* source);

}  // namespace minipy
