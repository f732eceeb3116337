// unicode_ctype.h — the Unicode character classes and case mappings of CPython 3.11 (Unicode 14.0):
// str's is* methods and case mappings, the lexer's identifier and non-printable checks, _sre's \w,
// \d, \s and IGNORECASE. The tables are generated at build time from Debian's unicode-data by
// src/runtime/gen/make_unicode_ctype.cpp. Header-only and dependent on nothing, so the lexer (built
// once) and the object model (built per flavor) read the same tables; the linker keeps one copy.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace minipy {

// What CPython's unicodectype.c calls the ctype flags, from UnicodeData.txt and DerivedCoreProperties.txt.
enum UnicodeFlag : uint16_t {
    kAlpha = 1 << 0,           // category L*
    kDecimal = 1 << 1,         // a decimal digit value (Nd)
    kDigit = 1 << 2,           // a digit value (also ², ①, ...)
    kNumeric = 1 << 3,         // a numeric value (also ½, Ⅻ, and CJK numerals from Unihan)
    kSpace = 1 << 4,           // category Zs, or bidi class WS, B or S
    kLineBreak = 1 << 5,       // category Zl, or bidi class B
    kLower = 1 << 6,           // the Lowercase property
    kUpper = 1 << 7,           // the Uppercase property
    kTitle = 1 << 8,           // category Lt
    kCased = 1 << 9,           // the Cased property
    kCaseIgnorable = 1 << 10,  // the Case_Ignorable property (for the final sigma)
    kXidStart = 1 << 11,
    kXidContinue = 1 << 12,
    kPrintable = 1 << 13,  // str.isprintable(): not Other or Separator, the space excepted
};

// The properties code points share. A case mapping is kept as the distance to its first code
// point; the few longer than one code point (ß -> SS) are in kSpecialCasings.
struct CharRecord {
    uint16_t flags;
    int8_t digit;  // the digit value, -1 for none
    int32_t upper, lower, title, fold;
    uint16_t special;  // index into kSpecialCasings, 0 when every mapping is one code point
};

// Full case mappings, each at most three code points, the unused ones 0.
struct SpecialCasing {
    char32_t mappings[4][3];  // indexed by CaseMapping
};

#include "unicode_ctype_tables.inc"

// The record of code point c: Latin-1 directly, the rest by a binary search of the runs
// (about 13 steps; the tables stay small, see kRangeStarts).
inline const CharRecord& unicode_record(uint32_t c) {
    if (c < 256) return kCharRecords[kLatin1Records[c]];
    const uint32_t* end = kRangeStarts + std::size(kRangeStarts);
    const uint32_t* run = std::upper_bound(kRangeStarts, end, c);
    return kCharRecords[kRangeRecords[run - kRangeStarts - 1]];
}

inline bool unicode_has(uint32_t c, uint16_t flags) { return (unicode_record(c).flags & flags) != 0; }
inline bool unicode_is_alpha(uint32_t c) { return unicode_has(c, kAlpha); }
inline bool unicode_is_decimal(uint32_t c) { return unicode_has(c, kDecimal); }
inline bool unicode_is_digit(uint32_t c) { return unicode_has(c, kDigit); }
inline bool unicode_is_numeric(uint32_t c) { return unicode_has(c, kNumeric); }
inline bool unicode_is_alnum(uint32_t c) { return unicode_has(c, kAlpha | kDecimal | kDigit | kNumeric); }
inline bool unicode_is_space(uint32_t c) { return unicode_has(c, kSpace); }
inline bool unicode_is_linebreak(uint32_t c) { return unicode_has(c, kLineBreak); }
inline bool unicode_is_lower(uint32_t c) { return unicode_has(c, kLower); }
inline bool unicode_is_upper(uint32_t c) { return unicode_has(c, kUpper); }
inline bool unicode_is_title(uint32_t c) { return unicode_has(c, kTitle); }
inline bool unicode_is_cased(uint32_t c) { return unicode_has(c, kCased); }
inline bool unicode_is_case_ignorable(uint32_t c) { return unicode_has(c, kCaseIgnorable); }
inline bool unicode_is_xid_start(uint32_t c) { return unicode_has(c, kXidStart); }
inline bool unicode_is_xid_continue(uint32_t c) { return unicode_has(c, kXidContinue); }
inline bool unicode_is_printable(uint32_t c) { return unicode_has(c, kPrintable); }

// The decimal value of a decimal digit ('٣' is 3), -1 for other characters (int('٣') reads it).
inline int unicode_decimal_value(uint32_t c) {
    const CharRecord& r = unicode_record(c);
    return r.flags & kDecimal ? r.digit : -1;
}

// Single code point mappings, as CPython's Py_UNICODE_TOLOWER / TOUPPER: the first code point of
// the full mapping.
inline uint32_t unicode_to_lower(uint32_t c) { return c + unicode_record(c).lower; }
inline uint32_t unicode_to_upper(uint32_t c) { return c + unicode_record(c).upper; }

enum class CaseMapping { Lower, Title, Upper, Fold };

// The full mapping of c (ß -> "SS" in Upper), written to out; returns its length (1 to 3).
inline int unicode_full_case(uint32_t c, CaseMapping which, uint32_t out[3]) {
    const CharRecord& r = unicode_record(c);
    if (r.special) {
        const char32_t* m = kSpecialCasings[r.special].mappings[static_cast<int>(which)];
        int n = 0;
        while (n < 3 && m[n]) {
            out[n] = m[n];
            ++n;
        }
        return n;
    }
    const int32_t deltas[] = {r.lower, r.title, r.upper, r.fold};
    out[0] = c + deltas[static_cast<int>(which)];
    return 1;
}

}  // namespace minipy
