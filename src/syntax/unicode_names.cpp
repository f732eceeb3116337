// unicode_names.cpp — searches the generated name tables, and makes the names that Unicode defines
// by rule rather than by list: CJK unified ideographs ("CJK UNIFIED IDEOGRAPH-4E00") and Hangul
// syllables, whose names are spelled from the short names of their jamo (Unicode chapter 3.12).
#include "syntax/unicode_names.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace minipy::unicode_names {

namespace {

struct NameEntry {
    char32_t code;
    uint32_t offset;  // into kNameText
};
struct CodeRange {
    char32_t first, last;
};

#include "unicode_names_data.inc"

constexpr std::string_view kIdeographPrefix = "CJK UNIFIED IDEOGRAPH-";
constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";

// A Hangul syllable is lead consonant, vowel and optional trailing consonant:
// code = kHangulFirst + (lead * kVowels + vowel) * kTrails + trail.
constexpr char32_t kHangulFirst = 0xAC00;
constexpr int kLeads = 19, kVowels = 21, kTrails = 28;
constexpr const char* kLeadNames[kLeads] = {"G",  "GG", "N", "D",  "DD", "R", "M", "B", "BB", "S",
                                            "SS", "",   "J", "JJ", "C",  "K", "T", "P", "H"};
constexpr const char* kVowelNames[kVowels] = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                              "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                              "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr const char* kTrailNames[kTrails] = {"",   "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L",  "LG",
                                              "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
                                              "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

const char* text_at(const NameEntry& e) { return kNameText + e.offset; }

bool is_ideograph(char32_t c) {
    for (const auto& r : kIdeographs) {
        if (c >= r.first && c <= r.last) return true;
    }
    return false;
}

// The index of the longest of `names` that `s` starts with at `pos`, advancing `pos` past it.
int longest_prefix(std::string_view s, size_t& pos, const char* const* names, int count) {
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; ++i) {
        size_t len = std::strlen(names[i]);
        if (s.compare(pos, len, names[i]) == 0 && (best < 0 || len > best_len)) {
            best = i;
            best_len = len;
        }
    }
    pos += best_len;
    return best;
}

std::optional<char32_t> hangul_syllable(std::string_view jamo) {
    size_t pos = 0;
    int lead = longest_prefix(jamo, pos, kLeadNames, kLeads);
    int vowel = longest_prefix(jamo, pos, kVowelNames, kVowels);
    int trail = longest_prefix(jamo, pos, kTrailNames, kTrails);
    if (lead < 0 || vowel < 0 || trail < 0 || pos != jamo.size()) return std::nullopt;
    return kHangulFirst + (lead * kVowels + vowel) * kTrails + trail;
}

std::optional<char32_t> ideograph(std::string_view hex) {
    if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
    char32_t c = 0;
    for (char ch : hex) {
        int digit = ch >= '0' && ch <= '9'   ? ch - '0'
                    : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                             : -1;  // upper only
        if (digit < 0) return std::nullopt;
        c = c * 16 + static_cast<char32_t>(digit);
    }
    if (!is_ideograph(c)) return std::nullopt;
    return c;
}

}  // namespace

std::optional<char32_t> lookup(std::string_view name, bool with_aliases) {
    // The names made by rule must be upper case (CPython compares them as written); the listed
    // ones may be in any case.
    if (name.substr(0, kHangulPrefix.size()) == kHangulPrefix)
        return hangul_syllable(name.substr(kHangulPrefix.size()));
    if (name.substr(0, kIdeographPrefix.size()) == kIdeographPrefix)
        return ideograph(name.substr(kIdeographPrefix.size()));
    std::string upper(name);
    for (char& ch : upper) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    std::string_view key = upper;
    auto less = [](const NameEntry& e, std::string_view k) { return std::string_view(text_at(e)) < k; };
    const NameEntry* end = std::end(kByName);
    for (const NameEntry* e = std::lower_bound(std::begin(kByName), end, key, less);
         e != end && std::string_view(text_at(*e)) == key; ++e) {
        if (with_aliases || e->offset < kFirstAliasOffset) return e->code;
    }
    return std::nullopt;
}

std::string name(char32_t c) {
    char hex[16];
    if (is_ideograph(c)) {
        std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(c));
        return std::string(kIdeographPrefix) + hex;
    }
    if (c >= kHangulFirst && c < kHangulFirst + kLeads * kVowels * kTrails) {
        int index = static_cast<int>(c - kHangulFirst);
        return std::string(kHangulPrefix) + kLeadNames[index / (kVowels * kTrails)] +
               kVowelNames[index % (kVowels * kTrails) / kTrails] + kTrailNames[index % kTrails];
    }
    auto less = [](const NameEntry& e, char32_t code) { return e.code < code; };
    const NameEntry* e = std::lower_bound(std::begin(kByCode), std::end(kByCode), c, less);
    if (e == std::end(kByCode) || e->code != c) return "";
    return text_at(*e);
}

}  // namespace minipy::unicode_names
