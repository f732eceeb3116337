// version.h — the interpreter's name, version and flavor, as `--version` and `sys.version` show them.
#pragma once

#include <string>

namespace minipy {

// "minipy 0.1.0 (GIL)" or "minipy-ft 0.1.0 (free-threaded)".
std::string version_banner();
const char* executable_name();  // "minipy" or "minipy-ft"

}  // namespace minipy
