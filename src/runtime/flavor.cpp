// flavor.cpp — the slow paths of the free-threaded flavor's biased reference counts (flavor.h):
// merging an object's two counts, and the per-thread queues through which other threads ask an
// owner to merge. The GIL flavor has nothing here.
#include "runtime/flavor.h"

#if MINIPY_FREE_THREADED

#include <memory>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/thread_state.h"

namespace minipy {
namespace {

// Objects waiting for their owner to merge them, by owner id. Only threads alive are present.
struct MergeQueues {
    std::mutex mutex;
    std::unordered_map<uint64_t, std::vector<RefCountField*>> by_owner;
    // Owners in a blocking call (detached): they merge when they come back, so their queues do not
    // keep the eval breaker raised.
    std::unordered_set<uint64_t> detached;
    uint64_t next_id = 1;
};
MergeQueues& queues() {
    static MergeQueues* q = new MergeQueues();  // never destroyed: threads may outlive statics
    return *q;
}

thread_local std::atomic<bool> tl_has_queued{false};
// Where another thread signals that this thread's queue is not empty.
std::unordered_map<uint64_t, std::atomic<bool>*> g_signal;
// How many attached owners have a non-empty queue (changed under the queue mutex). The eval breaker
// flag is one for all threads, and any thread that handles it clears it: while this is not zero it
// is raised again (refcount_merges_pending), so the signal is never lost before its owner sees it.
// A detached owner is left out: it would keep every running thread in the eval breaker's slow path
// for as long as it blocks (a main thread in join() while workers drop its objects), each round
// writing the flag's cache line. On 16 cores that held bench/threads_cpu.py at 2.2x with 16
// threads; measured after the change in the closing note of issue 19.
std::atomic<int> g_owners_with_queued{0};

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

void (*g_merged_dealloc)(RefCountField*) = nullptr;

// Folds `local` (the owner's half, `local_count`) into `shared` and hands the object to shared
// mode for good; `drop` extra references are released in the same step (the queue's own).
// Returns true when nothing references the object any more.
bool merge(RefCountField& rc, int64_t local_count, int64_t drop) {
    rc.owner.store(kNoOwner, std::memory_order_relaxed);
    rc.local.store(0, std::memory_order_relaxed);
    int64_t old = rc.shared.load(std::memory_order_relaxed);
    int64_t updated;
    do {
        int64_t count = (old >> kSharedShift) + local_count - drop;
        updated = count * kSharedOne | kMerged;
    } while (!rc.shared.compare_exchange_weak(old, updated, std::memory_order_acq_rel));
    return (updated >> kSharedShift) == 0;
}

}  // namespace

void set_merged_dealloc(void (*dealloc)(RefCountField* rc)) { g_merged_dealloc = dealloc; }

void ObjectMutex::lock_slow() {
    // A short spin first: the holder is usually inside one quick list or dict operation.
    for (int i = 0; i < 64; ++i) {
        uint32_t word = state_.load(std::memory_order_relaxed);
        if (!(word & kLocked) &&
            state_.compare_exchange_weak(word, word | kLocked, std::memory_order_acquire))
            return;
        cpu_relax();
    }
    // Then sleep, flagging the word so that unlock() wakes us. The lock is taken with the flag set:
    // other sleepers may remain.
    for (;;) {
        uint32_t word = state_.load(std::memory_order_relaxed);
        if (!(word & kLocked)) {
            if (state_.compare_exchange_weak(word, word | kLocked | kWaiters, std::memory_order_acquire))
                return;
            continue;
        }
        if (!(word & kWaiters) &&
            !state_.compare_exchange_weak(word, word | kWaiters, std::memory_order_relaxed))
            continue;
        state_.wait(word | kWaiters, std::memory_order_relaxed);
    }
}

bool refcount_merge_zero_local(RefCountField& rc) { return merge(rc, 0, 0); }

bool refcount_shared_dec(RefCountField& rc) {
    int64_t old = rc.shared.load(std::memory_order_relaxed);
    for (;;) {
        int64_t count = old >> kSharedShift;
        bool merged = old & kMerged;
        if (merged || count > 0 || (old & kQueued)) {
            int64_t updated = old - kSharedOne;
            if (rc.shared.compare_exchange_weak(old, updated, std::memory_order_acq_rel))
                return merged && (updated >> kSharedShift) == 0;
            continue;
        }
        // This decrement would take `shared` below zero: the reference dropped was counted in the
        // owner's `local`. Keep the count for the queue's own reference instead (net change zero)
        // and ask the owner to merge.
        if (rc.shared.compare_exchange_weak(old, old | kQueued, std::memory_order_acq_rel)) break;
    }
    uint64_t owner = rc.owner.load(std::memory_order_acquire);
    MergeQueues& q = queues();
    std::unique_lock<std::mutex> lock(q.mutex);
    auto it = q.by_owner.find(owner);
    if (it == q.by_owner.end()) {
        // The owner has exited: its `local` is final, so this thread merges in its place.
        lock.unlock();
        return merge(rc, rc.local.load(std::memory_order_acquire), 1);
    }
    if (it->second.empty() && !q.detached.count(owner))
        g_owners_with_queued.fetch_add(1, std::memory_order_relaxed);
    it->second.push_back(&rc);
    g_signal[owner]->store(true, std::memory_order_release);
    eval_breaker.raise();
    return false;
}

void refcount_merge_queued() {
    if (!tl_has_queued.load(std::memory_order_acquire)) return;
    std::vector<RefCountField*> pending;
    {
        MergeQueues& q = queues();
        std::lock_guard<std::mutex> lock(q.mutex);
        pending.swap(q.by_owner[tl_refcount_owner]);
        if (!pending.empty()) g_owners_with_queued.fetch_sub(1, std::memory_order_relaxed);
        tl_has_queued.store(false, std::memory_order_relaxed);
    }
    for (RefCountField* rc : pending) {
        if (merge(*rc, rc->local.load(std::memory_order_relaxed), 1)) g_merged_dealloc(rc);
    }
}

namespace {

// References whose anchor was the last one when their entry was settled where nothing may be freed
// (inside another count change, or before blocking): refcount_ledger_service() drops them.
thread_local std::vector<RefCountField*> tl_releases;
thread_local LedgerEntry* tl_paused_ledger = nullptr;
thread_local size_t tl_ledger_entries = 0;  // slots in use, so settling an empty ledger is free
// Threads whose tl_releases is not empty: the eval breaker is raised again until they have run it.
std::atomic<int> g_threads_with_releases{0};

void defer_release(RefCountField* rc) {
    if (tl_releases.empty()) {
        g_threads_with_releases.fetch_add(1, std::memory_order_relaxed);
        eval_breaker.raise();
    }
    tl_releases.push_back(rc);
}

// Takes an entry's surplus (kLedgerAnchor - held, at least one, or any amount for a deferred
// object, whose bias keeps `shared` far above it) back from the object's count and
// frees the slot. None of these drops can be the object's last but the final one, which waits for
// refcount_ledger_service() when `defer_last`, since the caller may be in the middle of anything.
// Returns true when the final drop was made and the object must be freed.
bool settle(LedgerEntry& entry, bool defer_last) {
    RefCountField* rc = std::exchange(entry.rc, nullptr);
    --tl_ledger_entries;
    if (rc->owner.load(std::memory_order_relaxed) == kImmortal) return false;  // made immortal meanwhile
    // Usually something else still holds the object (the list it was read from): the surplus goes
    // in one subtraction that leaves `shared` at zero or more (above zero once merged, when it holds
    // the whole count), so no merge or release can be due.
    int64_t surplus = kLedgerAnchor - entry.held;
    int64_t old = rc->shared.load(std::memory_order_relaxed);
    while ((old >> kSharedShift) - surplus >= ((old & kMerged) ? 1 : 0)) {
        if (rc->shared.compare_exchange_weak(old, old - surplus * kSharedOne, std::memory_order_acq_rel))
            return false;
    }
    for (int64_t i = entry.held + 1; i < kLedgerAnchor; ++i) refcount_shared_dec(*rc);
    if (!defer_last) return refcount_shared_dec(*rc);
    defer_release(rc);
    return false;
}

}  // namespace

namespace {

// A free entry of `rc`'s set for a new anchor, or, when all are taken, one whose entry is settled
// to make room (in turn, so two objects that keep meeting in a full set do not always evict the same).
LedgerEntry* ledger_entry_for_anchor(LedgerEntry* ledger, RefCountField& rc) {
    static thread_local size_t next_victim = 0;
    LedgerEntry* set = ledger_set_of(ledger, rc);
    for (size_t way = 0; way < kLedgerWays; ++way)
        if (!set[way].rc) return &set[way];
    LedgerEntry* victim = &set[next_victim++ % kLedgerWays];
    settle(*victim, true);
    return victim;
}

void take_anchor(LedgerEntry* entry, RefCountField& rc) {
    ++tl_ledger_entries;
    entry->rc = &rc;
    entry->held = 1;
}

}  // namespace

void refcount_foreign_inc(RefCountField& rc) {
    LedgerEntry* ledger = tl_ledger;
    LedgerEntry* held = ledger ? ledger_entry_of(rc) : nullptr;
    if (held && refcount_is_deferred(rc)) {  // unbounded: see refcount_inc
        ++held->held;
        return;
    }
    if (!ledger || held) {  // no ledger, or the entry holds all it can
        rc.shared.fetch_add(kSharedOne, std::memory_order_relaxed);
        return;
    }
    LedgerEntry* entry = ledger_entry_for_anchor(ledger, rc);
    rc.shared.fetch_add(kLedgerAnchor * kSharedOne, std::memory_order_relaxed);
    take_anchor(entry, rc);
}

bool refcount_foreign_try_inc(RefCountField& rc) {
    LedgerEntry* ledger = tl_ledger;
    // With a ledger the first reference takes the anchor, as refcount_foreign_inc does; the entry
    // is made only once the object is known to be alive.
    LedgerEntry* held = ledger ? ledger_entry_of(rc) : nullptr;
    if (held && refcount_is_deferred(rc)) {  // alive: only the collector frees it
        ++held->held;
        return true;
    }
    bool anchor = ledger && !held;
    int64_t add = anchor ? kLedgerAnchor : 1;
    int64_t old = rc.shared.load(std::memory_order_relaxed);
    do {
        if (old == 0 || ((old & kMerged) && (old >> kSharedShift) <= 0)) return false;
    } while (!rc.shared.compare_exchange_weak(old, old + add * kSharedOne, std::memory_order_acquire,
                                              std::memory_order_relaxed));
    if (anchor) take_anchor(ledger_entry_for_anchor(ledger, rc), rc);
    return true;
}

bool refcount_foreign_dec(RefCountField& rc) {
    LedgerEntry* entry = ledger_entry_of(rc);
    if (!entry) return refcount_shared_dec(rc);
    if (refcount_is_deferred(rc)) {  // owing is fine: see refcount_inc
        --entry->held;
        return false;
    }
    // A reference the entry does not hold (a list's, handed over by pop()): drop it and the surplus
    // now, so that the object dies here if this was its last reference.
    refcount_shared_dec(rc);  // the surplus still counts: never the last
    return settle(*entry, false);
}

// Each set on a cache line of its own.
void refcount_ledger_start() {
    void* memory = ::operator new (sizeof(LedgerEntry) * kLedgerSlots, std::align_val_t{64});
    auto* ledger = static_cast<LedgerEntry*>(memory);
    std::uninitialized_value_construct_n(ledger, kLedgerSlots);
    tl_ledger = ledger;
}

void refcount_ledger_settle() {
    if (LedgerEntry* ledger = tl_ledger) {
        for (size_t i = 0; i < kLedgerSlots && tl_ledger_entries > 0; ++i)
            if (ledger[i].rc) settle(ledger[i], true);
    }
}

void refcount_ledger_service() {
    if (tl_releases.empty()) return;
    std::vector<RefCountField*> releases;
    releases.swap(tl_releases);
    g_threads_with_releases.fetch_sub(1, std::memory_order_relaxed);
    for (RefCountField* rc : releases)
        if (refcount_shared_dec(*rc)) g_merged_dealloc(rc);
}

void refcount_ledger_stop() {
    refcount_ledger_settle();
    ::operator delete (std::exchange(tl_ledger, nullptr), std::align_val_t{64});
    refcount_ledger_service();
}

bool refcount_ledger_releases_pending() {
    return g_threads_with_releases.load(std::memory_order_relaxed) > 0;
}

void refcount_ledger_pause() {
    refcount_ledger_settle();
    tl_paused_ledger = std::exchange(tl_ledger, nullptr);
}

void refcount_ledger_resume() { tl_ledger = std::exchange(tl_paused_ledger, nullptr); }

namespace {

// One attached thread's published progress: the last sequence number it saw at a quiescent state,
// or kOffline while it is detached (it reads nothing then). On a cache line of its own: each thread
// writes it at every eval-breaker check.
inline constexpr uint64_t kOffline = 0;
struct alignas(64) QsbrThread {
    std::atomic<uint64_t> seen{kOffline};
};
struct DeferredFree {
    void* p;
    void (*free_fn)(void*);
};
struct QsbrBatch {
    uint64_t goal;  // freed once every attached thread has seen this number
    std::vector<DeferredFree> frees;
};
struct QsbrState {
    std::atomic<uint64_t> sequence{1};
    std::mutex mutex;  // guards `threads` and `orphans`
    std::vector<QsbrThread*> threads;
    std::vector<QsbrBatch> orphans;       // batches of threads that exited before their goal
    std::atomic<size_t> orphan_count{0};  // orphans.size(), read without the mutex
};
QsbrState& qsbr() {
    static QsbrState* state = new QsbrState();  // never destroyed: threads may outlive statics
    return *state;
}
// A batch is sealed (given its goal, one atomic add on the shared sequence) when it reaches this
// size, or at a quiescent state once it holds kQsbrSealAtQuiescentState: deferring a free costs a
// push on a thread-local vector.
inline constexpr size_t kQsbrBatchSize = 2048;
// The least a batch holds for a quiescent state to seal it (a thread that frees little seals when
// it blocks or ends).
inline constexpr size_t kQsbrSealAtQuiescentState = 256;

thread_local QsbrThread* tl_qsbr = nullptr;
thread_local std::vector<DeferredFree> tl_unsealed;
thread_local std::vector<QsbrBatch> tl_sealed;
thread_local bool tl_others_owe_quiescent_state = false;  // found by the last qsbr_quiescent()

void seal_batch() {
    if (tl_unsealed.empty()) return;
    QsbrState& q = qsbr();
    uint64_t goal = q.sequence.fetch_add(1, std::memory_order_acq_rel) + 1;
    tl_sealed.push_back(QsbrBatch{goal, std::move(tl_unsealed)});
    tl_unsealed.clear();
    // Every thread passes its eval breaker (a quiescent state) soon, while any batch waits.
    eval_breaker.raise();
}

// The lowest number that every attached thread has seen (the current sequence when none is).
uint64_t all_threads_have_seen() {
    QsbrState& q = qsbr();
    std::atomic_thread_fence(std::memory_order_seq_cst);
    uint64_t lowest = q.sequence.load(std::memory_order_seq_cst);
    std::lock_guard<std::mutex> lock(q.mutex);
    for (QsbrThread* t : q.threads) {
        uint64_t seen = t->seen.load(std::memory_order_seq_cst);
        if (seen != kOffline && seen < lowest) lowest = seen;
    }
    return lowest;
}

void run_frees(std::vector<DeferredFree>& frees) {
    for (DeferredFree& f : frees) f.free_fn(f.p);
}

// Frees this thread's batches (and orphaned ones) whose goal every attached thread has seen, and
// returns the lowest number they have all seen.
uint64_t free_due_batches() {
    QsbrState& q = qsbr();
    bool has_orphans = q.orphan_count.load(std::memory_order_relaxed) > 0;
    if (tl_sealed.empty() && !has_orphans) return q.sequence.load(std::memory_order_relaxed);
    uint64_t seen = all_threads_have_seen();
    std::vector<QsbrBatch> due;
    for (auto it = tl_sealed.begin(); it != tl_sealed.end();) {
        if (it->goal <= seen) {
            due.push_back(std::move(*it));
            it = tl_sealed.erase(it);
        } else {
            ++it;
        }
    }
    if (has_orphans) {
        std::lock_guard<std::mutex> lock(q.mutex);
        for (auto it = q.orphans.begin(); it != q.orphans.end();) {
            if (it->goal <= seen) {
                due.push_back(std::move(*it));
                it = q.orphans.erase(it);
                q.orphan_count.fetch_sub(1, std::memory_order_relaxed);
            } else {
                ++it;
            }
        }
    }
    // Outside the lock: a free may release references and so defer more frees.
    for (QsbrBatch& batch : due) run_frees(batch.frees);
    return seen;
}

}  // namespace

void qsbr_defer(void* p, void (*free_fn)(void*)) {
    if (!tl_qsbr) {  // a thread that never runs Python reads nothing optimistically, but others may
        QsbrState& q = qsbr();
        std::lock_guard<std::mutex> lock(q.mutex);
        q.orphans.push_back(
            QsbrBatch{q.sequence.fetch_add(1, std::memory_order_acq_rel) + 1, {{p, free_fn}}});
        q.orphan_count.fetch_add(1, std::memory_order_relaxed);
        eval_breaker.raise();
        return;
    }
    tl_unsealed.push_back(DeferredFree{p, free_fn});
    if (tl_unsealed.size() >= kQsbrBatchSize) {
        seal_batch();
        if (tl_sealed.size() > 1) free_due_batches();  // the previous batches may be due by now
    }
}

void qsbr_quiescent() {
    tl_others_owe_quiescent_state = false;
    if (!tl_qsbr) return;
    QsbrState& q = qsbr();
    // A small batch stays open: sealing one at every quiescent state would make every other thread
    // owe a quiescent state in turn, and two threads would keep each other in the eval breaker's
    // slow path (measured: bench/threads_alloc.py 2 ran 1.9x slower than with 1 thread).
    if (tl_unsealed.size() >= kQsbrSealAtQuiescentState) seal_batch();
    tl_qsbr->seen.store(q.sequence.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
    if (tl_sealed.empty() && q.orphan_count.load(std::memory_order_relaxed) == 0) return;
    // This thread's batches (or orphans) wait for others: the eval breaker stays raised until they
    // are freed. Other threads' batches are their owners' business, so that a thread that keeps
    // freeing does not keep every other thread in the slow path.
    free_due_batches();
    tl_others_owe_quiescent_state = !tl_sealed.empty() || q.orphan_count.load(std::memory_order_relaxed) > 0;
}

// Asked right after qsbr_quiescent(), by the same thread.
bool qsbr_frees_pending() { return tl_others_owe_quiescent_state; }

void qsbr_detached(bool detached) {
    if (!tl_qsbr) return;
    if (detached) {
        seal_batch();
        free_due_batches();
        tl_qsbr->seen.store(kOffline, std::memory_order_seq_cst);
    } else {
        tl_qsbr->seen.store(qsbr().sequence.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
        std::atomic_thread_fence(std::memory_order_seq_cst);
    }
}

namespace {

void qsbr_thread_start() {
    QsbrState& q = qsbr();
    auto* t = new QsbrThread();
    t->seen.store(q.sequence.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
    std::lock_guard<std::mutex> lock(q.mutex);
    q.threads.push_back(t);
    tl_qsbr = t;
}

// An exiting thread's batches wait on the orphan list for the others' quiescent states.
void qsbr_thread_exit() {
    if (!tl_qsbr) return;
    seal_batch();
    QsbrState& q = qsbr();
    std::lock_guard<std::mutex> lock(q.mutex);
    q.orphan_count.fetch_add(tl_sealed.size(), std::memory_order_relaxed);
    for (QsbrBatch& batch : tl_sealed) q.orphans.push_back(std::move(batch));
    tl_sealed.clear();
    std::erase(q.threads, tl_qsbr);
    delete std::exchange(tl_qsbr, nullptr);
}

// In the child of fork(): the other threads are gone (they read nothing any more), and the mutex
// may have been held by one of them.
void qsbr_after_fork() {
    QsbrState& q = qsbr();
    new (&q.mutex) std::mutex();
    std::erase_if(q.threads, [](QsbrThread* t) { return t != tl_qsbr; });
}

}  // namespace

bool refcount_merges_pending() { return g_owners_with_queued.load(std::memory_order_relaxed) > 0; }

void refcount_owner_detached(bool detached) {
    qsbr_detached(detached);
    if (tl_refcount_owner == kUnregisteredThread) return;
    MergeQueues& q = queues();
    std::lock_guard<std::mutex> lock(q.mutex);
    auto queue = q.by_owner.find(tl_refcount_owner);
    if (queue == q.by_owner.end()) return;  // after refcount_thread_exit: nothing queues for it
    bool changed =
        detached ? q.detached.insert(tl_refcount_owner).second : q.detached.erase(tl_refcount_owner) != 0;
    if (!changed || queue->second.empty()) return;
    g_owners_with_queued.fetch_add(detached ? -1 : 1, std::memory_order_relaxed);
    // Back from blocking with objects queued meanwhile: merged at this thread's next eval breaker.
    if (!detached) eval_breaker.raise();
}

void refcount_thread_start() {
    MergeQueues& q = queues();
    std::lock_guard<std::mutex> lock(q.mutex);
    tl_refcount_owner = q.next_id++;
    q.by_owner[tl_refcount_owner];
    g_signal[tl_refcount_owner] = &tl_has_queued;
    qsbr_thread_start();
}

void refcount_after_fork() {
    // Only the forking thread lives on in the child. The queue mutex may have been held by a thread
    // that no longer exists, so it is made anew. The dead threads' `local` counts are final: their
    // queued objects are merged here, and their other objects by whichever thread next drops a
    // reference to one (the owner is no longer in by_owner; see refcount_shared_dec).
    qsbr_after_fork();
    MergeQueues& q = queues();
    new (&q.mutex) std::mutex();
    std::vector<RefCountField*> orphans;
    for (auto& [owner, pending] : q.by_owner)
        if (owner != tl_refcount_owner) orphans.insert(orphans.end(), pending.begin(), pending.end());
    for (auto it = q.by_owner.begin(); it != q.by_owner.end();)
        it = it->first == tl_refcount_owner ? std::next(it) : q.by_owner.erase(it);
    for (auto it = g_signal.begin(); it != g_signal.end();)
        it = it->first == tl_refcount_owner ? std::next(it) : g_signal.erase(it);
    q.detached.clear();  // the forking thread runs attached in the child
    g_owners_with_queued.store(q.by_owner[tl_refcount_owner].empty() ? 0 : 1, std::memory_order_relaxed);
    for (RefCountField* rc : orphans) {
        if (merge(*rc, rc->local.load(std::memory_order_relaxed), 1)) g_merged_dealloc(rc);
    }
    // One thread again, none inside a critical section (the world was stopped for the fork): the
    // per-object locks are skipped until the child starts a thread of its own. A worker process
    // forked by a parent that had run threads (ProcessPoolExecutor after a ThreadPoolExecutor, in
    // bench/futures_map.py) otherwise paid for them on every list and dict operation.
    g_object_locks_on.store(false, std::memory_order_relaxed);
}

void refcount_thread_exit() {
    if (tl_refcount_owner == kUnregisteredThread) return;
    qsbr_thread_exit();
    std::vector<RefCountField*> pending;
    {
        MergeQueues& q = queues();
        std::lock_guard<std::mutex> lock(q.mutex);
        pending.swap(q.by_owner[tl_refcount_owner]);
        if (!pending.empty() && !q.detached.count(tl_refcount_owner))
            g_owners_with_queued.fetch_sub(1, std::memory_order_relaxed);
        q.by_owner.erase(tl_refcount_owner);
        q.detached.erase(tl_refcount_owner);
        g_signal.erase(tl_refcount_owner);
    }
    // From here on other threads merge this thread's objects themselves (see refcount_shared_dec).
    for (RefCountField* rc : pending) {
        if (merge(*rc, rc->local.load(std::memory_order_relaxed), 1)) g_merged_dealloc(rc);
    }
    tl_refcount_owner = kUnregisteredThread;
}

}  // namespace minipy

#endif  // MINIPY_FREE_THREADED
