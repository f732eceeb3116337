// environment.cpp — configuration variables and `-E` (see environment.h).
#include "runtime/environment.h"

#include <cstdlib>
#include <cstring>

namespace minipy {

namespace {

// Set once by main, before any other thread starts.
bool g_ignore_environment = false;
bool g_isolated = false;
bool g_no_user_site = false;

}  // namespace

void set_ignore_environment(bool ignore) { g_ignore_environment = ignore; }

bool environment_ignored() { return g_ignore_environment || g_isolated; }

void set_isolated(bool isolated) { g_isolated = isolated; }

bool isolated_mode() { return g_isolated; }

void set_no_user_site(bool no_user_site) { g_no_user_site = no_user_site; }

bool no_user_site() { return g_no_user_site || g_isolated; }

const char* configuration_variable(const char* name) {
    bool configures = std::strncmp(name, "MINIPY", 6) == 0 || std::strncmp(name, "PYTHON", 6) == 0;
    if (environment_ignored() && configures) return nullptr;
    return std::getenv(name);
}

}  // namespace minipy
