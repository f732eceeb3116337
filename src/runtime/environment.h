// environment.h — the environment variables that configure minipy (MINIPYPATH, MINIPYSTARTUP, ...),
// read through one function so that `-E` (CPython's "ignore PYTHON* environment variables") can turn
// them all off at once.
#pragma once

namespace minipy {

// -E: from now on configuration_variable() finds no MINIPY* or PYTHON* variable.
void set_ignore_environment(bool ignore);
bool environment_ignored();
// getenv(name) for a variable that configures the interpreter; null when unset or ignored.
const char* configuration_variable(const char* name);

}  // namespace minipy
