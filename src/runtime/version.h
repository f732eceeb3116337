// version.h — the interpreter's name, version and flavor, as `--version` and `sys.version` show them.
#pragma once

#include <string>

namespace minipy {

// "minipy 0.1.0 (GIL)" or "minipy-ft 0.1.0 (free-threaded)".
std::string version_banner();
const char* executable_name();  // "minipy" or "minipy-ft"
const char* version_number();   // "0.1.0"
// "GCC 12.2.0": the compiler that built this interpreter.
std::string compiler_name();
// The REPL's first lines, in CPython's shape: "minipy 0.1.0 (GIL) [GCC 12.2.0] on linux" and
// 'Type "help", "copyright", "credits" or "license" for more information.'
std::string interactive_banner();

}  // namespace minipy
