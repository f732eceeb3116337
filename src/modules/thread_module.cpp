// thread_module.cpp — the native `_thread` module that stdlib/threading.py is built on: OS threads
// running Python callables, the lock type (a binary semaphore any thread may release, as CPython's), RLock,
// thread identities, and `_local`, whose attributes differ per thread.
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

#include "modules/registry.h"
#include "modules/signals.h"
#include "modules/sys_streams.h"
#include "modules/waits.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

using Args = Object* const*;

// CPython's value on Linux: the longest wait, in seconds, that lock timeouts accept.
constexpr double kTimeoutMax = 9223372036.0;

uint64_t current_ident() { return static_cast<uint64_t>(pthread_self()); }

// ---- threads ----

// What a new thread runs: `func(*args, **kwargs)`, owned by the thread from the start.
struct ThreadStart {
    Ref func, args, kwargs;
};

// Calls func(*args, **kwargs) through the vectorcall convention.
Ref call_with_tuple_and_dict(Object* func, Tuple* args, Dict* kwargs) {
    std::vector<Object*> values(args->items, args->items + args->size);
    if (!kwargs || dict_size(kwargs) == 0) return call(func, values.data(), values.size());
    Ref names = tuple_new(static_cast<size_t>(dict_size(kwargs)));
    std::vector<Ref> held;  // keeps the keyword values alive while the dict may change
    size_t n = 0;
    Object *k, *v;
    for (size_t pos = 0; dict_next(kwargs, &pos, &k, &v) && n < as_tuple(names.get())->size;) {
        as_tuple(names.get())->items[n++] = newref(k);
        held.push_back(Ref::borrow(v));
        values.push_back(v);
    }
    return call(func, values.data(), args->size, as_tuple(names.get()));
}

// An exception that escaped a raw _thread thread: CPython hands it to sys.unraisablehook, which
// prints this. (threading.Thread catches its own exceptions and calls threading.excepthook.)
void report_thread_exception(Object* func, Object* exc) {
    if (is_instance(exc, &SystemExit_type)) return;
    report_unraisable(" thread started by: " + repr_utf8(func), exc);
}

// Names this thread (for --trace) and its lane in the GIL timeline with threading.Thread's name,
// when the thread runs a Thread's _bootstrap (the bound method's __self__).
void name_trace_lane(Object* func) {
    try {
        Ref self = get_attr_opt(func, intern("__self__"));
        Ref name = self ? get_attr_opt(self.get(), intern("name")) : nullptr;
        if (!name || !is_str(name.get())) return;
        thread_state()->name = str_utf8_of(name.get());
        if (gil_trace_on()) gil_trace_name_thread(thread_state()->name);
    } catch (PyException& e) {
        e.take();  // an odd `name` leaves the default label
    }
}

void release_thread_locals();

void* thread_main(void* arg) {
    auto* start = static_cast<ThreadStart*>(arg);
    thread_begin();
    name_trace_lane(start->func.get());
    try {
        call_with_tuple_and_dict(start->func.get(), as_tuple(start->args.get()),
                                 start->kwargs ? as_dict(start->kwargs.get()) : nullptr);
    } catch (PyException& e) {
        Ref exc = e.take();
        try {
            report_thread_exception(start->func.get(), exc.get());
        } catch (PyException&) {
            // Nothing is left to report a failure of the report to.
        }
    }
    name_trace_lane(start->func.get());  // it may have been renamed meanwhile
    delete start;
    release_thread_locals();
    // The handled exception is let go while this thread may still touch objects.
    xdecref(std::exchange(thread_state()->exc_base.exc, nullptr));
    thread_end();
    return nullptr;
}

// Each thread gets an explicit C stack, so the recursion limit and the C-stack guard
// (runtime/thread_state.h) hold in threads as in the main thread, whatever the platform's default
// thread stack is. 8 MiB, the usual main-thread stack on Linux; _thread.stack_size() changes it.
constexpr size_t kDefaultThreadStack = size_t{8} << 20;
std::atomic<size_t> g_thread_stack_size{0};  // 0: the default above

Ref thread_start_new_thread(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("start_new_thread", nargs, kw, 2, 3);
    if (!type_of(args[0])->call) raise(&TypeError_type, "first arg must be callable");
    if (!is_instance(args[1], &tuple_type)) raise(&TypeError_type, "2nd arg must be a tuple");
    if (nargs == 3 && !is_instance(args[2], &dict_type)) {
        raise(&TypeError_type, "optional 3rd arg must be a dictionary");
    }
    auto* start = new ThreadStart{Ref::borrow(args[0]), Ref::borrow(args[1]),
                                  nargs == 3 ? Ref::borrow(args[2]) : Ref()};
    object_locks_enable();  // from now on two threads may share objects
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    size_t stack = g_thread_stack_size.load();
    pthread_attr_setstacksize(&attr, stack ? stack : kDefaultThreadStack);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    int err = pthread_create(&t, &attr, thread_main, start);
    pthread_attr_destroy(&attr);
    if (err != 0) {
        delete start;
        raise(&RuntimeError_type, "can't start new thread");
    }
    return int_from_i64(static_cast<int64_t>(static_cast<uint64_t>(t)));
}

// _thread.stack_size([size]): sets the stack size of threads started from now on (0, the default,
// when called without an argument, as CPython's) and returns the old one. CPython's limits: 0, or
// at least 32 KiB.
Ref thread_stack_size(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("stack_size", nargs, kw, 0, 1);
    int64_t size = nargs == 1 ? as_index(args[0]) : 0;
    if (size < 0) raise(&ValueError_type, "size must be 0 or a positive value");
    if (size != 0 && size < 32768)
        raise(&ValueError_type, "size not valid: " + std::to_string(size) + " bytes");
    return int_from_i64(static_cast<int64_t>(g_thread_stack_size.exchange(static_cast<size_t>(size))));
}

Ref thread_get_ident(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_ident", nargs, kw, 0, 0);
    return int_from_i64(static_cast<int64_t>(current_ident()));
}

Ref thread_get_native_id(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_native_id", nargs, kw, 0, 0);
    return int_from_i64(static_cast<int64_t>(syscall(SYS_gettid)));
}

Ref thread_count(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_count", nargs, kw, 0, 0);
    return int_from_i64(running_threads());
}

// threading.excepthook's default (CPython's _thread._excepthook): `args` carries exc_type,
// exc_value, exc_traceback and thread. SystemExit is ignored silently.
Ref thread_excepthook(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_excepthook", nargs, kw, 1, 1);
    Ref type = get_attr(args[0], intern("exc_type"));
    if (type.get() == &SystemExit_type) return Ref::borrow(None);
    Ref value = get_attr(args[0], intern("exc_value"));
    Ref thread = get_attr(args[0], intern("thread"));
    std::string name = thread.get() != None ? str_utf8(get_attr(thread.get(), intern("name")).get())
                                            : std::to_string(current_ident());
    std::string text = "Exception in thread " + name + ":\n";
    if (value.get() != None) text += format_exception(value.get());
    Object* err = sys_stderr();
    write_to_stream(err, text);
    flush_stream(err);
    return Ref::borrow(None);
}

// ---- locks ----

// What a lock wait is for, as the GIL timeline names it: Thread.join() and queue.Queue wait on
// locks too, a few Python frames up.
BlockReason lock_wait_reason() {
    if (!gil_trace_on()) return BlockReason::Lock;
    int depth = 0;
    for (Frame* f = thread_state()->frame; f && depth < 4; f = f->previous, ++depth) {
        if (f->code->name && f->code->name->utf8 == "join") return BlockReason::Join;
        const std::string& file = f->code->filename;
        if (file.size() >= 8 && file.compare(file.size() - 8, 8, "queue.py") == 0) return BlockReason::Queue;
    }
    return BlockReason::Lock;
}

Type lock_type;

struct LockObject : Object {
    std::mutex mutex;
    std::condition_variable released;
    bool locked = false;
};

LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }

Ref lock_new() {
    auto* l = new LockObject();
    init_header(l, &lock_type);
    return Ref::steal(l);
}

void lock_dealloc(Object* o) {
    weakrefs_clear(o);
    delete as_lock(o);
}

// Takes the lock; a wait lets go of the GIL. `timeout` < 0 waits for ever; Ctrl-C ends a wait on
// the main thread (waits.h). threading's join, Event, Condition and queue all wait here.
bool lock_take(LockObject* l, bool blocking, double timeout) {
    {
        std::lock_guard<std::mutex> guard(l->mutex);
        if (!l->locked) return l->locked = true;
    }
    if (!blocking) return false;
    return wait_interruptibly<TakeWhen::Woken>(
        l->mutex, l->released, timeout, lock_wait_reason(), [l] { return !l->locked; },
        [l] { l->locked = true; });
}

// The lock threading.Thread.join() waits on: held while the calling thread lives, released by
// thread_end() once the thread is completely done (CPython's _thread._set_sentinel).
Ref thread_set_sentinel(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_set_sentinel", nargs, kw, 0, 0);
    Ref lock = lock_new();
    lock_take(as_lock(lock.get()), false, -1);
    Object* held = newref(lock.get());
    thread_state()->at_exit = [held] {
        LockObject* l = as_lock(held);
        {
            std::lock_guard<std::mutex> guard(l->mutex);
            l->locked = false;
        }
        l->released.notify_all();
        decref(held);
    };
    return lock;
}

// acquire(blocking=True, timeout=-1)'s arguments, checked with CPython 3.11's texts (lock and RLock).
void acquire_args(Args args, size_t nargs, Tuple* kw, bool* blocking, double* timeout) {
    static const char* const kNames[] = {"blocking", "timeout"};
    Object* a[2] = {};
    bind_args("acquire", args + 1, nargs - 1, kw, kNames, 2, 0, a);
    *blocking = a[0] ? is_true(a[0]) : true;
    *timeout = a[1] ? to_double(a[1]) : -1;
    if (!*blocking && *timeout != -1)
        raise(&ValueError_type, "can't specify a timeout for a non-blocking call");
    if (*timeout < 0 && *timeout != -1) raise(&ValueError_type, "timeout value must be positive");
}

Ref lock_acquire(Object*, Args args, size_t nargs, Tuple* kw) {
    bool blocking;
    double timeout;
    acquire_args(args, nargs, kw, &blocking, &timeout);
    if (timeout > kTimeoutMax) raise(&OverflowError_type, "timeout value is too large");
    return Ref::borrow(bool_obj(lock_take(as_lock(args[0]), blocking, timeout)));
}

Ref lock_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(lock_take(as_lock(args[0]), true, -1)));
}

void lock_give(LockObject* l) {
    {
        std::lock_guard<std::mutex> guard(l->mutex);
        if (!l->locked) raise(&RuntimeError_type, "release unlocked lock");
        l->locked = false;
    }
    l->released.notify_one();
}

Ref lock_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs, kw, 1, 1);
    lock_give(as_lock(args[0]));
    return Ref::borrow(None);
}

Ref lock_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__exit__", nargs, kw, 1, 4);  // self, then the exception's type, value, traceback
    lock_give(as_lock(args[0]));
    return Ref::borrow(None);
}

Ref lock_locked(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("locked", nargs, kw, 1, 1);
    LockObject* l = as_lock(args[0]);
    std::lock_guard<std::mutex> guard(l->mutex);
    return Ref::borrow(bool_obj(l->locked));
}

// In a forked child, a lock that another thread of the parent held stays held for ever (that
// thread does not exist here): os.register_at_fork hooks call this to start it afresh, unlocked.
Ref lock_at_fork_reinit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_at_fork_reinit", nargs, kw, 1, 1);
    LockObject* l = as_lock(args[0]);
    new (&l->mutex) std::mutex();
    new (&l->released) std::condition_variable();
    l->locked = false;
    return Ref::borrow(None);
}

Ref lock_repr(Object* o) {
    LockObject* l = as_lock(o);
    bool locked;
    {
        std::lock_guard<std::mutex> guard(l->mutex);
        locked = l->locked;
    }
    return str_new(
        format("<%s _thread.lock object at %p>", locked ? "locked" : "unlocked", static_cast<void*>(o)));
}

Ref lock_construct(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("lock", nargs, kw, 0, 0);
    return lock_new();
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire,
     "Lock the lock; with blocking=False or a timeout, return whether it was taken."},
    {"acquire_lock", lock_acquire, "An obsolete synonym of acquire()."},
    {"release", lock_release,
     "Release the lock, allowing another thread that is blocked waiting for it to take it."},
    {"release_lock", lock_release, "An obsolete synonym of release()."},
    {"locked", lock_locked, "Return whether the lock is in the locked state."},
    {"_at_fork_reinit", lock_at_fork_reinit, "Reinitialize the lock in a forked child, unlocked."},
    {"__enter__", lock_enter, "Lock the lock."},
    {"__exit__", lock_exit, "Release the lock."},
    {nullptr, nullptr, nullptr},
};

// _thread.RLock: a lock its owner may take again, released when each acquire has its release
// (CPython's C RLock, which functools and CPython's threading use). The owner is read by other
// threads (is it me?), so it is atomic; the count is only touched by the owner.
Type rlock_type;

struct RLockObject : Object {
    Ref lock;  // a plain lock, held while any thread owns this one
    std::atomic<uint64_t> owner{0};
    uint64_t count = 0;
};

RLockObject* as_rlock(Object* o) { return static_cast<RLockObject*>(o); }

Ref rlock_construct(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("RLock", nargs, kw, 0, 0);
    auto* r = new RLockObject();
    init_header(r, &rlock_type);
    r->lock = lock_new();
    return Ref::steal(r);
}

bool rlock_take(RLockObject* r, bool blocking, double timeout) {
    uint64_t me = current_ident();
    if (r->owner.load() == me) {
        ++r->count;
        return true;
    }
    if (!lock_take(as_lock(r->lock.get()), blocking, timeout)) return false;
    r->owner.store(me);
    r->count = 1;
    return true;
}

Ref rlock_acquire(Object*, Args args, size_t nargs, Tuple* kw) {
    bool blocking;
    double timeout;
    acquire_args(args, nargs, kw, &blocking, &timeout);
    return Ref::borrow(bool_obj(rlock_take(as_rlock(args[0]), blocking, timeout)));
}

void rlock_give(RLockObject* r) {
    if (r->owner.load() != current_ident()) raise(&RuntimeError_type, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner.store(0);
        lock_give(as_lock(r->lock.get()));
    }
}

Ref rlock_release(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("release", nargs, kw, 1, 1);
    rlock_give(as_rlock(args[0]));
    return Ref::borrow(None);
}

Ref rlock_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(rlock_take(as_rlock(args[0]), true, -1)));
}

Ref rlock_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__exit__", nargs, kw, 1, 4);
    rlock_give(as_rlock(args[0]));
    return Ref::borrow(None);
}

Ref rlock_is_owned(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_is_owned", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(as_rlock(args[0])->owner.load() == current_ident()));
}

// threading.Condition's wait: let go of every level at once, and take them all back after.
Ref rlock_release_save(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_release_save", nargs, kw, 1, 1);
    RLockObject* r = as_rlock(args[0]);
    if (r->count == 0 || r->owner.load() != current_ident())
        raise(&RuntimeError_type, "cannot release un-acquired lock");
    Ref count = int_from_i64(static_cast<int64_t>(r->count));
    Ref owner = int_from_i64(static_cast<int64_t>(r->owner.load()));
    r->count = 0;
    r->owner.store(0);
    lock_give(as_lock(r->lock.get()));
    Object* items[2] = {count.get(), owner.get()};
    return tuple_from(items, 2);
}

Ref rlock_acquire_restore(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_acquire_restore", nargs, kw, 2, 2);
    RLockObject* r = as_rlock(args[0]);
    if (type_of(args[1]) != &tuple_type || as_tuple(args[1])->size != 2)
        raise(&TypeError_type, "_acquire_restore() argument 1 must be tuple");
    int64_t count = as_index(as_tuple(args[1])->items[0]);
    int64_t owner = as_index(as_tuple(args[1])->items[1]);
    lock_take(as_lock(r->lock.get()), true, -1);
    r->owner.store(static_cast<uint64_t>(owner));
    r->count = static_cast<uint64_t>(count);
    return Ref::borrow(None);
}

Ref rlock_repr(Object* o) {
    RLockObject* r = as_rlock(o);
    uint64_t owner = r->owner.load();
    return str_new(format("<%s _thread.RLock object owner=%llu count=%llu at %p>",
                          owner ? "locked" : "unlocked", static_cast<unsigned long long>(owner),
                          static_cast<unsigned long long>(owner ? r->count : 0), static_cast<void*>(o)));
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, "Lock the lock; the owner may lock it again, each acquire needing a release."},
    {"release", rlock_release, "Release the lock once; it is free again after as many releases as acquires."},
    {"__enter__", rlock_enter, "Lock the lock."},
    {"__exit__", rlock_exit, "Release the lock."},
    {"_is_owned", rlock_is_owned, "For internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, "For internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, "For internal use by `threading.Condition`."},
    {nullptr, nullptr, nullptr},
};

Ref thread_allocate_lock(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("allocate_lock", nargs, kw, 0, 0);
    return lock_new();
}

// ---- _local: one attribute dict per thread ----

Type local_type;

// Every thread that touches a _local gets a number never given to another thread, so a dict is
// never found by a later thread that happens to reuse an OS thread id.
uint64_t thread_serial() {
    static std::atomic<uint64_t> next{1};
    thread_local uint64_t serial = next.fetch_add(1, std::memory_order_relaxed);
    return serial;
}

// A container for the cycle collector: its attributes may refer back to it.
struct LocalObject : Object {
    MINIPY_GC_ALLOCATED
    std::mutex mutex;
    std::unordered_map<uint64_t, Dict*> dicts;  // each owned
    // For a subclass with an __init__: the arguments the object was made with (the positional
    // values, then the keyword values named by init_kwnames). As in CPython, __init__ runs again
    // with them the first time each other thread looks at the object.
    Ref init_args;
    Ref init_kwnames;
};

LocalObject* as_local(Object* o) { return static_cast<LocalObject*>(o); }

// The _local objects each thread has a dict in, by thread serial: a thread's dicts are freed as it
// ends, as CPython's are (its attributes do not outlive it).
struct LocalRegistry {
    std::mutex lock;
    std::unordered_map<uint64_t, std::vector<LocalObject*>> by_thread;
};
LocalRegistry g_locals;

// An ending thread takes a reference to the local it finds here without holding one already: its
// count must let refcount_try_inc tell a live local from a dying one (minipy-ft).
void register_local(LocalObject* l, uint64_t serial) {
    refcount_mark_maybe_shared(l->refcnt);
    std::lock_guard<std::mutex> guard(g_locals.lock);
    g_locals.by_thread[serial].push_back(l);
}

// A local's dicts are going: it leaves the registry for each of their threads.
void unregister_local(LocalObject* l, const std::unordered_map<uint64_t, Dict*>& dicts) {
    std::lock_guard<std::mutex> guard(g_locals.lock);
    for (const auto& [serial, d] : dicts) {
        auto it = g_locals.by_thread.find(serial);
        if (it == g_locals.by_thread.end()) continue;
        std::erase(it->second, l);
        if (it->second.empty()) g_locals.by_thread.erase(it);
    }
}

// The ending thread's dict in every _local still alive (one being freed by another thread frees it).
void release_thread_locals() {
    uint64_t serial = thread_serial();
    std::vector<Ref> locals;
    {
        std::lock_guard<std::mutex> guard(g_locals.lock);
        auto it = g_locals.by_thread.find(serial);
        if (it == g_locals.by_thread.end()) return;
        for (LocalObject* l : it->second)
            if (refcount_try_inc(l->refcnt)) locals.push_back(Ref::steal(l));
        g_locals.by_thread.erase(it);
    }
    for (Ref& r : locals) {
        LocalObject* l = as_local(r.get());
        Dict* d = nullptr;
        {
            std::lock_guard<std::mutex> guard(l->mutex);
            auto it = l->dicts.find(serial);
            if (it == l->dicts.end()) continue;
            d = it->second;
            l->dicts.erase(it);
        }
        decref(d);
    }
}

// The collector runs with every other thread stopped: the dicts are read without the lock.
void local_traverse(Object* o, VisitProc visit, void* arg) {
    LocalObject* l = as_local(o);
    for (auto& [serial, d] : l->dicts) visit(d, arg);
    if (l->init_args) visit(l->init_args.get(), arg);
}

void local_clear(Object* o) {
    LocalObject* l = as_local(o);
    std::unordered_map<uint64_t, Dict*> dicts;
    {
        std::lock_guard<std::mutex> guard(l->mutex);
        dicts.swap(l->dicts);
    }
    unregister_local(l, dicts);
    for (auto& [serial, d] : dicts) decref(d);
    Ref args = std::move(l->init_args);
}

void local_dealloc(Object* o) {
    weakrefs_clear(o);
    local_clear(o);
    delete as_local(o);
}

// The calling thread's attribute dict, made on first use (running a subclass's __init__ then).
Dict* local_dict(Object* o) {
    LocalObject* l = as_local(o);
    Dict* d;
    bool fresh;
    uint64_t serial = thread_serial();
    {
        std::lock_guard<std::mutex> guard(l->mutex);
        Dict*& slot = l->dicts[serial];
        fresh = slot == nullptr;
        if (fresh) slot = as_dict(dict_new().release());
        d = slot;
    }
    if (fresh) register_local(l, serial);
    if (fresh && l->init_args) {
        Tuple* args = as_tuple(l->init_args.get());
        Tuple* kwnames = l->init_kwnames ? as_tuple(l->init_kwnames.get()) : nullptr;
        size_t nkw = kwnames ? kwnames->size : 0;
        Ref init = get_attr(o, intern("__init__"));
        call(init.get(), args->items, args->size - nkw, kwnames);
    }
    return d;
}

Ref local_getattr(Object* o, Str* name) {
    if (Object* v = dict_get_str(local_dict(o), name)) return Ref::borrow(v);
    if (name->utf8 == "__dict__") return Ref::borrow(local_dict(o));
    return generic_getattr(o, name);
}

void local_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 == "__dict__")
        raise(&AttributeError_type,
              format("'%s' object attribute '__dict__' is read-only", type_of(o)->name.c_str()));
    Dict* d = local_dict(o);
    if (value) {
        dict_set(d, name, value);
    } else if (!dict_del(d, name)) {
        raise_no_attribute(o, name);
    }
}

// _local() or a subclass's instance; the making thread's dict exists from the start, so the
// __init__ that the class call runs next is not run a second time for it.
Ref local_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    bool has_init = t != &local_type && static_cast<bool>(user_init(t));
    size_t nkw = kw ? kw->size : 0;
    if ((nargs || nkw) && !has_init) raise(&TypeError_type, "Initialization arguments are not supported");
    auto* l = new LocalObject();
    init_header(l, t);
    Ref self = Ref::steal(l);
    if (has_init) {
        l->init_args = tuple_from(args, nargs + nkw);
        if (nkw) l->init_kwnames = Ref::borrow(kw);
    }
    l->dicts[thread_serial()] = as_dict(dict_new().release());
    register_local(l, thread_serial());
    return self;
}

// interrupt_main(signum=SIGINT): the main thread gets the signal, as if it had arrived.
Ref thread_interrupt_main(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"signum"};
    Object* a[1] = {};
    bind_args("interrupt_main", args, nargs, kw, kNames, 1, 0, a);
    simulate_signal(a[0] ? as_index(a[0]) : SIGINT);
    return Ref::borrow(None);
}

const MethodDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread,
     "Start a new thread running function(*args, **kwargs); return its identifier."},
    {"start_new", thread_start_new_thread, "An obsolete synonym of start_new_thread()."},
    {"stack_size", thread_stack_size,
     "Return the thread stack size used when creating new threads; set it with an argument."},
    {"allocate_lock", thread_allocate_lock, "Create a new lock object."},
    {"allocate", thread_allocate_lock, "An obsolete synonym of allocate_lock()."},
    {"get_ident", thread_get_ident, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, "Return the native integral thread ID assigned by the kernel."},
    {"_set_sentinel", thread_set_sentinel, "Return a lock released when the calling thread ends."},
    {"_excepthook", thread_excepthook, "Handle an exception that escaped Thread.run()."},
    {"interrupt_main", thread_interrupt_main,
     "Simulate the arrival of the given signal in the main thread, where the corresponding signal "
     "handler will be executed."},
    {"_count", thread_count, "Return the number of currently running threads started by this module."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    lock_type.name = "lock";
    lock_type.instance_size = sizeof(LockObject);
    lock_type.dealloc = lock_dealloc;
    lock_type.repr = lock_repr;
    lock_type.construct = lock_construct;
    lock_type.methods = kLockMethods;
    init_type(&lock_type);
    allow_weak_references(&lock_type);
    rlock_type.name = "_thread.RLock";
    rlock_type.instance_size = sizeof(RLockObject);
    rlock_type.dealloc = [](Object* o) {
        weakrefs_clear(o);
        delete as_rlock(o);
    };
    rlock_type.repr = rlock_repr;
    rlock_type.construct = rlock_construct;
    rlock_type.methods = kRLockMethods;
    init_type(&rlock_type);
    allow_weak_references(&rlock_type);
    local_type.name = "_thread._local";
    local_type.instance_size = sizeof(LocalObject);
    local_type.dealloc = local_dealloc;
    local_type.traverse = local_traverse;
    local_type.clear = local_clear;
    local_type.getattr = local_getattr;
    local_type.setattr = local_setattr;
    local_type.construct = local_construct;
    local_type.instance_dict = local_dict;
    local_type.is_basetype = true;
    local_type.constructs_subclasses = true;
    allow_weak_references(&local_type);
    init_type(&local_type);
}

}  // namespace

Ref init_thread_module() {
    static bool types_ready = false;
    if (!types_ready) {
        init_types();
        types_ready = true;
    }
    Ref module = native_module_new("_thread", kThreadFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("LockType"), &lock_type);
    dict_set(d, intern("RLock"), &rlock_type);
    dict_set(d, intern("_local"), &local_type);
    dict_set(d, intern("error"), &RuntimeError_type);
    dict_set(d, intern("TIMEOUT_MAX"), float_new(kTimeoutMax).get());
    return module;
}

}  // namespace minipy
