// main.cpp — minipy's entry point: parses the command line and hands the program to the front end
// (token and AST dumps) or to the interpreter.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "cli/repl.h"
#include "cli/source_file.h"
#include "interpreter/code_cache.h"
#include "interpreter/interpreter.h"
#include "runtime/environment.h"
#include "runtime/flavor.h"
#include "runtime/version.h"
#include "syntax/parser.h"
#include "vm/dis.h"

namespace minipy::cli {
namespace {

// --tokens / --ast: print the front end's view of a file.
int dump(const char* program, Action action, const std::string& path) {
    auto source = read_source_file(program, path);
    if (!source) return 2;
    try {
        std::string text =
            action == Action::Tokens ? syntax::dump_tokens(*source, path) : syntax::dump_ast(*source, path);
        std::fputs(text.c_str(), stdout);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
        return 1;
    }
    return 0;
}

int disassemble(const char* program, const std::string& path) {
    try {
        std::fputs(disassemble_file(path).c_str(), stdout);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
        return 1;
    } catch (const std::runtime_error&) {
        read_source_file(program, path);  // prints CPython's "can't open file" message
        return 2;
    }
    return 0;
}

int run(const char* program, const Options& opts) {
    switch (opts.action) {
        case Action::Help:
            std::fputs(help_text(program).c_str(), stdout);
            return 0;
        case Action::Version:
            std::printf("%s\n", version_banner().c_str());
            return 0;
        case Action::Tokens:
        case Action::Ast:
            return dump(program, opts.action, opts.dump_file);
        case Action::Dis:
            return disassemble(program, opts.dump_file);
        case Action::Run:
            break;
    }
    set_ignore_environment(opts.ignore_environment);
    set_isolated(opts.isolated);
    set_no_user_site(opts.no_user_site);
    set_trace(opts.trace);
    // `-X trace=FUNC` traces one function's instructions (and the GIL hand-offs) only.
    for (const std::string& x : opts.x_options) {
        if (x.rfind("trace=", 0) == 0 && x.size() > 6) {
            set_trace(true);
            set_trace_only(x.substr(6));
        }
    }
    std::string script_name = opts.command ? "-c" : opts.script.value_or("<stdin>");
    if (!configure_threads(opts.x_options, opts.gil_stats, opts.gil_trace, script_name)) return 2;
    set_inspect_after(opts.inspect);
    set_dont_write_bytecode(opts.dont_write_bytecode);
    bool program_given = opts.command || opts.module || (opts.script && *opts.script != "-");
    // For -m, run_module puts the module's full path in argv[0].
    std::vector<std::string> argv = {opts.command ? "-c" : opts.module ? "-m" : opts.script.value_or("")};
    argv.insert(argv.end(), opts.program_args.begin(), opts.program_args.end());
    if (program_given) {
        int status = opts.command  ? run_command(*opts.command, argv)
                     : opts.module ? run_module(*opts.module, argv)
                                   : run_file(*opts.script, argv);
        if (!opts.inspect) return status;
    } else if (!opts.inspect && !(isatty(STDIN_FILENO) && !opts.script)) {
        return run_stdin(argv);
    }
    // The REPL: on its own (with the banner and MINIPYSTARTUP first, as CPython's), or after the
    // program with its globals (-i).
    InteractiveSession session(argv);
    if (!program_given) {
        if (!opts.quiet) std::printf("%s\n", interactive_banner().c_str());
        session.run_startup_file();
    }
    return session.finish(run_repl(session));
}

}  // namespace
}  // namespace minipy::cli

int main(int argc, char** argv) {
    using namespace minipy::cli;
    const char* program = minipy::executable_name();
    minipy::refcount_thread_start();  // the main thread owns the objects it creates
    try {
        return run(program, parse_options(argc, argv));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "%s: %s\n%s\nTry `%s -h' for more information.\n", program, e.message.c_str(),
                     usage_line(program).c_str(), program);
        return 2;
    }
}
