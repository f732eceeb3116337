// unicode_names.h — the Unicode character names: `\N{...}` escapes in string literals, and the
// unicode_escape codec and unicodedata.lookup/name, which must agree with them. The tables are
// generated at build time from Debian's unicode-data (src/syntax/gen/make_unicode_names.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace minipy::unicode_names {

// The code point named `name` (upper or lower case, as CPython's lookup); aliases from
// NameAliases.txt count when `with_aliases` (they do for \N{...} and unicodedata.lookup).
std::optional<char32_t> lookup(std::string_view name, bool with_aliases = true);

// The name of `c`, empty when it has none (controls, unassigned and private-use code points).
std::string name(char32_t c);

}  // namespace minipy::unicode_names
