// test_gil.cpp — the GIL's hand-off: mutual exclusion, forced switching between two spinning threads,
// and release around a blocking section letting the other thread run.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "runtime/gil.h"

using namespace minipy;

TEST_CASE("two spinning threads share the GIL and both make progress") {
    Gil gil;
    gil.set_switch_interval(0.001);
    std::atomic<int> holders{0};
    std::atomic<bool> overlap{false};
    std::atomic<bool> stop{false};
    uint64_t spins[2] = {0, 0};
    GilStats stats[2];
    auto worker = [&](int id) {
        gil.acquire(stats[id]);
        while (!stop.load()) {
            if (holders.fetch_add(1) != 0) overlap = true;
            ++spins[id];
            holders.fetch_sub(1);
            gil.yield_if_requested(stats[id]);  // the eval-breaker check
        }
        gil.release(stats[id]);
    };
    std::thread a(worker, 0), b(worker, 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop = true;
    a.join();
    b.join();
    CHECK_FALSE(overlap.load());
    CHECK(spins[0] > 0);
    CHECK(spins[1] > 0);
    // Each thread had to ask for the GIL at least once and the holder gave it up when asked.
    CHECK(stats[0].drop_requests + stats[1].drop_requests > 0);
    CHECK(stats[0].forced_switches + stats[1].forced_switches > 0);
}

TEST_CASE("releasing the GIL around a blocking call lets another thread run") {
    Gil gil;
    GilStats main_stats, other_stats;
    gil.acquire(main_stats);
    std::atomic<bool> ran{false};
    std::thread other([&] {
        gil.acquire(other_stats);
        ran = true;
        gil.release(other_stats);
    });
    gil.release(main_stats);  // what AllowThreads does around a blocking call
    while (!ran.load()) std::this_thread::yield();
    gil.acquire(main_stats);
    other.join();
    CHECK(ran.load());
    CHECK(main_stats.acquisitions == 2);
    gil.release(main_stats);
}

TEST_CASE("switch interval round-trips") {
    Gil gil;
    CHECK(gil.switch_interval() == doctest::Approx(0.005));
    gil.set_switch_interval(0.01);
    CHECK(gil.switch_interval() == doctest::Approx(0.01));
}
