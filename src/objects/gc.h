// gc.h — the cycle collector's side of every container object: the link header allocated in front
// of it (CPython's PyGC_Head), tracking, and the collector's entry points. The collector:
// objects/collector.cpp.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>

#include "objects/object.h"

namespace minipy {

struct GcNursery;
// minipy has no nurseries (below): the link is empty and always reads as none.
struct NoNurseryLink {
    GcNursery* load(std::memory_order = std::memory_order_relaxed) const { return nullptr; }
    void store(GcNursery*, std::memory_order = std::memory_order_relaxed) {}
};
using NurseryLink = std::conditional_t<kFreeThreaded, std::atomic<GcNursery*>, NoNurseryLink>;

// Lives just before the object in memory, only for objects of types with a traverse slot, so plain
// objects (floats, strs, ints) stay as small as before. `next` is null while the object is not
// tracked. `state` is the collector's scratch word during a collection: a copy of the reference
// count less the references found inside the generation (bits 2 and up), and two flags.
// `nursery` (minipy-ft only) is the thread nursery the object is linked into, or null when it is in
// one of the generations' lists (or in none).
struct GcHead {
    GcHead* next;
    GcHead* prev;
    int64_t state;
    [[no_unique_address]] NurseryLink nursery{};
};

inline GcHead* gc_head(Object* o) { return reinterpret_cast<GcHead*>(o) - 1; }
inline Object* gc_object(GcHead* h) { return reinterpret_cast<Object*>(h + 1); }

// One generation: a circular list with a sentinel, its count and threshold (CPython's layout: the
// count of generation 0 is allocations less deallocations of tracked objects, that of an older one
// the number of collections of the next younger one since it was last collected).
struct GcGeneration {
    GcHead head;
    int64_t count;
    int64_t threshold;
};
inline constexpr int kGcGenerations = 3;
struct GcState {
    GcGeneration gens[kGcGenerations];
    // Generation 0's count passed its threshold: the next eval-breaker check collects.
    std::atomic<bool> due{false};
    // Guards the generations' lists while more than one thread may run Python (minipy-ft); empty in
    // minipy. Threads then track new objects in their own nurseries instead.
    ObjectMutex lists_lock;
};
extern GcState g_gc_state;  // objects/collector.cpp
inline GcState& gc_state() { return g_gc_state; }
void gc_schedule();  // raises `due` and the eval breaker (out of line: rare)

// A thread's own list of the containers it made since the last collection (minipy-ft, once a second
// thread has started): tracking links an object there under the nursery's own lock, which other
// threads take only to untrack an object of this list that they happen to free. With one list for
// every thread, threads making containers met on its lock and cache lines: bench/threads_alloc.py
// made its lists in 0.095 s on one thread and 3.09 s on each of 16 (perf: gc_track and gc_untrack).
// The collector adopts every nursery's objects into generation 0 before it looks at them; a
// nursery outlives its thread, and is handed to the next thread that starts.
struct GcNursery {
    GcHead head;
    ObjectMutex lock;
    // Tracked less untracked since this was last added to generation 0's count, under `lock`: the
    // lists' lock is taken once in kNurseryBatch changes.
    int64_t pending = 0;
    bool in_use = false;  // under the nursery registry's lock (objects/collector.cpp)
};
inline constexpr int64_t kNurseryBatch = 64;
inline thread_local GcNursery* tl_gc_nursery = nullptr;
GcNursery* gc_nursery_start();  // this thread's nursery, made (or reused) on its first container
// Adds a nursery's pending change to generation 0's count (the caller holds the nursery's lock),
// scheduling a collection when it passes the threshold.
void gc_nursery_flush(GcNursery* n);
void gc_untrack_from_nursery(GcHead* h, GcNursery* n);

inline void gc_link(GcHead* h, GcHead* list) {
    GcHead* last = list->prev;
    h->prev = last;
    h->next = list;
    last->next = h;
    list->prev = h;
}
inline void gc_unlink(GcHead* h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = nullptr;
    h->prev = nullptr;
}

// Starts (or stops) the collector looking at a container object: new containers are tracked as
// they are allocated; dealloc_object untracks one before its dealloc slot runs.
inline bool gc_is_tracked(Object* o) { return gc_head(o)->next != nullptr; }
inline void gc_track(Object* o) {
    GcState& s = gc_state();
    GcHead* h = gc_head(o);
    if (object_locks_on()) {  // minipy-ft with threads: this thread's nursery
        GcNursery* n = tl_gc_nursery ? tl_gc_nursery : gc_nursery_start();
        n->lock.lock();
        if (!h->next) {
            gc_link(h, &n->head);
            h->nursery.store(n, std::memory_order_relaxed);
            if (++n->pending >= kNurseryBatch) gc_nursery_flush(n);
        }
        n->lock.unlock();
        return;
    }
    s.lists_lock.lock();
    if (!h->next) {
        gc_link(h, &s.gens[0].head);
        if (++s.gens[0].count > s.gens[0].threshold && s.gens[0].threshold > 0) gc_schedule();
    }
    s.lists_lock.unlock();
}
// Untracks an object that is in one of the generations' lists (or in none).
inline void gc_untrack_from_generations(GcHead* h) {
    GcState& s = gc_state();
    s.lists_lock.lock();
    if (h->next) {
        gc_unlink(h);
        if (s.gens[0].count > 0) --s.gens[0].count;
    }
    s.lists_lock.unlock();
}
inline void gc_untrack(Object* o) {
    GcHead* h = gc_head(o);
    if (GcNursery* n = h->nursery.load(std::memory_order_acquire))
        gc_untrack_from_nursery(h, n);
    else
        gc_untrack_from_generations(h);
}

// Storage for a container object: the header, then `size` bytes for the object, tracked at once
// (the collector runs only at eval-breaker checks, never inside a half-built object's constructor).
inline void* gc_alloc_untracked(size_t size) {
    auto* h = static_cast<GcHead*>(::operator new(sizeof(GcHead) + size));
    h->next = h->prev = nullptr;
    h->state = 0;
    h->nursery.store(nullptr, std::memory_order_relaxed);
    return h + 1;
}
inline void* gc_alloc(size_t size) {
    void* p = gc_alloc_untracked(size);
    gc_track(static_cast<Object*>(p));
    return p;
}
// The memory itself waits for QSBR (runtime/flavor.h) while threads run: a reader that found the
// object in a list or dict without the lock may still be testing its count.
inline void gc_free(void* p) {
    if (!p) return;
    Object* o = static_cast<Object*>(p);
    if (gc_is_tracked(o)) gc_untrack(o);
    delete_after_readers(gc_head(o));
}

// Inside a container struct: `new T()` and `delete t` go through gc_alloc and gc_free.
#define MINIPY_GC_ALLOCATED                                                     \
    static void* operator new(size_t size) { return ::minipy::gc_alloc(size); } \
    static void operator delete(void* p) { ::minipy::gc_free(p); }

// Objects of a type that carries no GcHead of its own but allocates one for the instances of a
// class derived from it (Type::heads_subclass_instances): such a class has a traverse slot (its
// instances' attributes may form a cycle, as CPython tracks them, subtype_traverse), and that slot
// decides how its objects are allocated and freed. The object comes with its header set, tracked.
template <class T>
T* new_object_of(Type* t) {
    T* o = t->traverse ? ::new (gc_alloc_untracked(sizeof(T))) T() : new T();
    init_header(o, t);
    if (t->traverse) gc_track(o);
    return o;
}
template <class T>
void delete_object_of(T* o) {
    if (!o->type->traverse) {
        delete o;
        return;
    }
    o->~T();
    gc_free(o);
}
// Whether `o` carries a GcHead: a container type's object that is not a static (statics are
// immortal and were never allocated with one).
inline bool gc_has_head(Object* o) {
    return !is_small_int(o) && o->type->traverse != nullptr && !refcount_is_immortal(o->refcnt);
}

// Visits every reference the container `o` owns: its traverse slot's, then its type's. Every object
// owns a reference to its type (init_header), and a class can be part of a cycle through its
// instances (`C.instances = [C()]`), so the collector counts it, as CPython's subtype_traverse
// visits Py_TYPE(self); built-in types are immortal and never visited.
inline void gc_traverse(Object* o, VisitProc visit, void* arg) {
    Type* t = o->type;
    t->traverse(o, visit, arg);
    if (!refcount_is_immortal(t->refcnt)) visit(t, arg);
}

// ---- the collector (objects/collector.cpp) ----
// Collects generation `generation` and the younger ones; returns the number of unreachable objects
// found (the `gc.collect()` result). Does nothing and returns 0 while a collection runs.
int64_t gc_collect(int generation);
// Called at the eval breaker when `due` is set: collects the generations whose thresholds passed.
void gc_collect_if_due();
// Prints the `-X gcstats` summary to stderr, if asked for.
void gc_report_stats();
void gc_set_stats_wanted(bool wanted);

}  // namespace minipy
