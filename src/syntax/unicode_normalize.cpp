// unicode_normalize.cpp — the four Unicode normalization forms (Unicode Standard Annex #15) over the
// generated property tables: unicodedata.normalize, and the lexer's NFKC of non-ASCII identifiers
// (PEP 3131), which is why they live in the front end.
#include <algorithm>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/source.h"
#include "syntax/unicode_data.h"

namespace minipy::unicode_data {

namespace {

// Hangul syllables decompose and compose by arithmetic, not by table.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
              kSCount = kLCount * kNCount;

// A character's decomposition mapping: its code points, and whether it is a compatibility one
// ("<font> 0069").
struct Mapping {
    std::vector<char32_t> chars;
    bool compat = false;
};

Mapping mapping_of(char32_t c) {
    Mapping m;
    std::string text = properties(c).decomposition;
    size_t pos = 0;
    if (!text.empty() && text[0] == '<') {
        m.compat = true;
        pos = text.find('>') + 1;
    }
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos >= text.size()) break;
        size_t end = text.find(' ', pos);
        m.chars.push_back(static_cast<char32_t>(std::stoul(text.substr(pos, end - pos), nullptr, 16)));
        pos = end == std::string::npos ? text.size() : end;
    }
    return m;
}

// Appends the full decomposition of `c` (canonical only, or compatibility too).
void decompose(char32_t c, bool compat, std::vector<char32_t>& out) {
    if (c >= kSBase && c < kSBase + kSCount) {
        int s = static_cast<int>(c - kSBase);
        out.push_back(kLBase + s / kNCount);
        out.push_back(kVBase + (s % kNCount) / kTCount);
        if (s % kTCount) out.push_back(kTBase + s % kTCount);
        return;
    }
    Mapping m = mapping_of(c);
    if (m.chars.empty() || (m.compat && !compat)) {
        out.push_back(c);
        return;
    }
    for (char32_t d : m.chars) decompose(d, compat, out);
}

int combining_class(char32_t c) { return properties(c).combining; }

// Sorts each run of non-starters by combining class, keeping equal classes in order.
void canonical_order(std::vector<char32_t>& s) {
    for (size_t i = 0; i < s.size();) {
        if (combining_class(s[i]) == 0) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && combining_class(s[j]) != 0) ++j;
        std::stable_sort(s.begin() + i, s.begin() + j,
                         [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
        i = j;
    }
}

// (first, second) -> the primary composite: every canonical two-character mapping of a character
// not excluded from composition. Built once, on the first NFC or NFKC.
const std::unordered_map<uint64_t, char32_t>& compositions() {
    static std::unordered_map<uint64_t, char32_t> table;
    static std::once_flag built;
    std::call_once(built, [] {
        for (char32_t c = 0; c < 0x30000; ++c) {  // no canonical mapping lies beyond
            unicode_data::Properties p = properties(c);
            if (!*p.decomposition || p.decomposition[0] == '<' || composition_excluded(c)) continue;
            Mapping m = mapping_of(c);
            if (m.chars.size() == 2) table[(uint64_t{m.chars[0]} << 32) | m.chars[1]] = c;
        }
    });
    return table;
}

char32_t compose_pair(char32_t a, char32_t b) {
    if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
        return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase &&
        b < kTBase + kTCount)
        return a + (b - kTBase);
    const auto& table = compositions();
    auto it = table.find((uint64_t{a} << 32) | b);
    return it == table.end() ? 0 : it->second;
}

// The canonical composition algorithm: each character joins the last starter unless a character
// in between has the same or a higher combining class (it is blocked). A leading non-starter
// blocks everything until the first starter.
void compose(std::vector<char32_t>& s) {
    if (s.empty()) return;
    std::vector<char32_t> out{s[0]};
    size_t starter = 0;
    int last_class = combining_class(s[0]) == 0 ? 0 : 256;
    for (size_t i = 1; i < s.size(); ++i) {
        char32_t c = s[i];
        int cc = combining_class(c);
        if (last_class < cc || last_class == 0) {
            if (char32_t composite = compose_pair(out[starter], c)) {
                out[starter] = composite;
                continue;
            }
        }
        if (cc == 0) starter = out.size();
        last_class = cc;
        out.push_back(c);
    }
    s.swap(out);
}

}  // namespace

std::string normalize(NormalForm form, std::string_view text) {
    bool compat = form == NormalForm::NFKC || form == NormalForm::NFKD;
    bool composed = form == NormalForm::NFC || form == NormalForm::NFKC;
    std::vector<char32_t> chars;
    for (size_t i = 0; i < text.size();) decompose(syntax::decode_utf8(text, i), compat, chars);
    canonical_order(chars);
    if (composed) compose(chars);
    std::string out;
    for (char32_t c : chars) syntax::append_utf8(out, c);
    return out;
}

}  // namespace minipy::unicode_data
