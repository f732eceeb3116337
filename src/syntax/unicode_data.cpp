// unicode_data.cpp — looks characters up in the generated property tables (unicode_data.h).
#include "unicode_data.h"

#include <algorithm>
#include <cstdint>

namespace minipy::unicode_data {

namespace {

// One UnicodeData.txt line, or one <..., First>/<..., Last> range of them; the small ints index
// the string tables.
struct Record {
    uint32_t first, last;
    uint8_t category, bidi, combining, mirrored;
    int8_t decimal, digit;
    uint16_t numeric, decomposition;
};
struct WidthRange {
    uint32_t first, last;
    uint8_t width;
};
struct Range {
    uint32_t first, last;
};

#include "unicode_data_tables.inc"

// The entry of a sorted range table that holds `c`, or null.
template <typename T, size_t N>
const T* find_range(const T (&table)[N], char32_t c) {
    const T* it = std::upper_bound(table, table + N, c, [](char32_t v, const T& r) { return v < r.first; });
    if (it == table) return nullptr;
    --it;
    return c <= it->last ? it : nullptr;
}

}  // namespace

Properties properties(char32_t c) {
    const Record* r = find_range(kRecords, c);
    if (!r) return {"Cn", "", 0, false, -1, -1, "", ""};
    return {kCategories[r->category],
            kBidiClasses[r->bidi],
            r->combining,
            r->mirrored != 0,
            r->decimal,
            r->digit,
            kNumerics[r->numeric],
            kDecompositions[r->decomposition]};
}

const char* east_asian_width(char32_t c) {
    const WidthRange* r = find_range(kWidthRanges, c);
    return r ? kWidths[r->width] : "N";
}

bool composition_excluded(char32_t c) { return find_range(kCompositionExclusions, c) != nullptr; }

bool assigned_by_3_2(char32_t c) { return find_range(kAssignedBy3_2, c) != nullptr; }

}  // namespace minipy::unicode_data
