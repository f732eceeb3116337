// test_threads.cpp — the run-time GIL switch (`-X gil=0|1`) in each flavor, and AllowThreads handing
// the GIL to another thread around a blocking wait, as time.sleep and lock waits use it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "interpreter/interpreter.h"
#include "runtime/flavor.h"
#include "runtime/thread_state.h"

using namespace minipy;

TEST_CASE("-X gil=0 is refused by minipy and honoured by minipy-ft") {
    Gil* before = active_gil();
    bool ok = configure_threads({"gil=0"}, false);
    CHECK(ok == kGilOptional);
    if (ok) {
        CHECK(active_gil() == nullptr);
        CHECK(configure_threads({"gil=1"}, false));
        CHECK(active_gil() == &the_gil());
        CHECK(configure_threads({"gil=0"}, false));
        CHECK(active_gil() == nullptr);
    } else {
        CHECK(active_gil() == before);
    }
}

TEST_CASE("AllowThreads lets a thread waiting for the GIL run, and takes the GIL back") {
    bool had_gil = active_gil() != nullptr;
    set_gil_enabled(true);
    std::atomic<bool> ran{false};
    std::thread other([&] {
        thread_begin();  // waits for the GIL, which the main thread holds
        ran = true;
        thread_end();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK_FALSE(ran.load());
    {
        AllowThreads unblocked;
        other.join();
    }
    CHECK(ran.load());
    CHECK(running_threads() == 0);
    set_gil_enabled(had_gil);
}

TEST_CASE("a thread's hook change keeps the eval breaker raised for it while others clear requests") {
    ThreadState* ts = thread_state();
    mark_hooks_changed(ts);
    // What another thread's service_eval_breaker does first. With one shared flag this took the
    // change away before the thread that made it had checked (sys.setprofile's next call unseen).
    std::thread other([] {
        eval_breaker.raise();
        eval_breaker.clear_request();
    });
    other.join();
    CHECK(eval_breaker.raised());
    CHECK(take_hooks_changed(ts));
    CHECK_FALSE(take_hooks_changed(ts));
    CHECK_FALSE(eval_breaker.raised());
}
