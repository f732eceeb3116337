// asyncio_module.cpp — the native `_asyncio` that CPython's asyncio takes Future, Task, the running-loop
// functions and the task registry from (CPython's Modules/_asynciomodule.c, 3.11 behaviour and texts).
// asyncio's own pure-Python Future and Task run on minipy too, but every await, wake-up and step of a
// task then runs tens of Python lines: with these, 10,000 tasks sleeping at once finish in about half
// the time (bench/asyncio_sleep.py).
#include <unistd.h>

#include <atomic>
#include <utility>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/generator.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type future_type, future_iter_type, task_type;

// ---- what the module borrows from asyncio's Python side ----

// An attribute of a Python module, imported on first use and kept: the C accelerator in CPython
// imports these lazily too, since `_asyncio` is itself imported half-way through asyncio's import.
// Two threads may race to fill a slot; both find the same object and the loser's reference goes.
Object* asyncio_attr(std::atomic<Object*>& slot, const char* module, const char* name) {
    if (Object* o = slot.load(std::memory_order_acquire)) return o;
    Ref from_name = str_new(name);
    Object* names[1] = {from_name.get()};
    Ref m = import_module_level(intern(module), tuple_from(names, 1).get(), 0, nullptr);
    Ref value = get_attr(m.get(), intern(name));
    Object* expected = nullptr;
    if (slot.compare_exchange_strong(expected, value.get(), std::memory_order_acq_rel))
        return value.release();
    return expected;
}

#define MINIPY_ASYNCIO_ATTR(fn, module, name)      \
    Object* fn() {                                 \
        static std::atomic<Object*> slot{nullptr}; \
        return asyncio_attr(slot, module, name);   \
    }
MINIPY_ASYNCIO_ATTR(cancelled_error, "asyncio.exceptions", "CancelledError")
MINIPY_ASYNCIO_ATTR(invalid_state_error, "asyncio.exceptions", "InvalidStateError")
MINIPY_ASYNCIO_ATTR(future_repr_fn, "asyncio.base_futures", "_future_repr")
MINIPY_ASYNCIO_ATTR(future_repr_info_fn, "asyncio.base_futures", "_future_repr_info")
MINIPY_ASYNCIO_ATTR(task_repr_fn, "asyncio.base_tasks", "_task_repr")
MINIPY_ASYNCIO_ATTR(task_repr_info_fn, "asyncio.base_tasks", "_task_repr_info")
MINIPY_ASYNCIO_ATTR(task_get_stack_fn, "asyncio.base_tasks", "_task_get_stack")
MINIPY_ASYNCIO_ATTR(task_print_stack_fn, "asyncio.base_tasks", "_task_print_stack")
MINIPY_ASYNCIO_ATTR(iscoroutine_fn, "asyncio.coroutines", "iscoroutine")
MINIPY_ASYNCIO_ATTR(get_event_loop_policy_fn, "asyncio.events", "get_event_loop_policy")
MINIPY_ASYNCIO_ATTR(extract_stack_fn, "asyncio.format_helpers", "extract_stack")
MINIPY_ASYNCIO_ATTR(copy_context_fn, "contextvars", "copy_context")
MINIPY_ASYNCIO_ATTR(getframe_fn, "sys", "_getframe")
#undef MINIPY_ASYNCIO_ATTR

// The registry of tasks: a weakref.WeakSet of all tasks and the dict {loop: running task}, made when
// the module is, and published as `_all_tasks` and `_current_tasks`.
Object* g_all_tasks = nullptr;
Dict* g_current_tasks = nullptr;

// The keyword names of `loop.call_soon(callback, *args, context=ctx)`.
Tuple* context_kwname() {
    static Tuple* const names = [] {
        Object* name = intern("context");
        Ref t = tuple_from(&name, 1);
        make_immortal(t.get());
        return as_tuple(t.release());
    }();
    return names;
}

[[noreturn]] void raise_with_type(Object* type, Object* arg) {
    raise_object(arg ? call1(type, arg) : call0(type));
}

// ---- Future ----

enum class FutureState : uint8_t { Pending, Cancelled, Finished };

// A callback and the context it runs in, both owned.
struct Callback {
    Object* fn;
    Object* context;
};

struct FutureObj : Object {
    MINIPY_GC_ALLOCATED
    // Guards the fields: asyncio's futures are not thread-safe, but two threads misusing one must
    // not free a value twice (minipy-ft).
    ObjectMutex mutex;
    FutureState state = FutureState::Pending;
    bool blocking = false;       // _asyncio_future_blocking: set by __await__ before it yields self
    bool log_traceback = false;  // an exception was set and nobody has looked at it yet
    Object* loop = nullptr;      // every Object* field owned or null
    std::vector<Callback> callbacks;
    Object* result = nullptr;
    Object* exception = nullptr;
    Object* exception_tb = nullptr;
    Object* source_traceback = nullptr;
    Object* cancel_message = nullptr;
    Object* cancelled_exc = nullptr;  // the CancelledError a task caught, to chain later
    Dict* dict = nullptr;             // instance attributes
};

struct TaskObj : FutureObj {
    Object* coro = nullptr;
    Object* fut_waiter = nullptr;
    Object* context = nullptr;
    Object* name = nullptr;
    bool must_cancel = false;
    bool log_destroy_pending = true;
    int64_t num_cancels_requested = 0;
};

FutureObj* as_future(Object* o) { return static_cast<FutureObj*>(o); }
TaskObj* as_task(Object* o) { return static_cast<TaskObj*>(o); }
bool is_task(Object* o) { return is_instance(o, &task_type); }
// Exactly a Future or a Task: C++ may then use their fields directly instead of their methods.
bool is_exact_future(Object* o) { return type_of(o) == &future_type || type_of(o) == &task_type; }

template <typename T, typename Owner>
Ref read_field(T* f, Object* Owner::*field) {
    CriticalSection cs(f->mutex);
    return Ref::borrow(f->*field);
}

// Stores `value` (borrowed; null clears) and releases the old value once the lock is given back.
template <typename T, typename Owner>
void store_field(T* f, Object* Owner::*field, Object* value) {
    Object* old;
    {
        CriticalSection cs(f->mutex);
        old = std::exchange(f->*field, value ? newref(value) : nullptr);
    }
    xdecref(old);
}

Ref or_none(Ref r) { return r ? std::move(r) : Ref::borrow(None); }

FutureState state_of(FutureObj* f) {
    CriticalSection cs(f->mutex);
    return f->state;
}

Str* state_name(FutureState s) {
    static Str* const kNames[] = {intern("PENDING"), intern("CANCELLED"), intern("FINISHED")};
    return kNames[static_cast<int>(s)];
}

Ref future_loop(FutureObj* f) {
    Ref loop = read_field(f, &FutureObj::loop);
    if (!loop) raise(&RuntimeError_type, "Future object is not initialized.");
    return loop;
}

// loop.call_soon(fn, arg, context=ctx); `arg` and `ctx` may be null.
void call_soon(Object* loop, Object* fn, Object* arg, Object* ctx) {
    static Str* const kCallSoon = intern("call_soon");
    Ref method = get_attr(loop, kCallSoon);
    Object* args[3];
    size_t n = 0;
    args[n++] = fn;
    if (arg) args[n++] = arg;
    if (ctx) {
        args[n] = ctx;
        call(method.get(), args, n, context_kwname());
    } else {
        call(method.get(), args, n);
    }
}

// Asks the loop to call each callback with the future, and forgets them (__schedule_callbacks).
void schedule_callbacks(FutureObj* f) {
    std::vector<Callback> callbacks;
    Ref loop;
    {
        CriticalSection cs(f->mutex);
        callbacks.swap(f->callbacks);
        loop = Ref::borrow(f->loop);
    }
    struct Release {
        std::vector<Callback>& list;
        ~Release() {
            for (Callback& c : list) {
                decref(c.fn);
                decref(c.context);
            }
        }
    } release{callbacks};
    for (Callback& c : callbacks) call_soon(loop.get(), c.fn, f, c.context);
}

[[noreturn]] void raise_invalid_state() {
    Ref message = str_new("invalid state");
    raise_with_type(invalid_state_error(), message.get());
}

// Marks a pending future finished by `finish` (run under its lock); raises InvalidStateError
// when it is done already.
template <typename Finish>
void future_finish(FutureObj* f, Finish&& finish) {
    bool was_pending;
    {
        CriticalSection cs(f->mutex);
        was_pending = f->state == FutureState::Pending;
        if (was_pending) {
            finish();
            f->state = FutureState::Finished;
        }
    }
    if (!was_pending) raise_invalid_state();
    schedule_callbacks(f);
}

void future_set_result(FutureObj* f, Object* value) {
    future_finish(f, [&] { xdecref(std::exchange(f->result, newref(value))); });
}

void future_set_exception(FutureObj* f, Object* exception) {
    if (state_of(f) != FutureState::Pending) raise_invalid_state();
    Ref exc = Ref::borrow(exception);
    if (is_type(exception) && is_subtype(static_cast<Type*>(exception), &BaseException_type)) {
        exc = call0(exception);
        if (!is_exception_instance(exc.get())) raise(&TypeError_type, "invalid exception object");
    } else if (!is_exception_instance(exception)) {
        raise(&TypeError_type, "invalid exception object");
    }
    if (type_of(exc.get()) == &StopIteration_type)
        raise(&TypeError_type,
              "StopIteration interacts badly with generators and cannot be raised into a Future");
    Object* tb = static_cast<BaseExceptionObject*>(exc.get())->traceback;
    future_finish(f, [&] {
        xdecref(std::exchange(f->exception, newref(exc.get())));
        xdecref(std::exchange(f->exception_tb, tb ? newref(tb) : nullptr));
        f->log_traceback = true;
    });
}

// The CancelledError to raise for a cancelled future: the one a task saved, or a new one carrying the
// cancel message (Future._make_cancelled_error).
Ref make_cancelled_error(FutureObj* f) {
    Object* saved;
    {
        CriticalSection cs(f->mutex);
        saved = std::exchange(f->cancelled_exc, nullptr);
    }
    if (saved) return Ref::steal(saved);
    Ref message = read_field(f, &FutureObj::cancel_message);
    return message ? call1(cancelled_error(), message.get()) : call0(cancelled_error());
}

bool future_cancel(FutureObj* f, Object* message) {
    {
        CriticalSection cs(f->mutex);
        f->log_traceback = false;
        if (f->state != FutureState::Pending) return false;
        f->state = FutureState::Cancelled;
        xdecref(std::exchange(f->cancel_message, message && message != None ? newref(message) : nullptr));
    }
    schedule_callbacks(f);
    return true;
}

// result(): the value, or raises the exception set or CancelledError.
Ref future_result(FutureObj* f) {
    FutureState s = state_of(f);
    if (s == FutureState::Cancelled) raise_object(make_cancelled_error(f));
    if (s != FutureState::Finished) {
        Ref message = str_new("Result is not set.");
        raise_with_type(invalid_state_error(), message.get());
    }
    Ref exc, tb;
    {
        CriticalSection cs(f->mutex);
        f->log_traceback = false;
        if (!f->exception) return Ref::borrow(f->result ? f->result : None);
        exc = Ref::borrow(f->exception);
        tb = Ref::borrow(f->exception_tb);
    }
    // raise exc.with_traceback(tb): the traceback it had when it was set.
    auto* e = static_cast<BaseExceptionObject*>(exc.get());
    xdecref(std::exchange(e->traceback, tb.release()));
    raise_object(std::move(exc));
}

// add_done_callback(fn, context=None): kept until the future is done (with a copy of the current
// context when none is given), or scheduled at once if it is done already.
void add_done_callback(FutureObj* f, Object* fn, Object* context) {
    Ref ctx = context && context != None ? Ref::borrow(context) : nullptr;
    if (state_of(f) == FutureState::Pending) {
        if (!ctx) ctx = call0(copy_context_fn());
        CriticalSection cs(f->mutex);
        if (f->state == FutureState::Pending) {
            f->callbacks.push_back({newref(fn), ctx.release()});
            return;
        }
    }
    Ref loop = future_loop(f);
    call_soon(loop.get(), fn, f, ctx ? ctx.get() : None);
}

Ref event_loop();

// Future.__init__(loop): the given loop or the current one; a traceback of the creation when the
// loop is in debug mode.
void future_init_fields(FutureObj* f, Object* loop) {
    Ref chosen = loop && loop != None ? Ref::borrow(loop) : event_loop();
    store_field(f, &FutureObj::loop, chosen.get());
    Ref debug = call0(get_attr(chosen.get(), intern("get_debug")).get());
    if (is_true(debug.get())) {
        Ref frame = call1(getframe_fn(), make_small_int(0));
        Ref stack = call1(extract_stack_fn(), frame.get());
        store_field(f, &FutureObj::source_traceback, stack.get());
    }
}

// Drops everything a future holds: for the clear slot and dealloc, and but for its attributes'
// dict, for __init__ (a derived class's __init__ may set attributes before it calls Future's).
void future_clear_fields(FutureObj* f, bool with_dict) {
    std::vector<Object*> old;
    std::vector<Callback> callbacks;
    Dict* dict = nullptr;
    {
        CriticalSection cs(f->mutex);
        for (Object** field : {&f->loop, &f->result, &f->exception, &f->exception_tb, &f->source_traceback,
                               &f->cancel_message, &f->cancelled_exc})
            old.push_back(std::exchange(*field, nullptr));
        callbacks.swap(f->callbacks);
        if (with_dict) dict = std::exchange(f->dict, nullptr);
    }
    for (Object* o : old) xdecref(o);
    for (Callback& c : callbacks) {
        decref(c.fn);
        decref(c.context);
    }
    xdecref(dict);
}

void task_clear_fields(TaskObj* t) {
    std::vector<Object*> old;
    {
        CriticalSection cs(t->mutex);
        for (Object** field : {&t->coro, &t->fut_waiter, &t->context, &t->name})
            old.push_back(std::exchange(*field, nullptr));
    }
    for (Object* o : old) xdecref(o);
}

// ---- the module's task registry ----

void register_task(Object* task) { call1(get_attr(g_all_tasks, intern("add")).get(), task); }

void enter_task(Object* loop, Object* task) {
    if (Ref current = dict_get_ref(g_current_tasks, loop))
        raise(&RuntimeError_type, "Cannot enter into task " + repr_utf8(task) + " while another task " +
                                      repr_utf8(current.get()) + " is being executed.");
    dict_set(g_current_tasks, loop, task);
}

void leave_task(Object* loop, Object* task) {
    Ref current = dict_get_ref(g_current_tasks, loop);
    if (current.get() != task)
        raise(&RuntimeError_type, "Leaving task " + repr_utf8(task) + " does not match the current task " +
                                      repr_utf8(current ? current.get() : None) + ".");
    dict_del(g_current_tasks, loop);
}

// ---- Task stepping ----

void task_step(TaskObj* t, Ref exc);
extern const MethodDef kStepDef, kWakeupDef;

// Schedules the next step, with `exc` to throw into the coroutine (or null to send None).
void task_call_step_soon(TaskObj* t, Object* exc) {
    Ref step = native_function_new(&kStepDef, t);
    Ref loop = future_loop(t);
    Ref ctx = read_field(t, &TaskObj::context);
    call_soon(loop.get(), step.get(), exc, ctx ? ctx.get() : None);
}

void task_step_soon_with_error(TaskObj* t, const std::string& message) {
    Ref text = str_new(message);
    Ref error = call1(&RuntimeError_type, text.get());
    task_call_step_soon(t, error.get());
}

Ref future_get_loop_of(Object* fut) {
    if (is_exact_future(fut)) return future_loop(as_future(fut));
    static Str* const kGetLoop = intern("get_loop");
    if (Ref get_loop = get_attr_opt(fut, kGetLoop)) return call0(get_loop.get());
    return get_attr(fut, intern("_loop"));
}

bool cancel_future_like(Object* fut, Object* message) {
    if (is_exact_future(fut) && type_of(fut) == &future_type) return future_cancel(as_future(fut), message);
    Ref cancel = get_attr(fut, intern("cancel"));
    return is_true(call1(cancel.get(), message ? message : None).get());
}

// What a step does with the value the coroutine yielded (the else branch of Task.__step): a future
// it waits on, None to run again at once, or an error to throw in at the next step.
void task_handle_yield(TaskObj* t, Object* result) {
    Ref loop = future_loop(t);
    static Str* const kBlocking = intern("_asyncio_future_blocking");
    bool exact = is_exact_future(result);
    Ref blocking =
        exact ? Ref::borrow(bool_obj(as_future(result)->blocking)) : get_attr_opt(result, kBlocking);
    if (blocking && blocking.get() != None) {
        Ref result_loop = future_get_loop_of(result);
        if (result_loop.get() != loop.get())
            return task_step_soon_with_error(t, "Task " + repr_utf8(t) + " got Future " + repr_utf8(result) +
                                                    " attached to a different loop");
        if (!is_true(blocking.get()))
            return task_step_soon_with_error(t, "yield was used instead of yield from in task " +
                                                    repr_utf8(t) + " with " + repr_utf8(result));
        if (result == t) return task_step_soon_with_error(t, "Task cannot await on itself: " + repr_utf8(t));
        Ref wakeup = native_function_new(&kWakeupDef, t);
        Ref ctx = read_field(t, &TaskObj::context);
        if (exact) {
            as_future(result)->blocking = false;
            add_done_callback(as_future(result), wakeup.get(), ctx.get());
        } else {
            set_attr(result, kBlocking, False);
            Ref add = get_attr(result, intern("add_done_callback"));
            Object* args[2] = {wakeup.get(), ctx ? ctx.get() : None};
            call(add.get(), args, 1, context_kwname());
        }
        store_field(t, &TaskObj::fut_waiter, result);
        bool must_cancel;
        {
            CriticalSection cs(t->mutex);
            must_cancel = t->must_cancel;
        }
        if (must_cancel) {
            Ref message = read_field(t, &FutureObj::cancel_message);
            if (cancel_future_like(result, message.get())) {
                CriticalSection cs(t->mutex);
                t->must_cancel = false;
            }
        }
        return;
    }
    if (result == None) return task_call_step_soon(t, nullptr);
    if (type_of(result) == &generator_type)
        return task_step_soon_with_error(t, "yield was used instead of yield from for generator in task " +
                                                repr_utf8(t) + " with " + repr_utf8(result));
    task_step_soon_with_error(t, "Task got bad yield: " + repr_utf8(result));
}

// One step of the coroutine: send None into it, or throw `exc`; true with the value it yielded in
// `out`, false with what it returned once it has finished.
bool task_resume(Object* coro, Ref exc, Ref* out) {
    if (is_generator_like(coro)) {
        *out = exc ? generator_throw(coro, std::move(exc)) : generator_send(coro, None);
        if (*out) return true;
        *out = generator_take_return(coro);
        return false;
    }
    try {
        if (exc) {
            Ref throw_method = get_attr(coro, intern("throw"));
            *out = call1(throw_method.get(), exc.get());
        } else {
            Ref send = get_attr(coro, intern("send"));
            *out = call1(send.get(), None);
        }
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
        *out = get_attr(e.exception(), intern("value"));
        return false;
    }
    return true;
}

// Task.__step: one run of the coroutine up to its next await, then what its outcome asks for.
void task_step(TaskObj* t, Ref exc) {
    if (FutureState s = state_of(t); s != FutureState::Pending) {
        Ref message =
            str_new("_step(): already done: " + repr_utf8(t) + " " + repr_utf8(exc ? exc.get() : None));
        raise_with_type(invalid_state_error(), message.get());
    }
    bool must_cancel;
    {
        CriticalSection cs(t->mutex);
        must_cancel = std::exchange(t->must_cancel, false);
    }
    if (must_cancel && !(exc && is_instance(exc.get(), static_cast<Type*>(cancelled_error()))))
        exc = make_cancelled_error(t);
    Ref coro = read_field(t, &TaskObj::coro);
    store_field(t, &TaskObj::fut_waiter, nullptr);
    Ref loop = future_loop(t);
    enter_task(loop.get(), t);
    try {
        Ref out;
        bool yielded;
        try {
            yielded = task_resume(coro.get(), std::move(exc), &out);
        } catch (PyException& e) {
            Ref error = e.take();
            if (is_instance(error.get(), static_cast<Type*>(cancelled_error()))) {
                store_field(t, &FutureObj::cancelled_exc, error.get());
                future_cancel(t, nullptr);
            } else if (is_instance(error.get(), &KeyboardInterrupt_type) ||
                       is_instance(error.get(), &SystemExit_type)) {
                future_set_exception(t, error.get());
                raise_object(std::move(error));
            } else {
                future_set_exception(t, error.get());
            }
            yielded = false;
            out = nullptr;
        }
        if (yielded) {
            task_handle_yield(t, out.get());
        } else if (out) {
            bool cancel_now;
            {
                CriticalSection cs(t->mutex);
                cancel_now = std::exchange(t->must_cancel, false);
            }
            if (cancel_now) {
                // Cancelled right before the coroutine returned.
                Ref message = read_field(t, &FutureObj::cancel_message);
                future_cancel(t, message.get());
            } else {
                future_set_result(t, out.get());
            }
        }
    } catch (PyException&) {
        leave_task(loop.get(), t);
        throw;
    }
    leave_task(loop.get(), t);
}

// The callable a step is scheduled as: step(exc=None), bound to its task.
Ref task_step_callable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("step", nargs - 1, kw, 0, 1);
    Ref exc = nargs > 1 && args[1] != None ? Ref::borrow(args[1]) : nullptr;
    task_step(as_task(args[0]), std::move(exc));
    return Ref::borrow(None);
}

// The done-callback a task puts on the future it waits for: the next step, with the future's
// exception (or CancelledError) thrown in if it has one.
Ref task_wakeup_callable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("wakeup", nargs - 1, kw, 1, 1);
    TaskObj* t = as_task(args[0]);
    Object* fut = args[1];
    Ref exc;
    try {
        if (is_exact_future(fut))
            future_result(as_future(fut));
        else
            call0(get_attr(fut, intern("result")).get());
    } catch (PyException& e) {
        exc = e.take();
    }
    task_step(t, std::move(exc));
    return Ref::borrow(None);
}

const MethodDef kStepDef = {"TaskStepMethWrapper", task_step_callable, nullptr};
const MethodDef kWakeupDef = {"task_wakeup", task_wakeup_callable, nullptr};

// ---- the attributes with C++ fields (CPython's getset descriptors) ----

// The field called `name` of o as a new reference; null when `name` is none of them.
Ref get_field(Object* o, Str* name) {
    FutureObj* f = as_future(o);
    const std::string& n = name->utf8;
    if (n.size() < 2 || n[0] != '_') return nullptr;
    auto flag = [&](bool FutureObj::*field) {
        CriticalSection cs(f->mutex);
        return Ref::borrow(bool_obj(f->*field));
    };
    if (n == "_state") return Ref::borrow(state_name(state_of(f)));
    if (n == "_asyncio_future_blocking") return flag(&FutureObj::blocking);
    if (n == "_log_traceback") return flag(&FutureObj::log_traceback);
    if (n == "_loop") return or_none(read_field(f, &FutureObj::loop));
    if (n == "_result") return or_none(read_field(f, &FutureObj::result));
    if (n == "_exception") return or_none(read_field(f, &FutureObj::exception));
    if (n == "_source_traceback") return or_none(read_field(f, &FutureObj::source_traceback));
    if (n == "_cancel_message") return or_none(read_field(f, &FutureObj::cancel_message));
    if (n == "_callbacks") {
        std::vector<Callback> copy;
        {
            CriticalSection cs(f->mutex);
            for (Callback& c : f->callbacks) copy.push_back({newref(c.fn), newref(c.context)});
        }
        if (copy.empty()) return Ref::borrow(None);
        Ref list = list_new(copy.size());
        for (Callback& c : copy) {
            Object* pair[2] = {c.fn, c.context};
            list_append(list.get(), tuple_from(pair, 2).get());
            decref(c.fn);
            decref(c.context);
        }
        return list;
    }
    if (!is_task(o)) return nullptr;
    TaskObj* t = as_task(o);
    if (n == "_must_cancel" || n == "_log_destroy_pending") {
        CriticalSection cs(t->mutex);
        return Ref::borrow(bool_obj(n == "_must_cancel" ? t->must_cancel : t->log_destroy_pending));
    }
    if (n == "_coro") return or_none(read_field(t, &TaskObj::coro));
    if (n == "_fut_waiter") return or_none(read_field(t, &TaskObj::fut_waiter));
    return nullptr;
}

// Sets a field; false when `name` is none of them. Read-only ones raise CPython's getset errors.
bool set_field(Object* o, Str* name, Object* value) {
    FutureObj* f = as_future(o);
    const std::string& n = name->utf8;
    bool task = is_task(o);
    bool writable = n == "_asyncio_future_blocking" || n == "_log_traceback" || n == "_cancel_message" ||
                    (task && n == "_log_destroy_pending");
    if (!writable) {
        static const char* const kReadOnly[] = {"_state",  "_loop",      "_callbacks",
                                                "_result", "_exception", "_source_traceback"};
        static const char* const kTaskReadOnly[] = {"_must_cancel", "_coro", "_fut_waiter"};
        bool known = false;
        for (const char* r : kReadOnly) known = known || n == r;
        for (const char* r : kTaskReadOnly) known = known || (task && n == r);
        if (!known) return false;
        raise(&AttributeError_type, format("attribute '%s' of '%s' objects is not writable", n.c_str(),
                                           task ? "_asyncio.Task" : "_asyncio.Future"));
    }
    if (!value) raise(&AttributeError_type, "cannot delete attribute");
    if (n == "_cancel_message") {
        store_field(f, &FutureObj::cancel_message, value == None ? nullptr : value);
        return true;
    }
    bool on = is_true(value);
    if (n == "_log_traceback" && on) raise(&ValueError_type, "_log_traceback can only be set to False");
    CriticalSection cs(f->mutex);
    if (n == "_asyncio_future_blocking") {
        f->blocking = on;
    } else if (n == "_log_traceback") {
        f->log_traceback = false;
    } else {
        as_task(o)->log_destroy_pending = on;
    }
    return true;
}

Dict* future_instance_dict(Object* o) {
    FutureObj* f = as_future(o);
    CriticalSection cs(f->mutex);
    if (!f->dict) f->dict = as_dict(dict_new().release());
    return f->dict;
}

Ref future_getattr(Object* o, Str* name) {
    if (Ref v = get_field(o, name)) return v;
    if (Ref v = generic_getattr(o, name)) return v;
    return dict_get_str_ref(future_instance_dict(o), name);
}

void future_setattr(Object* o, Str* name, Object* value) {
    if (set_field(o, name, value)) return;
    if (type_lookup(type_of(o), name)) return class_generic_setattr(o, name, value);
    Dict* d = future_instance_dict(o);
    if (value) return dict_set(d, name, value);
    if (!dict_del(d, name)) raise_no_attribute(o, name);
}

// The property that classes derived from Future or Task reach the fields through.
Ref field_property_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getter", nargs, kw, 2, 2);
    Ref v = get_field(args[1], as_str(args[0]));
    return or_none(std::move(v));
}

Ref field_property_set(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setter", nargs, kw, 3, 3);
    set_field(args[1], as_str(args[0]), args[2]);
    return Ref::borrow(None);
}

const MethodDef kFieldGetter = {"getter", field_property_get, nullptr};
const MethodDef kFieldSetter = {"setter", field_property_set, nullptr};

void add_field_properties(Type* t, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        Str* key = intern(name);
        Ref get = native_function_new(&kFieldGetter, key);
        Ref set = native_function_new(&kFieldSetter, key);
        Object* property_args[4] = {get.get(), set.get(), None, None};
        Ref property = call(&property_type, property_args, 4);
        dict_set(t->dict, key, property.get());
    }
}

// ---- Future's slots and methods ----

FutureObj* self_future(Args args) { return as_future(args[0]); }

void future_traverse(Object* o, VisitProc visit, void* arg) {
    FutureObj* f = as_future(o);
    for (Object* field : {f->loop, f->result, f->exception, f->exception_tb, f->source_traceback,
                          f->cancel_message, f->cancelled_exc})
        if (field) visit(field, arg);
    for (Callback& c : f->callbacks) {
        visit(c.fn, arg);
        visit(c.context, arg);
    }
    if (f->dict) visit(f->dict, arg);
    if (is_task(o)) {
        TaskObj* t = as_task(o);
        for (Object* field : {t->coro, t->fut_waiter, t->context, t->name})
            if (field) visit(field, arg);
    }
}

void future_clear_slot(Object* o) {
    if (is_task(o)) task_clear_fields(as_task(o));
    future_clear_fields(as_future(o), true);
}

void future_dealloc(Object* o) {
    weakrefs_clear(o);
    future_clear_slot(o);
    if (is_task(o))
        delete as_task(o);
    else
        delete as_future(o);
}

template <typename T>
Ref alloc_of(Type* t) {
    auto* f = new T();
    init_header(f, t);
    return Ref::steal(f);
}

Ref future_alloc(Type* t) {
    return is_subtype(t, &task_type) || t == &task_type ? alloc_of<TaskObj>(t) : alloc_of<FutureObj>(t);
}

// Future.__init__(self, *, loop=None).
void future_fill(FutureObj* f, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 0) raise(&TypeError_type, format("Future() takes no positional arguments"));
    static const char* const kNames[] = {"loop"};
    Object* bound[1] = {nullptr};
    bind_args("Future", args, nargs, kw, kNames, 1, 0, bound);
    future_clear_fields(f, false);
    {
        CriticalSection cs(f->mutex);
        f->state = FutureState::Pending;
        f->blocking = false;
        f->log_traceback = false;
    }
    future_init_fields(f, bound[0]);
}

Ref future_init(Object*, Args args, size_t nargs, Tuple* kw) {
    future_fill(self_future(args), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

void task_fill(TaskObj* t, Args args, size_t nargs, Tuple* kw);
Ref task_init(Object*, Args args, size_t nargs, Tuple* kw);

Ref future_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    Ref self = future_alloc(t);
    if (t == &task_type || (is_subtype(t, &task_type) && inherits_native_init(t, task_init)))
        task_fill(as_task(self.get()), args, nargs, kw);
    else if (t == &future_type || (!is_subtype(t, &task_type) && inherits_native_init(t, future_init)))
        future_fill(as_future(self.get()), args, nargs, kw);
    return self;
}

Ref future_new_method(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1 || !is_type(args[0]) || !is_subtype(static_cast<Type*>(args[0]), &future_type))
        raise(&TypeError_type, "Future.__new__(X): X is not a subtype of _asyncio.Future");
    return future_alloc(static_cast<Type*>(args[0]));
}

Ref future_repr(Object* o) {
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("...");
    return call1(is_task(o) ? task_repr_fn() : future_repr_fn(), o);
}

Ref future_repr_info(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_repr_info", nargs - 1, kw, 0, 0);
    return call1(is_task(args[0]) ? task_repr_info_fn() : future_repr_info_fn(), args[0]);
}

Ref future_result_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("result", nargs - 1, kw, 0, 0);
    return future_result(self_future(args));
}

Ref future_exception_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("exception", nargs - 1, kw, 0, 0);
    FutureObj* f = self_future(args);
    FutureState s = state_of(f);
    if (s == FutureState::Cancelled) raise_object(make_cancelled_error(f));
    if (s != FutureState::Finished) {
        Ref message = str_new("Exception is not set.");
        raise_with_type(invalid_state_error(), message.get());
    }
    CriticalSection cs(f->mutex);
    f->log_traceback = false;
    return Ref::borrow(f->exception ? f->exception : None);
}

// What methods that change a future check first: a future whose __init__ was skipped (made by
// __new__ alone) has no loop to schedule on.
FutureObj* alive_future(Args args) {
    FutureObj* f = self_future(args);
    future_loop(f);
    return f;
}

Ref future_set_result_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("set_result", nargs - 1, kw, 1, 1);
    alive_future(args);
    future_set_result(self_future(args), args[1]);
    return Ref::borrow(None);
}

Ref future_set_exception_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("set_exception", nargs - 1, kw, 1, 1);
    alive_future(args);
    future_set_exception(self_future(args), args[1]);
    return Ref::borrow(None);
}

Ref future_add_done_callback_method(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fn", "context"};
    Object* bound[2] = {nullptr, nullptr};
    if (nargs - 1 > 1)
        raise(&TypeError_type,
              format("add_done_callback() takes exactly 1 positional argument (%zu given)", nargs - 1));
    bind_args("add_done_callback", args + 1, nargs - 1, kw, kNames, 2, 1, bound);
    add_done_callback(alive_future(args), bound[0], bound[1]);
    return Ref::borrow(None);
}

Ref future_remove_done_callback_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("remove_done_callback", nargs - 1, kw, 1, 1);
    FutureObj* f = alive_future(args);
    Object* fn = args[1];
    std::vector<Callback> all;
    {
        CriticalSection cs(f->mutex);
        all.swap(f->callbacks);
    }
    // Compared outside the lock: == may run Python code.
    std::vector<Callback> kept, removed;
    try {
        for (Callback& c : all) (c.fn == fn || equals(c.fn, fn) ? removed : kept).push_back(c);
    } catch (PyException&) {
        kept = all;
        removed.clear();
        CriticalSection cs(f->mutex);
        kept.insert(kept.end(), f->callbacks.begin(), f->callbacks.end());
        f->callbacks.swap(kept);
        throw;
    }
    {
        CriticalSection cs(f->mutex);
        // Callbacks added meanwhile go after the kept ones.
        kept.insert(kept.end(), f->callbacks.begin(), f->callbacks.end());
        f->callbacks.swap(kept);
    }
    for (Callback& c : removed) {
        decref(c.fn);
        decref(c.context);
    }
    return int_from_i64(static_cast<int64_t>(removed.size()));
}

Ref future_cancel_method(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"msg"};
    Object* bound[1] = {nullptr};
    bind_args("cancel", args + 1, nargs - 1, kw, kNames, 1, 0, bound);
    return Ref::borrow(bool_obj(future_cancel(alive_future(args), bound[0])));
}

Ref future_cancelled_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("cancelled", nargs - 1, kw, 0, 0);
    return Ref::borrow(bool_obj(state_of(self_future(args)) == FutureState::Cancelled));
}

Ref future_done_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("done", nargs - 1, kw, 0, 0);
    return Ref::borrow(bool_obj(state_of(self_future(args)) != FutureState::Pending));
}

Ref future_get_loop_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_loop", nargs - 1, kw, 0, 0);
    return future_loop(self_future(args));
}

Ref future_make_cancelled_error_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_make_cancelled_error", nargs - 1, kw, 0, 0);
    return make_cancelled_error(self_future(args));
}

// The short name a finalizer's message uses: "Future", "Task", or a derived class's name.
std::string short_type_name(Object* o) {
    const std::string& full = type_of(o)->name;
    size_t dot = full.rfind('.');
    return dot == std::string::npos ? full : full.substr(dot + 1);
}

void call_exception_handler(FutureObj* f, Dict* context) {
    Ref loop = read_field(f, &FutureObj::loop);
    if (!loop) return;
    Ref source = read_field(f, &FutureObj::source_traceback);
    if (source && is_true(source.get())) dict_set(context, intern("source_traceback"), source.get());
    call1(get_attr(loop.get(), intern("call_exception_handler")).get(), context);
}

// __del__: "exception was never retrieved" for a future whose exception nobody looked at, and
// "Task was destroyed but it is pending!" for a task collected before it finished.
Ref future_del_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__del__", nargs - 1, kw, 0, 0);
    FutureObj* f = self_future(args);
    if (is_task(f)) {
        bool pending;
        {
            CriticalSection cs(f->mutex);
            pending = f->state == FutureState::Pending && as_task(f)->log_destroy_pending;
        }
        if (pending) {
            Ref context = dict_new();
            dict_set(as_dict(context.get()), intern("task"), f);
            Ref message = str_new("Task was destroyed but it is pending!");
            dict_set(as_dict(context.get()), intern("message"), message.get());
            call_exception_handler(f, as_dict(context.get()));
        }
    }
    Ref exc;
    {
        CriticalSection cs(f->mutex);
        if (!f->log_traceback) return Ref::borrow(None);
        exc = Ref::borrow(f->exception);
    }
    Ref context = dict_new();
    Ref message = str_new(short_type_name(f) + " exception was never retrieved");
    dict_set(as_dict(context.get()), intern("message"), message.get());
    dict_set(as_dict(context.get()), intern("exception"), exc ? exc.get() : None);
    dict_set(as_dict(context.get()), intern("future"), f);
    call_exception_handler(f, as_dict(context.get()));
    return Ref::borrow(None);
}

// ---- `await future`: the iterator __await__ returns ----

struct FutureIter : Object {
    MINIPY_GC_ALLOCATED
    std::atomic<Object*> future;  // owned; null once it has given the result
};

Ref future_iter_new(Object* fut) {
    auto* it = new FutureIter();
    init_header(it, &future_iter_type);
    it->future.store(newref(fut), std::memory_order_relaxed);
    return Ref::steal(it);
}

Ref future_await_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__await__", nargs - 1, kw, 0, 0);
    return future_iter_new(args[0]);
}

// The first step yields the future itself (the task then waits for it); the next gives its result.
Ref future_iter_next(Object* o) {
    auto* it = static_cast<FutureIter*>(o);
    Object* fut = it->future.load(std::memory_order_acquire);
    if (!fut) return nullptr;
    FutureObj* f = as_future(fut);
    {
        CriticalSection cs(f->mutex);
        if (f->state == FutureState::Pending && !f->blocking) {
            f->blocking = true;
            return Ref::borrow(f);
        }
    }
    // Resumed while the future is still pending: the task did not wait for it.
    if (state_of(f) == FutureState::Pending) raise(&RuntimeError_type, "await wasn't used with future");
    Ref held = Ref::steal(it->future.exchange(nullptr, std::memory_order_acq_rel));
    if (!held) return nullptr;
    Ref value = future_result(as_future(held.get()));
    if (value.get() == None) return nullptr;
    raise_object(call1(&StopIteration_type, value.get()));
}

Ref future_iter_send(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("send", nargs - 1, kw, 1, 1);
    Ref v = future_iter_next(args[0]);
    if (!v) raise_object(call0(&StopIteration_type));
    return v;
}

// throw(type[, value[, traceback]]): raises it here, as CPython's FutureIter_throw.
Ref future_iter_throw(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("throw", nargs - 1, kw, 1, 3);
    Object* type = args[1];
    Object* value = nargs > 2 ? args[2] : None;
    Object* tb = nargs > 3 ? args[3] : None;
    if (tb != None && !is_traceback(tb)) raise(&TypeError_type, "throw() third argument must be a traceback");
    Ref exc;
    if (is_type(type) && is_subtype(static_cast<Type*>(type), &BaseException_type)) {
        if (value != None && is_instance(value, static_cast<Type*>(type)))
            exc = Ref::borrow(value);
        else
            exc = value == None ? call0(type) : call1(type, value);
    } else if (is_exception_instance(type)) {
        if (value != None) raise(&TypeError_type, "instance exception may not have a separate value");
        exc = Ref::borrow(type);
    } else {
        raise(&TypeError_type, format("exceptions must be classes deriving BaseException, not %s",
                                      type_of(type)->name.c_str()));
    }
    if (tb != None) {
        auto* e = static_cast<BaseExceptionObject*>(exc.get());
        xdecref(std::exchange(e->traceback, newref(tb)));
    }
    xdecref(static_cast<FutureIter*>(args[0])->future.exchange(nullptr, std::memory_order_acq_rel));
    raise_object(std::move(exc));
}

Ref future_iter_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    xdecref(static_cast<FutureIter*>(args[0])->future.exchange(nullptr, std::memory_order_acq_rel));
    return Ref::borrow(None);
}

void future_iter_dealloc(Object* o) {
    xdecref(static_cast<FutureIter*>(o)->future.exchange(nullptr, std::memory_order_relaxed));
    delete static_cast<FutureIter*>(o);
}

void future_iter_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* f = static_cast<FutureIter*>(o)->future.load(std::memory_order_relaxed)) visit(f, arg);
}

void future_iter_clear(Object* o) {
    xdecref(static_cast<FutureIter*>(o)->future.exchange(nullptr, std::memory_order_acq_rel));
}

// ---- Task's methods ----

TaskObj* self_task(Args args) { return as_task(args[0]); }

std::atomic<uint64_t> g_task_name_counter{0};

bool is_coroutine(Object* coro) {
    if (type_of(coro) == &coroutine_type || type_of(coro) == &generator_type) return true;
    return is_true(call1(iscoroutine_fn(), coro).get());
}

// Task.__init__(self, coro, *, loop=None, name=None, context=None).
void task_fill(TaskObj* t, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"coro", "loop", "name", "context"};
    Object* bound[4] = {nullptr, nullptr, nullptr, nullptr};
    if (nargs > 1)
        raise(&TypeError_type, format("Task() takes at most 1 positional argument (%zu given)", nargs));
    bind_args("Task", args, nargs, kw, kNames, 4, 1, bound);
    future_clear_fields(t, false);
    task_clear_fields(t);
    {
        CriticalSection cs(t->mutex);
        t->state = FutureState::Pending;
        t->blocking = t->log_traceback = t->must_cancel = false;
        t->num_cancels_requested = 0;
    }
    future_init_fields(t, bound[1]);
    if (!is_coroutine(bound[0])) {
        t->log_destroy_pending = false;
        raise(&TypeError_type, "a coroutine was expected, got " + repr_utf8(bound[0]));
    }
    t->log_destroy_pending = true;
    Object* name = bound[2] && bound[2] != None ? bound[2] : nullptr;
    Ref name_str =
        !name                        ? str_new(format("Task-%llu",
                                                      static_cast<unsigned long long>(g_task_name_counter.fetch_add(1) + 1)))
        : type_of(name) == &str_type ? Ref::borrow(name)
                                     : str(name);
    Ref ctx = bound[3] && bound[3] != None ? Ref::borrow(bound[3]) : call0(copy_context_fn());
    store_field(t, &TaskObj::name, name_str.get());
    store_field(t, &TaskObj::coro, bound[0]);
    store_field(t, &TaskObj::context, ctx.get());
    task_call_step_soon(t, nullptr);
    register_task(t);
}

Ref task_init(Object*, Args args, size_t nargs, Tuple* kw) {
    task_fill(self_task(args), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref task_get_coro(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_coro", nargs - 1, kw, 0, 0);
    return or_none(read_field(self_task(args), &TaskObj::coro));
}

Ref task_get_context(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_context", nargs - 1, kw, 0, 0);
    return or_none(read_field(self_task(args), &TaskObj::context));
}

Ref task_get_name(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_name", nargs - 1, kw, 0, 0);
    return or_none(read_field(self_task(args), &TaskObj::name));
}

Ref task_set_name(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("set_name", nargs - 1, kw, 1, 1);
    Ref name = type_of(args[1]) == &str_type ? Ref::borrow(args[1]) : str(args[1]);
    store_field(self_task(args), &TaskObj::name, name.get());
    return Ref::borrow(None);
}

Ref task_cancel(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"msg"};
    Object* bound[1] = {nullptr};
    bind_args("cancel", args + 1, nargs - 1, kw, kNames, 1, 0, bound);
    TaskObj* t = self_task(args);
    alive_future(args);
    Object* message = bound[0] ? bound[0] : None;
    {
        CriticalSection cs(t->mutex);
        t->log_traceback = false;
        if (t->state != FutureState::Pending) return Ref::borrow(False);
        ++t->num_cancels_requested;
    }
    if (Ref waiter = read_field(t, &TaskObj::fut_waiter)) {
        // The waiter stays: it may be a task that ignores the cancellation and must be cancelled again.
        if (cancel_future_like(waiter.get(), message)) return Ref::borrow(True);
    }
    {
        CriticalSection cs(t->mutex);
        t->must_cancel = true;
    }
    store_field(t, &FutureObj::cancel_message, message == None ? nullptr : message);
    return Ref::borrow(True);
}

Ref task_cancelling(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("cancelling", nargs - 1, kw, 0, 0);
    CriticalSection cs(self_task(args)->mutex);
    return int_from_i64(self_task(args)->num_cancels_requested);
}

Ref task_uncancel(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("uncancel", nargs - 1, kw, 0, 0);
    TaskObj* t = self_task(args);
    CriticalSection cs(t->mutex);
    if (t->num_cancels_requested > 0) --t->num_cancels_requested;
    return int_from_i64(t->num_cancels_requested);
}

Ref task_refuse_result(Object*, Args, size_t, Tuple*) {
    raise(&RuntimeError_type, "Task does not support set_result operation");
}

Ref task_refuse_exception(Object*, Args, size_t, Tuple*) {
    raise(&RuntimeError_type, "Task does not support set_exception operation");
}

Ref task_get_stack(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"limit"};
    Object* bound[1] = {nullptr};
    if (nargs > 1)
        raise(&TypeError_type,
              format("get_stack() takes exactly 0 positional arguments (%zu given)", nargs - 1));
    bind_args("get_stack", args + 1, nargs - 1, kw, kNames, 1, 0, bound);
    Object* call_args[2] = {args[0], bound[0] ? bound[0] : None};
    return call(task_get_stack_fn(), call_args, 2);
}

Ref task_print_stack(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"limit", "file"};
    Object* bound[2] = {nullptr, nullptr};
    if (nargs > 1)
        raise(&TypeError_type,
              format("print_stack() takes exactly 0 positional arguments (%zu given)", nargs - 1));
    bind_args("print_stack", args + 1, nargs - 1, kw, kNames, 2, 0, bound);
    Object* call_args[3] = {args[0], bound[0] ? bound[0] : None, bound[1] ? bound[1] : None};
    return call(task_print_stack_fn(), call_args, 3);
}

const MethodDef kFutureMethods[] = {
    {"__new__", future_new_method, "Create and return a new object.", MethodKind::Static},
    {"__init__", future_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"result", future_result_method, "Return the result this future represents."},
    {"exception", future_exception_method, "Return the exception that was set on this future."},
    {"add_done_callback", future_add_done_callback_method,
     "Add a callback to be run when the future becomes done."},
    {"remove_done_callback", future_remove_done_callback_method,
     "Remove all instances of a callback from the \"call when done\" list."},
    {"set_result", future_set_result_method, "Mark the future done and set its result."},
    {"set_exception", future_set_exception_method, "Mark the future done and set an exception."},
    {"cancel", future_cancel_method, "Cancel the future and schedule callbacks."},
    {"cancelled", future_cancelled_method, "Return True if the future was cancelled."},
    {"done", future_done_method, "Return True if the future is done."},
    {"get_loop", future_get_loop_method, "Return the event loop the Future is bound to."},
    {"_make_cancelled_error", future_make_cancelled_error_method,
     "Create the CancelledError to raise if the Future is cancelled."},
    {"_repr_info", future_repr_info, nullptr},
    {"__await__", future_await_method, "Return an iterator to be used in await expression."},
    {"__iter__", future_await_method, "Implement iter(self)."},
    {"__del__", future_del_method, nullptr},
    {"__class_getitem__", class_getitem, "See PEP 585", MethodKind::Class},
    {nullptr, nullptr, nullptr},
};

const MethodDef kTaskMethods[] = {
    {"__init__", task_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"get_coro", task_get_coro, nullptr},
    {"get_context", task_get_context, nullptr},
    {"get_name", task_get_name, nullptr},
    {"set_name", task_set_name, nullptr},
    {"cancel", task_cancel, "Request that this task cancel itself."},
    {"cancelling", task_cancelling, "Return the count of the task's cancellation requests."},
    {"uncancel", task_uncancel, "Decrement the task's count of cancellation requests."},
    {"set_result", task_refuse_result, nullptr},
    {"set_exception", task_refuse_exception, nullptr},
    {"get_stack", task_get_stack, "Return the list of stack frames for this task's coroutine."},
    {"print_stack", task_print_stack, "Print the stack or traceback for this task's coroutine."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kFutureIterMethods[] = {
    {"send", future_iter_send, nullptr},
    {"throw", future_iter_throw, nullptr},
    {"close", future_iter_close, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- the running loop, per thread ----

// The loop running in this thread and the process it was set in (a forked child must not see its
// parent's loop). The reference is never dropped at thread exit: a loop running when its thread
// ends is kept, as CPython keeps what a thread state's dict held until it is cleared.
thread_local Object* tl_running_loop = nullptr;
thread_local pid_t tl_running_pid = 0;

Object* running_loop() { return tl_running_loop && tl_running_pid == getpid() ? tl_running_loop : nullptr; }

Ref get_running_loop_opt(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_get_running_loop", nargs, kw, 0, 0);
    return Ref::borrow(running_loop() ? running_loop() : None);
}

Ref set_running_loop(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_set_running_loop", nargs, kw, 1, 1);
    Object* loop = args[0] == None ? nullptr : newref(args[0]);
    xdecref(std::exchange(tl_running_loop, loop));
    tl_running_pid = getpid();
    return Ref::borrow(None);
}

Ref get_running_loop(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_running_loop", nargs, kw, 0, 0);
    if (!running_loop()) raise(&RuntimeError_type, "no running event loop");
    return Ref::borrow(running_loop());
}

Ref event_loop() {
    if (Object* loop = running_loop()) return Ref::borrow(loop);
    Ref policy = call0(get_event_loop_policy_fn());
    return call0(get_attr(policy.get(), intern("get_event_loop")).get());
}

Ref get_event_loop(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_event_loop", nargs, kw, 0, 0);
    return event_loop();
}

// _get_event_loop(stacklevel=3): the same; the stack level only placed a warning 3.12 dropped.
Ref get_event_loop_internal(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"stacklevel"};
    Object* bound[1] = {nullptr};
    bind_args("_get_event_loop", args, nargs, kw, kNames, 1, 0, bound);
    return event_loop();
}

// ---- the registry's functions ----

// _register_task(task) / _unregister_task(task): the WeakSet's add / discard.
template <const char* Name, const char* Method>
Ref all_tasks_call(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"task"};
    Object* bound[1] = {nullptr};
    bind_args(Name, args, nargs, kw, kNames, 1, 1, bound);
    call1(get_attr(g_all_tasks, intern(Method)).get(), bound[0]);
    return Ref::borrow(None);
}

// _enter_task(loop, task) / _leave_task(loop, task).
template <const char* Name, void (*Fn)(Object*, Object*)>
Ref current_task_call(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"loop", "task"};
    Object* bound[2] = {nullptr, nullptr};
    bind_args(Name, args, nargs, kw, kNames, 2, 2, bound);
    Fn(bound[0], bound[1]);
    return Ref::borrow(None);
}

constexpr char kRegister[] = "_register_task", kUnregister[] = "_unregister_task", kAdd[] = "add",
               kDiscard[] = "discard", kEnter[] = "_enter_task", kLeave[] = "_leave_task";

const MethodDef kAsyncioFunctions[] = {
    {"_get_running_loop", get_running_loop_opt, "Return the running event loop or None."},
    {"_set_running_loop", set_running_loop, "Set the running event loop."},
    {"get_running_loop", get_running_loop,
     "Return the running event loop.  Raise a RuntimeError if there is none."},
    {"get_event_loop", get_event_loop, "Return an asyncio event loop."},
    {"_get_event_loop", get_event_loop_internal, nullptr},
    {"_register_task", all_tasks_call<kRegister, kAdd>,
     "Register a new task in asyncio as executed by loop."},
    {"_unregister_task", all_tasks_call<kUnregister, kDiscard>, "Unregister a task."},
    {"_enter_task", current_task_call<kEnter, enter_task>,
     "Enter into task execution or resume suspended task."},
    {"_leave_task", current_task_call<kLeave, leave_task>, "Leave task execution or suspend a task."},
    {nullptr, nullptr, nullptr},
};

void init_asyncio_types() {
    Type& f = future_type;
    f.name = "_asyncio.Future";
    f.instance_size = sizeof(FutureObj);
    f.dealloc = future_dealloc;
    f.traverse = future_traverse;
    f.clear = future_clear_slot;
    f.repr = future_repr;
    f.iter = [](Object* o) { return future_iter_new(o); };
    f.getattr = future_getattr;
    f.setattr = future_setattr;
    f.construct = future_construct;
    f.finalize = slot_finalize;
    f.instance_dict = future_instance_dict;
    f.methods = kFutureMethods;
    f.is_basetype = true;
    f.constructs_subclasses = true;
    init_type(&f);
    add_field_properties(&f, {"_state", "_asyncio_future_blocking", "_log_traceback", "_loop", "_result",
                              "_exception", "_source_traceback", "_cancel_message", "_callbacks"});
    allow_weak_references(&f);

    Type& t = task_type;
    t.name = "_asyncio.Task";
    t.base = &future_type;
    t.instance_size = sizeof(TaskObj);
    t.finalize = slot_finalize;  // init_type does not pass it down
    t.methods = kTaskMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    add_class_getitem(&t);
    add_field_properties(&t, {"_log_destroy_pending", "_must_cancel", "_coro", "_fut_waiter"});
    allow_weak_references(&t);

    Type& it = future_iter_type;
    it.name = "_asyncio.FutureIter";
    it.instance_size = sizeof(FutureIter);
    it.dealloc = future_iter_dealloc;
    it.traverse = future_iter_traverse;
    it.clear = future_iter_clear;
    it.iter = [](Object* o) { return Ref::borrow(o); };
    it.next = future_iter_next;
    it.methods = kFutureIterMethods;
    init_type(&it);
}

}  // namespace

Ref init_asyncio_module() {
    if (!future_type.dict) init_asyncio_types();
    Ref m = native_module_new("_asyncio", kAsyncioFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("Future"), &future_type);
    dict_set(d, intern("Task"), &task_type);
    Ref weakset_name = str_new("WeakSet");
    Object* names[1] = {weakset_name.get()};
    Ref weakref = import_module_level(intern("weakref"), tuple_from(names, 1).get(), 0, nullptr);
    Ref all_tasks = call0(get_attr(weakref.get(), intern("WeakSet")).get());
    Ref current_tasks = dict_new();
    dict_set(d, intern("_all_tasks"), all_tasks.get());
    dict_set(d, intern("_current_tasks"), current_tasks.get());
    // Kept for good: the last module made is the one the types use.
    g_all_tasks = all_tasks.release();
    g_current_tasks = as_dict(current_tasks.release());
    return m;
}

}  // namespace minipy
