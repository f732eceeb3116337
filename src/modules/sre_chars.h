// sre_chars.h — the character tests of the `_sre` matcher: categories (\d, \w, \s and their ASCII,
// locale and Unicode forms), character sets as re/_compiler.py encodes them, and case folding.
// Inline, for the matcher's inner loops; only sre_engine.cpp and sre_validate.cpp include it.
#pragma once

#include <cctype>
#include <cstdint>

#include "modules/sre_engine.h"
#include "runtime/unicode_ctype.h"

namespace minipy::sre {

// re/_constants.py's CHCODES.
// clang-format off
enum Category : Code {
    kCatDigit, kCatNotDigit, kCatSpace, kCatNotSpace, kCatWord, kCatNotWord, kCatLinebreak,
    kCatNotLinebreak, kCatLocWord, kCatLocNotWord, kCatUniDigit, kCatUniNotDigit, kCatUniSpace,
    kCatUniNotSpace, kCatUniWord, kCatUniNotWord, kCatUniLinebreak, kCatUniNotLinebreak
};
// clang-format on

inline bool is_digit(uint32_t c) { return c < 128 && c >= '0' && c <= '9'; }
inline bool is_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_word(uint32_t c) { return c < 128 && (std::isalnum(static_cast<int>(c)) || c == '_'); }
inline bool is_linebreak(uint32_t c) { return c == '\n'; }
// LOCALE applies only to bytes patterns; minipy runs in the C locale's character classes.
inline bool is_loc_word(uint32_t c) { return c < 256 && (std::isalnum(static_cast<int>(c)) || c == '_'); }
inline uint32_t lower_locale(uint32_t c) {
    return c < 256 ? static_cast<uint32_t>(std::tolower(static_cast<int>(c))) : c;
}
inline uint32_t upper_locale(uint32_t c) {
    return c < 256 ? static_cast<uint32_t>(std::toupper(static_cast<int>(c))) : c;
}
inline bool is_uni_word(uint32_t c) { return unicode_is_alnum(c) || c == '_'; }

inline bool char_loc_ignore(Code pattern, uint32_t c) {
    return c == pattern || lower_locale(c) == pattern || upper_locale(c) == pattern;
}

inline bool in_category(Code category, uint32_t c) {
    switch (category) {
        case kCatDigit:
            return is_digit(c);
        case kCatNotDigit:
            return !is_digit(c);
        case kCatSpace:
            return is_space(c);
        case kCatNotSpace:
            return !is_space(c);
        case kCatWord:
            return is_word(c);
        case kCatNotWord:
            return !is_word(c);
        case kCatLinebreak:
            return is_linebreak(c);
        case kCatNotLinebreak:
            return !is_linebreak(c);
        case kCatLocWord:
            return is_loc_word(c);
        case kCatLocNotWord:
            return !is_loc_word(c);
        case kCatUniDigit:
            return unicode_is_decimal(c);
        case kCatUniNotDigit:
            return !unicode_is_decimal(c);
        case kCatUniSpace:
            return unicode_is_space(c);
        case kCatUniNotSpace:
            return !unicode_is_space(c);
        case kCatUniWord:
            return is_uni_word(c);
        case kCatUniNotWord:
            return !is_uni_word(c);
        case kCatUniLinebreak:
            return unicode_is_linebreak(c);
        case kCatUniNotLinebreak:
            return !unicode_is_linebreak(c);
    }
    return false;
}

// Whether `c` belongs to the set starting at `set` (ended by FAILURE).
inline bool in_charset(const Code* set, uint32_t c) {
    bool ok = true;
    for (;;) {
        switch (*set++) {
            case kFailure:
                return !ok;
            case kLiteral:
                if (c == set[0]) return ok;
                set += 1;
                break;
            case kCategory:
                if (in_category(set[0], c)) return ok;
                set += 1;
                break;
            case kCharset:  // a 256-bit bitmap
                if (c < 256 && (set[c / 32] & (1u << (c & 31)))) return ok;
                set += 8;
                break;
            case kRange:
                if (set[0] <= c && c <= set[1]) return ok;
                set += 2;
                break;
            case kRangeUniIgnore: {  // c is lowercased already; its uppercase may be in range too
                if (set[0] <= c && c <= set[1]) return ok;
                uint32_t upper = unicode_to_upper(c);
                if (set[0] <= upper && upper <= set[1]) return ok;
                set += 2;
                break;
            }
            case kNegate:
                ok = !ok;
                break;
            case kBigCharset: {
                // <count> <256 block numbers, one byte each, packed 4 to a code word in memory order>
                // <count 256-bit blocks>
                Code count = *set++;
                int block = c < 0x10000 ? reinterpret_cast<const unsigned char*>(set)[c >> 8] : -1;
                set += 64;
                if (block >= 0 && (set[(block * 256 + (c & 255)) / 32] & (1u << (c & 31)))) return ok;
                set += count * 8;
                break;
            }
            default:
                return false;
        }
    }
}

inline bool in_charset_loc_ignore(const Code* set, uint32_t c) {
    uint32_t lo = lower_locale(c);
    if (in_charset(set, lo)) return true;
    uint32_t up = upper_locale(c);
    return up != lo && in_charset(set, up);
}

}  // namespace minipy::sre
