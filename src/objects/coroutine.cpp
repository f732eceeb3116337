// coroutine.cpp — the await protocol on top of generators: what `await` delegates to, the iterator
// coroutine.__await__() returns, and async generators, whose __anext__/asend/athrow/aclose give
// awaitables that run the generator until it yields one of its own values (as CPython's genobject.c).
#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/generator.h"
#include "objects/generic_alias.h"
#include "objects/getset_descriptor.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type coroutine_wrapper_type, wrapped_value_type, asend_type, athrow_type;

// ---- coroutine.__await__() ----
struct CoroutineWrapper : Object {
    Object* coro;  // owned
};

void wrapper_dealloc(Object* o) {
    decref(static_cast<CoroutineWrapper*>(o)->coro);
    delete static_cast<CoroutineWrapper*>(o);
}

// Raises StopIteration carrying the coroutine's return value once it has finished.
[[noreturn]] void raise_stop_with(Ref value) {
    Ref args = value.get() == None ? Ref::borrow(empty_tuple())
                                   : tuple_from(std::vector<Object*>{value.get()}.data(), 1);
    raise_object(exception_new(&StopIteration_type, args.get()));
}

Ref wrapper_next(Object* o) {
    Object* coro = static_cast<CoroutineWrapper*>(o)->coro;
    if (Ref v = generator_send(coro, None)) return v;
    raise_stop_with(generator_take_return(coro));
}

Ref wrapper_send(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 2) raise_arg_count("send", 1, 1, nargs ? nargs - 1 : 0);
    Object* coro = static_cast<CoroutineWrapper*>(args[0])->coro;
    if (Ref v = generator_send(coro, args[1])) return v;
    raise_stop_with(generator_take_return(coro));
}

// The coroutine's own throw(typ[, val[, tb]]).
Ref wrapper_throw(Object*, Args args, size_t nargs, Tuple* kw) {
    return generator_throw_method(static_cast<CoroutineWrapper*>(args[0])->coro, args + 1, nargs - 1, kw);
}

Ref wrapper_close(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count("close", 0, 0, nargs ? nargs - 1 : 0);
    generator_close(static_cast<CoroutineWrapper*>(args[0])->coro);
    return Ref::borrow(None);
}

const MethodDef kWrapperMethods[] = {
    {"send", wrapper_send, "send(arg) -> send 'arg' into coroutine."},
    {"throw", wrapper_throw,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated "
     "value or raise\nStopIteration."},
    {"close", wrapper_close, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, nullptr},
};

// ---- async generators ----
struct WrappedValue : Object {
    Object* value;  // owned
};

void wrapped_dealloc(Object* o) {
    decref(static_cast<WrappedValue*>(o)->value);
    delete static_cast<WrappedValue*>(o);
}

// The awaitable of asend()/__anext__() (a value to send first) or of athrow()/aclose() (an
// exception to throw first). Awaiting it runs the generator: what its awaits yield passes
// through; its own next value ends the await as StopIteration(value); its end as
// StopAsyncIteration.
struct AsyncGenAwaitable : Object {
    Object* gen;         // owned
    Object* first;       // owned: the value to send, or the exception to throw
    bool close = false;  // aclose(): the generator must not yield a value of its own
    enum class State : uint8_t { Init, Iter, Done } state = State::Init;
};

void awaitable_dealloc(Object* o) {
    auto* a = static_cast<AsyncGenAwaitable*>(o);
    decref(a->gen);
    decref(a->first);
    delete a;
}

Ref awaitable_new(Type* t, Object* gen, Ref first, bool close = false) {
    auto* a = new AsyncGenAwaitable();
    init_header(a, t);
    a->gen = newref(gen);
    a->first = first.release();
    a->close = close;
    return Ref::steal(a);
}

// Turns what the generator gave (`r`, null once it returned) into the awaitable's step.
Ref awaitable_result(AsyncGenAwaitable* a, Ref r) {
    if (!r) {
        a->state = AsyncGenAwaitable::State::Done;
        if (a->close) raise_object(exception_new(&StopIteration_type, empty_tuple()));
        raise_object(exception_new(&StopAsyncIteration_type, empty_tuple()));
    }
    if (type_of(r.get()) != &wrapped_value_type) return r;
    a->state = AsyncGenAwaitable::State::Done;
    if (a->close) raise(&RuntimeError_type, "async generator ignored GeneratorExit");
    raise_stop_with(Ref::borrow(static_cast<WrappedValue*>(r.get())->value));
}

// One step: `value` sent in, or `thrown` raised at the generator's suspension point.
Ref awaitable_step(AsyncGenAwaitable* a, Object* value, Ref thrown) {
    if (a->state == AsyncGenAwaitable::State::Done) {
        raise(&RuntimeError_type, type_of(a) == &asend_type
                                      ? "cannot reuse already awaited __anext__()/asend()"
                                      : "cannot reuse already awaited aclose()/athrow()");
    }
    try {
        if (thrown) return awaitable_result(a, generator_throw(a->gen, std::move(thrown)));
        if (a->state == AsyncGenAwaitable::State::Init) {
            a->state = AsyncGenAwaitable::State::Iter;
            if (type_of(a) == &athrow_type) {
                if (a->close && static_cast<Generator*>(a->gen)->finished)
                    return awaitable_result(a, nullptr);
                return awaitable_result(a, generator_throw(a->gen, Ref::borrow(a->first)));
            }
            if (value == None) value = a->first;
        }
        return awaitable_result(a, generator_send(a->gen, value));
    } catch (PyException& e) {
        a->state = AsyncGenAwaitable::State::Done;
        // aclose(): the generator ending by GeneratorExit (or StopAsyncIteration) is success.
        if (a->close && (is_instance(e.exception(), &GeneratorExit_type) ||
                         is_instance(e.exception(), &StopAsyncIteration_type)))
            raise_object(exception_new(&StopIteration_type, empty_tuple()));
        throw;
    }
}

AsyncGenAwaitable* as_awaitable(Object* o) { return static_cast<AsyncGenAwaitable*>(o); }

Ref awaitable_next(Object* o) { return awaitable_step(as_awaitable(o), None, nullptr); }
Ref awaitable_self(Object* o) { return Ref::borrow(o); }

Ref awaitable_send(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 2) raise_arg_count("send", 1, 1, nargs ? nargs - 1 : 0);
    return awaitable_step(as_awaitable(args[0]), args[1], nullptr);
}

Ref awaitable_throw(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs < 2 || nargs > 4) raise_arg_count("throw", 1, 3, nargs ? nargs - 1 : 0);
    return awaitable_step(as_awaitable(args[0]), None, thrown_exception(args + 1, nargs - 1));
}

Ref awaitable_close(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count("close", 0, 0, nargs ? nargs - 1 : 0);
    as_awaitable(args[0])->state = AsyncGenAwaitable::State::Done;
    return Ref::borrow(None);
}

Ref awaitable_await(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count("__await__", 0, 0, nargs ? nargs - 1 : 0);
    return Ref::borrow(args[0]);
}

const MethodDef kAwaitableMethods[] = {
    {"send", awaitable_send,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", awaitable_throw,
     "throw(value) -> raise exception in generator,\nreturn next yielded value or raise StopIteration."},
    {"close", awaitable_close, "close() -> raise GeneratorExit inside generator."},
    {"__await__", awaitable_await, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, nullptr},
};

void check_no_args(const char* name, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count(name, 0, 0, nargs ? nargs - 1 : 0);
}

Ref agen_aiter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_no_args("__aiter__", nargs, kw);
    return Ref::borrow(args[0]);
}

// PEP 525's hooks, at an async generator's first __anext__/asend/athrow/aclose: it keeps the
// thread's finalizer hook (run in place of closing it if it is dropped unfinished: asyncio's loop
// schedules its aclose()) and is handed to the firstiter hook (asyncio's loop records it, to close
// it at shutdown_asyncgens). An error from firstiter propagates, as in CPython.
void init_hooks(Object* gen) {
    Generator* g = static_cast<Generator*>(gen);
    if (g->hooks_inited) return;
    g->hooks_inited = true;
    ThreadState* ts = thread_state();
    if (ts->asyncgen_finalizer) g->asyncgen_finalizer = newref(ts->asyncgen_finalizer);
    if (ts->asyncgen_firstiter) {
        Ref firstiter = Ref::borrow(ts->asyncgen_firstiter);
        call1(firstiter.get(), gen);
    }
}

Ref agen_anext(Object*, Args args, size_t nargs, Tuple* kw) {
    check_no_args("__anext__", nargs, kw);
    init_hooks(args[0]);
    return awaitable_new(&asend_type, args[0], Ref::borrow(None));
}

Ref agen_asend(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 2) raise_arg_count("asend", 1, 1, nargs ? nargs - 1 : 0);
    init_hooks(args[0]);
    return awaitable_new(&asend_type, args[0], Ref::borrow(args[1]));
}

Ref agen_athrow(Object*, Args args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs < 2 || nargs > 4) raise_arg_count("athrow", 1, 3, nargs ? nargs - 1 : 0);
    init_hooks(args[0]);
    return awaitable_new(&athrow_type, args[0], thrown_exception(args + 1, nargs - 1));
}

Ref agen_aclose(Object*, Args args, size_t nargs, Tuple* kw) {
    check_no_args("aclose", nargs, kw);
    init_hooks(args[0]);
    return awaitable_new(&athrow_type, args[0], exception_new(&GeneratorExit_type, empty_tuple()), true);
}

const MethodDef kAsyncGenMethods[] = {
    {"__aiter__", agen_aiter, "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", agen_anext, "Return a value or raise StopAsyncIteration."},
    {"asend", agen_asend, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, nullptr},
};

void init_awaitable_type(Type& t, const char* name) {
    t.name = name;
    t.instance_size = sizeof(AsyncGenAwaitable);
    t.dealloc = awaitable_dealloc;
    t.iter = awaitable_self;
    t.next = awaitable_next;
    t.methods = kAwaitableMethods;
    init_type(&t);
}

// Calls the dunder `name` found on o's type, or raises the TypeError `message` (with o's type).
Ref call_type_dunder(Object* o, const char* name, const char* message) {
    Ref m = type_lookup(type_of(o), intern(name));
    if (!m) raise(&TypeError_type, format(message, type_of(o)->name.c_str()));
    Ref bound = bind_class_attr(m.get(), o, type_of(o));
    return call0(bound.get());
}

}  // namespace

void init_coroutine_types() {
    Type& w = coroutine_wrapper_type;
    w.name = "coroutine_wrapper";
    w.instance_size = sizeof(CoroutineWrapper);
    w.dealloc = wrapper_dealloc;
    w.iter = awaitable_self;
    w.next = wrapper_next;
    w.methods = kWrapperMethods;
    init_type(&w);
    Type& v = wrapped_value_type;
    v.name = "async_generator_wrapped_value";
    v.instance_size = sizeof(WrappedValue);
    v.dealloc = wrapped_dealloc;
    init_type(&v);
    init_awaitable_type(asend_type, "async_generator_asend");
    init_awaitable_type(athrow_type, "async_generator_athrow");
    async_generator_type.methods = kAsyncGenMethods;
    init_type(&async_generator_type);
    add_class_getitem(&async_generator_type);
    add_attribute_descriptors(&async_generator_type, {"__name__", "__qualname__", "ag_await", "ag_frame"});
    add_attribute_descriptors(&async_generator_type, {"ag_code", "ag_running"}, true);
    set_attribute_doc(&async_generator_type, "__name__", "name of the async generator");
    set_attribute_doc(&async_generator_type, "__qualname__", "qualified name of the async generator");
    set_attribute_doc(&async_generator_type, "ag_await", "object being awaited on, or None");
}

Ref coroutine_await(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args("__await__", nargs, kw);
    auto* w = new CoroutineWrapper();
    init_header(w, &coroutine_wrapper_type);
    w->coro = newref(args[0]);
    return Ref::steal(w);
}

Ref get_awaitable(Object* o, int from) {
    if (type_of(o) == &coroutine_type) {
        if (generator_delegate(o).get() != None)
            raise(&RuntimeError_type, "coroutine is being awaited already");
        return Ref::borrow(o);
    }
    if (type_of(o) == &generator_type && generator_is_iterable_coroutine(o)) return Ref::borrow(o);
    static const char* const kNotAwaitable[] = {
        "object %s can't be used in 'await' expression",
        "'async with' received an object from __aenter__ that does not implement __await__: %s",
        "'async with' received an object from __aexit__ that does not implement __await__: %s"};
    Ref it = call_type_dunder(o, "__await__", kNotAwaitable[from >= 0 && from <= 2 ? from : 0]);
    if (type_of(it.get()) == &coroutine_type) raise(&TypeError_type, "__await__() returned a coroutine");
    if (!type_of(it.get())->next)
        raise(&TypeError_type,
              format("__await__() returned non-iterator of type '%s'", type_of(it.get())->name.c_str()));
    return it;
}

Ref yield_from_iter(Object* o, int flags) {
    if (type_of(o) == &coroutine_type) {
        if (!(flags & (kCoCoroutine | kCoIterableCoroutine)))
            raise(&TypeError_type, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return Ref::borrow(o);
    }
    if (type_of(o) == &generator_type) return Ref::borrow(o);
    return get_iter(o);
}

Ref async_gen_wrap(Object* value) {
    auto* w = new WrappedValue();
    init_header(w, &wrapped_value_type);
    w->value = newref(value);
    return Ref::steal(w);
}

Ref get_aiter(Object* o) {
    Ref it = call_type_dunder(o, "__aiter__", "'async for' requires an object with __aiter__ method, got %s");
    if (!type_lookup(type_of(it.get()), intern("__anext__")))
        raise(&TypeError_type,
              format("'async for' received an object from __aiter__ that does not implement __anext__: %s",
                     type_of(it.get())->name.c_str()));
    return it;
}

Ref get_anext(Object* aiter) {
    Ref awaitable = call_type_dunder(aiter, "__anext__",
                                     "'async for' requires an iterator with __anext__ method, got %s");
    try {
        return get_awaitable(awaitable.get());
    } catch (PyException& e) {
        // The reason is the new error's __cause__, as CPython's _PyErr_FormatFromCause.
        Ref reason = e.take();
        Ref err = make_exception(&TypeError_type,
                                 format("'async for' received an invalid object from __anext__: %s",
                                        type_of(awaitable.get())->name.c_str()));
        auto* be = static_cast<BaseExceptionObject*>(err.get());
        be->context = newref(reason.get());
        be->cause = reason.release();
        be->suppress_context = true;
        raise_object(std::move(err));
    }
}

Ref enter_async_context(Object* mgr, Object** exit_out) {
    Ref enter = type_lookup(type_of(mgr), intern("__aenter__"));
    Ref exit = enter ? type_lookup(type_of(mgr), intern("__aexit__")) : Ref();
    if (!enter || !exit) {
        raise(&TypeError_type,
              format("'%s' object does not support the asynchronous context manager protocol%s",
                     type_of(mgr)->name.c_str(), enter ? " (missed __aexit__ method)" : ""));
    }
    Ref bound_enter = bind_class_attr(enter.get(), mgr, type_of(mgr));
    Ref awaitable = call0(bound_enter.get());
    *exit_out = bind_class_attr(exit.get(), mgr, type_of(mgr)).release();
    return awaitable;
}

}  // namespace minipy
