// unicode_data.h — the Unicode Character Database's per-character properties that the unicodedata
// module answers from (category, bidi class, combining class, numeric values, decomposition, East
// Asian width, composition exclusions). The tables are generated at build time from Debian's
// unicode-data (src/syntax/gen/make_unicode_data.cpp), beside the name tables of unicode_names.h.
#pragma once

#include <string>
#include <string_view>

namespace minipy::unicode_data {

struct Properties {
    const char* category;       // "Lu", ...; "Cn" for unassigned code points
    const char* bidirectional;  // "L", ...; "" for unassigned code points
    int combining;              // canonical combining class
    bool mirrored;
    int decimal;                // -1: none
    int digit;                  // -1: none
    const char* numeric;        // "1/2", "3", ...; "" for none
    const char* decomposition;  // "<compat> 0020 0308", ...; "" for none
};

Properties properties(char32_t c);
const char* east_asian_width(char32_t c);  // "N", "Na", "A", "W", "H" or "F"
// Full_Composition_Exclusion: never the result of canonical composition (NFC, NFKC).
bool composition_excluded(char32_t c);
// Whether c was assigned by Unicode 3.2 (DerivedAge), the version of IDNA's unicodedata.ucd_3_2_0.
bool assigned_by_3_2(char32_t c);

enum class NormalForm { NFC, NFD, NFKC, NFKD };
// `text` (UTF-8) in normal form `form` (unicode_normalize.cpp).
std::string normalize(NormalForm form, std::string_view text);

}  // namespace minipy::unicode_data
