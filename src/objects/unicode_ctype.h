// unicode_ctype.h — the character classes and simple case mappings of str's methods, shared with the
// regular-expression engine (_sre) so that `\w`, `\d`, `\s` and IGNORECASE agree with str.isalnum(),
// str.isdecimal(), str.isspace() and str.lower(). Coverage as str_methods.cpp documents.
#pragma once

#include <cstdint>

namespace minipy {

bool unicode_is_space(uint32_t c);
bool unicode_is_decimal(uint32_t c);
bool unicode_is_alnum(uint32_t c);
bool unicode_is_linebreak(uint32_t c);
uint32_t unicode_to_lower(uint32_t c);  // one code point to one, as CPython's Py_UNICODE_TOLOWER
uint32_t unicode_to_upper(uint32_t c);

}  // namespace minipy
