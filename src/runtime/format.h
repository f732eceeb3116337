// format.h — printf-style formatting into a std::string, for building messages (every layer uses
// it; objects/errors.h's raise helpers most).
#pragma once

#include <string>

namespace minipy {

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace minipy
