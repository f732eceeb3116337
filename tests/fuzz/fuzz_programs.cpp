// fuzz_programs.cpp — libFuzzer target with a structure-aware mutator, because random bytes rarely
// get past the parser. Inputs are Python programs; a mutation inserts, replaces, duplicates or
// deletes whole statements (a line with the block under it), the inserted ones taken from the
// seed programs of tests/py and examples/ and re-indented to fit, or renames one identifier to
// another of the program, so values flow between spliced statements. A mutant that does not parse
// is thrown away and another tried (up to 8), so nearly every input reaches the compiler and the
// VM. Each runs in fuzz_run's sandbox (sandbox.h). Run with tools/fuzz programs SECONDS; at exit
// it prints how many of the inputs it ran compiled.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sandbox.h"
#include "syntax/parser.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

using Lines = std::vector<std::string>;

// Every statement of the seeds, its lines indented relative to its first.
std::vector<Lines> g_statements;
size_t g_inputs_run = 0, g_inputs_compiled = 0;

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

size_t indent_of(const std::string& line) {
    size_t n = line.find_first_not_of(' ');
    return n == std::string::npos ? 0 : n;
}

Lines split_lines(const std::string& text) {
    Lines lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string join_lines(const Lines& lines) {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}

// The index one past the block that starts at `first`: the lines after it indented further
// (blank lines inside included).
size_t end_of_statement(const Lines& lines, size_t first) {
    size_t base = indent_of(lines[first]), end = first + 1;
    for (size_t i = first + 1; i < lines.size(); ++i) {
        if (is_blank(lines[i])) continue;
        if (indent_of(lines[i]) <= base) break;
        end = i + 1;
    }
    return end;
}

// Each non-blank line of a seed starts a statement, up to 40 lines long.
void collect_statements(const std::string& text) {
    Lines lines = split_lines(text);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (is_blank(lines[i]) || lines[i][indent_of(lines[i])] == '#') continue;
        size_t end = end_of_statement(lines, i), base = indent_of(lines[i]);
        if (end - i > 40) continue;
        Lines statement;
        for (size_t j = i; j < end; ++j)
            statement.push_back(lines[j].size() > base ? lines[j].substr(base) : "");
        g_statements.push_back(statement);
    }
}

void load_seed_statements() {
    namespace fs = std::filesystem;
    for (const char* folder : {"tests/py", "examples"}) {
        std::error_code ec;
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(MINIPY_SOURCE_DIR) / folder, ec)) {
            if (entry.path().extension() != ".py" || entry.file_size(ec) > 8192) continue;
            std::ifstream file(entry.path());
            std::stringstream text;
            text << file.rdbuf();
            collect_statements(text.str());
        }
    }
}

bool parses(const std::string& text) {
    try {
        minipy::syntax::parse(text, "<fuzz>");
        return true;
    } catch (...) {  // SyntaxError, and RecursionError/MemoryError from deep input
        return false;
    }
}

// The indentation a statement inserted before line `at` needs: that line's, or one level more
// than the line before when that one opens a block.
size_t indent_at(const Lines& lines, size_t at) {
    if (at > 0 && !lines[at - 1].empty() && lines[at - 1].back() == ':') return indent_of(lines[at - 1]) + 4;
    return at < lines.size() ? indent_of(lines[at]) : 0;
}

void insert_statement(Lines& lines, size_t at, const Lines& statement) {
    std::string indent(indent_at(lines, at), ' ');
    Lines placed;
    for (const std::string& line : statement) placed.push_back(line.empty() ? line : indent + line);
    lines.insert(lines.begin() + at, placed.begin(), placed.end());
}

// Renames one identifier to another found in the program.
void rename_identifier(Lines& lines, std::minstd_rand& rng) {
    static const std::regex kName(R"([A-Za-z_]\w*)");
    std::vector<std::string> names;
    for (const std::string& line : lines)
        for (std::sregex_iterator it(line.begin(), line.end(), kName), end; it != end; ++it)
            names.push_back(it->str());
    if (names.size() < 2) return;
    std::string& line = lines[rng() % lines.size()];
    std::vector<std::smatch> here;
    for (std::sregex_iterator it(line.begin(), line.end(), kName), end; it != end; ++it) here.push_back(*it);
    if (here.empty()) return;
    const std::smatch& pick = here[rng() % here.size()];
    line.replace(pick.position(), pick.length(), names[rng() % names.size()]);
}

// One structural mutation of `lines`.
void mutate_lines(Lines& lines, std::minstd_rand& rng) {
    size_t at = lines.empty() ? 0 : rng() % (lines.size() + 1);
    bool on_line = at < lines.size() && !is_blank(lines[at]);
    switch (rng() % 5) {
        case 0:  // insert a seed statement
            insert_statement(lines, at, g_statements[rng() % g_statements.size()]);
            break;
        case 1:  // replace a statement by a seed statement
            if (on_line) {
                Lines seed = g_statements[rng() % g_statements.size()];
                size_t end = end_of_statement(lines, at);
                Lines after(lines.begin() + end, lines.end());
                lines.resize(at);
                insert_statement(lines, at, seed);
                lines.insert(lines.end(), after.begin(), after.end());
            }
            break;
        case 2:  // delete a statement
            if (on_line) lines.erase(lines.begin() + at, lines.begin() + end_of_statement(lines, at));
            break;
        case 3:  // duplicate a statement
            if (on_line) {
                Lines copy(lines.begin() + at, lines.begin() + end_of_statement(lines, at));
                lines.insert(lines.begin() + at, copy.begin(), copy.end());
            }
            break;
        default:
            rename_identifier(lines, rng);
            break;
    }
}

size_t emit(const std::string& text, uint8_t* data, size_t max_size) {
    size_t size = std::min(text.size(), max_size);
    std::memcpy(data, text.data(), size);
    return size;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    load_seed_statements();
    std::atexit([] {
        std::fprintf(stderr, "fuzz_programs: %zu inputs run, %zu compiled (%.1f%%), %zu seed statements\n",
                     g_inputs_run, g_inputs_compiled,
                     g_inputs_run ? 100.0 * g_inputs_compiled / g_inputs_run : 0.0, g_statements.size());
    });
    return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed) {
    std::minstd_rand rng(seed);
    // Now and then a byte-level mutation, for what no seed statement holds (odd literals, tokens).
    if (g_statements.empty() || rng() % 10 == 0) return LLVMFuzzerMutate(data, size, max_size);
    Lines original = split_lines(std::string(reinterpret_cast<const char*>(data), size));
    std::string text;
    for (int attempt = 0; attempt < 8; ++attempt) {
        Lines lines = original;
        mutate_lines(lines, rng);
        text = join_lines(lines);
        if (text.size() <= max_size && parses(text)) break;
    }
    return emit(text, data, max_size);
}

// Crossover: the first lines of one program followed by the last lines of the other.
extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1, const uint8_t* data2,
                                            size_t size2, uint8_t* out, size_t max_out_size,
                                            unsigned int seed) {
    std::minstd_rand rng(seed);
    Lines first = split_lines(std::string(reinterpret_cast<const char*>(data1), size1));
    Lines second = split_lines(std::string(reinterpret_cast<const char*>(data2), size2));
    std::string text;
    for (int attempt = 0; attempt < 8; ++attempt) {
        Lines lines(first.begin(), first.begin() + (first.empty() ? 0 : rng() % (first.size() + 1)));
        lines.insert(lines.end(), second.begin() + (second.empty() ? 0 : rng() % (second.size() + 1)),
                     second.end());
        text = join_lines(lines);
        if (text.size() <= max_out_size && parses(text)) break;
    }
    return emit(text, out, max_out_size);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    ++g_inputs_run;
    if (minipy::fuzz::run_in_sandbox(std::string(reinterpret_cast<const char*>(data), size)))
        ++g_inputs_compiled;
    return 0;
}
