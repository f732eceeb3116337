// colors.h — the terminal colours of error reports and prompts, CPython 3.13's default theme
// (Lib/_colorize.py), and its rule for when to use them (can_colorize).
#pragma once

namespace minipy::syntax {

// ANSI escape sequences for each part of a report; all empty when colour is off.
struct Colors {
    const char* type = "";       // exception type name: bold magenta
    const char* message = "";    // exception message: magenta
    const char* location = "";   // file name, line number and function name: magenta
    const char* highlight = "";  // ^ carets and the code above them: bold red
    const char* range = "";      // ~ carets and the code above them: red
    const char* prompt = "";     // >>> and ...: bold magenta
    const char* reset = "";

    static const Colors& plain();
    static const Colors& ansi();
};

// CPython 3.13's rule: NO_COLOR set turns colour off; else FORCE_COLOR set turns it on; else
// TERM=dumb turns it off; else colour is on when `fd` is a terminal. (MINIPY_COLORS=0/1 decides
// first, as PYTHON_COLORS does for CPython.)
bool can_colorize(int fd);
// Colors::ansi() or Colors::plain(), by can_colorize(fd).
const Colors& colors_for(int fd);

}  // namespace minipy::syntax
