// make_unicode_ctype.cpp — a build-time tool: reads Debian's copy of the Unicode Character Database
// and writes the tables of runtime/unicode_ctype.h, the character classes and case mappings behind
// str's methods, the lexer's identifier check and _sre. Characters assigned after MAX_AGE count as
// unassigned: Debian's database may be newer than the one CPython 3.11 was built with (14.0).
// Usage: make_unicode_ctype UCD_DIR MAX_AGE OUTPUT.inc
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

constexpr uint32_t kCodePoints = 0x110000;

void fail(const std::string& msg) {
    std::cerr << "make_unicode_ctype: " << msg << "\n";
    std::exit(1);
}

// The flag names of runtime/unicode_ctype.h, in its bit order.
enum Flag : unsigned {
    kAlpha = 1 << 0,
    kDecimal = 1 << 1,
    kDigit = 1 << 2,
    kNumeric = 1 << 3,
    kSpace = 1 << 4,
    kLineBreak = 1 << 5,
    kLower = 1 << 6,
    kUpper = 1 << 7,
    kTitle = 1 << 8,
    kCased = 1 << 9,
    kCaseIgnorable = 1 << 10,
    kXidStart = 1 << 11,
    kXidContinue = 1 << 12,
    kPrintable = 1 << 13,
};
const char* const kFlagNames[] = {"kAlpha",         "kDecimal",  "kDigit",       "kNumeric",  "kSpace",
                                  "kLineBreak",     "kLower",    "kUpper",       "kTitle",    "kCased",
                                  "kCaseIgnorable", "kXidStart", "kXidContinue", "kPrintable"};

using Mapping = std::vector<uint32_t>;

// What UnicodeData.txt says of one code point, plus the derived properties read later.
struct CodePoint {
    bool assigned = false;
    char category[3] = "Cn";
    bool bidi_space = false;      // bidi class WS, B or S
    bool bidi_paragraph = false;  // bidi class B
    int decimal = -1;
    int digit = -1;
    uint32_t upper = 0, lower = 0, title = 0;  // simple mappings; 0 for none
    unsigned flags = 0;                        // the flags read from the derived property files
};

// The fields of one data line: the text before '#', split at ';', each trimmed.
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::string data = line.substr(0, line.find('#'));
    if (data.find(';') == std::string::npos) return fields;
    // Split by hand: getline would drop an empty last field (UnicodeData's title mapping).
    for (size_t start = 0;;) {
        size_t semi = data.find(';', start);
        std::string f = data.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
        f.erase(0, f.find_first_not_of(" \t"));
        f.erase(f.find_last_not_of(" \t\r") + 1);
        fields.push_back(f);
        if (semi == std::string::npos) return fields;
        start = semi + 1;
    }
}

// Calls each(fields) for every data line of UCD_DIR/name.
template <typename Each>
void read_lines(const std::string& dir, const char* name, Each each) {
    std::ifstream in(dir + "/" + name);
    if (!in) fail("cannot read " + dir + "/" + name);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields = fields_of(line);
        if (fields.size() >= 2 && !fields[0].empty()) each(fields);
    }
}

uint32_t hex(const std::string& text) { return static_cast<uint32_t>(std::stoul(text, nullptr, 16)); }

// "0041..005A" or "0041".
std::pair<uint32_t, uint32_t> range_of(const std::string& text) {
    size_t dots = text.find("..");
    uint32_t first = hex(text.substr(0, dots));
    return {first, dots == std::string::npos ? first : hex(text.substr(dots + 2))};
}

Mapping mapping_of(const std::string& text) {
    Mapping out;
    std::stringstream words(text);
    for (std::string w; words >> w;) out.push_back(hex(w));
    return out;
}

// "14.0" as 1400, so versions compare as numbers.
int age_number(const std::string& text) {
    size_t dot = text.find('.');
    if (dot == std::string::npos) fail("bad age " + text);
    return std::stoi(text.substr(0, dot)) * 100 + std::stoi(text.substr(dot + 1));
}

void read_unicode_data(const std::string& dir, std::vector<CodePoint>& db) {
    uint32_t range_first = 0;
    read_lines(dir, "UnicodeData.txt", [&](const std::vector<std::string>& f) {
        if (f.size() < 15) fail("short UnicodeData line for " + f[0]);
        uint32_t cp = hex(f[0]);
        const std::string& name = f[1];
        // A block such as CJK ideographs is two lines, <..., First> and <..., Last>.
        if (name.size() > 6 && name.compare(name.size() - 6, 6, "First>") == 0) {
            range_first = cp;
            return;
        }
        bool last = name.size() > 5 && name.compare(name.size() - 5, 5, "Last>") == 0;
        CodePoint p;
        p.assigned = true;
        p.category[0] = f[2][0];
        p.category[1] = f[2][1];
        p.bidi_space = f[4] == "WS" || f[4] == "B" || f[4] == "S";
        p.bidi_paragraph = f[4] == "B";
        if (!f[6].empty()) p.decimal = std::stoi(f[6]);
        if (!f[7].empty()) p.digit = std::stoi(f[7]);
        if (!f[12].empty()) p.upper = hex(f[12]);
        if (!f[13].empty()) p.lower = hex(f[13]);
        if (!f[14].empty()) p.title = hex(f[14]);
        for (uint32_t c = last ? range_first : cp; c <= cp; ++c) db[c] = p;
    });
}

// Sets `flag` on the code points that have `property` in DerivedCoreProperties.txt (or, with
// property empty, on every code point a file lists: DerivedNumericValues.txt).
void read_property(const std::string& dir, const char* file, const std::string& property, unsigned flag,
                   std::vector<CodePoint>& db) {
    read_lines(dir, file, [&](const std::vector<std::string>& f) {
        if (!property.empty() && f[1] != property) return;
        auto [first, last] = range_of(f[0]);
        for (uint32_t c = first; c <= last; ++c) db[c].flags |= flag;
    });
}

// Forgets the code points assigned after max_age.
void drop_newer(const std::string& dir, int max_age, std::vector<CodePoint>& db) {
    read_lines(dir, "DerivedAge.txt", [&](const std::vector<std::string>& f) {
        if (age_number(f[1]) <= max_age) return;
        auto [first, last] = range_of(f[0]);
        for (uint32_t c = first; c <= last; ++c) db[c] = CodePoint();
    });
}

// Properties that a later version gave code points assigned earlier: the files say only the newest
// state. Unicode 15.0 made these modifier letters Other_Lowercase, so Lowercase and Cased; CPython
// 3.11's 14.0 tables have neither (tools/unicode-diff found them).
struct LaterProperty {
    uint32_t first, last;
    int age;
    unsigned flags;
};
const LaterProperty kLaterProperties[] = {
    {0x10FC, 0x10FC, 1500, kLower | kCased},
    {0xA7F2, 0xA7F4, 1500, kLower | kCased},
    {0xAB69, 0xAB69, 1500, kLower | kCased},
};

void drop_later_properties(int max_age, std::vector<CodePoint>& db) {
    for (const LaterProperty& p : kLaterProperties) {
        if (p.age <= max_age) continue;
        for (uint32_t c = p.first; c <= p.last; ++c) db[c].flags &= ~p.flags;
    }
}

// SpecialCasing.txt's unconditional full mappings (lower, title, upper). As CPython, the ones that
// depend on a language or a context are left out; str.lower() handles the final sigma itself.
std::map<uint32_t, std::vector<Mapping>> read_special_casing(const std::string& dir) {
    std::map<uint32_t, std::vector<Mapping>> out;
    read_lines(dir, "SpecialCasing.txt", [&](const std::vector<std::string>& f) {
        if (f.size() < 4 || (f.size() > 4 && !f[4].empty())) return;
        out[hex(f[0])] = {mapping_of(f[1]), mapping_of(f[2]), mapping_of(f[3])};
    });
    return out;
}

// CaseFolding.txt's full folding: the common (C) and full (F) entries.
std::map<uint32_t, Mapping> read_case_folding(const std::string& dir) {
    std::map<uint32_t, Mapping> out;
    read_lines(dir, "CaseFolding.txt", [&](const std::vector<std::string>& f) {
        if (f.size() >= 3 && (f[1] == "C" || f[1] == "F")) out[hex(f[0])] = mapping_of(f[2]);
    });
    return out;
}

// One distinct set of properties; code points share records.
struct Record {
    unsigned flags = 0;
    int digit = -1;
    int64_t upper = 0, lower = 0, title = 0, fold = 0;  // first code point of each mapping, as a delta
    int special = 0;                                    // index into the multi-character mappings
    auto key() const { return std::tie(flags, digit, upper, lower, title, fold, special); }
    bool operator<(const Record& o) const { return key() < o.key(); }
};

// Full mappings in the order lower, title, upper, fold.
using FullMappings = std::vector<Mapping>;

unsigned flags_of(const CodePoint& p, uint32_t c) {
    unsigned flags = p.flags;
    char major = p.category[0];
    std::string category(p.category);
    if (major == 'L') flags |= kAlpha;
    if (category == "Lt") flags |= kTitle;
    if (p.decimal >= 0) flags |= kDecimal;
    if (p.digit >= 0) flags |= kDigit;
    if (category == "Zs" || p.bidi_space) flags |= kSpace;
    if (category == "Zl" || p.bidi_paragraph) flags |= kLineBreak;
    // As Py_UNICODE_ISPRINTABLE: everything but Other (Cc, Cf, Cs, Co, Cn) and Separator (Zl, Zp, Zs),
    // the space excepted.
    if ((major != 'C' && major != 'Z') || c == ' ') flags |= kPrintable;
    return flags;
}

std::string flag_text(unsigned flags) {
    std::string out;
    for (unsigned bit = 0; bit < std::size(kFlagNames); ++bit) {
        if (!(flags & (1u << bit))) continue;
        if (!out.empty()) out += " | ";
        out += kFlagNames[bit];
    }
    return out.empty() ? "0" : out;
}

std::string mapping_text(const Mapping& m) {
    std::ostringstream out;
    out << "{";
    for (size_t i = 0; i < m.size(); ++i) out << (i ? ", " : "") << "0x" << std::hex << m[i];
    out << "}";
    return out.str();
}

struct Tables {
    std::vector<Record> records;
    std::vector<FullMappings> specials;
    std::vector<int> record_of;  // per code point
};

Tables build(const std::vector<CodePoint>& db, const std::map<uint32_t, std::vector<Mapping>>& special_casing,
             const std::map<uint32_t, Mapping>& folding) {
    Tables t;
    std::map<Record, int> index;
    t.records.push_back(Record());
    index[Record()] = 0;
    t.specials.push_back(FullMappings(4));  // index 0: none
    t.record_of.assign(kCodePoints, 0);
    for (uint32_t c = 0; c < kCodePoints; ++c) {
        const CodePoint& p = db[c];
        if (!p.assigned) continue;
        Record r;
        r.flags = flags_of(p, c);
        r.digit = p.digit;
        uint32_t upper = p.upper ? p.upper : c;
        uint32_t lower = p.lower ? p.lower : c;
        uint32_t title = p.title ? p.title : upper;  // an empty title mapping means the upper one
        FullMappings full = {{lower}, {title}, {upper}, {c}};
        if (auto sc = special_casing.find(c); sc != special_casing.end())
            full = {sc->second[0], sc->second[1], sc->second[2], {c}};
        if (auto cf = folding.find(c); cf != folding.end()) full[3] = cf->second;
        r.lower = int64_t(full[0][0]) - c;
        r.title = int64_t(full[1][0]) - c;
        r.upper = int64_t(full[2][0]) - c;
        r.fold = int64_t(full[3][0]) - c;
        bool multi = false;
        for (const Mapping& m : full) multi = multi || m.size() > 1;
        if (multi) {
            r.special = static_cast<int>(t.specials.size());
            t.specials.push_back(full);
        }
        auto [it, added] = index.emplace(r, static_cast<int>(t.records.size()));
        if (added) t.records.push_back(r);
        t.record_of[c] = it->second;
    }
    return t;
}

void write(std::ostream& out, const Tables& t, const std::string& age) {
    out << "// Generated by src/runtime/gen/make_unicode_ctype.cpp from the Unicode Character Database\n"
        << "// (Unicode " << age << "); do not edit. Read by runtime/unicode_ctype.h.\n\n"
        << "// {flags, digit value, deltas to the first code point of upper, lower, title, fold,\n"
        << "//  index into kSpecialCasings or 0}\n"
        << "inline constexpr CharRecord kCharRecords[] = {\n";
    for (const Record& r : t.records)
        out << "    {" << flag_text(r.flags) << ", " << r.digit << ", " << r.upper << ", " << r.lower << ", "
            << r.title << ", " << r.fold << ", " << r.special << "},\n";
    out << "};\n\n// The record of each Latin-1 code point, looked up directly.\n"
        << "inline constexpr uint16_t kLatin1Records[256] = {\n";
    for (uint32_t c = 0; c < 256; ++c)
        out << (c % 16 ? " " : "    ") << t.record_of[c] << (c % 16 == 15 ? ",\n" : ",");
    out << "};\n\n// Above Latin-1: the first code point of each run of code points that share a record.\n"
        << "inline constexpr uint32_t kRangeStarts[] = {\n";
    std::vector<int> range_records;
    int column = 0;
    for (uint32_t c = 256; c < kCodePoints; ++c) {
        if (c != 256 && t.record_of[c] == t.record_of[c - 1]) continue;
        range_records.push_back(t.record_of[c]);
        out << (column ? " " : "    ") << "0x" << std::hex << c << std::dec << ",";
        if (++column == 10) out << "\n", column = 0;
    }
    out << (column ? "\n" : "") << "};\n\n// The record of each run of kRangeStarts.\n"
        << "inline constexpr uint16_t kRangeRecords[] = {\n";
    for (size_t i = 0; i < range_records.size(); ++i)
        out << (i % 16 ? " " : "    ") << range_records[i] << (i % 16 == 15 ? ",\n" : ",");
    out << (range_records.size() % 16 ? "\n" : "") << "};\n\n"
        << "// The full mappings longer than one code point (SpecialCasing.txt, CaseFolding.txt):\n"
        << "// {lower, title, upper, fold}, each padded with zeros.\n"
        << "inline constexpr SpecialCasing kSpecialCasings[] = {\n";
    for (const FullMappings& s : t.specials) {
        out << "    {{";
        for (size_t k = 0; k < s.size(); ++k) out << (k ? ", " : "") << mapping_text(s[k]);
        out << "}},\n";
    }
    out << "};\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) fail("usage: make_unicode_ctype UCD_DIR MAX_AGE OUTPUT.inc");
    std::string dir = argv[1];
    std::vector<CodePoint> db(kCodePoints);
    read_unicode_data(dir, db);
    const std::pair<const char*, unsigned> derived[] = {
        {"Lowercase", kLower},    {"Uppercase", kUpper},
        {"Cased", kCased},        {"Case_Ignorable", kCaseIgnorable},
        {"XID_Start", kXidStart}, {"XID_Continue", kXidContinue},
    };
    for (const auto& [property, flag] : derived)
        read_property(dir, "DerivedCoreProperties.txt", property, flag, db);
    // Numeric: UnicodeData's numeric field and the Unihan numeric values (CJK ideographs).
    read_property(dir, "extracted/DerivedNumericValues.txt", "", kNumeric, db);
    drop_newer(dir, age_number(argv[2]), db);
    drop_later_properties(age_number(argv[2]), db);
    for (CodePoint& p : db)
        if (!p.assigned) p = CodePoint();
    Tables tables = build(db, read_special_casing(dir), read_case_folding(dir));
    std::ofstream out(argv[3]);
    if (!out) fail(std::string("cannot write ") + argv[3]);
    write(out, tables, argv[2]);
    return out ? 0 : 1;
}
