// locale_startup.h — the locale minipy starts in, as CPython's pre-initialization sets it up: LC_CTYPE
// from the environment, the C locale coerced to C.UTF-8 (PEP 538), and UTF-8 mode (PEP 540).
#pragma once

#include <string>
#include <vector>

namespace minipy::cli {

// Sets LC_CTYPE (the other categories stay "C"), coerces the C locale and decides UTF-8 mode from
// -X utf8, PYTHONUTF8 and the locale. Returns false, having printed CPython's fatal error, when
// -X utf8 or PYTHONUTF8 has a value other than 0 or 1. Call after -E and -I are known.
bool configure_locale(const std::vector<std::string>& x_options);

}  // namespace minipy::cli
