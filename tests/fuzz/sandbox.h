// sandbox.h — what fuzz_run and fuzz_programs share: compile the input and run it in a fresh
// namespace whose builtins lack __import__, open, input, exit, quit, help and breakpoint (so no
// files, fork, threads, sleeps or exits), with a 64 MiB bound on single allocations and 100 ms:
// a watchdog raises KeyboardInterrupt in it after that (again every 10 ms, for code that catches
// it). Any outcome but a crash or a sanitizer report is fine.
#pragma once

#include <string>

namespace minipy::fuzz {

// Compiles and runs `text` in the sandbox; false when it did not compile.
bool run_in_sandbox(const std::string& text);

}  // namespace minipy::fuzz
