// test_flavor.cpp — the flavor primitives: reference counting (in minipy-ft, biased counts, where the
// creating thread counts alone and other threads' releases reach it through a merge queue) and the
// per-object lock.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <type_traits>
#include <vector>

#include "objects/object.h"
#include "runtime/flavor.h"
#include "runtime/gil.h"

using namespace minipy;

namespace {

std::atomic<int> g_freed{0};
Type counted_type;

void counted_dealloc(Object* o) {
    ++g_freed;
    delete o;
}

Object* new_counted() {
    if (!counted_type.dealloc) {
        counted_type.name = "counted";
        counted_type.dealloc = counted_dealloc;
        init_type(&counted_type);
    }
    auto* o = new Object();
    init_header(o, &counted_type);
    return o;
}

}  // namespace

TEST_CASE("an object dies when its last reference goes") {
    g_freed = 0;
    Object* o = new_counted();
    incref(o);
    CHECK(refcount_get(o->refcnt) == 2);
    decref(o);
    CHECK(g_freed == 0);
    decref(o);
    CHECK(g_freed == 1);
}

// minipy-ft never writes an immortal object's count; minipy counts it as any other, far from zero.
TEST_CASE("immortal objects are never freed (and never counted without a GIL)") {
    g_freed = 0;
    Object* o = new_counted();
    make_immortal(o);
    int64_t before = refcount_get(o->refcnt);
    incref(o);
    decref(o);
    decref(o);
    decref(o);
    CHECK(g_freed == 0);
    CHECK(is_immortal(o));
    CHECK(refcount_get(o->refcnt) == (kFreeThreaded ? before : before - 2));
}

// Without a GIL the owner's count and the shared count are merged through the owner's queue; with
// one there is a single count. Either way the objects are freed when the last reference goes.
TEST_CASE(
    "another thread releasing the owner's references frees them (through the merge queue without a GIL)") {
    g_freed = 0;
    constexpr int kCount = 1000;
    std::vector<Object*> objects;
    std::atomic<int> stage{0};
    std::thread owner([&] {
        refcount_thread_start();
        for (int i = 0; i < kCount; ++i) objects.push_back(new_counted());
        stage = 1;  // hand every reference over
        while (stage.load() != 2) std::this_thread::yield();
        refcount_merge_queued();  // what the eval breaker does
        stage = 3;
        while (stage.load() != 4) std::this_thread::yield();
        refcount_thread_exit();
    });
    std::thread other([&] {
        refcount_thread_start();
        while (stage.load() != 1) std::this_thread::yield();
        for (int i = 0; i < kCount / 2; ++i) decref(objects[i]);
        stage = 2;
        while (stage.load() != 3) std::this_thread::yield();
        CHECK(g_freed.load() == kCount / 2);
        stage = 4;
        owner.join();
        // The owner has exited: releasing its objects now merges and frees them at once.
        for (int i = kCount / 2; i < kCount; ++i) decref(objects[i]);
        CHECK(g_freed.load() == kCount);
        refcount_thread_exit();
    });
    other.join();
}

TEST_CASE("shared references keep an object alive after its owner lets go") {
    g_freed = 0;
    Object* o = nullptr;
    std::thread owner([&] {
        refcount_thread_start();
        o = new_counted();
        std::thread reader([&] {
            refcount_thread_start();
            incref(o);  // a second reference, counted in `shared`
            refcount_thread_exit();
        });
        reader.join();
        decref(o);  // the owner's own reference: merges, but the object lives on
        CHECK(g_freed.load() == 0);
        refcount_thread_exit();
    });
    owner.join();
    decref(o);
    CHECK(g_freed.load() == 1);
}

// Without a GIL, each object's lock makes a read-modify-write atomic; with one, the lock is empty
// and the GIL does that job. The same sequence of increments runs under whichever the flavor uses.
TEST_CASE("the per-object lock (free-threaded) or the GIL makes read-modify-write sequences atomic") {
    object_locks_enable();  // as _thread.start_new_thread does before starting a thread
    ObjectMutex mutex;
    Gil gil;
    int64_t counter = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            GilStats stats;
            for (int i = 0; i < 100000; ++i) {
                if (!kFreeThreaded) gil.acquire(stats);
                {
                    CriticalSection cs(mutex);
                    counter = counter + 1;
                }
                if (!kFreeThreaded) gil.release(stats);
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(counter == 400000);
    // The GIL flavor's object lock has nothing in it: the GIL alone serialises the threads.
    CHECK(std::is_empty_v<ObjectMutex> == !kFreeThreaded);
}
