// make_unicode_data.cpp — a build-time tool: reads the Unicode Character Database (Debian's
// unicode-data package: UnicodeData.txt, EastAsianWidth.txt, DerivedNormalizationProps.txt) and
// writes the C++ tables of character properties that src/syntax/unicode_data.cpp searches for the
// unicodedata module, so the repository carries no copy of the database.
// Usage: make_unicode_data UnicodeData.txt EastAsianWidth.txt DerivedNormalizationProps.txt OUTPUT.inc
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, sep);) fields.push_back(f);
    if (!line.empty() && line.back() == sep) fields.push_back("");
    return fields;
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

void fail(const std::string& msg) {
    std::cerr << "make_unicode_data: " << msg << "\n";
    std::exit(1);
}

std::ifstream open(const char* path) {
    std::ifstream in(path);
    if (!in) fail(std::string("cannot read ") + path);
    return in;
}

// Numbers each distinct string (a category, a bidi class, a decomposition) once.
struct Strings {
    std::map<std::string, int> index;
    std::vector<std::string> list;
    int of(const std::string& s) {
        auto [it, added] = index.emplace(s, static_cast<int>(list.size()));
        if (added) list.push_back(s);
        return it->second;
    }
};

// "0000..001F" or "0020" as a range.
void parse_range(const std::string& text, unsigned long* first, unsigned long* last) {
    size_t dots = text.find("..");
    *first = std::stoul(text.substr(0, dots), nullptr, 16);
    *last = dots == std::string::npos ? *first : std::stoul(text.substr(dots + 2), nullptr, 16);
}

void write_strings(std::ostream& out, const char* name, const Strings& s) {
    out << "const char* const " << name << "[] = {\n";
    for (const std::string& v : s.list) out << "    \"" << v << "\",\n";
    out << "};\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6)
        fail(
            "usage: make_unicode_data UnicodeData.txt EastAsianWidth.txt DerivedNormalizationProps.txt "
            "DerivedAge.txt OUT");
    Strings categories, bidis, decompositions, numerics, widths;
    decompositions.of("");
    numerics.of("");
    std::ostringstream records;
    std::ifstream data = open(argv[1]);
    unsigned long range_first = 0;
    size_t count = 0;
    for (std::string line; std::getline(data, line);) {
        if (line.empty()) continue;
        std::vector<std::string> f = split(line, ';');
        if (f.size() < 15) fail("bad UnicodeData line: " + line);
        unsigned long code = std::stoul(f[0], nullptr, 16);
        // "<CJK Ideograph, First>" ... "<..., Last>": one record for the whole range.
        if (f[1].size() > 8 && f[1].compare(f[1].size() - 8, 8, ", First>") == 0) {
            range_first = code;
            continue;
        }
        unsigned long first =
            f[1].size() > 7 && f[1].compare(f[1].size() - 7, 7, ", Last>") == 0 ? range_first : code;
        records << "    {0x" << std::hex << first << ", 0x" << code << std::dec << ", " << categories.of(f[2])
                << ", " << bidis.of(f[4]) << ", " << f[3] << ", " << (f[9] == "Y" ? 1 : 0) << ", "
                << (f[6].empty() ? "-1" : f[6]) << ", " << (f[7].empty() ? "-1" : f[7]) << ", "
                << numerics.of(f[8]) << ", " << decompositions.of(f[5]) << "},\n";
        ++count;
    }

    std::ostringstream width_ranges;
    std::ifstream eaw = open(argv[2]);
    for (std::string line; std::getline(eaw, line);) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::vector<std::string> f = split(line, ';');
        unsigned long first, last;
        parse_range(trim(f[0]), &first, &last);
        width_ranges << "    {0x" << std::hex << first << ", 0x" << last << std::dec << ", "
                     << widths.of(trim(f[1])) << "},\n";
    }

    std::ostringstream exclusions;
    std::ifstream props = open(argv[3]);
    for (std::string line; std::getline(props, line);) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::vector<std::string> f = split(line, ';');
        if (f.size() < 2 || trim(f[1]) != "Full_Composition_Exclusion") continue;
        unsigned long first, last;
        parse_range(trim(f[0]), &first, &last);
        exclusions << "    {0x" << std::hex << first << ", 0x" << last << std::dec << "},\n";
    }

    // The code points assigned by Unicode 3.2, the version IDNA's ucd_3_2_0 answers as.
    // DerivedAge.txt lists ranges by version: sorted and merged here for the binary search.
    std::vector<std::pair<unsigned long, unsigned long>> assigned;
    std::ifstream ages = open(argv[4]);
    for (std::string line; std::getline(ages, line);) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        std::vector<std::string> f = split(line, ';');
        if (f.size() < 2) continue;
        std::string age = trim(f[1]);
        size_t dot = age.find('.');
        int major = std::stoi(age.substr(0, dot)), minor = std::stoi(age.substr(dot + 1));
        if (major > 3 || (major == 3 && minor > 2)) continue;
        unsigned long first, last;
        parse_range(trim(f[0]), &first, &last);
        assigned.emplace_back(first, last);
    }
    std::sort(assigned.begin(), assigned.end());
    std::ostringstream by_3_2;
    for (size_t i = 0; i < assigned.size();) {
        unsigned long first = assigned[i].first, last = assigned[i].second;
        for (++i; i < assigned.size() && assigned[i].first <= last + 1; ++i)
            last = std::max(last, assigned[i].second);
        by_3_2 << "    {0x" << std::hex << first << ", 0x" << last << std::dec << "},\n";
    }

    std::ofstream out(argv[5]);
    out << "// Generated by make_unicode_data from the Unicode Character Database; do not edit.\n";
    write_strings(out, "kCategories", categories);
    write_strings(out, "kBidiClasses", bidis);
    write_strings(out, "kDecompositions", decompositions);
    write_strings(out, "kNumerics", numerics);
    write_strings(out, "kWidths", widths);
    out << "const Record kRecords[] = {\n" << records.str() << "};\n";
    out << "const WidthRange kWidthRanges[] = {\n" << width_ranges.str() << "};\n";
    out << "const Range kCompositionExclusions[] = {\n" << exclusions.str() << "};\n";
    out << "const Range kAssignedBy3_2[] = {\n" << by_3_2.str() << "};\n";
    if (!out) fail(std::string("cannot write ") + argv[5]);
    std::cerr << "make_unicode_data: " << count << " records\n";
    return 0;
}
