// repl.h — the interactive prompt: `>>> ` / `... `, multi-line blocks ended by a blank line,
// line editing and history through libedit, Ctrl-C cancels the entry, Ctrl-D leaves.
#pragma once

#include <functional>
#include <string>

namespace minipy::cli {

// Reads entries from the terminal and hands each complete one to `execute`, which prints the
// result or the traceback itself. Returns the exit status once the user leaves.
using ExecuteEntry = std::function<void(const std::string& source)>;
int run_repl(const std::string& banner, const ExecuteEntry& execute);

}  // namespace minipy::cli
