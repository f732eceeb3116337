// environment.h — the environment variables that configure minipy (MINIPYPATH, MINIPYSTARTUP, ...),
// read through one function so that `-E` (CPython's "ignore PYTHON* environment variables") can turn
// them all off at once; and `-I`, isolated mode: -E, and no script folder on sys.path.
#pragma once

#include <string>
#include <vector>

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
// -B or MINIPYDONTWRITEBYTECODE, as interpreter/code_cache.cpp decided: sys.flags.dont_write_bytecode.
void set_dont_write_bytecode_flag(bool on);
bool dont_write_bytecode_flag();
// -u or PYTHONUNBUFFERED: stdout and stderr write through at once (sys.stdout.write_through).
void set_unbuffered_stdio(bool on);
bool unbuffered_stdio();
// -O (1) or -OO (2), or PYTHONOPTIMIZE: the level compile() and imports compile at when not told
// another (asserts and `if __debug__:` blocks dropped from 1, docstrings from 2); sys.flags.optimize.
void set_optimize_level(int level);
int optimize_level();
// -X int_max_str_digits=N or PYTHONINTMAXSTRDIGITS, as given at start-up; -1 when neither was
// (sys.flags.int_max_str_digits). The limit in force is objects/int.h's int_max_str_digits().
void set_int_max_str_digits_option(int digits);
int int_max_str_digits_option();
// Every -X option as given ("gil=1", "int_max_str_digits=800", "dev"): sys._xoptions.
void set_x_options(std::vector<std::string> options);
const std::vector<std::string>& x_options();
// -X dev or PYTHONDEVMODE: CPython's development mode (sys.flags.dev_mode; "default" leads
// sys.warnoptions, so every warning shows; asyncio runs in debug mode). Read after set_x_options.
bool dev_mode();
// PYTHONWARNINGS's filters, then -W's: sys.warnoptions, which the warnings module reads.
void set_warn_options(std::vector<std::string> options);
const std::vector<std::string>& warn_options();
// The command line exactly as the process got it: sys.orig_argv.
void set_original_argv(std::vector<std::string> argv);
const std::vector<std::string>& original_argv();
// getenv(name) for a variable that configures the interpreter; null when unset or ignored.
const char* configuration_variable(const char* name);

}  // namespace minipy
