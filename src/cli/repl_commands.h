// repl_commands.h — the REPL's teaching commands: `.dis`, `.ast`, `.tokens`, `.trace`, `.gil`,
// `.flavor` and `.help`, lines that start with '.' and a letter (never valid Python there).
#pragma once

#include <string>

#include "interpreter/interpreter.h"

namespace minipy::cli {

// True for a line the REPL hands to run_teaching_command instead of running it as Python.
bool is_teaching_command(const std::string& line);

// Runs one command line, e.g. ".dis x + 1", printing its view of the code to stdout (.trace's
// instruction trace goes to stderr, as --trace's does).
void run_teaching_command(const std::string& line, InteractiveSession& session);

}  // namespace minipy::cli
