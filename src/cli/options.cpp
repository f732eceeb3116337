// options.cpp — parses minipy's own options with Boost.Program_options. The argument list is first
// split where the program's own arguments begin (FILE, `-`, or the word after -c), because
// Program_options has no notion of "stop at the first positional argument" as CPython's parser does.
#include "cli/options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstring>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace minipy::cli {

namespace po = boost::program_options;

namespace {

// Options that take the following word as their value.
const std::set<std::string> kValueOptions = {"--tokens", "--ast", "--dis", "--gil-trace",
                                             "-c",       "-m",    "-X",    "-W"};

bool takes_value(const std::string& arg) { return kValueOptions.count(arg) != 0; }

// In a group of short options ("-uc", "-OBq", "-Werror"), the first letter that takes a value: the
// rest of the group is that value, or the next word when the letter ends the group. npos if none.
size_t value_letter(const std::string& arg) {
    if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return std::string::npos;
    return arg.find_first_of("cmXW", 1);
}

// A group of short options ("-OBq") without its O's, which are added to `level`: CPython counts
// every O before a letter that takes a value ("-OO", "-O -O", "-OOc CMD"), and Program_options cannot
// count a repeated switch. Empty when the group was all O's.
std::string without_optimize_flags(const std::string& group, int* level) {
    size_t value_at = value_letter(group);
    std::string kept = "-";
    for (size_t k = 1; k < group.size(); ++k) {
        if (k >= value_at) return kept + group.substr(k);
        if (group[k] == 'O')
            ++*level;
        else
            kept += group[k];
    }
    return kept == "-" ? "" : kept;
}

po::options_description describe() {
    po::options_description desc("options");
    desc.add_options()("help,h", "print this help message and exit")(
        "version,V", "print the version and flavor (GIL or free-threaded) and exit")(
        "tokens", po::value<std::string>(), "print the token stream of FILE and exit")(
        "ast", po::value<std::string>(), "print the abstract syntax tree of FILE and exit")(
        "dis", po::value<std::string>(), "print the bytecode of FILE and exit")(
        "trace", "print each instruction and the value stack as it executes")(
        "gil-stats", "print each thread's GIL acquisitions, switches and wait/hold times at exit")(
        "gil-trace", po::value<std::string>(),
        "record when each thread runs, waits for the GIL or blocks; write FILE.json (Perfetto) and FILE.svg "
        "at exit")(",c", po::value<std::string>(), "run CMD as a program")(
        ",m", po::value<std::string>(), "run library module MOD as a script (as __main__)")(
        ",i", "inspect interactively after running FILE or CMD (also after an uncaught exception)")(
        ",q", "don't print the version and copyright messages when the REPL starts")(
        ",B", "don't write .mpyc files (the compiled-code cache) on import; also MINIPYDONTWRITEBYTECODE=x")(
        ",E", "ignore MINIPY* and PYTHON* environment variables (such as MINIPYPATH)")(
        ",I", "isolate minipy from your environment: -E, and no script folder on sys.path")(
        ",u", "force the stdout and stderr streams to be unbuffered; also PYTHONUNBUFFERED=x")(
        ",O",
        "remove assert statements and code under `if __debug__`; -OO also removes docstrings; also "
        "PYTHONOPTIMIZE=x")(
        ",s", "don't add the user site directory to sys.path (minipy has none; for CPython's -s)")(
        ",X", po::value<std::vector<std::string>>(), "implementation option, e.g. -X gil=1")(
        ",W", po::value<std::vector<std::string>>(),
        "warning control, action:message:category:module:lineno (sys.warnoptions), e.g. -W error; also "
        "PYTHONWARNINGS");
    return desc;
}

}  // namespace

std::string usage_line(const char* program) {
    return std::string("usage: ") + program + " [options] [FILE | -c CMD | -m MOD | -] [ARGS...]";
}

std::string help_text(const char* program) {
    std::string text = usage_line(program) + "\n";
    text +=
        "Runs a Python program: FILE, the command CMD, the module MOD, or standard input ('-', or a pipe).\n";
    text += "With no program and a terminal on stdin, starts the interactive prompt (REPL);\n";
    text += "MINIPYSTARTUP names a file it runs first. NO_COLOR / FORCE_COLOR turn colour off / on.\n";
    text += "Imported modules' compiled code is cached in __pycache__ (or ~/.cache/minipy);\n";
    text += "MINIPYCACHEPREFIX=DIR keeps it under DIR instead.\n";
    text += "Arguments after FILE or CMD are passed to the program as sys.argv[1:].\n\n";
    std::ostringstream out;
    out << describe();
    return text + out.str();
}

Options parse_options(int argc, char** argv) {
    // Find where minipy's options end and the program's arguments begin; `words` collects what
    // Program_options is to parse, with -O's letters counted out.
    int split = argc;
    int optimize = 0;
    std::vector<std::string> words = {argv[0]};
    auto take_value = [&](int& i) {
        if (++i < argc) words.emplace_back(argv[i]);
    };
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") {
            words.push_back(arg);
            split = i + 1;
            break;
        }
        if (arg == "-" || arg.empty() || arg[0] != '-') {
            split = i;
            break;
        }
        if (takes_value(arg)) {
            words.push_back(arg);
            take_value(i);
            if (arg == "-c" || arg == "-m") {
                split = i + 1;
                break;
            }
            continue;
        }
        size_t at = value_letter(arg);
        if (at == std::string::npos) {  // a long option, or a group of switches
            if (arg[1] != '-') arg = without_optimize_flags(arg, &optimize);
            if (!arg.empty()) words.push_back(arg);
            continue;
        }
        // A group ending in a letter that takes a value ("-Oc CMD", "-uW error"): the next word is
        // its value; one with the value inside ("-cCMD", "-Werror"). After -c or -m the program's
        // arguments begin.
        words.push_back(without_optimize_flags(arg, &optimize));
        if (at == arg.size() - 1) take_value(i);
        if (arg[at] == 'c' || arg[at] == 'm') {
            split = i + 1;
            break;
        }
    }
    if (split > argc)
        throw UsageError{std::string("Argument expected for the ") + argv[argc - 1] + " option"};
    // A switch given twice (-E -E) is one switch to CPython; Program_options would refuse it.
    for (size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        bool a_switch = w.size() == 2 && w[0] == '-' && !takes_value(w);
        if (a_switch && std::find(words.begin() + 1, words.begin() + i, w) != words.begin() + i)
            words.erase(words.begin() + i--);
    }

    std::vector<char*> word_ptrs;
    for (std::string& w : words) word_ptrs.push_back(w.data());
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(static_cast<int>(word_ptrs.size()), word_ptrs.data())
                      .options(describe())
                      .run(),
                  vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        // CPython's words: "Unknown option: -z" for a letter, "unknown option --name" for a long one.
        std::string name = e.get_option_name();
        if (name.rfind("--", 0) == 0) throw UsageError{"unknown option " + name};
        // In a group of letters (-qz), the first letter that is no option.
        po::options_description known = describe();
        for (size_t i = 1; i < name.size(); ++i) {
            std::string letter = std::string("-") + name[i];
            if (!known.find_nothrow(letter, false)) {
                name = letter;
                break;
            }
        }
        throw UsageError{"Unknown option: " + name};
    } catch (const po::invalid_command_line_syntax& e) {
        // A value option at the end with no value: Program_options names "-X" as "--X".
        std::string name = e.get_option_name();
        if (name.rfind("--", 0) == 0 && name.size() == 3) name = name.substr(1);
        throw UsageError{"Argument expected for the " + name + " option"};
    } catch (const po::error& e) {
        throw UsageError{e.what()};
    }

    Options opts;
    opts.trace = vm.count("trace") != 0;
    opts.gil_stats = vm.count("gil-stats") != 0;
    opts.inspect = vm.count("-i") != 0;
    opts.quiet = vm.count("-q") != 0;
    opts.dont_write_bytecode = vm.count("-B") != 0;
    opts.ignore_environment = vm.count("-E") != 0;
    opts.isolated = vm.count("-I") != 0;
    opts.no_user_site = vm.count("-s") != 0;
    opts.unbuffered = vm.count("-u") != 0;
    opts.optimize = optimize;
    if (vm.count("gil-trace")) opts.gil_trace = vm["gil-trace"].as<std::string>();
    if (vm.count("-X")) opts.x_options = vm["-X"].as<std::vector<std::string>>();
    if (vm.count("-W")) opts.warn_options = vm["-W"].as<std::vector<std::string>>();
    if (vm.count("help")) {
        opts.action = Action::Help;
    } else if (vm.count("version")) {
        opts.action = Action::Version;
    } else if (vm.count("tokens")) {
        opts.action = Action::Tokens;
        opts.dump_file = vm["tokens"].as<std::string>();
    } else if (vm.count("ast")) {
        opts.action = Action::Ast;
        opts.dump_file = vm["ast"].as<std::string>();
    } else if (vm.count("dis")) {
        opts.action = Action::Dis;
        opts.dump_file = vm["dis"].as<std::string>();
    }
    int rest = split;
    if (vm.count("-c")) {
        opts.command = vm["-c"].as<std::string>();
    } else if (vm.count("-m")) {
        opts.module = vm["-m"].as<std::string>();
    } else if (split < argc) {
        opts.script = argv[split];
        ++rest;
    }
    for (int i = rest; i < argc; ++i) opts.program_args.emplace_back(argv[i]);
    return opts;
}

}  // namespace minipy::cli
