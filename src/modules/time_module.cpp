// time_module.cpp — the native `time` module: wall-clock and monotonic clocks, and sleep(), which
// lets go of the GIL for as long as it waits so other threads run meanwhile.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <thread>

#include "modules/registry.h"
#include "modules/time_calendar.h"
#include "objects/abstract.h"
#include "objects/errors.h"
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

const MethodDef kTimeFunctions[] = {
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
    return m;
}

}  // namespace minipy
