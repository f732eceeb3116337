// signal_module.cpp — the native `_signal` module under CPython's signal.py: Python-level signal
// handlers, as CPython's Modules/signalmodule.c runs them. The C handler only marks the signal
// pending (and writes its number to the wakeup fd); the main thread calls the Python handler at its
// next eval-breaker check. SIGINT's default handler is default_int_handler, whose KeyboardInterrupt
// the runtime raises directly (runtime/thread_state.cpp).
#include <fcntl.h>
#include <pthread.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "modules/seconds.h"
#include "modules/signals.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame_object.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/set.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// Signals that fit the runtime's pending set (one bit each): the classic ones and the real-time ones.
constexpr int kSignalCount = NSIG < 64 ? NSIG : 64;
constexpr int kSigDfl = 0, kSigIgn = 1;

// The Python-level handler of each signal: a callable, SIG_DFL/SIG_IGN as ints, or null where the
// module has not looked (getsignal then asks the kernel). Set and read under the GIL or, in
// minipy-ft, by the main thread only (signal() refuses other threads, as CPython's).
Object* g_handlers[kSignalCount] = {};
Object* g_default_int_handler = nullptr;
std::atomic<int> g_wakeup_fd{-1};

void check_signum(int64_t signum) {
    if (signum < 1 || signum >= kSignalCount) raise(&ValueError_type, "signal number out of range");
}

int signum_arg(Object* o) {
    int64_t n = as_index(o);
    check_signum(n);
    return static_cast<int>(n);
}

// The C handler: async-signal-safe, it only marks the signal and pokes the wakeup fd.
void trip_signal(int signum) {
    int saved = errno;
    mark_signal_pending(signum);
    int fd = g_wakeup_fd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        unsigned char byte = static_cast<unsigned char>(signum);
        [[maybe_unused]] ssize_t n = write(fd, &byte, 1);
    }
    errno = saved;
}

void install(int signum, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocking call returns EINTR, so the handler runs soon
    if (sigaction(signum, &action, nullptr) != 0) raise_object(os_error_new(errno, ""));
}

// Runs the Python handler of each pending signal, in the main thread (set as the runtime's
// dispatch). A handler's exception propagates from the instruction that was running.
void run_pending_handlers() {
    uint64_t pending = take_pending_signals();
    for (int signum = 1; signum < kSignalCount; ++signum) {
        if (!(pending & (uint64_t{1} << signum))) continue;
        Object* handler = g_handlers[signum];
        if (!handler || is_int(handler)) continue;
        Ref keep = Ref::borrow(handler);
        Ref frame = thread_state()->frame ? frame_object_at(thread_state()->frame) : Ref::borrow(None);
        Object* args[2] = {int_from_i64(signum).release(), frame.get()};
        Ref num = Ref::steal(args[0]);
        try {
            call(keep.get(), args, 2);
        } catch (PyException&) {
            // The other pending signals run at the next check.
            for (int later = signum + 1; later < kSignalCount; ++later)
                if (pending & (uint64_t{1} << later)) mark_signal_pending(later);
            throw;
        }
    }
}

// What the kernel has for a signal no Python handler was set for: SIG_DFL or SIG_IGN.
Ref kernel_disposition(int signum) {
    struct sigaction current {};
    sigaction(signum, nullptr, &current);
    return int_from_i64(current.sa_handler == SIG_IGN ? kSigIgn : kSigDfl);
}

Ref signal_getsignal(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getsignal", nargs, kw, 1, 1);
    int signum = signum_arg(args[0]);
    if (g_handlers[signum]) return Ref::borrow(g_handlers[signum]);
    if (signum == SIGINT) return Ref::borrow(g_default_int_handler);
    return kernel_disposition(signum);
}

Ref signal_signal(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("signal", nargs, kw, 2, 2);
    int signum = signum_arg(args[0]);
    Object* handler = args[1];
    if (!is_main_thread())
        raise(&ValueError_type, "signal only works in main thread of the main interpreter");
    Ref previous = signal_getsignal(nullptr, args, 1, nullptr);
    if (handler == g_default_int_handler && signum == SIGINT) {
        install_sigint_handler();
    } else if (is_int(handler)) {
        int64_t which = as_index(handler);
        if (which != kSigDfl && which != kSigIgn)
            raise(&TypeError_type,
                  "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        install(signum, which == kSigIgn ? SIG_IGN : SIG_DFL);
    } else if (type_of(handler)->call) {
        if (signum == SIGKILL || signum == SIGSTOP) raise_object(os_error_new(EINVAL, ""));
        install(signum, trip_signal);
    } else {
        raise(&TypeError_type, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    }
    Object* old = g_handlers[signum];
    g_handlers[signum] = handler == g_default_int_handler && signum == SIGINT ? nullptr : newref(handler);
    xdecref(old);
    return previous;
}

Ref signal_default_int_handler(Object*, Args, size_t, Tuple*) {
    raise_object(call(&KeyboardInterrupt_type, nullptr, 0));
}

}  // namespace

void simulate_signal(int64_t signum) {
    check_signum(signum);
    int n = static_cast<int>(signum);
    Object* handler = g_handlers[n];
    if (n == SIGINT && !handler) {  // the default Python handler: KeyboardInterrupt
        request_keyboard_interrupt();
        trip_signal(n);
        return;
    }
    if (handler && !is_int(handler)) trip_signal(n);
}

namespace {

// raise_signal(signum): sends the signal to this process; a Python handler runs before it returns.
Ref signal_raise_signal(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("raise_signal", nargs, kw, 1, 1);
    int signum = signum_arg(args[0]);
    if (::raise(signum) != 0) raise_object(os_error_new(errno, ""));
    if (is_main_thread()) {
        check_keyboard_interrupt();
        run_pending_handlers();
    }
    return Ref::borrow(None);
}

Ref signal_strsignal(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("strsignal", nargs, kw, 1, 1);
    int signum = signum_arg(args[0]);
    const char* text = strsignal(signum);
    if (!text || std::strncmp(text, "Unknown signal", 14) == 0 ||
        std::strncmp(text, "Real-time signal", 16) == 0)
        return Ref::borrow(None);
    return str_new(text);
}

Ref signal_valid_signals(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("valid_signals", nargs, kw, 0, 0);
    sigset_t all;
    sigfillset(&all);
    Ref result = set_new_basetype(&set_type);
    for (int signum = 1; signum < NSIG; ++signum) {
        if (sigismember(&all, signum) == 1) {
            Ref n = int_from_i64(signum);
            set_add_hashed(result.get(), n.get(), hash(n.get()));
        }
    }
    return result;
}

Ref signal_alarm(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("alarm", nargs, kw, 1, 1);
    return int_from_i64(alarm(static_cast<unsigned>(as_index(args[0]))));
}

// setitimer/getitimer's (delay, interval) in seconds; the error is signal.ItimerError (OSError).
Object* g_itimer_error = nullptr;

double timeval_seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec * 1e-6; }

// Seconds (seconds.h) as a timeval, rounded up to the next microsecond, as CPython's.
timeval seconds_timeval(Object* seconds) {
    double s = seconds_value(seconds);
    if (std::isnan(s)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    double whole = std::floor(s);
    double micros = std::ceil((s - whole) * 1e6);
    if (micros >= 1e6) {
        whole += 1;
        micros -= 1e6;
    }
    if (whole > 9.2e18 || whole < -9.2e18)
        raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(whole);
    tv.tv_usec = static_cast<suseconds_t>(micros);
    return tv;
}

Ref itimer_tuple(const itimerval& v) {
    Ref delay = float_new(timeval_seconds(v.it_value));
    Ref interval = float_new(timeval_seconds(v.it_interval));
    Object* items[] = {delay.get(), interval.get()};
    return tuple_from(items, 2);
}

[[noreturn]] void raise_itimer_error(int errnum) {
    Ref code = int_from_i64(errnum);
    Ref text = str_new(std::strerror(errnum));
    Object* items[] = {code.get(), text.get()};
    raise_object(call(g_itimer_error, items, 2));
}

Ref signal_setitimer(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setitimer", nargs, kw, 2, 3);
    int which = static_cast<int>(as_index(args[0]));
    itimerval value{};
    value.it_value = seconds_timeval(args[1]);
    if (nargs > 2) value.it_interval = seconds_timeval(args[2]);
    itimerval old{};
    if (setitimer(which, &value, &old) != 0) raise_itimer_error(errno);
    return itimer_tuple(old);
}

Ref signal_getitimer(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getitimer", nargs, kw, 1, 1);
    itimerval current{};
    if (getitimer(static_cast<int>(as_index(args[0])), &current) != 0) raise_itimer_error(errno);
    return itimer_tuple(current);
}

Ref signal_pause(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("pause", nargs, kw, 0, 0);
    {
        AllowThreads unblocked(BlockReason::Other);
        pause();
    }
    check_keyboard_interrupt();
    run_pending_handlers();
    return Ref::borrow(None);
}

// set_wakeup_fd(fd, *, warn_on_full_buffer=True): each signal's number is written to fd (asyncio's
// self-pipe). Returns the previous fd, -1 for none.
Ref signal_set_wakeup_fd(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"fd", "warn_on_full_buffer"};
    Object* a[2] = {};
    bind_args("set_wakeup_fd", args, nargs, kw, names, 2, 1, a);
    if (!is_main_thread())
        raise(&ValueError_type, "set_wakeup_fd only works in main thread of the main interpreter");
    int64_t fd = as_index(a[0]);
    if (fd != -1 && fcntl(static_cast<int>(fd), F_GETFL) < 0) raise_object(os_error_new(errno, ""));
    return int_from_i64(g_wakeup_fd.exchange(static_cast<int>(fd)));
}

Ref signal_siginterrupt(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("siginterrupt", nargs, kw, 2, 2);
    int signum = signum_arg(args[0]);
    struct sigaction action {};
    sigaction(signum, nullptr, &action);
    if (is_true(args[1]))
        action.sa_flags &= ~SA_RESTART;
    else
        action.sa_flags |= SA_RESTART;
    if (sigaction(signum, &action, nullptr) != 0) raise_object(os_error_new(errno, ""));
    return Ref::borrow(None);
}

Ref signal_pthread_kill(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pthread_kill", nargs, kw, 2, 2);
    int64_t thread = 0;
    if (!is_int(args[0]) || !int_to_i64(args[0], &thread)) raise(&TypeError_type, "thread id must be an int");
    int signum = static_cast<int>(as_index(args[1]));
    if (int err = pthread_kill(static_cast<pthread_t>(thread), signum)) raise_object(os_error_new(err, ""));
    if (is_main_thread()) {
        check_keyboard_interrupt();
        run_pending_handlers();
    }
    return Ref::borrow(None);
}

// pthread_sigmask(how, mask): the calling thread's blocked set; returns the previous one.
Ref signal_pthread_sigmask(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pthread_sigmask", nargs, kw, 2, 2);
    int how = static_cast<int>(as_index(args[0]));
    sigset_t mask, previous;
    sigemptyset(&mask);
    for_each_item(args[1], [&](Object* item) {
        int signum = static_cast<int>(as_index(item));
        if (signum < 1 || signum >= NSIG)
            raise(&ValueError_type, format("signal number %d out of range [1; %d]", signum, NSIG - 1));
        sigaddset(&mask, signum);
    });
    if (int err = pthread_sigmask(how, &mask, &previous)) raise_object(os_error_new(err, ""));
    Ref result = set_new_basetype(&set_type);
    for (int signum = 1; signum < NSIG; ++signum) {
        if (sigismember(&previous, signum) == 1) {
            Ref n = int_from_i64(signum);
            set_add_hashed(result.get(), n.get(), hash(n.get()));
        }
    }
    return result;
}

const MethodDef kSignalFunctions[] = {
    {"signal", signal_signal, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int_handler,
     "The default handler for SIGINT installed by Python."},
    {"raise_signal", signal_raise_signal, "Send a signal to the executing process."},
    {"strsignal", signal_strsignal, "Return the system description of the given signal."},
    {"valid_signals", signal_valid_signals, "Return a set of valid signal numbers on this platform."},
    {"alarm", signal_alarm, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", signal_pause, "Wait until a signal arrives."},
    {"setitimer", signal_setitimer,
     "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\nThe timer will fire after "
     "value "
     "seconds and after that every interval seconds.\nThe itimer can be cleared by setting seconds to "
     "zero.\n\n"
     "Returns old values as a tuple: (delay, interval)."},
    {"getitimer", signal_getitimer, "Returns current value of given itimer."},
    {"set_wakeup_fd", signal_set_wakeup_fd,
     "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"siginterrupt", signal_siginterrupt, "Change system call restart behaviour."},
    {"pthread_kill", signal_pthread_kill, "Send a signal to a thread."},
    {"pthread_sigmask", signal_pthread_sigmask, "Fetch and/or change the signal mask of the calling thread."},
    {nullptr, nullptr, nullptr},
};

// The signal names of this platform, CPython's list for Linux.
// clang-format off
#define MINIPY_SIGNAL_NAMES(X) \
    X(SIGHUP) X(SIGINT) X(SIGQUIT) X(SIGILL) X(SIGTRAP) X(SIGABRT) X(SIGIOT) X(SIGBUS) \
    X(SIGFPE) X(SIGKILL) X(SIGUSR1) X(SIGSEGV) X(SIGUSR2) X(SIGPIPE) X(SIGALRM) X(SIGTERM) \
    X(SIGSTKFLT) X(SIGCHLD) X(SIGCONT) X(SIGSTOP) X(SIGTSTP) X(SIGTTIN) X(SIGTTOU) X(SIGURG) \
    X(SIGXCPU) X(SIGXFSZ) X(SIGVTALRM) X(SIGPROF) X(SIGWINCH) X(SIGIO) X(SIGPOLL) X(SIGPWR) \
    X(SIGSYS)
// clang-format on

}  // namespace

Ref init_signal_module() {
    Ref module = native_module_new("_signal", kSignalFunctions);
    Dict* d = module_dict(module.get());
    auto add = [&](const char* name, int64_t value) { dict_set(d, intern(name), int_from_i64(value).get()); };
#define MINIPY_ADD_SIGNAL(name) add(#name, name);
    MINIPY_SIGNAL_NAMES(MINIPY_ADD_SIGNAL)
#undef MINIPY_ADD_SIGNAL
    add("SIGRTMIN", SIGRTMIN);
    add("SIGRTMAX", SIGRTMAX);
    add("NSIG", NSIG);
    add("SIG_DFL", kSigDfl);
    add("SIG_IGN", kSigIgn);
    add("SIG_BLOCK", SIG_BLOCK);
    add("SIG_UNBLOCK", SIG_UNBLOCK);
    add("SIG_SETMASK", SIG_SETMASK);
    add("ITIMER_REAL", ITIMER_REAL);
    add("ITIMER_VIRTUAL", ITIMER_VIRTUAL);
    add("ITIMER_PROF", ITIMER_PROF);
    if (!g_itimer_error)
        g_itimer_error = new_exception_class("signal", "itimer_error", {&OSError_type}).release();
    dict_set(d, intern("ItimerError"), g_itimer_error);
    if (!g_default_int_handler) {
        g_default_int_handler = newref(dict_get_str(d, intern("default_int_handler")));
        set_signal_dispatch(run_pending_handlers);
    }
    return module;
}

void check_signals() {
    if (!is_main_thread()) return;
    check_keyboard_interrupt();
    run_pending_handlers();
}

}  // namespace minipy
