// options.h — minipy's command line: `minipy [options] [FILE | -c CMD | -] [ARGS...]`.
// Everything after FILE (or after CMD) belongs to the program and is passed on untouched.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace minipy::cli {

enum class Action { Run, Version, Help, Tokens, Ast, Dis };

struct Options {
    Action action = Action::Run;
    std::string dump_file;                  // for --tokens / --ast / --dis
    std::optional<std::string> command;     // -c CMD
    std::optional<std::string> module;      // -m MODULE
    std::optional<std::string> script;      // FILE, or "-" for stdin
    std::vector<std::string> program_args;  // sys.argv[1:]
    bool trace = false;
    bool gil_stats = false;                 // --gil-stats
    bool inspect = false;                   // -i: the REPL after FILE or CMD
    bool quiet = false;                     // -q: no banner
    bool dont_write_bytecode = false;       // -B: the compiled-code cache is read, never written
    bool ignore_environment = false;        // -E: MINIPY* and PYTHON* variables are not read
    bool isolated = false;                  // -I: -E, and no script folder on sys.path
    bool unbuffered = false;                // -u: stdout and stderr unbuffered
    int optimize = 0;                       // how many -O: 1 drops asserts, 2 also docstrings
    bool no_user_site = false;              // -s (and -I): sys.flags.no_user_site
    std::string gil_trace;                  // --gil-trace FILE: FILE.json and FILE.svg at exit
    std::vector<std::string> x_options;     // -X name[=value]
    std::vector<std::string> warn_options;  // -W filter
};

// Thrown for usage errors; main prints the message with the usage line and exits 2.
struct UsageError {
    std::string message;
};

Options parse_options(int argc, char** argv);
std::string usage_line(const char* program);
std::string help_text(const char* program);

}  // namespace minipy::cli
