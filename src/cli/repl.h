// repl.h — the interactive prompt: `>>> ` / `... `, multi-line blocks ended by a blank line,
// line editing, Tab completion and history through libedit, Ctrl-C cancels the entry, Ctrl-D leaves;
// lines starting with '.' are the teaching commands (repl_commands.h).
#pragma once

#include "interpreter/interpreter.h"

namespace minipy::cli {

// Reads entries from the terminal and runs each complete one in `session`, which prints the
// result or the traceback. Returns the exit status once the user leaves: 0 for Ctrl-D, else the
// status of the SystemExit an entry raised (exit(), quit(), sys.exit()).
int run_repl(InteractiveSession& session);

}  // namespace minipy::cli
