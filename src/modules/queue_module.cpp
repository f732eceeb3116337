// queue_module.cpp — the native `_queue` that CPython's queue.py imports: SimpleQueue, an unbounded
// FIFO whose get() may wait (without the GIL, cut short by Ctrl-C: waits.h), and the Empty error.
// queue.Queue, LifoQueue and PriorityQueue stay CPython's pure-Python classes.
#include <condition_variable>
#include <deque>
#include <mutex>

#include "modules/exception_class.h"
#include "modules/registry.h"
#include "modules/seconds.h"
#include "modules/waits.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type simple_queue_type;
Object* g_empty = nullptr;  // _queue.Empty

// Every item is owned. `mutex` guards `items`: a waiting get() tests for an item under it without
// the GIL, so everything that reads or changes the items (the collector's traverse too) takes it.
// The item itself is taken only with the GIL (waits.h's TakeWhen::Attached).
struct SimpleQueue : Object {
    MINIPY_GC_ALLOCATED
    std::mutex mutex;
    std::condition_variable not_empty;
    std::deque<Object*> items;
};

SimpleQueue* as_queue(Object* o) { return static_cast<SimpleQueue*>(o); }

std::deque<Object*> take_items(SimpleQueue* q) {
    std::lock_guard<std::mutex> guard(q->mutex);
    return std::move(q->items);
}

void release_items(const std::deque<Object*>& items) {
    for (Object* o : items) decref(o);
}

void queue_dealloc(Object* o) {
    weakrefs_clear(o);
    release_items(take_items(as_queue(o)));
    delete as_queue(o);
}

void queue_traverse(Object* o, VisitProc visit, void* arg) {
    SimpleQueue* q = as_queue(o);
    std::lock_guard<std::mutex> guard(q->mutex);
    for (Object* item : q->items) visit(item, arg);
}

void queue_clear(Object* o) { release_items(take_items(as_queue(o))); }

Ref queue_construct(Object* type, Args, size_t nargs, Tuple* kw) {
    if (nargs) raise(&TypeError_type, "SimpleQueue() takes no positional arguments");
    if (kw && kw->size) raise(&TypeError_type, "SimpleQueue() takes no keyword arguments");
    auto* q = new SimpleQueue();
    init_header(q, static_cast<Type*>(type));
    return Ref::steal(q);
}

void put_item(SimpleQueue* q, Object* item) {
    {
        std::lock_guard<std::mutex> guard(q->mutex);
        q->items.push_back(newref(item));
    }
    q->not_empty.notify_one();
}

// put(item, block=True, timeout=None): never blocks (the queue has no bound); block and timeout are
// there for queue.Queue's signature.
Ref queue_put(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"item", "block", "timeout"};
    Object* a[3] = {};
    bind_args("put", args + 1, nargs - 1, kw, kNames, 3, 1, a);
    put_item(as_queue(args[0]), a[0]);
    return Ref::borrow(None);
}

Ref queue_put_nowait(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"item"};
    Object* a[1] = {};
    bind_args("put_nowait", args + 1, nargs - 1, kw, kNames, 1, 1, a);
    put_item(as_queue(args[0]), a[0]);
    return Ref::borrow(None);
}

// The first item, waiting up to `timeout` seconds for one (< 0: for ever); Empty when none came.
Ref get_item(SimpleQueue* q, double timeout) {
    Object* item = nullptr;
    auto ready = [q] { return !q->items.empty(); };
    auto take = [q, &item] {
        item = q->items.front();
        q->items.pop_front();
    };
    {
        std::lock_guard<std::mutex> guard(q->mutex);
        if (ready()) take();
    }
    if (!item && (timeout == 0 || !wait_interruptibly<TakeWhen::Attached>(q->mutex, q->not_empty, timeout,
                                                                          BlockReason::Queue, ready, take)))
        raise_object(call(g_empty, nullptr, 0));
    return Ref::steal(item);
}

// get(block=True, timeout=None), with CPython's checks of timeout (only when blocking).
Ref queue_get(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"block", "timeout"};
    Object* a[2] = {};
    bind_args("get", args + 1, nargs - 1, kw, kNames, 2, 0, a);
    double timeout = -1;
    if (a[0] && !is_true(a[0])) {
        timeout = 0;
    } else if (a[1] && a[1] != None) {
        timeout = seconds_value(a[1]);
        if (!(timeout >= 0)) raise(&ValueError_type, "'timeout' must be a non-negative number");
    }
    return get_item(as_queue(args[0]), timeout);
}

Ref queue_get_nowait(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_nowait", nargs - 1, kw, 0, 0);
    return get_item(as_queue(args[0]), 0);
}

size_t queue_size(Object* o) {
    SimpleQueue* q = as_queue(o);
    std::lock_guard<std::mutex> guard(q->mutex);
    return q->items.size();
}

Ref queue_empty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("empty", nargs - 1, kw, 0, 0);
    return Ref::borrow(bool_obj(queue_size(args[0]) == 0));
}

Ref queue_qsize(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("qsize", nargs - 1, kw, 0, 0);
    return int_from_i64(static_cast<int64_t>(queue_size(args[0])));
}

const MethodDef kSimpleQueueMethods[] = {
    {"put", queue_put,
     "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, as this method "
     "never blocks.  They are provided for compatibility with the Queue class."},
    {"put_nowait", queue_put_nowait,
     "Put an item into the queue without blocking.\n\nThis is exactly equivalent to `put(item, block=False)` "
     "and "
     "is only provided\nfor compatibility with the Queue class."},
    {"get", queue_get,
     "Remove and return an item from the queue.\n\nIf optional args 'block' is true and 'timeout' is None "
     "(the "
     "default),\nblock if necessary until an item is available. If 'timeout' is\na non-negative number, it "
     "blocks at most 'timeout' seconds and raises\nthe Empty exception if no item was available within that "
     "time.\nOtherwise ('block' is false), return an item if one is immediately\navailable, else raise the "
     "Empty exception ('timeout' is ignored\nin that case)."},
    {"get_nowait", queue_get_nowait,
     "Remove and return an item from the queue without blocking.\n\nOnly get an item if one is immediately "
     "available. Otherwise\nraise the Empty exception."},
    {"empty", queue_empty, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"qsize", queue_qsize, "Return the approximate size of the queue (not reliable!)."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kQueueFunctions[] = {
    {nullptr, nullptr, nullptr},
};

void init_simple_queue_type() {
    Type& t = simple_queue_type;
    t.name = "_queue.SimpleQueue";
    t.instance_size = sizeof(SimpleQueue);
    t.dealloc = queue_dealloc;
    t.traverse = queue_traverse;
    t.clear = queue_clear;
    t.construct = queue_construct;
    t.methods = kSimpleQueueMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    dict_set(t.dict, intern("__doc__"), str_new("Simple, unbounded, reentrant FIFO queue.").get());
    allow_weak_references(&t);
    add_class_getitem(&t);
    g_empty = new_exception_class("_queue", "Empty", {&Exception_type}).release();
    dict_set(static_cast<Type*>(g_empty)->dict, intern("__doc__"),
             str_new("Exception raised by Queue.get(block=0)/get_nowait().").get());
}

}  // namespace

Ref init_queue_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_simple_queue_type);
    Ref module = native_module_new("_queue", kQueueFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("SimpleQueue"), &simple_queue_type);
    dict_set(d, intern("Empty"), g_empty);
    dict_set(d, intern("__doc__"),
             str_new("C implementation of the Python queue module.\nThis module is an "
                     "implementation detail, please do not use it directly.")
                 .get());
    return module;
}

}  // namespace minipy
