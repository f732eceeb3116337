// interpreter.h — the runtime's public face for the command line: start-up (types, builtins,
// sys), running a file, a -c command, stdin or a REPL entry, and the `--dis` listing. Each run
// returns the process exit status, printing tracebacks and SystemExit messages as CPython does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "syntax/parser.h"
#include "vm/interp.h"  // set_trace()

namespace minipy {

// Initialises the types, builtins and sys once; later calls do nothing.
void initialize_runtime();

// Applies the command line's thread options (`-X gil=0|1`, `-X gilstats`, `--gil-stats`) and the
// MINIPY_GIL environment variable, before anything runs. Prints the error and returns false for a
// request this flavor cannot meet (minipy without its GIL).
bool configure_threads(const std::vector<std::string>& x_options, bool gil_stats, std::string gil_trace = "",
                       const std::string& program = "");

// `-i`: after the script or command, the REPL follows. The program's end then skips finalization
// (the session's finish() does it), and an uncaught exception, SystemExit included, is printed as
// a traceback, as CPython's inspect mode does.
void set_inspect_after(bool on);

// `argv` is sys.argv: argv[0] is the script path (or "-c", or "").
int run_file(const std::string& path, const std::vector<std::string>& argv);
// `-m NAME`: runs the module NAME (a package's NAME.__main__) as __main__, as CPython's runpy.
int run_module(const std::string& name, const std::vector<std::string>& argv);
int run_command(const std::string& code, const std::vector<std::string>& argv);
int run_stdin(const std::vector<std::string>& argv);

// `minipy --dis FILE` and the REPL's `.dis`: the disassembly of the module and every function in
// it. Throw syntax::SyntaxError; an unreadable file gives std::runtime_error.
std::string disassemble_file(const std::string& path);
std::string disassemble_source(const std::string& source, const std::string& filename);

// Prints a SyntaxError as CPython does, to stderr (coloured where stderr allows).
void print_syntax_error(const syntax::SyntaxError& e);

// The REPL's interpreter: each entry runs in one __main__ module and echoes the repr of its
// expression statements.
class InteractiveSession {
public:
    // `argv` becomes sys.argv, unless a script ran first (`-i`): then its sys.argv and globals stay.
    explicit InteractiveSession(const std::vector<std::string>& argv = {""});
    // Runs one complete entry, printing its results or its traceback. Returns the exit status
    // once the entry raised SystemExit (exit(), quit(), sys.exit()).
    std::optional<int> run(const std::string& source);
    // Runs the file named by MINIPYSTARTUP, if any, as CPython's REPL runs PYTHONSTARTUP.
    void run_startup_file();
    // At the end of the session (Ctrl-D): waits for non-daemon threads and runs the atexit
    // functions, as at the end of a script; returns the exit status.
    int finish(int status = 0);
};

// Runs one REPL entry in the __main__ module (what InteractiveSession::run calls).
std::optional<int> run_interactive_entry(const std::string& source);

// The __main__ module's namespace, where REPL entries run (for completion).
Dict* main_namespace();

}  // namespace minipy
