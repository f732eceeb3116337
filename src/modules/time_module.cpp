// time_module.cpp — the native `time` module: wall-clock and monotonic clocks, and sleep(), which
// lets go of the GIL for as long as it waits so other threads run meanwhile.
#include <pthread.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <thread>
#include <utility>

#include "modules/registry.h"
#include "modules/time_calendar.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

template <typename Clock>
int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

Ref time_time(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("time", nargs, kw, 0, 0);
    return float_new(static_cast<double>(now_ns<std::chrono::system_clock>()) / 1e9);
}

Ref time_time_ns(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("time_ns", nargs, kw, 0, 0);
    return int_from_i64(now_ns<std::chrono::system_clock>());
}

// perf_counter and monotonic share CPython's Linux clock, CLOCK_MONOTONIC.
Ref time_monotonic(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("monotonic", nargs, kw, 0, 0);
    return float_new(static_cast<double>(now_ns<std::chrono::steady_clock>()) / 1e9);
}

Ref time_monotonic_ns(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("monotonic_ns", nargs, kw, 0, 0);
    return int_from_i64(now_ns<std::chrono::steady_clock>());
}

// Waits `secs` seconds in slices, so that a Ctrl-C ends the wait at once.
void sleep_until_interrupted(double secs) {
    using Clock = std::chrono::steady_clock;
    Clock::time_point deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(secs));
    while (!keyboard_interrupt_pending()) {
        Clock::duration left = deadline - Clock::now();
        if (left <= Clock::duration::zero()) break;
        std::this_thread::sleep_for(std::min<Clock::duration>(left, std::chrono::milliseconds(20)));
    }
}

Ref time_sleep(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("sleep", nargs, kw, 1, 1);
    if (!is_instance(args[0], &int_type) && !is_instance(args[0], &float_type)) {
        raise_not_an_integer(args[0]);
    }
    double secs = to_double(args[0]);
    if (std::isnan(secs)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    if (secs < 0) raise(&ValueError_type, "sleep length must be non-negative");
    {
        AllowThreads unblocked(BlockReason::Sleep);
        sleep_until_interrupted(secs);
    }
    check_keyboard_interrupt();  // raised here, as CPython's sleep does
    return Ref::borrow(None);
}

// get_clock_info(name): how a clock is made, as CPython reports it on Linux (asyncio's event loop
// reads the monotonic clock's resolution); only the wall clock is adjustable.
Ref time_get_clock_info(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_clock_info", nargs, kw, 1, 1);
    std::string name = expect_str(args[0], "get_clock_info() argument")->utf8;
    struct Clock {
        const char* name;
        clockid_t id;
        const char* implementation;
    };
    static const Clock kClocks[] = {
        {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)"},
        {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)"},
        {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)"},
        {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"},
        {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)"},
    };
    const Clock* clock = nullptr;
    for (const Clock& c : kClocks)
        if (name == c.name) clock = &c;
    if (!clock) raise(&ValueError_type, "unknown clock");
    bool realtime = clock->id == CLOCK_REALTIME;
    timespec res{};
    clock_getres(clock->id, &res);
    Ref info = namespace_new();
    namespace_set(info.get(), "implementation", str_new(clock->implementation).get());
    namespace_set(info.get(), "monotonic", bool_obj(!realtime));
    namespace_set(info.get(), "adjustable", bool_obj(realtime));
    namespace_set(info.get(), "resolution",
                  float_new(static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9).get());
    return info;
}

// clock_gettime(clk_id) and the CPU clocks built on it: process_time (all threads of the process,
// CLOCK_PROCESS_CPUTIME_ID) and thread_time (the calling thread, CLOCK_THREAD_CPUTIME_ID).
int64_t clock_ns(int64_t clock_id) {
    timespec ts{};
    if (clock_gettime(static_cast<clockid_t>(clock_id), &ts) != 0) raise_object(os_error_new(errno, ""));
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Ref seconds(int64_t ns) { return float_new(static_cast<double>(ns) / 1e9); }

Ref time_clock_gettime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clock_gettime", nargs, kw, 1, 1);
    return seconds(clock_ns(as_index(args[0])));
}
Ref time_clock_gettime_ns(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clock_gettime_ns", nargs, kw, 1, 1);
    return int_from_i64(clock_ns(as_index(args[0])));
}
Ref time_process_time(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("process_time", nargs, kw, 0, 0);
    return seconds(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
Ref time_process_time_ns(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("process_time_ns", nargs, kw, 0, 0);
    return int_from_i64(clock_ns(CLOCK_PROCESS_CPUTIME_ID));
}
Ref time_thread_time(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("thread_time", nargs, kw, 0, 0);
    return seconds(clock_ns(CLOCK_THREAD_CPUTIME_ID));
}
Ref time_thread_time_ns(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("thread_time_ns", nargs, kw, 0, 0);
    return int_from_i64(clock_ns(CLOCK_THREAD_CPUTIME_ID));
}

// clock_getres(clk_id): the resolution of the clock, in seconds.
Ref time_clock_getres(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clock_getres", nargs, kw, 1, 1);
    timespec res{};
    if (clock_getres(static_cast<clockid_t>(as_index(args[0])), &res) != 0)
        raise_object(os_error_new(errno, ""));
    return float_new(static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9);
}

// clock_settime(clk_id, time) and clock_settime_ns(clk_id, ns): set the clock (CAP_SYS_TIME); the
// float is split as CPython's _PyTime_ObjectToTimespec rounds it, to the nanosecond below.
void set_clock(Object* clock_id, int64_t ns) {
    timespec ts{};
    ts.tv_sec = ns / 1000000000;
    ts.tv_nsec = ns % 1000000000;
    if (ts.tv_nsec < 0) {
        ts.tv_nsec += 1000000000;
        ts.tv_sec -= 1;
    }
    if (clock_settime(static_cast<clockid_t>(as_index(clock_id)), &ts) != 0)
        raise_object(os_error_new(errno, ""));
}

Ref time_clock_settime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clock_settime", nargs, kw, 2, 2);
    double t = to_double(args[1]);
    if (std::isnan(t)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    double ns = std::floor(t * 1e9);
    if (!(std::fabs(ns) < 9.2e18))
        raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    set_clock(args[0], static_cast<int64_t>(ns));
    return Ref::borrow(None);
}

Ref time_clock_settime_ns(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clock_settime_ns", nargs, kw, 2, 2);
    if (!is_int(args[1]))
        raise(&TypeError_type, format("expect int, got %s", type_of(args[1])->name.c_str()));
    int64_t ns;
    if (!int_to_i64(args[1], &ns))
        raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    set_clock(args[0], ns);
    return Ref::borrow(None);
}

// pthread_getcpuclockid(thread_id): the CPU-time clock of a thread of this process (an id from
// threading.get_ident(), a pthread_t as in CPython). glibc follows whatever pointer it is given, so
// only the threads minipy runs are accepted; another id is ESRCH ("No such process").
Ref time_pthread_getcpuclockid(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("pthread_getcpuclockid", nargs, kw, 1, 1);
    if (!is_int(args[0])) raise_not_an_integer(args[0]);
    mpz_t m;
    mpz_init(m);
    int_to_mpz(args[0], m);
    bool fits = mpz_sgn(m) >= 0 && mpz_sizeinbase(m, 2) <= 64;
    uint64_t ident = mpz_get_ui(m);
    mpz_clear(m);
    if (!fits) raise(&OverflowError_type, "Python int too large to convert to C unsigned long");
    bool known = false;
    for_each_thread_state([&](ThreadState* ts) { known = known || ts->ident == ident; });
    if (!known) raise_object(os_error_new(ESRCH, ""));
    clockid_t clock;
    int err = pthread_getcpuclockid(static_cast<pthread_t>(ident), &clock);
    if (err != 0) raise_object(os_error_new(err, ""));
    return int_from_i64(clock);
}

// strptime(string, format): CPython's own _strptime module parses, as CPython's time.strptime.
Ref time_strptime(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref module = import_name(static_cast<Str*>(intern("_strptime")), None, 0);
    Ref parse = get_attr(module.get(), static_cast<Str*>(intern("_strptime_time")));
    return call(parse.get(), args, nargs, kw);
}

// tzset(): the TZ environment variable read again, and the module's timezone values with it.
Ref time_tzset(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("tzset", nargs, kw, 0, 0);
    Ref module = loaded_module("time");
    if (module) set_timezone_values(module_dict(module.get()));
    return Ref::borrow(None);
}

const MethodDef kTimeFunctions[] = {
    {"clock_getres", time_clock_getres, "Return the resolution (precision) of the specified clock clk_id."},
    {"clock_settime", time_clock_settime, "Set the time of the specified clock clk_id."},
    {"clock_settime_ns", time_clock_settime_ns,
     "Set the time of the specified clock clk_id with nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, "Return the clk_id of a thread's CPU time clock."},
    {"strptime", time_strptime,
     "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format "
     "specification."},
    {"tzset", time_tzset,
     "Initialize, or reinitialize, the local timezone to the value of the environment\nvariable TZ."},
    {"clock_gettime", time_clock_gettime, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns,
     "Return the time of the specified clock clk_id as nanoseconds."},
    {"process_time", time_process_time,
     "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time,
     "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, "Thread time for profiling as nanoseconds."},
    {"time", time_time, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", time_monotonic, "Performance counter for benchmarking, in seconds."},
    {"perf_counter_ns", time_monotonic_ns, "Performance counter for benchmarking, in nanoseconds."},
    {"monotonic", time_monotonic, "Monotonic clock, cannot go backward, in seconds."},
    {"monotonic_ns", time_monotonic_ns, "Monotonic clock, cannot go backward, in nanoseconds."},
    {"sleep", time_sleep, "Delay execution for a given number of seconds, letting other threads run."},
    {"get_clock_info", time_get_clock_info, "Get information of the specified clock."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_time_module() {
    Ref m = native_module_new("time", kTimeFunctions);
    add_time_calendar(m.get());
    Dict* d = module_dict(m.get());
    const std::pair<const char*, int> kClocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME},
        {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID},
        {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
    };
    for (const auto& [name, id] : kClocks) dict_set(d, intern(name), int_from_i64(id).get());
    return m;
}

}  // namespace minipy
