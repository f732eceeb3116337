// time_module.cpp — the native `time` module: wall-clock and monotonic clocks, and sleep(), which
// lets go of the GIL for as long as it waits so other threads run meanwhile.
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
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/eval_breaker.h"

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
// reads the monotonic clock's resolution).
Ref time_get_clock_info(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_clock_info", nargs, kw, 1, 1);
    std::string name = expect_str(args[0], "get_clock_info() argument")->utf8;
    bool monotonic = name == "monotonic" || name == "perf_counter";
    if (!monotonic && name != "time") raise(&ValueError_type, "unknown clock");
    clockid_t id = monotonic ? CLOCK_MONOTONIC : CLOCK_REALTIME;
    timespec res{};
    clock_getres(id, &res);
    Ref info = namespace_new();
    namespace_set(
        info.get(), "implementation",
        str_new(monotonic ? "clock_gettime(CLOCK_MONOTONIC)" : "clock_gettime(CLOCK_REALTIME)").get());
    namespace_set(info.get(), "monotonic", bool_obj(monotonic));
    namespace_set(info.get(), "adjustable", bool_obj(!monotonic));
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

const MethodDef kTimeFunctions[] = {
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
