// colors.cpp — CPython 3.13's colour theme for tracebacks and prompts, and when it applies.
#include "syntax/colors.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace minipy::syntax {

namespace {

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value && *value;
}

}  // namespace

const Colors& Colors::plain() {
    static const Colors colors;
    return colors;
}

const Colors& Colors::ansi() {
    static const Colors colors{"\x1b[1;35m", "\x1b[35m",   "\x1b[35m", "\x1b[1;31m",
                               "\x1b[31m",   "\x1b[1;35m", "\x1b[0m"};
    return colors;
}

bool can_colorize(int fd) {
    if (const char* choice = std::getenv("MINIPY_COLORS")) {
        if (std::strcmp(choice, "0") == 0) return false;
        if (std::strcmp(choice, "1") == 0) return true;
    }
    if (env_set("NO_COLOR")) return false;
    if (env_set("FORCE_COLOR")) return true;
    if (const char* term = std::getenv("TERM"); term && std::strcmp(term, "dumb") == 0) return false;
    return isatty(fd) == 1;
}

const Colors& colors_for(int fd) { return can_colorize(fd) ? Colors::ansi() : Colors::plain(); }

}  // namespace minipy::syntax
