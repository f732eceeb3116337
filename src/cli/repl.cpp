// repl.cpp — the interactive prompt. An entry is complete when the front end says so; an entry
// that opened a block (`def`, `if`, ...) goes on until a blank line, as in CPython's REPL.
#include "cli/repl.h"

#include <csetjmp>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <editline/readline.h>

#include "runtime/thread_state.h"
#include "syntax/parser.h"

namespace minipy::cli {
namespace {

sigjmp_buf g_prompt_jump;
volatile sig_atomic_t g_at_prompt = 0;

// Ctrl-C while reading a line abandons the entry; while a program runs, the default action applies
// until KeyboardInterrupt is delivered through the eval breaker (a later issue).
void on_sigint(int) {
    if (g_at_prompt) siglongjmp(g_prompt_jump, 1);
    request_keyboard_interrupt();  // a running entry stops with KeyboardInterrupt
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r\f") == std::string::npos; }

// A first line that ends in ':' opens a block, which only a blank line closes.
bool opens_block(const std::string& line) {
    size_t end = line.find_last_not_of(" \t\r\f");
    return end != std::string::npos && line[end] == ':';
}

}  // namespace

int run_repl(const std::string& banner, const ExecuteEntry& execute) {
    std::printf("%s\n", banner.c_str());
    rl_catch_signals = 0;
    std::signal(SIGINT, on_sigint);
    std::string entry;
    bool in_block = false;
    for (;;) {
        if (sigsetjmp(g_prompt_jump, 1) != 0) {
            std::printf("\nKeyboardInterrupt\n");
            entry.clear();
            in_block = false;
        }
        g_at_prompt = 1;
        char* raw = readline(entry.empty() ? ">>> " : "... ");
        g_at_prompt = 0;
        if (!raw) {  // Ctrl-D
            std::printf("\n");
            return 0;
        }
        std::string line = raw;
        std::free(raw);
        if (!is_blank(line)) add_history(line.c_str());
        if (entry.empty() && is_blank(line)) continue;
        entry += line + "\n";
        if (entry == line + "\n") in_block = opens_block(line) && syntax::is_incomplete(entry);
        bool finished = in_block ? is_blank(line) : !syntax::is_incomplete(entry);
        if (!finished) continue;
        execute(entry);
        std::fflush(stdout);
        entry.clear();
        in_block = false;
    }
}

}  // namespace minipy::cli
