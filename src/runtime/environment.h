// environment.h — the environment variables that configure minipy (MINIPYPATH, MINIPYSTARTUP, ...),
// read through one function so that `-E` (CPython's "ignore PYTHON* environment variables") can turn
// them all off at once; and `-I`, isolated mode: -E, and no script folder on sys.path.
#pragma once

namespace minipy {

// -E: from now on configuration_variable() finds no MINIPY* or PYTHON* variable.
void set_ignore_environment(bool ignore);
bool environment_ignored();
// -I: ignores the environment as -E does, and keeps the script's folder (or the current one) off
// sys.path, as CPython's isolated mode.
void set_isolated(bool isolated);
bool isolated_mode();
// -s (also set by -I): only reported, in sys.flags.no_user_site; minipy has no user site folder.
void set_no_user_site(bool no_user_site);
bool no_user_site();
// getenv(name) for a variable that configures the interpreter; null when unset or ignored.
const char* configuration_variable(const char* name);

}  // namespace minipy
