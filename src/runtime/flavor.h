// flavor.h — every primitive that differs between `minipy` (GIL) and `minipy-ft` (free-threaded).
// This is the one place that tests MINIPY_FREE_THREADED: the rest of the code calls these primitives
// and reads the same in both flavors, as CPython's Py_BEGIN_CRITICAL_SECTION does.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#ifndef MINIPY_FREE_THREADED
#define MINIPY_FREE_THREADED 0
#endif

namespace minipy {

inline constexpr bool kFreeThreaded = MINIPY_FREE_THREADED != 0;
inline constexpr const char* kFlavorName = kFreeThreaded ? "free-threaded" : "GIL";

// A count this high is never written: None, True, False, small ints, interned names and types
// are immortal in both flavors, so threads reading them never fight over their cache lines.
inline constexpr int64_t kImmortalRefCount = int64_t{1} << 60;

#if MINIPY_FREE_THREADED
// Several threads run bytecode at once, so counts change with atomic read-modify-writes.
using RefCountField = std::atomic<int64_t>;

inline void refcount_init(RefCountField& rc, int64_t value) { rc.store(value, std::memory_order_relaxed); }
inline int64_t refcount_get(const RefCountField& rc) { return rc.load(std::memory_order_relaxed); }
inline void refcount_inc(RefCountField& rc) { rc.fetch_add(1, std::memory_order_relaxed); }
// Returns true when the count reached zero and the object must be freed.
inline bool refcount_dec(RefCountField& rc) { return rc.fetch_sub(1, std::memory_order_acq_rel) == 1; }

// A per-object lock held for the length of one built-in operation (list.append, dict store, ...),
// so each operation is atomic, as in CPython's free-threaded build.
class ObjectMutex {
public:
    void lock() { m_.lock(); }
    void unlock() { m_.unlock(); }

private:
    std::mutex m_;
};
#else
// The GIL serializes every count change: plain integers are enough.
using RefCountField = int64_t;

inline void refcount_init(RefCountField& rc, int64_t value) { rc = value; }
inline int64_t refcount_get(const RefCountField& rc) { return rc; }
inline void refcount_inc(RefCountField& rc) { ++rc; }
inline bool refcount_dec(RefCountField& rc) { return --rc == 0; }

// The GIL already makes every built-in operation atomic: the per-object lock is empty.
class ObjectMutex {
public:
    void lock() {}
    void unlock() {}
};
#endif

// Holds an object's lock for one operation: `CriticalSection cs(list->mutex);`.
class CriticalSection {
public:
    explicit CriticalSection(ObjectMutex& m) : m_(m) { m_.lock(); }
    ~CriticalSection() { m_.unlock(); }
    CriticalSection(const CriticalSection&) = delete;
    CriticalSection& operator=(const CriticalSection&) = delete;

private:
    ObjectMutex& m_;
};

}  // namespace minipy
