// ordered_dict.h — collections.OrderedDict, native (ordered_dict.cpp); _collections exports it.
#pragma once

#include "objects/object.h"

namespace minipy {

// The OrderedDict type, made on first use.
Type* ordered_dict_type();

}  // namespace minipy
