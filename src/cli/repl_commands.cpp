// repl_commands.cpp — the REPL's teaching commands. Each shows one stage of the pipeline for the
// code typed after it, through the printer the matching command-line flag uses: syntax::dump_tokens
// (--tokens), syntax::dump_ast (--ast), disassemble_source (--dis), set_trace (--trace) and
// format_gil_stats (--gil-stats).
#include "cli/repl_commands.h"

#include <cctype>
#include <cstdio>

#include "objects/errors.h"
#include "runtime/flavor.h"
#include "runtime/thread_state.h"
#include "runtime/version.h"
#include "syntax/parser.h"

namespace minipy::cli {

namespace {

struct Command {
    const char* name;
    const char* argument;  // what follows the name, "" for none
    const char* help;
    void (*run)(const std::string& argument, InteractiveSession& session);
};

void print(const std::string& text) {
    std::fputs(text.c_str(), stdout);
    std::fflush(stdout);
}

void show_tokens(const std::string& code, InteractiveSession&) {
    print(syntax::dump_tokens(code + "\n", "<stdin>"));
}
void show_ast(const std::string& code, InteractiveSession&) {
    print(syntax::dump_ast(code + "\n", "<stdin>"));
}
void show_dis(const std::string& code, InteractiveSession&) {
    print(disassemble_source(code + "\n", "<stdin>"));
}

void run_traced(const std::string& code, InteractiveSession& session) {
    bool was_on = trace_enabled();
    set_trace(true);
    std::optional<int> status = session.run(code + "\n");
    set_trace(was_on);
    if (status) print("(.trace does not leave the REPL; use exit())\n");
}

void show_gil(const std::string&, InteractiveSession&) { print(format_gil_stats()); }

void show_flavor(const std::string&, InteractiveSession&) {
    std::string text = version_banner() + " [" + compiler_name() + "]\n";
    bool on = active_gil() != nullptr;
    text += std::string("GIL: ") + (on ? "enabled" : "disabled");
    if (on == kGilEnabledByDefault) text += " (this build's default)";
    if (!on) text += "; -X gil=1 or MINIPY_GIL=1 at start-up turns it on";
    text += format("\nswitch interval: %g s (sys.setswitchinterval)%s\n", the_gil().switch_interval(),
                   on ? "" : ", used only with the GIL");
    print(text);
}

void show_help(const std::string&, InteractiveSession&);

const Command kCommands[] = {
    {"dis", "CODE", "the bytecode CODE compiles to (as --dis)", show_dis},
    {"ast", "CODE", "the syntax tree of CODE (as --ast)", show_ast},
    {"tokens", "CODE", "the tokens of CODE (as --tokens)", show_tokens},
    {"trace", "STMT", "run STMT, printing each instruction and the stack (as --trace)", run_traced},
    {"gil", "", "each thread's GIL acquisitions, switches, wait and hold times so far (as --gil-stats)",
     show_gil},
    {"flavor", "", "this build: GIL or free-threaded, the GIL on or off, the switch interval", show_flavor},
    {"help", "", "this list", show_help},
};

void show_help(const std::string&, InteractiveSession&) {
    std::string text = "Commands (CODE is one line of Python):\n";
    for (const Command& c : kCommands) {
        std::string usage = std::string(".") + c.name + (*c.argument ? std::string(" ") + c.argument : "");
        text += format("  %-13s %s\n", usage.c_str(), c.help);
    }
    print(text);
}

}  // namespace

bool is_teaching_command(const std::string& line) {
    return line.size() >= 2 && line[0] == '.' && std::isalpha(static_cast<unsigned char>(line[1]));
}

void run_teaching_command(const std::string& line, InteractiveSession& session) {
    size_t end = line.find_first_of(" \t");
    std::string name = line.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    size_t start = end == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", end);
    std::string argument = start == std::string::npos ? "" : line.substr(start);
    while (!argument.empty() && std::isspace(static_cast<unsigned char>(argument.back())))
        argument.pop_back();
    for (const Command& c : kCommands) {
        if (name != c.name) continue;
        if (*c.argument && argument.empty()) {
            print(format("usage: .%s %s\n", c.name, c.argument));
            return;
        }
        try {
            c.run(argument, session);
        } catch (const syntax::SyntaxError& e) {
            print_syntax_error(e);
        }
        return;
    }
    print(format("unknown command .%s (.help lists the commands)\n", name.c_str()));
}

}  // namespace minipy::cli
