// faulthandler_module.cpp — the native `faulthandler` module, as CPython's. Once enable()d, a fatal
// signal (SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) writes "Fatal Python error: Segmentation fault"
// and the Python traceback of every thread to a file descriptor before the signal ends the process;
// dump_traceback() writes the tracebacks on demand, dump_traceback_later() after a timeout (from a
// watchdog thread: a program that hangs shows where), register() whenever a chosen signal arrives.
// `-X faulthandler` and PYTHONFAULTHANDLER enable it at start-up.
//
// A signal handler may neither allocate nor wait for a lock, so the dumps write with write(2) from
// fixed buffers and read the threads' frame chains as they stand (CPython's do the same): a frame
// chain read while its thread runs may be a little stale, never a crash of the dump itself.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "modules/registry.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/collector.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/format.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// ---- writing without allocating ----

void write_bytes(int fd, const char* s, size_t n) {
    while (n > 0) {
        ssize_t written = ::write(fd, s, n);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        s += written;
        n -= static_cast<size_t>(written);
    }
}

void write_text(int fd, const char* s) { write_bytes(fd, s, std::strlen(s)); }

void write_decimal(int fd, uint64_t value) {
    char digits[24];
    size_t i = sizeof digits;
    do {
        digits[--i] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    write_bytes(fd, digits + i, sizeof digits - i);
}

// `width` lowercase hexadecimal digits, zero-padded, as CPython's _Py_DumpHexadecimal.
void write_hex(int fd, uint64_t value, int width) {
    char digits[16];
    int n = 0;
    for (int shift = (width - 1) * 4; shift >= 0; shift -= 4)
        digits[n++] = "0123456789abcdef"[(value >> shift) & 15];
    write_bytes(fd, digits, static_cast<size_t>(n));
}

// A name or file name as CPython's _Py_DumpASCII writes it: printable ASCII as is, any other
// character escaped (\xhh, \uhhhh, \Uhhhhhhhh), at most 500 characters, then "...".
void write_ascii(int fd, const std::string& utf8) {
    constexpr size_t kMaxLength = 500;
    size_t count = 0, i = 0;
    while (i < utf8.size()) {
        if (count == kMaxLength) {
            write_text(fd, "...");
            return;
        }
        auto byte = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = byte;
        size_t extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
        if (extra) cp = byte & (0x3F >> extra);
        for (size_t k = 1; k <= extra && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += extra + 1;
        ++count;
        if (cp >= ' ' && cp <= 126) {
            char c = static_cast<char>(cp);
            write_bytes(fd, &c, 1);
        } else if (cp <= 0xFF) {
            write_text(fd, "\\x");
            write_hex(fd, cp, 2);
        } else if (cp <= 0xFFFF) {
            write_text(fd, "\\u");
            write_hex(fd, cp, 4);
        } else {
            write_text(fd, "\\U");
            write_hex(fd, cp, 8);
        }
    }
}

// ---- the tracebacks ----

constexpr int kMaxFrameDepth = 100;
constexpr int kMaxThreads = 100;

void dump_frame(int fd, Frame* f) {
    Code* code = f->code;
    write_text(fd, "  File \"");
    write_ascii(fd, code->filename);
    write_text(fd, "\", line ");
    write_decimal(fd, static_cast<uint64_t>(code->line_of(f->lasti())));
    write_text(fd, " in ");
    if (code->name)
        write_ascii(fd, code->name->utf8);
    else
        write_text(fd, "???");
    write_text(fd, "\n");
}

void dump_frames(int fd, const ThreadState* ts) {
    Frame* f = ts->frame;
    if (!f) {
        write_text(fd, "  <no Python frame>\n");
        return;
    }
    for (int depth = 0; f; f = f->previous, ++depth) {
        if (depth == kMaxFrameDepth) {
            write_text(fd, "  ...\n");
            return;
        }
        dump_frame(fd, f);
    }
}

struct ThreadsDump {
    int fd;
    const ThreadState* current;  // marked "Current thread"; null from the watchdog
    int count = 0;
};

void dump_one_thread(ThreadState* ts, void* arg) {
    auto* dump = static_cast<ThreadsDump*>(arg);
    if (dump->count > kMaxThreads) return;
    if (dump->count) write_text(dump->fd, "\n");
    if (dump->count++ == kMaxThreads) {
        write_text(dump->fd, "...\n");
        return;
    }
    write_text(dump->fd, ts == dump->current ? "Current thread 0x" : "Thread 0x");
    write_hex(dump->fd, ts->ident, static_cast<int>(sizeof(unsigned long) * 2));
    write_text(dump->fd, " (most recent call first):\n");
    if (ts == dump->current && gc_is_collecting()) write_text(dump->fd, "  Garbage-collecting\n");
    dump_frames(dump->fd, ts);
}

void dump_all_threads(int fd, const ThreadState* current) {
    ThreadsDump dump{fd, current};
    if (!visit_thread_states_nonblocking(dump_one_thread, &dump))
        write_text(fd, "<a thread was starting or ending: cannot list the threads>\n");
}

// What a fatal handler, a registered signal and dump_traceback() write: every thread, or the
// calling one under "Stack (most recent call first):".
void dump_tracebacks(int fd, bool all_threads, const ThreadState* current) {
    if (all_threads) {
        dump_all_threads(fd, current);
    } else if (current) {
        write_text(fd, "Stack (most recent call first):\n");
        dump_frames(fd, current);
    }
}

// The calling thread's state if it has made one (a thread that never ran Python has none).
ThreadState* current_thread_state() { return thread_state(); }

// ---- the fatal signals ----

struct FatalSignal {
    int signum;
    const char* name;
    struct sigaction previous;
    bool installed;
};

FatalSignal g_fatal[] = {
    {SIGBUS, "Bus error", {}, false},
    {SIGILL, "Illegal instruction", {}, false},
    {SIGFPE, "Floating point exception", {}, false},
    {SIGABRT, "Aborted", {}, false},
    {SIGSEGV, "Segmentation fault", {}, false},
};

std::atomic<int> g_fatal_fd{2};
std::atomic<bool> g_fatal_all_threads{true};
std::atomic<bool> g_enabled{false};
Object* g_fatal_file = nullptr;  // owned: kept open while it is written to, as CPython keeps it
char* g_alt_stack = nullptr;     // a stack overflow's SIGSEGV needs a stack of its own to run on

void restore_fatal_handler(FatalSignal& s) {
    if (!s.installed) return;
    s.installed = false;
    sigaction(s.signum, &s.previous, nullptr);
}

void fatal_handler(int signum) {
    int saved_errno = errno;
    FatalSignal* s = nullptr;
    for (FatalSignal& candidate : g_fatal)
        if (candidate.signum == signum) s = &candidate;
    if (!s) return;
    // Back to the previous handler first: raising the signal again below runs it (SA_NODEFER).
    restore_fatal_handler(*s);
    int fd = g_fatal_fd.load();
    write_text(fd, "Fatal Python error: ");
    write_text(fd, s->name);
    write_text(fd, "\n\n");
    dump_tracebacks(fd, g_fatal_all_threads.load(), current_thread_state());
    errno = saved_errno;
    std::raise(signum);
}

void install_fatal_handlers() {
    if (!g_alt_stack) {
        size_t size = SIGSTKSZ + 64 * 1024;
        g_alt_stack = static_cast<char*>(std::malloc(size));
        stack_t ss{};
        ss.ss_sp = g_alt_stack;
        ss.ss_size = size;
        sigaltstack(&ss, nullptr);
    }
    for (FatalSignal& s : g_fatal) {
        if (s.installed) continue;
        struct sigaction action {};
        action.sa_handler = fatal_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER | SA_ONSTACK;
        if (sigaction(s.signum, &action, &s.previous) == 0) s.installed = true;
    }
    g_enabled = true;
}

void uninstall_fatal_handlers() {
    for (FatalSignal& s : g_fatal) restore_fatal_handler(s);
    g_enabled = false;
}

// ---- the `file` argument: a file descriptor, or an object with fileno() (sys.stderr by default) ----

struct Target {
    int fd;
    Ref file;  // the object, kept while it is written to; null for a plain descriptor
};

Target target_of(Object* file) {
    if (!file || file == None) {
        file = sys_stderr();
        if (!file || file == None) raise(&RuntimeError_type, "sys.stderr is None");
    } else if (is_instance(file, &int_type)) {
        int64_t fd = as_index(file);
        if (fd < 0 || fd > INT32_MAX) raise(&ValueError_type, "file is not a valid file descripter");
        return {static_cast<int>(fd), Ref()};
    }
    Ref result = call0(get_attr(file, intern("fileno")).get());
    if (!is_instance(result.get(), &int_type))
        raise(&RuntimeError_type, "file.fileno() is not a valid file descriptor");
    int64_t fd = as_index(result.get());
    if (fd < 0 || fd > INT32_MAX) raise(&RuntimeError_type, "file.fileno() is not a valid file descriptor");
    // What Python code wrote before must come first.
    if (Ref flush = get_attr_opt(file, intern("flush"))) {
        try {
            call0(flush.get());
        } catch (PyException&) {
        }
    }
    return {static_cast<int>(fd), Ref::borrow(file)};
}

void keep_file(Object*& slot, const Ref& file) {
    Object* old = slot;
    slot = file ? newref(file.get()) : nullptr;
    xdecref(old);
}

bool flag_arg(Object* o, bool fallback) { return o ? is_true(o) : fallback; }

Ref fh_enable(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"file", "all_threads"};
    Object* a[2] = {};
    bind_args("enable", args, nargs, kw, kNames, 2, 0, a);
    Target t = target_of(a[0]);
    keep_file(g_fatal_file, t.file);
    g_fatal_fd = t.fd;
    g_fatal_all_threads = flag_arg(a[1], true);
    install_fatal_handlers();
    return Ref::borrow(None);
}

Ref fh_disable(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("disable", nargs, kw, 0, 0);
    bool was = g_enabled.load();
    uninstall_fatal_handlers();
    Ref ignored;
    keep_file(g_fatal_file, ignored);
    return Ref::borrow(bool_obj(was));
}

Ref fh_is_enabled(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("is_enabled", nargs, kw, 0, 0);
    return Ref::borrow(bool_obj(g_enabled.load()));
}

Ref fh_dump_traceback(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"file", "all_threads"};
    Object* a[2] = {};
    bind_args("dump_traceback", args, nargs, kw, kNames, 2, 0, a);
    Target t = target_of(a[0]);
    bool all_threads = flag_arg(a[1], true);
    // The other threads keep still meanwhile (they wait for the GIL, or the world is stopped).
    stop_the_world();
    dump_tracebacks(t.fd, all_threads, thread_state());
    start_the_world();
    return Ref::borrow(None);
}

// ---- dump_traceback_later: a watchdog thread ----

struct Watchdog {
    std::mutex lock;
    std::condition_variable wake;
    std::thread thread;
    bool cancelled = false;
    Object* file = nullptr;  // owned, released by the thread that cancels
};

Watchdog& watchdog() {
    static Watchdog* w = new Watchdog();  // never destroyed: the thread may outlive static destructors
    return *w;
}

// "Timeout (0:00:01)!" or "Timeout (0:00:00.500000)!", as CPython's format_timeout.
std::string timeout_header(int64_t us) {
    int64_t sec = us / 1000000, frac = us % 1000000;
    int64_t min = sec / 60, hour = min / 60;
    std::string s = format("Timeout (%lld:%02lld:%02lld", static_cast<long long>(hour),
                           static_cast<long long>(min % 60), static_cast<long long>(sec % 60));
    if (frac) s += format(".%06lld", static_cast<long long>(frac));
    return s + ")!\n";
}

void watchdog_run(int64_t timeout_us, bool repeat, int fd, bool exit_after, std::string header) {
    Watchdog& w = watchdog();
    std::unique_lock<std::mutex> guard(w.lock);
    do {
        if (w.wake.wait_for(guard, std::chrono::microseconds(timeout_us), [&] { return w.cancelled; }))
            return;
        write_bytes(fd, header.data(), header.size());
        dump_all_threads(fd, nullptr);
        if (exit_after) _exit(1);
    } while (repeat);
}

void cancel_watchdog() {
    Watchdog& w = watchdog();
    if (w.thread.joinable()) {
        {
            std::lock_guard<std::mutex> guard(w.lock);
            w.cancelled = true;
        }
        w.wake.notify_all();
        w.thread.join();
    }
    w.cancelled = false;
    Ref ignored;
    keep_file(w.file, ignored);
}

Ref fh_dump_traceback_later(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"timeout", "repeat", "file", "exit"};
    Object* a[4] = {};
    bind_args("dump_traceback_later", args, nargs, kw, kNames, 4, 1, a);
    double seconds = to_double(a[0]);
    if (seconds * 1e6 >= 9.2e18) raise(&OverflowError_type, "timeout value is too large");
    auto timeout_us = static_cast<int64_t>(seconds * 1e6);
    if (timeout_us <= 0) raise(&ValueError_type, "timeout must be greater than 0");
    bool repeat = flag_arg(a[1], false), exit_after = flag_arg(a[3], false);
    Target t = target_of(a[2]);
    cancel_watchdog();
    Watchdog& w = watchdog();
    keep_file(w.file, t.file);
    w.thread = std::thread(watchdog_run, timeout_us, repeat, t.fd, exit_after, timeout_header(timeout_us));
    return Ref::borrow(None);
}

Ref fh_cancel_dump_traceback_later(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("cancel_dump_traceback_later", nargs, kw, 0, 0);
    // The watchdog takes no lock of the interpreter's: waiting for it with the GIL held is safe.
    cancel_watchdog();
    return Ref::borrow(None);
}

// ---- register: a traceback whenever a chosen signal arrives ----

struct UserSignal {
    bool installed = false;
    int fd = 2;
    bool all_threads = true;
    bool chain = false;
    struct sigaction previous {};
    Object* file = nullptr;  // owned
};

UserSignal g_user[NSIG];

void user_handler(int signum) {
    int saved_errno = errno;
    UserSignal& u = g_user[signum];
    if (!u.installed) return;
    dump_tracebacks(u.fd, u.all_threads, current_thread_state());
    if (u.chain) {
        // The previous handler runs too: a function, or the default action once ours is out of the way.
        if (u.previous.sa_handler != SIG_DFL && u.previous.sa_handler != SIG_IGN &&
            !(u.previous.sa_flags & SA_SIGINFO)) {
            u.previous.sa_handler(signum);
        } else if (u.previous.sa_handler == SIG_DFL) {
            struct sigaction ours;
            sigaction(signum, &u.previous, &ours);
            std::raise(signum);
            sigaction(signum, &ours, nullptr);
        }
    }
    errno = saved_errno;
}

int signal_number(Object* o) {
    int64_t signum = as_index(o);
    for (const FatalSignal& s : g_fatal)
        if (s.signum == signum)
            raise(&RuntimeError_type, format("signal %lld cannot be registered, use enable() instead",
                                             static_cast<long long>(signum)));
    if (signum < 1 || signum >= NSIG) raise(&ValueError_type, "signal number out of range");
    return static_cast<int>(signum);
}

Ref fh_register(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"signum", "file", "all_threads", "chain"};
    Object* a[4] = {};
    bind_args("register", args, nargs, kw, kNames, 4, 1, a);
    int signum = signal_number(a[0]);
    Target t = target_of(a[1]);
    UserSignal& u = g_user[signum];
    if (!u.installed) {
        struct sigaction action {};
        action.sa_handler = user_handler;
        sigemptyset(&action.sa_mask);
        // A second signal while the first is being dumped waits (no SA_NODEFER), unless chained.
        action.sa_flags = SA_RESTART | SA_ONSTACK | (flag_arg(a[3], false) ? SA_NODEFER : 0);
        if (sigaction(signum, &action, &u.previous) != 0) raise_object(os_error_new(errno, ""));
    }
    keep_file(u.file, t.file);
    u.fd = t.fd;
    u.all_threads = flag_arg(a[2], true);
    u.chain = flag_arg(a[3], false);
    u.installed = true;
    return Ref::borrow(None);
}

Ref fh_unregister(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unregister", nargs, kw, 1, 1);
    int signum = signal_number(args[0]);
    UserSignal& u = g_user[signum];
    if (!u.installed) return Ref::borrow(False);
    u.installed = false;
    sigaction(signum, &u.previous, nullptr);
    Ref ignored;
    keep_file(u.file, ignored);
    return Ref::borrow(True);
}

// ---- the crashes CPython's own tests provoke ----

Ref fh_sigsegv(Object*, Args, size_t, Tuple*) {
    std::raise(SIGSEGV);
    return Ref::borrow(None);
}

Ref fh_sigabrt(Object*, Args, size_t, Tuple*) { std::abort(); }

// A read through a null pointer, on purpose: the crash the handler is for.
Ref fh_read_null(Object*, Args, size_t, Tuple*) {
    volatile int* null_pointer = nullptr;
    int value = *null_pointer;
    return int_from_i64(value);
}

Ref fh_sigfpe(Object*, Args, size_t, Tuple*) {
    std::raise(SIGFPE);
    return Ref::borrow(None);
}

Ref fh_fatal_error(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_fatal_error", nargs, kw, 1, 1);
    std::string message = str_utf8_of(args[0]);
    write_text(2, "Fatal Python error: ");
    write_text(2, message.c_str());
    write_text(2, "\n\n");
    dump_tracebacks(2, true, thread_state());
    std::abort();
}

const MethodDef kFaulthandlerFunctions[] = {
    {"enable", fh_enable, "Enable the fault handler."},
    {"disable", fh_disable, "Disable the fault handler."},
    {"is_enabled", fh_is_enabled, "Check if the handler is enabled."},
    {"dump_traceback", fh_dump_traceback,
     "Dump the traceback of the current thread, or of all threads if all_threads is True, into file."},
    {"dump_traceback_later", fh_dump_traceback_later,
     "Dump the traceback of all threads in timeout seconds,\nor each timeout seconds if repeat is True. If "
     "exit is True, call _exit(1) which is not safe."},
    {"cancel_dump_traceback_later", fh_cancel_dump_traceback_later,
     "Cancel the previous call to dump_traceback_later()."},
    {"register", fh_register,
     "Register a handler for the signal 'signum': dump the traceback of the current thread, or of all "
     "threads if all_threads is True, into file"},
    {"unregister", fh_unregister, "Unregister the handler of the signal 'signum' registered by register()"},
    {"_sigsegv", fh_sigsegv, "Raise a SIGSEGV signal"},
    {"_sigabrt", fh_sigabrt, "Raise a SIGABRT signal"},
    {"_read_null", fh_read_null,
     "Read from NULL, raise a SIGSEGV or SIGBUS signal depending on the platform"},
    {"_sigfpe", fh_sigfpe, "Raise a SIGFPE signal"},
    {"_fatal_error", fh_fatal_error, "_fatal_error(message): call Py_FatalError(message)"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void enable_faulthandler_at_startup() {
    const char* env = configuration_variable("PYTHONFAULTHANDLER");
    bool wanted = (env && *env) || dev_mode();
    for (const std::string& x : x_options())
        if (x == "faulthandler") wanted = true;
    if (wanted) install_fatal_handlers();
}

Ref init_faulthandler_module() { return native_module_new("faulthandler", kFaulthandlerFunctions); }

}  // namespace minipy
