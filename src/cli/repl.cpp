// repl.cpp — the interactive prompt's terminal side, through libedit: prompts (in colour where the
// terminal allows), deciding when an entry is complete, auto-indent, Tab completion, history kept in
// ~/.minipy_history, Ctrl-C; complete entries run in the InteractiveSession.
#include "cli/repl.h"

#include <editline/readline.h>
#include <langinfo.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <csetjmp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <regex>

#include "cli/completion.h"
#include "cli/repl_commands.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "runtime/environment.h"
#include "runtime/thread_state.h"
#include "syntax/colors.h"
#include "syntax/parser.h"

namespace minipy::cli {
namespace {

// CPython's REPL keeps this many history entries (readline's history_length default in site.py
// is -1, unbounded; 3.13's _pyrepl keeps the last 1000 as minipy does).
constexpr int kHistoryLength = 1000;

sigjmp_buf g_prompt_jump;
volatile sig_atomic_t g_at_prompt = 0;

// Ctrl-C while reading a line abandons the entry; while an entry runs it raises KeyboardInterrupt
// through the eval breaker.
void on_sigint(int) {
    if (g_at_prompt) siglongjmp(g_prompt_jump, 1);
    request_keyboard_interrupt();
}

// While the prompt waits for a key, other threads run: the main thread lets go of the GIL (or,
// without one, detaches), as CPython's PyOS_Readline does. Plain calls rather than AllowThreads,
// because Ctrl-C leaves readline() by siglongjmp, which would skip a destructor.
bool g_python_released = false;

void release_python() {
    if (g_python_released) return;
    if (Gil* gil = active_gil()) gil->release(thread_state()->gil_stats);
    detach_thread();
    g_python_released = true;
}

void reclaim_python() {
    if (!g_python_released) return;
    attach_thread();
    if (Gil* gil = active_gil()) gil->acquire(thread_state()->gil_stats);
    g_python_released = false;
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r\f") == std::string::npos; }

// A line that ends in ':' opens a block.
bool ends_with_colon(const std::string& line) {
    size_t end = line.find_last_not_of(" \t\r\f");
    return end != std::string::npos && line[end] == ':';
}

std::string leading_space(const std::string& line) { return line.substr(0, line.find_first_not_of(" \t")); }

// A line that starts a compound statement, even one complete on its line (`while x: pass`): as in
// CPython's REPL, its entry ends only at a blank line, so an `else:` or more can follow.
bool starts_compound_statement(const std::string& line) {
    static const std::regex kCompound(R"(\s*(@|(if|while|for|def|class|with|try|async)\b).*)");
    return std::regex_match(line, kCompound);
}

// ---- the entry being typed ----

// Lines gathered until the entry is complete. An entry whose first line opens a block ends with a
// blank line, as in CPython's REPL; any other ends as soon as the front end finds it complete.
struct Entry {
    std::string text;
    std::string last_line;
    bool in_block = false;

    bool empty() const { return text.empty(); }
    void clear() { *this = Entry(); }

    // Adds a line; true when the entry is ready to run. A pasted line never ends it: a paste
    // runs with the Enter typed after it, as in CPython 3.13.
    bool add(const std::string& line, bool pasted) {
        bool first = text.empty();
        text += line + "\n";
        if (!is_blank(line)) last_line = line;
        if (first)
            in_block =
                starts_compound_statement(line) || (ends_with_colon(line) && syntax::is_incomplete(text));
        if (pasted) return false;
        if (!in_block) return !syntax::is_incomplete(text);
        return is_blank(line) || has_error_before_end();
    }

    // CPython's REPL reports an error inside a block as soon as its line is typed: an entry that
    // is not merely unfinished and does not parse runs now, to show its SyntaxError.
    bool has_error_before_end() const {
        if (syntax::is_incomplete(text)) return false;
        try {
            syntax::parse(text, "<stdin>", syntax::Mode::Interactive);
            return false;
        } catch (const syntax::SyntaxError&) {
            return true;
        }
    }

    // Auto-indent, as CPython 3.13's REPL: a line inside a block starts where the last one did,
    // four spaces further after a line ending in ':'.
    std::string next_indent() const {
        if (!in_block || last_line.empty()) return "";
        return leading_space(last_line) + (ends_with_colon(last_line) ? "    " : "");
    }
};

// ---- libedit hooks ----

// Keys handed to libedit before the terminal's: the auto-indent, typed for the user (text put in
// the line from rl_pre_input_hook would be cleared when libedit prepares the line), and bytes read
// after an ESC that turned out not to start a paste marker.
std::string g_pending_keys;

// Bracketed paste (xterm's mode 2004, which CPython 3.13's REPL turns on): the terminal wraps
// pasted text in ESC[200~ ... ESC[201~, so a pasted block is taken as one entry, its blank lines
// do not end it and its indentation is not indented again.
constexpr const char* kPasteOn = "\x1b[?2004h";
constexpr const char* kPasteOff = "\x1b[?2004l";
constexpr const char* kPasteStart = "[200~";
constexpr const char* kPasteEnd = "[201~";
bool g_paste_wanted = false;  // a global, as it must survive the siglongjmp of Ctrl-C
bool g_in_paste = false;
bool g_paste_mode_on = false;

// Only terminals that understand it are asked for it (TERM=dumb would print the request).
bool terminal_can_paste() {
    const char* term = std::getenv("TERM");
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && std::strcmp(term, "dumb") != 0;
}

// On while libedit reads a line, off while an entry runs, so `input()` sees no markers.
void set_paste_mode(bool on) {
    if (g_paste_mode_on == on) return;
    g_paste_mode_on = on;
    std::fputs(on ? kPasteOn : kPasteOff, stdout);
    std::fflush(stdout);
}

// One byte from the terminal; with `wait_ms` >= 0, none (false) when nothing comes in that time.
bool read_terminal_byte(FILE* in, unsigned char* byte, int wait_ms = -1) {
    if (wait_ms >= 0) {
        pollfd ready = {fileno(in), POLLIN, 0};
        if (poll(&ready, 1, wait_ms) <= 0) return false;
    }
    ssize_t n;
    do n = read(fileno(in), byte, 1);
    while (n < 0 && errno == EINTR);
    return n == 1;
}

bool next_byte(FILE* in, unsigned char* byte) {
    if (g_pending_keys.empty()) return read_terminal_byte(in, byte);
    *byte = static_cast<unsigned char>(g_pending_keys[0]);
    g_pending_keys.erase(0, 1);
    return true;
}

// After an ESC: whether a paste marker follows (it is then consumed and the paste state set).
// Bytes that match no marker go back to the pending keys, to reach libedit after the ESC. A
// marker arrives in one write, so a byte late by 50 ms belongs to a key the user pressed.
bool take_paste_marker(FILE* in) {
    std::string seen;
    unsigned char byte;
    while (seen.size() < std::strlen(kPasteStart) && read_terminal_byte(in, &byte, 50)) {
        seen += static_cast<char>(byte);
        bool start = std::strncmp(kPasteStart, seen.c_str(), seen.size()) == 0;
        bool end = std::strncmp(kPasteEnd, seen.c_str(), seen.size()) == 0;
        if (!start && !end) break;
    }
    if (seen == kPasteStart || seen == kPasteEnd) {
        g_in_paste = seen == kPasteStart;
        return true;
    }
    g_pending_keys.insert(0, seen);
    return false;
}

// One key: a pending one, else a character read from the terminal, decoded from UTF-8 (libedit
// takes the value returned as the character). Paste markers are taken here, never passed on.
int read_key(FILE* in) {
    unsigned char first;
    for (;;) {
        bool from_terminal = g_pending_keys.empty();
        if (!next_byte(in, &first)) return -1;
        if (first != 0x1B || !from_terminal || !take_paste_marker(in)) break;
    }
    int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
    int code = extra ? first & (0x3F >> extra) : first;
    for (; extra > 0; --extra) {
        unsigned char next;
        if (!next_byte(in, &next)) return -1;
        code = (code << 6) | (next & 0x3F);
    }
    return code;
}

std::vector<std::string> g_matches;

char* next_match(const char*, int state) {
    static size_t index;
    if (state == 0) index = 0;
    return index < g_matches.size() ? strdup(g_matches[index++].c_str()) : nullptr;
}

// Tab: on a blank line it indents; elsewhere it completes the word before the cursor. Runs with
// the GIL, and a Ctrl-C meanwhile only cancels the completion.
char** complete_word(const char* text, int start, int) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    std::string before(rl_line_buffer, start);
    if (g_in_paste) {  // a pasted Tab is text
        rl_insert_text("\t");
        return nullptr;
    }
    if (is_blank(before) && !*text) {
        rl_insert_text("    ");
        return nullptr;
    }
    g_at_prompt = 0;
    reclaim_python();
    g_matches = completions(before, text);
    try {
        check_keyboard_interrupt();
    } catch (PyException& e) {
        e.take();
    }
    release_python();
    g_at_prompt = 1;
    if (g_matches.empty()) return nullptr;
    return rl_completion_matches(text, next_match);
}

// ---- history ----

// ~/.minipy_history (MINIPY_HISTORY overrides it, as PYTHON_HISTORY does for CPython 3.13), read
// when the REPL starts and written when it ends.
std::string history_path() {
    if (const char* path = configuration_variable("MINIPY_HISTORY"); path && *path) return path;
    const char* home = std::getenv("HOME");
    return home && *home ? std::string(home) + "/.minipy_history" : "";
}

void load_history(const std::string& path) {
    using_history();
    stifle_history(kHistoryLength);
    if (!path.empty()) read_history(path.c_str());
}

// An entry goes into the history whole, its lines inside one item, so the up arrow brings back
// a block as one.
void remember(const std::string& entry) {
    std::string item = entry;
    while (!item.empty() && (item.back() == '\n' || item.back() == ' ')) item.pop_back();
    if (!item.empty()) add_history(item.c_str());
}

// ---- the loop ----

// libedit turns keys into characters by LC_CTYPE, which start-up set from the environment
// (cli/locale_startup.cpp). A locale that is not UTF-8 (LC_ALL=C, where PEP 538 does not coerce)
// is replaced by C.UTF-8 for the REPL, so non-ASCII text can be typed.
void use_utf8_terminal() {
    const char* codeset = nl_langinfo(CODESET);
    if (!codeset || std::strcmp(codeset, "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

std::string prompt(const char* text) {
    const syntax::Colors& colors = syntax::colors_for(STDOUT_FILENO);
    if (!*colors.prompt) return text;
    // libedit does not count the characters between \1 and \2 as printed, and drops such a
    // sequence at the very end of the prompt: the colour ends before the prompt's last space.
    std::string shown = text;
    shown.pop_back();
    return std::string("\1") + colors.prompt + "\2" + shown + "\1" + colors.reset + "\2 ";
}

class Repl {
public:
    explicit Repl(InteractiveSession& session) : session_(session) {}

    // Handles one line from the terminal (`pasted` when it is part of a bracketed paste); returns
    // the exit status once an entry raised SystemExit.
    std::optional<int> take_line(const std::string& line, bool pasted = false) {
        if (entry_.empty() && is_blank(line)) return std::nullopt;
        if (entry_.empty() && !pasted && is_teaching_command(line)) {
            remember(line);
            run_teaching_command(line, session_);
            return std::nullopt;
        }
        if (!entry_.add(line, pasted)) return std::nullopt;
        std::string text = entry_.text;
        entry_.clear();
        remember(text);
        return session_.run(text);
    }

    // A block recalled from history comes back as one text with its lines inside: like a paste,
    // its lines are taken as one entry (blank lines inside a function do not end it), and it is
    // ended as if the blank line had been typed.
    std::optional<int> take(const std::string& text, bool pasted) {
        bool recalled = text.find('\n') != std::string::npos;
        size_t start = 0;
        for (;;) {
            size_t end = text.find('\n', start);
            if (auto status = take_line(text.substr(start, end - start), pasted || recalled)) return status;
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return recalled ? take_line("") : std::nullopt;
    }

    void cancel() { entry_.clear(); }
    bool continuing() const { return !entry_.empty(); }
    std::string next_indent() const { return entry_.next_indent(); }

private:
    InteractiveSession& session_;
    Entry entry_;
};

}  // namespace

namespace {

// One line of standard input without its newline, read a byte at a time so that nothing beyond
// it is taken from the descriptor (an entry's input() reads on from there). False at the end.
bool read_plain_line(std::string* line) {
    line->clear();
    char c;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return !line->empty();
        if (c == '\n') return true;
        line->push_back(c);
    }
}

// The prompt when standard input is not a terminal (`-i` with a pipe), as CPython's: the prompts
// go to stderr, lines are read plainly (no editing, no history), and the end of the input writes a
// newline to stderr.
int run_plain_prompt(Repl& repl) {
    std::optional<int> status;
    std::string line;
    while (!status) {
        std::fflush(stdout);
        std::fputs(repl.continuing() ? "... " : ">>> ", stderr);
        std::fflush(stderr);
        release_python();
        bool got = read_plain_line(&line);
        reclaim_python();
        if (!got) {
            std::fputs("\n", stderr);
            return 0;
        }
        status = repl.take(line, false);
    }
    return *status;
}

}  // namespace

int run_repl(InteractiveSession& session) {
    if (!isatty(STDIN_FILENO)) {
        Repl repl(session);
        return run_plain_prompt(repl);
    }
    use_utf8_terminal();
    // Set before libedit initializes itself (using_history does), which is when it reads them.
    rl_catch_signals = 0;
    rl_getc_function = read_key;
    rl_completer_word_break_characters = const_cast<char*>(kCompletionDelimiters);
    rl_attempted_completion_function = complete_word;
    std::string history = history_path();
    load_history(history);
    record_gil_stats();  // for .gil
    std::signal(SIGINT, on_sigint);
    g_paste_wanted = terminal_can_paste();
    const std::string ps1 = prompt(">>> "), ps2 = prompt("... ");
    Repl repl(session);
    std::optional<int> status;
    while (!status) {
        if (sigsetjmp(g_prompt_jump, 1) != 0) {
            g_at_prompt = 0;
            reclaim_python();
            std::printf("\nKeyboardInterrupt\n");
            repl.cancel();
            g_in_paste = false;
            g_pending_keys.clear();
        }
        // A line that continues a paste is the paste's own: no auto-indent before it.
        if (!g_in_paste) g_pending_keys = repl.next_indent();
        std::fflush(stdout);
        if (g_paste_wanted) set_paste_mode(true);
        release_python();
        g_at_prompt = 1;
        char* raw = readline(repl.continuing() ? ps2.c_str() : ps1.c_str());
        g_at_prompt = 0;
        bool pasted = g_in_paste;
        if (!pasted) set_paste_mode(false);
        reclaim_python();
        if (!raw) {  // Ctrl-D
            std::printf("\n");
            status = 0;
            break;
        }
        std::string text = raw;
        std::free(raw);
        status = repl.take(text, pasted);
    }
    set_paste_mode(false);
    if (!history.empty()) write_history(history.c_str());
    return *status;
}

}  // namespace minipy::cli
