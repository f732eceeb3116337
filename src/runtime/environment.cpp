// environment.cpp — configuration variables and `-E` (see environment.h).
#include "runtime/environment.h"

#include <cstdlib>
#include <cstring>

namespace minipy {

namespace {

bool g_ignore_environment = false;  // set once by main, before any other thread starts

}  // namespace

void set_ignore_environment(bool ignore) { g_ignore_environment = ignore; }

bool environment_ignored() { return g_ignore_environment; }

const char* configuration_variable(const char* name) {
    bool configures = std::strncmp(name, "MINIPY", 6) == 0 || std::strncmp(name, "PYTHON", 6) == 0;
    if (g_ignore_environment && configures) return nullptr;
    return std::getenv(name);
}

}  // namespace minipy
