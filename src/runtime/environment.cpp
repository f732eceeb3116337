// environment.cpp — configuration variables and `-E` (see environment.h).
#include "runtime/environment.h"

#include <cstdlib>
#include <cstring>
#include <utility>

namespace minipy {

namespace {

// Set once by main, before any other thread starts.
bool g_ignore_environment = false;
bool g_isolated = false;
bool g_no_user_site = false;
bool g_dont_write_bytecode = false;
bool g_unbuffered_stdio = false;
int g_optimize_level = 0;
int g_int_max_str_digits_option = -1;
std::vector<std::string> g_warn_options;
std::vector<std::string> g_x_options;
std::vector<std::string> g_original_argv;

}  // namespace

void set_ignore_environment(bool ignore) { g_ignore_environment = ignore; }

bool environment_ignored() { return g_ignore_environment || g_isolated; }

void set_isolated(bool isolated) { g_isolated = isolated; }

bool isolated_mode() { return g_isolated; }

void set_no_user_site(bool no_user_site) { g_no_user_site = no_user_site; }

bool no_user_site() { return g_no_user_site || g_isolated; }

void set_dont_write_bytecode_flag(bool on) { g_dont_write_bytecode = on; }

bool dont_write_bytecode_flag() { return g_dont_write_bytecode; }

void set_unbuffered_stdio(bool on) { g_unbuffered_stdio = on; }

bool unbuffered_stdio() { return g_unbuffered_stdio; }

void set_optimize_level(int level) { g_optimize_level = level; }

int optimize_level() { return g_optimize_level; }

void set_int_max_str_digits_option(int digits) { g_int_max_str_digits_option = digits; }

int int_max_str_digits_option() { return g_int_max_str_digits_option; }

void set_x_options(std::vector<std::string> options) { g_x_options = std::move(options); }

const std::vector<std::string>& x_options() { return g_x_options; }

void set_original_argv(std::vector<std::string> argv) { g_original_argv = std::move(argv); }

const std::vector<std::string>& original_argv() { return g_original_argv; }

bool dev_mode() {
    for (const std::string& x : g_x_options)
        if (x == "dev") return true;
    const char* env = configuration_variable("PYTHONDEVMODE");
    return env && *env;
}

void set_warn_options(std::vector<std::string> options) { g_warn_options = std::move(options); }

const std::vector<std::string>& warn_options() { return g_warn_options; }

const char* configuration_variable(const char* name) {
    bool configures = std::strncmp(name, "MINIPY", 6) == 0 || std::strncmp(name, "PYTHON", 6) == 0;
    if (environment_ignored() && configures) return nullptr;
    return std::getenv(name);
}

}  // namespace minipy
