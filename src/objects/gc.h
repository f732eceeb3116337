// gc.h — the cycle collector's side of every container object: the link header allocated in front
// of it (CPython's PyGC_Head), tracking, and the collector's entry points. The collector:
// objects/collector.cpp.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>

#include "objects/object.h"

namespace minipy {

// Lives just before the object in memory, only for objects of types with a traverse slot, so plain
// objects (floats, strs, ints) stay as small as before. `next` is null while the object is not
// tracked. `state` is the collector's scratch word during a collection: a copy of the reference
// count less the references found inside the generation (bits 2 and up), and two flags.
struct GcHead {
    GcHead* next;
    GcHead* prev;
    int64_t state;
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
    // Guards the lists while more than one thread may run Python (minipy-ft); empty in minipy.
    ObjectMutex lists_lock;
};
extern GcState g_gc_state;  // objects/collector.cpp
inline GcState& gc_state() { return g_gc_state; }
void gc_schedule();  // raises `due` and the eval breaker (out of line: rare)

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
    s.lists_lock.lock();
    if (!h->next) {
        gc_link(h, &s.gens[0].head);
        if (++s.gens[0].count > s.gens[0].threshold && s.gens[0].threshold > 0) gc_schedule();
    }
    s.lists_lock.unlock();
}
inline void gc_untrack(Object* o) {
    GcState& s = gc_state();
    GcHead* h = gc_head(o);
    s.lists_lock.lock();
    if (h->next) {
        gc_unlink(h);
        if (s.gens[0].count > 0) --s.gens[0].count;
    }
    s.lists_lock.unlock();
}

// Storage for a container object: the header, then `size` bytes for the object, tracked at once
// (the collector runs only at eval-breaker checks, never inside a half-built object's constructor).
inline void* gc_alloc_untracked(size_t size) {
    auto* h = static_cast<GcHead*>(::operator new(sizeof(GcHead) + size));
    h->next = h->prev = nullptr;
    h->state = 0;
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
    free_after_readers(gc_head(o), [](void* memory) { ::operator delete(memory); });
}

// Inside a container struct: `new T()` and `delete t` go through gc_alloc and gc_free.
#define MINIPY_GC_ALLOCATED                                                     \
    static void* operator new(size_t size) { return ::minipy::gc_alloc(size); } \
    static void operator delete(void* p) { ::minipy::gc_free(p); }

// Whether `o` carries a GcHead: a container type's object that is not a static (statics are
// immortal and were never allocated with one).
inline bool gc_has_head(Object* o) {
    return !is_small_int(o) && o->type->traverse != nullptr && !refcount_is_immortal(o->refcnt);
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
