// main.cpp — minipy's entry point: parses the command line and hands the program to the front end
// (token and AST dumps) or to the interpreter.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "cli/locale_startup.h"
#include "cli/options.h"
#include "cli/repl.h"
#include "cli/source_file.h"
#include "interpreter/code_cache.h"
#include "interpreter/interpreter.h"
#include "modules/registry.h"
#include "objects/int.h"
#include "objects/siphash.h"
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

// sys.warnoptions: "default" in development mode, PYTHONWARNINGS's comma-separated filters, then
// each -W, as CPython orders them
// (the warnings module applies them in turn, the last one winning).
std::vector<std::string> warn_options_of(const Options& opts) {
    std::vector<std::string> options;
    if (dev_mode()) options.push_back("default");
    if (const char* env = configuration_variable("PYTHONWARNINGS"); env && *env) {
        std::string list = env;
        for (size_t start = 0; start <= list.size();) {
            size_t comma = std::min(list.find(',', start), list.size());
            if (comma > start) options.push_back(list.substr(start, comma - start));
            start = comma + 1;
        }
    }
    options.insert(options.end(), opts.warn_options.begin(), opts.warn_options.end());
    return options;
}

// -X int_max_str_digits=N, else PYTHONINTMAXSTRDIGITS: the limit on int<->str conversions, checked
// as CPython's config_init_int_max_str_digits checks it (a fatal error when invalid).
bool configure_int_max_str_digits(const std::vector<std::string>& x_options) {
    const char* origin = nullptr;
    std::string value;
    const std::string option = "int_max_str_digits";
    for (const std::string& x : x_options) {
        if (x.rfind(option, 0) != 0 || (x.size() > option.size() && x[option.size()] != '=')) continue;
        origin = "-X int_max_str_digits";
        value = x.size() > option.size() ? x.substr(option.size() + 1) : "";
    }
    if (!origin) {
        const char* env = configuration_variable("PYTHONINTMAXSTRDIGITS");
        if (!env || !*env) return true;
        origin = "PYTHONINTMAXSTRDIGITS";
        value = env;
    }
    bool digits_only =
        !value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string::npos;
    int limit = digits_only ? std::stoi(value) : -1;
    if (limit != 0 && limit < kStrDigitsCheckThreshold) {
        std::fprintf(stderr,
                     "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= %d "
                     "or 0 for unlimited.\nPython runtime state: preinitialized\n\n",
                     origin, kStrDigitsCheckThreshold);
        return false;
    }
    set_int_max_str_digits_option(limit);
    set_int_max_str_digits(limit);
    return true;
}

// PYTHONHASHSEED: unset or 0 keeps the hash key zero (minipy's default, CPython's PYTHONHASHSEED=0);
// "random" draws it from the system; a number N fills it as CPython's lcg_urandom does, each key
// byte the top byte of a 32-bit linear congruential sequence started at N, so that a given seed
// hashes every str as CPython does with that seed. Checked as CPython's config_init_hash_seed.
bool configure_hash_seed() {
    const char* env = configuration_variable("PYTHONHASHSEED");
    if (!env || !*env) return true;
    unsigned char key[sizeof hash_key];
    if (std::strcmp(env, "random") == 0) {
        std::random_device device;
        for (unsigned char& byte : key) byte = static_cast<unsigned char>(device());
    } else {
        char* end = nullptr;
        errno = 0;
        unsigned long seed = std::strtoul(env, &end, 10);
        if (*end || seed > 4294967295UL || errno == ERANGE) {
            std::fputs(
                "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an "
                "integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n",
                stderr);
            return false;
        }
        if (seed == 0) return true;
        auto x = static_cast<uint32_t>(seed);
        for (unsigned char& byte : key) {
            x = x * 214013u + 2531011u;
            byte = static_cast<unsigned char>((x >> 16) & 0xff);
        }
    }
    std::memcpy(hash_key, key, sizeof key);
    return true;
}

// -O's count, raised to PYTHONOPTIMIZE's level as CPython's: a number is that level, any other
// non-empty text is 1.
int optimize_level_of(const Options& opts) {
    const char* env = configuration_variable("PYTHONOPTIMIZE");
    if (!env || !*env) return opts.optimize;
    char* end = nullptr;
    long level = std::strtol(env, &end, 10);
    if (*end || level < 0) level = 1;
    return std::max(opts.optimize, static_cast<int>(std::min(level, 1000L)));
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
    if (!configure_locale(opts.x_options)) return 1;
    set_no_user_site(opts.no_user_site);
    set_optimize_level(optimize_level_of(opts));
    // -u, as CPython's: no buffer between a write to sys.stdout or sys.stderr and the file, so a
    // pipe's reader sees each line as it is printed. Before anything is written to either.
    const char* unbuffered_env = configuration_variable("PYTHONUNBUFFERED");
    if (opts.unbuffered || (unbuffered_env && *unbuffered_env)) {
        std::setvbuf(stdout, nullptr, _IONBF, 0);
        std::setvbuf(stderr, nullptr, _IONBF, 0);
        set_unbuffered_stdio(true);
    }
    set_trace(opts.trace);
    // `-X trace=FUNC` traces one function's instructions (and the GIL hand-offs) only.
    for (const std::string& x : opts.x_options) {
        if (x.rfind("trace=", 0) == 0 && x.size() > 6) {
            set_trace(true);
            set_trace_only(x.substr(6));
        }
    }
    if (!configure_hash_seed()) return 1;
    if (!configure_int_max_str_digits(opts.x_options)) return 1;
    set_x_options(opts.x_options);
    set_warn_options(warn_options_of(opts));
    enable_faulthandler_at_startup();
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
        // On stderr, as CPython's, so a piped session's output is the program's alone.
        if (!opts.quiet) std::fprintf(stderr, "%s\n", interactive_banner().c_str());
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
    minipy::set_original_argv(std::vector<std::string>(argv, argv + argc));
    try {
        return run(program, parse_options(argc, argv));
    } catch (const UsageError& e) {
        // As CPython: the message alone, then the usage line and where to find more.
        std::fprintf(stderr, "%s\n%s\nTry `%s -h' for more information.\n", e.message.c_str(),
                     usage_line(program).c_str(), program);
        return 2;
    }
}
