// flavor.h — every primitive that differs between `minipy` (GIL) and `minipy-ft` (free-threaded).
// This is the one place that tests MINIPY_FREE_THREADED: the rest of the code calls these primitives
// and reads the same in both flavors, as CPython's Py_BEGIN_CRITICAL_SECTION does.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <new>

#ifndef MINIPY_FREE_THREADED
#define MINIPY_FREE_THREADED 0
#endif

namespace minipy {

// Reference counting's fast paths must be inlined into the interpreter loop: GCC gives up inlining
// into a function as large as run_frame and called minipy-ft's (larger) refcount_inc and decref
// out of line, where they took 15% of bench/nbody.py's samples (perf record).
#define MINIPY_ALWAYS_INLINE inline __attribute__((always_inline))
// The racy loads of a sequence lock's optimistic read (list.cpp, dict.cpp): a writer may be changing
// what they read, which counts only once the lock word says no writer ran. Inlined, except under
// ThreadSanitizer, which must not see them (and cannot inline a function it does not instrument
// into one it does): the lock word's loads, which order them, are atomic and seen.
#if defined(__SANITIZE_THREAD__)
#define MINIPY_RACY_READ inline __attribute__((noinline, no_sanitize("thread")))
#else
#define MINIPY_RACY_READ MINIPY_ALWAYS_INLINE
#endif

inline constexpr bool kFreeThreaded = MINIPY_FREE_THREADED != 0;
inline constexpr const char* kFlavorName = kFreeThreaded ? "free-threaded" : "GIL";
// Whether a run starts with the GIL: minipy always does; minipy-ft only when `-X gil=1` or
// MINIPY_GIL=1 asks for it, like CPython 3.13t's PYTHON_GIL.
inline constexpr bool kGilEnabledByDefault = !kFreeThreaded;
// Whether the GIL may be switched off at start-up (`-X gil=0`): only the free-threaded build's
// objects carry the locks that make running without it safe.
inline constexpr bool kGilOptional = kFreeThreaded;
// Whether functions bound in a module's globals or a class's dict (and the staticmethod,
// classmethod and property objects wrapping them) are *deferred*, unless they are nested in a
// function (objects/function.cpp, defer_definition): their count carries a bias of
// kDeferredRefCount, so no decrement ever frees them; only the cycle collector does, with the world
// stopped, once it finds them unreachable (it leaves the bias out of the count it reads). So a value
// read from the LOAD_GLOBAL cache or the type attribute cache without a lock stays alive until the
// reader has counted it, those caches can hand out methods while threads run, and a thread's ledger
// holds any number of references to them (refcount_inc): threads calling one recursive function
// never write its count. They used to be immortal instead, never freed (bench/fib.py ran 33% slower
// than minipy when minipy-ft counted them under the module dict's lock). CPython 3.13t defers them
// too; 3.14t also leaves references from the interpreter's stack uncounted, which minipy does not.
inline constexpr bool kDefinedFunctionsDeferred = kFreeThreaded;
// Whether a code object's constants (floats, strs, big ints, tuples of them) become immortal when
// compiled, as in CPython's free-threaded build. Otherwise every thread running the same function
// counts references on the compiling thread's constants with atomic adds on one cache line:
// bench/threads_alloc.py in minipy-ft took longer on 2 threads than on 1. The price: constants of
// code compiled at run time (exec, eval, compile in a loop) are never freed.
inline constexpr bool kCodeConstantsImmortal = kFreeThreaded;

// None, True, False, small ints, interned names and built-in types are immortal in both flavors: a
// count at least this high. minipy-ft never writes it, so threads reading them never fight over
// their cache lines. minipy counts them as any object, under the GIL, starting from
// kImmortalInitialCount: no branch in incref/decref, and no real count comes near the 2^59 between
// that and this.
inline constexpr int64_t kImmortalRefCount = int64_t{1} << 60;
inline constexpr int64_t kImmortalInitialCount = kImmortalRefCount + (kImmortalRefCount >> 1);
// The bias of a deferred object's count (kDefinedFunctionsDeferred): far above any real count, far
// below kImmortalRefCount.
inline constexpr int64_t kDeferredRefCount = int64_t{1} << 40;

#if MINIPY_FREE_THREADED
// Biased reference counting (as CPython's free-threaded build, PEP 703): most objects are only ever
// touched by the thread that made them, so that thread counts in `local` with plain loads and
// stores, and only other threads pay for atomic read-modify-writes on `shared`. Measured on
// bench/nbody.py: atomic counts everywhere made minipy-ft 2.6x slower than minipy; biased, 1.15x
// the instructions of minipy (valgrind --tool=callgrind), about 1.06x its perf samples.
//   shared = (count << kSharedShift) | flags. kMerged: the owner gave up `local` and everything is in
//   `shared`. kQueued: another thread's decrements drove `shared` below zero, so the owner must merge
//   the two halves to learn whether the object died (runtime/flavor.cpp keeps one queue per owner
//   thread). kMaybeShared: another thread may take a reference without holding one already (through
//   a weak reference, or reading a list or dict without its lock), so `shared` is never zero and its
//   owner merges instead of freeing it on the fast path: the race between the owner's last drop and
//   another thread reviving the object is then decided by one compare-and-swap on `shared`
//   (refcount_try_inc), as CPython 3.13t's _Py_REF_MAYBE_WEAKREF.
struct RefCountField {
    std::atomic<uint64_t> owner;  // id of the owning thread, kNoOwner once merged, or kImmortal
    std::atomic<int64_t> local;   // written only by the owner
    std::atomic<int64_t> shared;
};

inline constexpr uint64_t kNoOwner = 0;
// The owner of immortal objects, so that one load of `owner` tells the three cases apart.
inline constexpr uint64_t kImmortal = ~uint64_t{0} - 1;
inline constexpr int64_t kMerged = 1;
inline constexpr int64_t kQueued = 2;
inline constexpr int64_t kMaybeShared = 4;
inline constexpr int kSharedShift = 3;
inline constexpr int64_t kSharedOne = int64_t{1} << kSharedShift;
// Threads that run Python get an id from refcount_thread_start(); others never own objects.
inline constexpr uint64_t kUnregisteredThread = ~uint64_t{0};
inline thread_local uint64_t tl_refcount_owner = kUnregisteredThread;

inline void refcount_init(RefCountField& rc, int64_t value) {
    uint64_t me = tl_refcount_owner;
    if (me == kUnregisteredThread || value >= kImmortalRefCount) {
        rc.owner.store(value >= kImmortalRefCount ? kImmortal : kNoOwner, std::memory_order_relaxed);
        rc.local.store(value >= kImmortalRefCount ? value : 0, std::memory_order_relaxed);
        rc.shared.store(value >= kImmortalRefCount ? kMerged : (value * kSharedOne) | kMerged,
                        std::memory_order_relaxed);
        return;
    }
    rc.owner.store(me, std::memory_order_relaxed);
    rc.local.store(value, std::memory_order_relaxed);
    rc.shared.store(0, std::memory_order_relaxed);
}
MINIPY_ALWAYS_INLINE bool refcount_is_immortal(const RefCountField& rc) {
    return rc.owner.load(std::memory_order_relaxed) == kImmortal;
}
// The current count (exact when no other thread is changing it), for sys.getrefcount.
inline int64_t refcount_get(const RefCountField& rc) {
    return rc.local.load(std::memory_order_relaxed) +
           (rc.shared.load(std::memory_order_relaxed) >> kSharedShift);
}
// Deferred counting (kDefinedFunctionsDeferred): the bias lives in `shared`, so the owner's `local`
// counts as usual and another thread can tell a deferred object by one load.
MINIPY_ALWAYS_INLINE bool refcount_is_deferred(const RefCountField& rc) {
    return (rc.shared.load(std::memory_order_relaxed) >> kSharedShift) >= kDeferredRefCount / 2;
}
inline void refcount_make_deferred(RefCountField& rc) {
    int64_t old = rc.shared.load(std::memory_order_relaxed);
    while (rc.owner.load(std::memory_order_relaxed) != kImmortal &&
           (old >> kSharedShift) < kDeferredRefCount / 2 &&
           !rc.shared.compare_exchange_weak(old, old + kDeferredRefCount * kSharedOne,
                                            std::memory_order_relaxed)) {
    }
}
// The collector, with the world stopped, takes the bias of an object it is about to free.
inline void refcount_undefer(RefCountField& rc) {
    rc.shared.fetch_sub(kDeferredRefCount * kSharedOne, std::memory_order_relaxed);
}
// The read ledger: counting references to objects another thread owns without writing their counts
// each time. Reading a shared list of floats took four atomic adds per item on counts that all reading
// threads write: bench/threads_shared.py took 0.9 CPU s on one worker thread, 3.5x minipy's, with 47%
// of the samples in them (perf); with the ledger 0.5 s (the list's lock is most of what is left).
// Now the first reference a thread takes to a foreign object adds kLedgerAnchor to the count at once
// (one atomic add) and gives the object an entry in the thread's ledger, a small direct-mapped table;
// up to kLedgerAnchor - 1 references the thread takes after that only change the entry's `held`, a
// plain thread-local number, and so do the drops that bring it back. So the count always exceeds the
// true number of references by kLedgerAnchor - held >= 1 per entry: an object never dies while it has
// an entry anywhere (even when another thread drops the references this one handed over), and never
// dies early. An entry is settled (the surplus taken back) when another object needs its slot, when
// the thread drops a reference it did not take through the entry, when it blocks or parks for a
// stopped world (so the cycle collector reads exact counts), and when it ends; the last reference
// of a settled surplus is dropped at the next eval-breaker check, where a destructor may run. An
// object whose last reference a ledger held therefore dies a little later than it would otherwise.
// Only threads started without a GIL keep a ledger; the main thread owns most shared data anyway.
struct LedgerEntry {
    RefCountField* rc;  // null: a free slot
    int64_t held;       // references this thread holds through the entry, 0 to kLedgerAnchor - 1
                        // (any number for a deferred object: refcount_foreign_inc)
};
inline constexpr int64_t kLedgerAnchor = 4;   // four covers `for x in lst: total += x`
inline constexpr size_t kLedgerSlots = 4096;  // 64 KiB
inline constexpr size_t kLedgerWays = 4;      // a set: four entries on one 64-byte cache line
inline thread_local LedgerEntry* tl_ledger = nullptr;
// The set of `rc` in a ledger: an object may take any of its set's four entries. The set is the
// object's address / 64 modulo 1024, so the ledger maps 64 KiB of addresses without collision
// (a thousand floats of 48 bytes in a row each keep an entry), and the four ways take objects at the
// same offset in different 64 KiB allocator pages: mimalloc gives each size class its own pages, and
// the strs and floats of a dict made in a row (bench/threads_shared_dict.py) land at such offsets.
// With one entry per slot (no ways), whether the thousand floats of bench/threads_shared.py collided
// depended on where they were allocated: runs of 2 threads took 0.15 s or 0.65 s at random, the slow
// ones with entries evicting each other. (A hash of the page's address, tried before the ways, cost
// a multiply on every count change and still let two pages collide.)
MINIPY_ALWAYS_INLINE LedgerEntry* ledger_set_of(LedgerEntry* ledger, const RefCountField& rc) {
    return ledger + ((reinterpret_cast<uintptr_t>(&rc) >> 4) & (kLedgerSlots - kLedgerWays));
}
// The entry for `rc` in this thread's ledger, or null when it has none (or no ledger).
MINIPY_ALWAYS_INLINE LedgerEntry* ledger_entry_of(RefCountField& rc) {
    LedgerEntry* ledger = tl_ledger;
    if (!ledger) return nullptr;
    LedgerEntry* set = ledger_set_of(ledger, rc);
    for (size_t way = 0; way < kLedgerWays; ++way)
        if (set[way].rc == &rc) return &set[way];
    return nullptr;
}
// Slow paths, in runtime/flavor.cpp: a reference to a foreign object that its entry cannot hold (an
// entry is made when there is none), and dropping one that no entry holds (true: free it).
void refcount_foreign_inc(RefCountField& rc);
bool refcount_foreign_dec(RefCountField& rc);
// A thread started without a GIL keeps a ledger from refcount_ledger_start() until
// refcount_ledger_stop() settles and frees it (thread_state.cpp calls both). refcount_ledger_settle()
// writes every entry's references into the counts (before blocking); objects that this leaves
// without references are freed by refcount_ledger_service() at the next eval-breaker check, where
// running a destructor is safe. The thread that stops the world counts without its ledger until it
// starts it again (refcount_ledger_pause/resume), so the collector never reads a count too low.
void refcount_ledger_start();
void refcount_ledger_stop();
void refcount_ledger_settle();
void refcount_ledger_service();
bool refcount_ledger_releases_pending();
void refcount_ledger_pause();
void refcount_ledger_resume();

// One load of `owner` decides: this thread's object (plain increment), an immortal one (nothing),
// or another thread's (its entry in this thread's ledger, or an atomic increment of `shared`).
// A deferred object's entry holds any number of references, and may owe some (held below zero:
// references another thread took and this one dropped): its bias keeps it alive whatever its
// count, and the collector reads counts only once every ledger is settled. So threads calling one
// recursive function (bench/threads_calls.py) never write its count. That case is decided in the
// slow paths (refcount_foreign_inc and friends): tested here, it made every inlined count change
// longer, and minipy-ft ran 2-6% more instructions on programs with no thread at all.
MINIPY_ALWAYS_INLINE void refcount_inc(RefCountField& rc) {
    uint64_t owner = rc.owner.load(std::memory_order_relaxed);
    if (owner == tl_refcount_owner) {
        rc.local.store(rc.local.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    } else if (owner != kImmortal) {
        if (LedgerEntry* entry = ledger_entry_of(rc); entry && entry->held < kLedgerAnchor - 1) {
            ++entry->held;
            return;
        }
        refcount_foreign_inc(rc);
    }
}
// Slow paths, in runtime/flavor.cpp. Each returns true when the object must be freed now.
bool refcount_merge_zero_local(RefCountField& rc);
bool refcount_shared_dec(RefCountField& rc);
MINIPY_ALWAYS_INLINE bool refcount_dec(RefCountField& rc) {
    uint64_t owner = rc.owner.load(std::memory_order_relaxed);
    if (owner == tl_refcount_owner) {
        int64_t left = rc.local.load(std::memory_order_relaxed) - 1;
        rc.local.store(left, std::memory_order_relaxed);
        if (left != 0) return false;
        // No other thread ever counted it (a temporary, the common case): it dies here, without
        // an atomic read-modify-write, as in CPython's free-threaded build.
        return rc.shared.load(std::memory_order_acquire) == 0 || refcount_merge_zero_local(rc);
    }
    if (owner == kImmortal) return false;
    if (LedgerEntry* entry = ledger_entry_of(rc); entry && entry->held > 0) {
        --entry->held;
        return false;
    }
    return refcount_foreign_dec(rc);
}

// Whether the caller's reference is the only one: never claimed here, where another thread's read
// ledger may hold references that neither half of the count shows.
MINIPY_ALWAYS_INLINE bool refcount_is_unique(const RefCountField&) { return false; }

// Takes a reference to an object only if the object is certainly alive; false means it is dead or
// dying. Two kinds of callers: a weak reference (the referent's memory waits for the weak reference
// table's lock, which the caller holds) and a list or dict slot read without the container's lock
// (the memory of a freed object waits for QSBR, below). CPython's _Py_TryIncref.
//   this thread's object: only this thread drops `local`, so above zero it is alive;
//   an entry in this thread's ledger: the entry's surplus keeps the object alive;
//   otherwise `shared` decides, raised by a compare-and-swap only while the count is certain to be
//   above zero: merged with a positive count, or not merged with `shared` above zero (the owner,
//   dropping `local` to zero, then merges instead of freeing). `shared` at zero says nothing: the
//   owner may be freeing the object right now.
bool refcount_foreign_try_inc(RefCountField& rc);
MINIPY_ALWAYS_INLINE bool refcount_try_inc(RefCountField& rc) {
    uint64_t owner = rc.owner.load(std::memory_order_relaxed);
    if (owner == kImmortal) return true;
    if (owner == tl_refcount_owner) {
        int64_t local = rc.local.load(std::memory_order_relaxed);
        if (local <= 0) return false;
        rc.local.store(local + 1, std::memory_order_relaxed);
        return true;
    }
    if (LedgerEntry* entry = ledger_entry_of(rc); entry && entry->held < kLedgerAnchor - 1) {
        ++entry->held;
        return true;
    }
    return refcount_foreign_try_inc(rc);
}

// Quiescent-state-based reclamation (QSBR), as in CPython 3.13t's Python/qsbr.c: memory that a
// thread may still be reading without a lock (a list's item array replaced by a resize, an object
// removed from a list) is freed only after every attached thread has passed a quiescent state, a
// point where it holds no such pointer: the eval breaker, or blocking (detached). A global sequence
// number counts batches of deferred frees; each thread publishes the last number it has seen at
// its quiescent states; a batch sealed at number N is freed once every attached thread has seen N.
// While one thread runs Python nothing is read concurrently, and memory is freed at once.
void qsbr_defer(void* p, void (*free_fn)(void*));
void qsbr_quiescent();      // the eval breaker: also frees this thread's batches that are due
bool qsbr_frees_pending();  // some batch waits for other threads' quiescent states
void qsbr_detached(bool detached);

// Called, holding a reference to the object, when another thread may come to take one without
// holding any (kMaybeShared above): a weak reference to it is made, or a lock-free read of a list
// or dict could not count one (another thread owns the object and its `shared` was zero) and took
// the container's lock instead. From then on such reads count references with a compare-and-swap
// on `shared`, as CPython's free-threaded build marks objects in shared containers; without the
// mark, every read of that object took the lock, and two threads reading one list took turns on it.
inline void refcount_mark_maybe_shared(RefCountField& rc) {
    if (rc.owner.load(std::memory_order_relaxed) != kImmortal &&
        !(rc.shared.load(std::memory_order_relaxed) & kMaybeShared))
        rc.shared.fetch_or(kMaybeShared, std::memory_order_relaxed);
}

// A thread that runs Python registers before making objects and unregisters when it ends; in
// between, refcount_merge_queued() (called at the eval breaker) settles objects that other threads
// released, freeing the dead ones.
void refcount_thread_start();
void refcount_thread_exit();
void refcount_merge_queued();
// How refcount_merge_queued() frees an object whose merged count is zero (its RefCountField is the
// object's first field): objects/object.cpp's dealloc_object, set by init_builtin_types(), since
// this layer knows nothing of types.
void set_merged_dealloc(void (*dealloc)(RefCountField* rc));
// Whether some thread's queue still waits for its owner (handle_eval_breaker raises the flag again).
bool refcount_merges_pending();
// This thread enters (true) or leaves (false) a blocking call: while detached its queue does not
// count as pending; coming back with objects queued raises the eval breaker to merge them.
void refcount_owner_detached(bool detached);
// In the child of fork(), where only the calling thread survives.
void refcount_after_fork();

// A per-object lock held for the length of one built-in operation (list.append, dict store, ...),
// so each operation is atomic, as in CPython's free-threaded build. One byte (std::mutex takes 40
// in every list and dict), inline when uncontended: one compare-and-swap to lock, one exchange to
// unlock. Readers of lists and dicts avoid even those: they read optimistically (the sequence
// lock below), made safe by deferred freeing (QSBR, above), as CPython's free-threaded build does.
//
// While only one thread runs Python, no other thread can reach an object, so the locks are skipped
// altogether (glibc skips its stdio locks the same way while a process has one thread). The switch
// is one-way: object_locks_enable() is called by the only thread, before it starts a second one,
// so the new thread sees it from its first instruction. A critical section that calls back into
// Python releases its lock first (dict.cpp's Unlocked), so the switch never flips inside one.
// Measured on bench/nbody.py (list reads and stores): with the locks always taken, list_get_opt
// and list_setitem held 36% of minipy-ft's perf samples; with them skipped, 16%, as in minipy.
inline std::atomic<bool> g_object_locks_on{false};
inline void object_locks_enable() { g_object_locks_on.store(true, std::memory_order_relaxed); }
// Whether per-object locks are taken: code that would only lock and unlock can take a lock-free
// path when they are not (the interpreter's list[i]).
MINIPY_ALWAYS_INLINE bool object_locks_on() { return g_object_locks_on.load(std::memory_order_relaxed); }

// Frees `p` with `free_fn` once no thread can still be reading it without a lock (QSBR, above).
MINIPY_ALWAYS_INLINE void free_after_readers(void* p, void (*free_fn)(void*)) {
    if (object_locks_on()) {
        qsbr_defer(p, free_fn);
    } else {
        free_fn(p);
    }
}

// The lock word also counts the writes made under it (a sequence lock): unlocking adds one to the
// generation in bits 2 and up. A reader that finds the lock free, reads without taking it and then
// finds the same word again knows that no writer ran in between (optimistic_read_begin/_valid), so
// list and dict reads take no lock and write nothing shared (list.cpp, dict.cpp). Four bytes rather
// than one: std::atomic<uint32_t>::wait is a plain futex.
class ObjectMutex {
public:
    void lock() {
        if (!object_locks_on()) return;
        uint32_t word = state_.load(std::memory_order_relaxed);
        if ((word & kLocked) != 0 ||
            !state_.compare_exchange_strong(word, word | kLocked, std::memory_order_acquire))
            lock_slow();
    }
    void unlock() {
        if (!object_locks_on()) return;
        uint32_t word = state_.load(std::memory_order_relaxed);
        while (!state_.compare_exchange_weak(word, (word & ~kFlags) + kGenerationOne,
                                             std::memory_order_release)) {
        }
        // notify_all, not notify_one: any waiter may be the one to take the lock next.
        if (word & kWaiters) state_.notify_all();
    }
    // The word to pass to optimistic_read_valid, or nullopt-like kBusy while a writer holds the lock.
    MINIPY_ALWAYS_INLINE uint32_t optimistic_read_begin() const {
        uint32_t word = state_.load(std::memory_order_acquire);
        return (word & kLocked) ? kBusy : word;
    }
    // Whether no writer has taken the lock since optimistic_read_begin() returned `begin`: what was
    // read in between is then what the object held. The fence keeps those reads before the check.
    MINIPY_ALWAYS_INLINE bool optimistic_read_valid(uint32_t begin) const {
        std::atomic_thread_fence(std::memory_order_acquire);
        return begin != kBusy && state_.load(std::memory_order_relaxed) == begin;
    }
    static constexpr uint32_t kBusy = 1;  // never a free lock's word (bit 0 is kLocked)

private:
    static constexpr uint32_t kLocked = 1, kWaiters = 2, kFlags = 3, kGenerationOne = 4;
    void lock_slow();
    std::atomic<uint32_t> state_{0};
};
#else
// The GIL serializes every count change: plain integers are enough.
using RefCountField = int64_t;

inline void refcount_init(RefCountField& rc, int64_t value) { rc = value; }
MINIPY_ALWAYS_INLINE bool refcount_is_immortal(const RefCountField& rc) { return rc >= kImmortalRefCount; }
inline int64_t refcount_get(const RefCountField& rc) { return rc; }
// Nothing is deferred under the GIL: every function is counted and freed as usual.
MINIPY_ALWAYS_INLINE bool refcount_is_deferred(const RefCountField&) { return false; }
inline void refcount_make_deferred(RefCountField&) {}
inline void refcount_undefer(RefCountField&) {}
// Immortal objects too (kImmortalInitialCount): bench/pyperf/float.py ran 1003.7M instructions
// with the test for immortality before each change, and 914.6M without (callgrind, ROUNDS=1).
MINIPY_ALWAYS_INLINE void refcount_inc(RefCountField& rc) { ++rc; }
MINIPY_ALWAYS_INLINE bool refcount_dec(RefCountField& rc) { return --rc == 0; }
// Whether the one reference the caller holds is the only one (the object may be changed in place).
MINIPY_ALWAYS_INLINE bool refcount_is_unique(const RefCountField& rc) { return rc == 1; }
// Under the GIL nothing else changes the count meanwhile: a count above zero is alive.
inline bool refcount_try_inc(RefCountField& rc) {
    if (rc <= 0) return false;
    refcount_inc(rc);
    return true;
}
inline void refcount_mark_maybe_shared(RefCountField&) {}

// Nothing to settle between threads: one count, guarded by the GIL.
inline void refcount_thread_start() {}
inline void refcount_thread_exit() {}
inline void refcount_merge_queued() {}
inline void set_merged_dealloc(void (*)(RefCountField*)) {}
inline bool refcount_merges_pending() { return false; }
inline void refcount_owner_detached(bool) {}
inline void refcount_after_fork() {}
// No ledger: counts are plain integers already.
inline void refcount_ledger_start() {}
inline void refcount_ledger_stop() {}
inline void refcount_ledger_settle() {}
inline void refcount_ledger_service() {}
inline bool refcount_ledger_releases_pending() { return false; }
inline void refcount_ledger_pause() {}
inline void refcount_ledger_resume() {}

// The GIL already makes every built-in operation atomic: the per-object lock is empty, and nothing
// is read while another thread writes, so memory is freed at once.
inline void object_locks_enable() {}
MINIPY_ALWAYS_INLINE bool object_locks_on() { return false; }
inline void qsbr_quiescent() {}
inline bool qsbr_frees_pending() { return false; }
inline void qsbr_detached(bool) {}
MINIPY_ALWAYS_INLINE void free_after_readers(void* p, void (*free_fn)(void*)) { free_fn(p); }
class ObjectMutex {
public:
    void lock() {}
    void unlock() {}
    uint32_t optimistic_read_begin() const { return 0; }
    bool optimistic_read_valid(uint32_t) const { return true; }
    static constexpr uint32_t kBusy = 1;
};
#endif

// Whether a mortal value found without taking its container's lock (the LOAD_GLOBAL cache, the type
// attribute cache) stays alive long enough to be counted. Under the GIL no other thread runs in
// between. Without it, another thread may rebind the name and free the value in between, so only
// immortal and deferred values qualify, except while one thread runs Python (before the first
// thread starts), when nobody else can free anything. Caches remember whether their value qualified.
MINIPY_ALWAYS_INLINE bool unlocked_reads_keep_values_alive() { return !object_locks_on(); }

// Sets `flag` if it was clear and says whether this call set it: one thread's claim on something
// only one may run at a time (a generator's frame). Under the GIL nothing runs between the test
// and the set, so a plain load and store do; free-threaded, a compare-and-swap decides.
MINIPY_ALWAYS_INLINE bool claim_flag(std::atomic<bool>& flag) {
    if constexpr (kFreeThreaded) {
        bool clear = false;
        return flag.compare_exchange_strong(clear, true, std::memory_order_acquire);
    }
    if (flag.load(std::memory_order_relaxed)) return false;
    flag.store(true, std::memory_order_relaxed);
    return true;
}

// `::operator delete` of memory from `::operator new`, once no thread can still be reading it
// without a lock (objects, item arrays, dict entries).
MINIPY_ALWAYS_INLINE void delete_after_readers(void* p) {
    free_after_readers(p, [](void* memory) { ::operator delete(memory); });
}

// The allocator of storage that readers may scan without the owner's lock (a list's item array):
// an array given back, by a resize or a clear, is freed only once those readers are done with it.
template <typename T>
struct ReaderSafeAllocator {
    using value_type = T;
    ReaderSafeAllocator() = default;
    template <typename U>
    ReaderSafeAllocator(const ReaderSafeAllocator<U>&) {}
    T* allocate(size_t n) { return static_cast<T*>(::operator new(n * sizeof(T))); }
    void deallocate(T* p, size_t) { delete_after_readers(p); }
    template <typename U>
    bool operator==(const ReaderSafeAllocator<U>&) const {
        return true;
    }
};

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

// Lets go of an object's lock, taken by a CriticalSection around it, while Python code runs (a user
// __eq__ during a dict or set probe).
class Unlocked {
public:
    explicit Unlocked(ObjectMutex& m) : m_(m) { m_.unlock(); }
    ~Unlocked() { m_.lock(); }
    Unlocked(const Unlocked&) = delete;
    Unlocked& operator=(const Unlocked&) = delete;

private:
    ObjectMutex& m_;
};

}  // namespace minipy
