// version.cpp — names the build: the flavor comes from flavor.h, the number from CMake.
#include "runtime/version.h"

#include "runtime/flavor.h"

#ifndef MINIPY_VERSION
#define MINIPY_VERSION "0.0.0"
#endif

namespace minipy {

const char* executable_name() { return kFreeThreaded ? "minipy-ft" : "minipy"; }

const char* version_number() { return MINIPY_VERSION; }

std::string version_banner() {
    return std::string(executable_name()) + " " + MINIPY_VERSION + " (" + kFlavorName + ")";
}

std::string compiler_name() {
#if defined(__clang__)
    return std::string("Clang ") + __clang_version__;
#elif defined(__GNUC__)
    return std::string("GCC ") + __VERSION__;
#else
    return "unknown compiler";
#endif
}

std::string interactive_banner() {
    return version_banner() + " [" + compiler_name() + "] on linux\n" +
           "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.";
}

}  // namespace minipy
