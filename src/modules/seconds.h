// seconds.h — a number of seconds as CPython's _PyTime_FromSecondsObject reads one: a float, or an
// integer (anything with __index__; never a str), for setitimer's delays and SimpleQueue's timeout.
#pragma once

#include "objects/abstract.h"
#include "objects/float.h"

namespace minipy {

inline double seconds_value(Object* seconds) {
    return is_instance(seconds, &float_type) ? float_value(seconds) : static_cast<double>(as_index(seconds));
}

}  // namespace minipy
