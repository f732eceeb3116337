// locale_config.h — what the interpreter takes from the C library's locale: PEP 540's UTF-8 mode,
// the locale encoding (open()'s default) and the standard streams' error handler. (Number text
// stays in the C locale through runtime/c_numbers.h.)
#pragma once

#include <string>

namespace minipy {

// UTF-8 mode, as the command line decided at start-up (cli/locale_startup.cpp): sys.flags.utf8_mode.
// It makes 'utf-8' the encoding open() and locale.getpreferredencoding() use, and surrogateescape
// the standard streams' error handler.
void set_utf8_mode(bool on);
bool utf8_mode();

// The LC_CTYPE locale's codeset (nl_langinfo(CODESET), "UTF-8" when the C library names none):
// _locale.getencoding(), as CPython's _Py_GetLocaleEncoding.
std::string locale_encoding();
// What open() without an encoding uses, as CPython: 'utf-8' in UTF-8 mode, else locale_encoding().
// The file system's encoding too, before the codec's own name replaces it.
std::string default_text_encoding();
// The standard streams' encoding as asked for, before the codec's own name replaces it:
// PYTHONIOENCODING's (its part before any ':'), else default_text_encoding().
std::string stdio_encoding();
// sys.stdin's and sys.stdout's error handler, as CPython's: PYTHONIOENCODING's part after ':', or
// strict when it names an encoding only; else surrogateescape in UTF-8 mode, in the C and POSIX
// locales and in the UTF-8 locales C locale coercion picks (C.UTF-8, C.utf8, UTF-8); strict otherwise.
std::string stdio_errors();
// Whether `name` is one of the locales PEP 538 coerces the C locale to.
bool is_locale_coercion_target(const char* name);

}  // namespace minipy
