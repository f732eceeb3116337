// collector.cpp — the cycle collector, designed as CPython's Modules/gcmodule.c: reference counting frees
// most objects; this finds groups of container objects that only reference each other (cycles) and
// frees them. Three generations, finalizers once (PEP 442), resurrection, weak references cleared.
#include "objects/collector.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/thread_state.h"

namespace minipy {

// Sentinels that point at themselves from the start (constant initialisation: containers may be
// allocated by other files' static initialisers). Thresholds: CPython 3.11's 700, 10, 10.
constinit GcState g_gc_state{{{{&g_gc_state.gens[0].head, &g_gc_state.gens[0].head, 0}, 0, 700},
                              {{&g_gc_state.gens[1].head, &g_gc_state.gens[1].head, 0}, 0, 10},
                              {{&g_gc_state.gens[2].head, &g_gc_state.gens[2].head, 0}, 0, 10}},
                             {false},
                             {}};

namespace {

// GcHead::state during a collection: the count (shifted) and two flags.
constexpr int64_t kCollecting = 1;  // in the generation being collected
constexpr int64_t kReachable = 2;   // found reachable from outside it
constexpr int kFlagBits = 2;
constexpr int64_t kOne = int64_t{1} << kFlagBits;

std::atomic<bool> g_collecting{false};
std::atomic<bool> g_enabled{true};
std::atomic<int> g_debug{0};
GcHead g_permanent = {&g_permanent, &g_permanent, 0};  // gc.freeze()
// CPython's rule for full collections: only when the objects that survived a generation-1
// collection since the last full one are at least a quarter of those a full one last kept.
int64_t g_long_lived_total = 0;
int64_t g_long_lived_pending = 0;

GcGenStats g_gen_stats[kGcGenerations];
bool g_stats_wanted = false;
int64_t g_examined_total = 0;
double g_pause_total = 0, g_pause_max = 0;

Object* g_garbage = nullptr;    // gc.garbage
Object* g_callbacks = nullptr;  // gc.callbacks

bool list_empty(GcHead* list) { return list->next == list; }
void list_init(GcHead* list) { list->next = list->prev = list; }
int64_t list_size(GcHead* list) {
    int64_t n = 0;
    for (GcHead* h = list->next; h != list; h = h->next) ++n;
    return n;
}
// Appends every object of `from` to `to`, leaving `from` empty.
void list_merge(GcHead* from, GcHead* to) {
    if (list_empty(from)) return;
    GcHead* last = to->prev;
    last->next = from->next;
    from->next->prev = last;
    to->prev = from->prev;
    from->prev->next = to;
    list_init(from);
}
void list_move(GcHead* h, GcHead* to) {
    gc_unlink(h);
    gc_link(h, to);
}

// Every nursery ever made, never freed: another thread may be about to lock one whose address it
// read from an object's header.
std::mutex g_nurseries_lock;
std::vector<GcNursery*>& nurseries() {
    static auto* all = new std::vector<GcNursery*>();
    return *all;
}

// Moves a nursery's objects into generation 0, with its pending count (the caller holds the
// registry's lock).
void adopt(GcNursery* n) {
    GcState& s = gc_state();
    n->lock.lock();
    s.lists_lock.lock();
    for (GcHead* h = n->head.next; h != &n->head; h = h->next)
        h->nursery.store(nullptr, std::memory_order_relaxed);
    list_merge(&n->head, &s.gens[0].head);
    s.gens[0].count = std::max<int64_t>(0, s.gens[0].count + n->pending);
    n->pending = 0;
    s.lists_lock.unlock();
    n->lock.unlock();
}

// Before the collector (or gc.get_objects, gc.freeze) walks the generations, with the world stopped.
void adopt_nurseries() {
    if (!kFreeThreaded) return;
    std::lock_guard<std::mutex> guard(g_nurseries_lock);
    for (GcNursery* n : nurseries()) adopt(n);
}

// Gives a thread's nursery back as the thread ends (a thread_local's destructor), for the next thread
// to start to take; its objects wait there for the next collection's adopt_nurseries, which takes
// every nursery's. Not adopted here: the thread has left the interpreter, so a collection may be
// walking the generations meanwhile (TSan saw this merge race one at exit). The ending thread keeps
// pointing at it for whatever it frees last; sharing a nursery is safe, since everything in one is
// under its lock.
struct NurseryRelease {
    GcNursery* nursery = nullptr;
    ~NurseryRelease() {
        if (!nursery) return;
        std::lock_guard<std::mutex> guard(g_nurseries_lock);
        nursery->in_use = false;
    }
};
thread_local NurseryRelease tl_nursery_release;

int64_t refs_of(GcHead* h) { return h->state >> kFlagBits; }

// The total count (both halves of a biased count in minipy-ft, which the stopped world keeps still),
// less a deferred object's bias: what is left are its real references.
int64_t current_refcount(Object* o) {
    if (refcount_is_immortal(o->refcnt)) return int64_t{1} << 40;
    int64_t count = refcount_get(o->refcnt);
    return refcount_is_deferred(o->refcnt) ? count - kDeferredRefCount : count;
}

// Step 1: every object's copy of its reference count. Returns how many objects are in `young`.
int64_t update_refs(GcHead* young) {
    int64_t n = 0;
    for (GcHead* h = young->next; h != young;) {
        GcHead* next = h->next;
        int64_t rc = current_refcount(gc_object(h));
        if (rc == 0 && !is_deferred(gc_object(h))) {
            // Waiting in dealloc_object's deferred list: it is freed soon, not by the collector.
            gc_unlink(h);
        } else {
            h->state = rc * kOne | kCollecting;
            ++n;
            // An instance's untracked __dict__ that something else refers to too is counted as
            // an object of its own from now on: linked at the end, so this loop reaches it.
            if (Dict* d = gc_owned_dict_escaped(gc_object(h))) {
                gc_link(gc_head(d), young);
                if (next == young) next = gc_head(d);
            }
        }
        h = next;
    }
    return n;
}

// A deferred object (minipy-ft: a function bound in a module or a class) that nothing refers to any
// more, deleted or rebound since, is freed before the collection proper, as reference counting frees
// it at once in CPython 3.11 and in minipy: gc.collect() does not count it, and what only it held
// dies with it. Nothing refers to it, so no cycle can hold it; a weak reference's callback run by an
// earlier one's freeing may have taken it back, so each is checked again when its turn comes.
void free_unreferenced_deferred(GcHead* young) {
    if (!kFreeThreaded) return;
    std::vector<Object*> lone;
    for (GcHead* h = young->next; h != young; h = h->next) {
        Object* o = gc_object(h);
        if (is_deferred(o) && current_refcount(o) == 0) lone.push_back(o);
    }
    for (Object* o : lone) {
        if (!is_deferred(o) || current_refcount(o) != 0) continue;
        Ref last = Ref::borrow(o);
        refcount_undefer(o->refcnt);
    }
}

void visit_decref(Object* o, void*) {
    if (!gc_has_head(o)) return;
    GcHead* h = gc_head(o);
    if (h->state & kCollecting) h->state -= kOne;
}

// Step 2: less the references from inside the generation; what is left came from outside.
void subtract_refs(GcHead* young) {
    for (GcHead* h = young->next; h != young; h = h->next) {
        Object* o = gc_object(h);
        gc_traverse(o, visit_decref, nullptr);
    }
}

void visit_reachable(Object* o, void* arg) {
    if (!gc_has_head(o)) return;
    GcHead* h = gc_head(o);
    if ((h->state & kCollecting) && !(h->state & kReachable)) {
        h->state |= kReachable;
        static_cast<std::vector<GcHead*>*>(arg)->push_back(h);
    }
}

// Step 3: marks what the objects referenced from outside reach, and moves the rest to `unreachable`.
// Reachable objects leave with their flags cleared; unreachable ones keep kCollecting. Returns how
// many were unreachable.
int64_t move_unreachable(GcHead* young, GcHead* unreachable) {
    int64_t moved = 0;
    std::vector<GcHead*> work;
    for (GcHead* h = young->next; h != young; h = h->next) {
        if (refs_of(h) > 0 && !(h->state & kReachable)) {
            h->state |= kReachable;
            work.push_back(h);
        }
    }
    while (!work.empty()) {
        GcHead* h = work.back();
        work.pop_back();
        Object* o = gc_object(h);
        gc_traverse(o, visit_reachable, &work);
    }
    for (GcHead* h = young->next; h != young;) {
        GcHead* next = h->next;
        if (h->state & kReachable) {
            h->state = 0;
        } else {
            list_move(h, unreachable);
            ++moved;
        }
        h = next;
    }
    return moved;
}

// Whether `o` may be part of a cycle (CPython's _PyObject_GC_MAY_BE_TRACKED): a container, except a
// tuple already found to hold atomic values only.
bool may_be_tracked(Object* o) {
    if (!gc_has_head(o)) return false;
    return type_of(o) != &tuple_type || gc_is_tracked(o);
}

// A tuple whose items are all atomic (or such tuples) can never be part of a cycle: the collector
// stops looking at it (CPython's untrack_tuples). A tuple cannot change, so it stays untracked.
void untrack_atomic_tuples(GcHead* reachable) {
    for (GcHead* h = reachable->next; h != reachable;) {
        GcHead* next = h->next;
        Object* o = gc_object(h);
        if (type_of(o) == &tuple_type) {
            Tuple* t = as_tuple(o);
            bool atomic = true;
            for (size_t i = 0; i < t->size && atomic; ++i)
                atomic = t->items[i] && !may_be_tracked(t->items[i]);
            if (atomic) gc_unlink(h);
        }
        h = next;
    }
}

void debug_cycle(const char* what, Object* o) {
    std::fprintf(stderr, "gc: %s <%s %p>\n", what, type_of(o)->name.c_str(), static_cast<void*>(o));
}

// Weak references to the garbage die before anything else runs, so no callback or finalizer can
// reach a garbage object through one; then the callbacks run, but not those of references that are
// garbage themselves (CPython's handle_weakrefs: such a callback might see the garbage).
// Returns how many of the weak references died once their callbacks ran; *ran_code is set when any
// callback ran (Python code, which may have made garbage reachable again).
int64_t handle_weakrefs(GcHead* unreachable, bool* ran_code) {
    std::vector<Ref> refs;
    for (GcHead* h = unreachable->next; h != unreachable; h = h->next) {
        std::vector<Ref> some = weakrefs_detach(gc_object(h));
        for (Ref& r : some) {
            if (gc_is_tracked(r.get()) && (gc_head(r.get())->state & kCollecting)) continue;
            if (r.as<WeakRef>()->callback) *ran_code = true;
            refs.push_back(std::move(r));
        }
    }
    return weakrefs_run_callbacks(refs);
}

// Whether the collector must run o's finalizer before freeing it: a class's __del__ not yet run, or
// a generator's (generator_needs_finalizer: close, "never awaited", the async generator hook).
bool needs_finalizer(Object* o) {
    Type* t = type_of(o);
    if (t == &generator_type || t == &coroutine_type || t == &async_generator_type)
        return generator_needs_finalizer(o);
    return t->finalize && !finalizer_ran(o);
}

// PEP 442: every finalizer once, each object kept alive across its call. A finalizer may free
// other garbage (which then leaves the list) or make it reachable again (checked after).
// Returns whether any finalizer ran.
bool finalize_garbage(GcHead* unreachable) {
    bool ran = false;
    GcHead seen;
    list_init(&seen);
    while (!list_empty(unreachable)) {
        GcHead* h = unreachable->next;
        list_move(h, &seen);
        Object* o = gc_object(h);
        if (!needs_finalizer(o)) continue;
        ran = true;
        Ref keep = Ref::borrow(o);
        Type* t = type_of(o);
        if (t == &generator_type || t == &coroutine_type || t == &async_generator_type) {
            generator_run_finalizer(o);
        } else {
            run_finalizer_once(o);
        }
    }
    list_merge(&seen, unreachable);
    return ran;
}

// Step 1 to 3 again over the garbage alone: what a finalizer or callback made reachable from
// outside goes to `old` with all it reaches; the rest stays in `unreachable`.
void handle_resurrected(GcHead* unreachable, GcHead* old) {
    GcHead still;
    list_init(&still);
    update_refs(unreachable);
    subtract_refs(unreachable);
    move_unreachable(unreachable, &still);
    list_merge(unreachable, old);  // the resurrected ones, their flags cleared
    list_merge(&still, unreachable);
}

// Breaks the cycles: each object's clear slot drops its references, which frees the group by
// reference counting. An object that survives its clear (no clear slot, or referenced by one
// still to be cleared) moves to `old` and dies when the others release it. A deferred object
// (a function bound in a module or class, minipy-ft) loses its bias first, so that it can.
void delete_garbage(GcHead* unreachable, GcHead* old) {
    bool save_all = g_debug.load() & kGcDebugSaveAll;
    while (!list_empty(unreachable)) {
        GcHead* h = unreachable->next;
        Object* o = gc_object(h);
        if (save_all) {
            list_append(gc_garbage_list(), o);
        } else {
            Ref keep = Ref::borrow(o);
            if (is_deferred(o)) refcount_undefer(o->refcnt);
            if (ClearSlot clear = type_of(o)->clear) clear(o);
        }
        if (unreachable->next == h) {
            h->state = 0;
            list_move(h, old);
        }
    }
}

void run_callbacks(const char* phase, int generation, int64_t collected, int64_t uncollectable) {
    if (!g_callbacks || as_list(g_callbacks)->items.empty()) return;
    Ref info = dict_new();
    dict_set(as_dict(info.get()), intern("generation"), int_from_i64(generation).get());
    dict_set(as_dict(info.get()), intern("collected"), int_from_i64(collected).get());
    dict_set(as_dict(info.get()), intern("uncollectable"), int_from_i64(uncollectable).get());
    Ref phase_str = str_new(phase);
    Ref copy = list_from(as_list(g_callbacks)->items.data(), as_list(g_callbacks)->items.size());
    for (Object* cb : as_list(copy.get())->items) {
        try {
            Object* args[2] = {phase_str.get(), info.get()};
            call(cb, args, 2);
        } catch (PyException& e) {
            Ref exc = e.take();
            embedding_hooks().report_unraisable(": " + repr_utf8(cb), exc.get());
        }
    }
}

// One collection of `generation` and the younger ones (CPython's gc_collect_main).
int64_t collect_main(int generation) {
    GcState& s = gc_state();
    int debug = g_debug.load();
    auto start = std::chrono::steady_clock::now();
    adopt_nurseries();
    if (debug & kGcDebugStats) {
        std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
        std::fprintf(stderr, "gc: objects in each generation:");
        for (auto& g : s.gens) std::fprintf(stderr, " %lld", static_cast<long long>(list_size(&g.head)));
        std::fprintf(stderr, "\ngc: objects in permanent generation: %lld\n",
                     static_cast<long long>(list_size(&g_permanent)));
    }
    if (generation + 1 < kGcGenerations) s.gens[generation + 1].count += 1;
    for (int i = 0; i <= generation; ++i) s.gens[i].count = 0;
    for (int i = 0; i < generation; ++i) list_merge(&s.gens[i].head, &s.gens[generation].head);
    GcHead* young = &s.gens[generation].head;
    GcHead* old = generation + 1 < kGcGenerations ? &s.gens[generation + 1].head : young;

    GcHead unreachable;
    list_init(&unreachable);
    // Not in the young generation's collections, the frequent ones: the walk costs a cache miss per
    // object (a million two-node cycles: 17% of minipy-ft's collector samples, perf). There such a
    // function is found unreachable instead and freed as garbage: only the count differs.
    if (generation > 0) free_unreferenced_deferred(young);
    int64_t examined = update_refs(young);
    subtract_refs(young);
    int64_t survivors = examined - move_unreachable(young, &unreachable);
    untrack_atomic_tuples(young);
    if (generation == 1) g_long_lived_pending += survivors;
    if (young != old) {
        list_merge(young, old);
    } else {
        g_long_lived_pending = 0;
        g_long_lived_total = survivors;
    }

    // What CPython 3.11 counts: the weak references that died after their callbacks, and the
    // objects still unreachable once finalizers ran (not those they freed or brought back).
    bool ran_code = false;
    int64_t found = handle_weakrefs(&unreachable, &ran_code);
    if (finalize_garbage(&unreachable)) ran_code = true;
    // Only Python code (a callback or a finalizer) can have made garbage reachable again.
    if (ran_code) handle_resurrected(&unreachable, old);
    for (GcHead* h = unreachable.next; h != &unreachable; h = h->next) {
        ++found;
        if (debug & kGcDebugCollectable) debug_cycle("collectable", gc_object(h));
    }
    delete_garbage(&unreachable, old);

    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (debug & kGcDebugStats) {
        std::fprintf(stderr, "gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                     static_cast<long long>(found), elapsed);
    }
    g_gen_stats[generation].collections += 1;
    g_gen_stats[generation].collected += found;
    g_examined_total += examined;
    g_pause_total += elapsed;
    if (elapsed > g_pause_max) g_pause_max = elapsed;
    return found;
}

// Other threads parked at their eval breaker (minipy-ft without a GIL; with one, holding it is enough).
struct WorldStopped {
    WorldStopped() { stop_the_world(); }
    ~WorldStopped() { start_the_world(); }
    WorldStopped(const WorldStopped&) = delete;
    WorldStopped& operator=(const WorldStopped&) = delete;
};

// With callbacks around it, and the world stopped in minipy-ft (other threads park at their eval
// breaker, as for fork), so no count or list changes under the collector.
int64_t collect_with_callbacks(int generation) {
    bool expected = false;
    if (!g_collecting.compare_exchange_strong(expected, true)) return 0;
    struct Done {
        ~Done() { g_collecting.store(false); }
    } done;
    run_callbacks("start", generation, 0, 0);
    int64_t found;
    {
        WorldStopped stopped;
        found = collect_main(generation);
    }
    run_callbacks("stop", generation, found, 0);
    return found;
}

}  // namespace

GcNursery* gc_nursery_start() {
    std::lock_guard<std::mutex> guard(g_nurseries_lock);
    auto& all = nurseries();
    auto free = std::find_if(all.begin(), all.end(), [](GcNursery* n) { return !n->in_use; });
    GcNursery* n = free != all.end() ? *free : all.emplace_back(new GcNursery());
    if (!n->head.next) list_init(&n->head);
    n->in_use = true;
    tl_nursery_release.nursery = n;
    tl_gc_nursery = n;
    return n;
}

void gc_nursery_flush(GcNursery* n) {
    GcState& s = gc_state();
    s.lists_lock.lock();
    s.gens[0].count = std::max<int64_t>(0, s.gens[0].count + n->pending);
    n->pending = 0;
    bool due = s.gens[0].count > s.gens[0].threshold && s.gens[0].threshold > 0;
    s.lists_lock.unlock();
    if (due) gc_schedule();
}

void gc_untrack_from_nursery(GcHead* h, GcNursery* n) {
    n->lock.lock();
    if (h->nursery.load(std::memory_order_relaxed) == n) {
        gc_unlink(h);
        h->nursery.store(nullptr, std::memory_order_relaxed);
        if (--n->pending <= -kNurseryBatch) gc_nursery_flush(n);
        n->lock.unlock();
        return;
    }
    n->lock.unlock();
    gc_untrack_from_generations(h);  // adopted into generation 0 meanwhile
}

void gc_schedule() {
    g_gc_state.due.store(true, std::memory_order_relaxed);
    eval_breaker.raise();
}

int64_t gc_collect(int generation) { return collect_with_callbacks(generation); }

void gc_collect_if_due() {
    GcState& s = gc_state();
    if (!s.due.exchange(false, std::memory_order_relaxed)) return;
    if (!g_enabled.load() || g_collecting.load()) return;
    // The counts are read under the lists' lock: other threads' allocations update them (minipy-ft).
    int chosen = -1;
    s.lists_lock.lock();
    for (int i = kGcGenerations - 1; i >= 0 && chosen < 0; --i) {
        if (s.gens[i].count <= s.gens[i].threshold || s.gens[i].threshold <= 0) continue;
        if (i == kGcGenerations - 1 && g_long_lived_pending < g_long_lived_total / 4) continue;
        chosen = i;
    }
    s.lists_lock.unlock();
    if (chosen >= 0) collect_with_callbacks(chosen);
}

bool gc_is_enabled() { return g_enabled.load(); }
void gc_set_enabled(bool on) { g_enabled.store(on); }
int gc_get_debug() { return g_debug.load(); }
void gc_set_debug(int flags) { g_debug.store(flags); }
bool gc_is_collecting() { return g_collecting.load(); }
GcGenStats gc_gen_stats(int generation) { return g_gen_stats[generation]; }

Object* gc_garbage_list() {
    if (!g_garbage) g_garbage = list_new().release();
    return g_garbage;
}
Object* gc_callbacks_list() {
    if (!g_callbacks) g_callbacks = list_new().release();
    return g_callbacks;
}

std::vector<Ref> gc_objects(int generation) {
    GcState& s = gc_state();
    WorldStopped stopped;
    adopt_nurseries();
    std::vector<Ref> out;
    for (int i = 0; i < kGcGenerations; ++i) {
        if (generation >= 0 && i != generation) continue;
        GcHead* list = &s.gens[i].head;
        for (GcHead* h = list->next; h != list; h = h->next) {
            Object* o = gc_object(h);
            if (current_refcount(o) > 0) out.push_back(Ref::borrow(o));
        }
    }
    return out;
}

void gc_freeze() {
    GcState& s = gc_state();
    WorldStopped stopped;
    adopt_nurseries();
    for (auto& g : s.gens) {
        list_merge(&g.head, &g_permanent);
        g.count = 0;
    }
}
void gc_unfreeze() {
    WorldStopped stopped;
    list_merge(&g_permanent, &gc_state().gens[kGcGenerations - 1].head);
}
int64_t gc_freeze_count() {
    WorldStopped stopped;
    return list_size(&g_permanent);
}

std::vector<Ref> gc_referrers(Object* const* targets, size_t n) {
    struct Search {
        Object* const* targets;
        size_t n;
        bool found;
    };
    auto match = [](Object* o, void* arg) {
        auto* s = static_cast<Search*>(arg);
        for (size_t i = 0; i < s->n; ++i)
            if (s->targets[i] == o) s->found = true;
    };
    std::vector<Ref> out;
    GcState& s = gc_state();
    WorldStopped stopped;
    for (auto& g : s.gens) {
        for (GcHead* h = g.head.next; h != &g.head; h = h->next) {
            Object* o = gc_object(h);
            if (current_refcount(o) == 0) continue;
            Search search{targets, n, false};
            gc_traverse(o, match, &search);
            if (search.found) out.push_back(Ref::borrow(o));
        }
    }
    return out;
}

void gc_set_stats_wanted(bool wanted) { g_stats_wanted = wanted; }

void gc_report_stats() {
    if (!g_stats_wanted) return;
    int64_t collections = 0, collected = 0;
    for (const GcGenStats& g : g_gen_stats) {
        collections += g.collections;
        collected += g.collected;
    }
    std::fprintf(stderr, "gc stats (%s flavor):\n", kFlavorName);
    for (int i = 0; i < kGcGenerations; ++i)
        std::fprintf(stderr, "  generation %d: %lld collections, %lld unreachable objects freed\n", i,
                     static_cast<long long>(g_gen_stats[i].collections),
                     static_cast<long long>(g_gen_stats[i].collected));
    std::fprintf(stderr, "  total: %lld collections, %lld objects examined, %lld freed\n",
                 static_cast<long long>(collections), static_cast<long long>(g_examined_total),
                 static_cast<long long>(collected));
    std::fprintf(stderr, "  pauses: %.3f ms in all, %.3f ms mean, %.3f ms longest\n", g_pause_total * 1e3,
                 collections ? g_pause_total * 1e3 / static_cast<double>(collections) : 0.0,
                 g_pause_max * 1e3);
}

}  // namespace minipy
