// version.cpp — names the build: the flavor comes from flavor.h, the number from CMake.
#include "runtime/version.h"

#include "runtime/flavor.h"

#ifndef MINIPY_VERSION
#define MINIPY_VERSION "0.0.0"
#endif

namespace minipy {

const char* executable_name() { return kFreeThreaded ? "minipy-ft" : "minipy"; }

std::string version_banner() {
    return std::string(executable_name()) + " " + MINIPY_VERSION + " (" + kFlavorName + ")";
}

}  // namespace minipy
