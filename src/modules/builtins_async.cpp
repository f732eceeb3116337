// builtins_async.cpp — the builtins of asynchronous iteration, aiter() and anext(), with the
// awaitable anext(it, default) returns (CPython's anext_awaitable: it runs it.__anext__()'s
// awaitable and turns its StopAsyncIteration into the default as the await's result); and
// breakpoint(), which hands over to sys.breakpointhook.
#include "modules/builtins_async.h"

#include <mutex>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/generator.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type anext_awaitable_type;

struct AnextAwaitable : Object {
    Object* wrapped;        // owned: what aiterator.__anext__() returned
    Object* default_value;  // owned
};

AnextAwaitable* as_anext(Object* o) { return static_cast<AnextAwaitable*>(o); }

void anext_dealloc(Object* o) {
    decref(as_anext(o)->wrapped);
    decref(as_anext(o)->default_value);
    delete as_anext(o);
}

// The iterator that drives the wrapped awaitable: its __await__()'s, a coroutine's own __await__()
// iterator, as CPython's anextawaitable_getiter finds it (again for each step).
Ref awaitable_iterator(AnextAwaitable* a) {
    Ref it = get_awaitable(a->wrapped);
    if (type_of(it.get())->next) return it;
    Ref await = get_attr(it.get(), static_cast<Str*>(intern("__await__")));
    Ref iterator = call0(await.get());
    if (!type_of(iterator.get())->next) raise(&TypeError_type, "__await__ returned a non-iterable");
    return iterator;
}

// One step of the wrapped awaitable (next, or one of its send/throw/close methods); its
// StopAsyncIteration becomes StopIteration(default): the await's value.
Ref anext_step(Object* self, const char* method, Args args, size_t nargs) {
    AnextAwaitable* a = as_anext(self);
    Ref it = awaitable_iterator(a);
    try {
        if (!method) return iter_next_raising(it.get());
        Ref m = get_attr(it.get(), static_cast<Str*>(intern(method)));
        return call(m.get(), args, nargs);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopAsyncIteration_type)) throw;
        e.take();
        Ref stop_args = tuple_from(&a->default_value, 1);
        raise_object(exception_new(&StopIteration_type, stop_args.get()));
    }
}

Ref anext_next(Object* o) { return anext_step(o, nullptr, nullptr, 0); }
Ref anext_self(Object* o) { return Ref::borrow(o); }

Ref anext_await(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__await__", nargs - 1, kw, 0, 0);
    return Ref::borrow(args[0]);
}

Ref anext_send(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("send", nargs - 1, kw, 1, 1);
    return anext_step(args[0], "send", args + 1, 1);
}

Ref anext_throw(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("throw", nargs - 1, kw, 1, 3);
    return anext_step(args[0], "throw", args + 1, nargs - 1);
}

Ref anext_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    return anext_step(args[0], "close", nullptr, 0);
}

const MethodDef kAnextMethods[] = {
    {"__await__", anext_await, "Return an iterator to be used in await expression."},
    {"send", anext_send,
     "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"throw", anext_throw,
     "throw(value)\nthrow(typ[,val[,tb]])\n\nraise exception in the wrapped iterator, return next yielded "
     "value\nor raise StopIteration.\nthe (type, val, tb) signature is deprecated, \nand may be removed in a "
     "future version of Python."},
    {"close", anext_close, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, nullptr},
};

void init_anext_awaitable_type() {
    Type& t = anext_awaitable_type;
    t.name = "anext_awaitable";
    t.instance_size = sizeof(AnextAwaitable);
    t.dealloc = anext_dealloc;
    t.iter = anext_self;
    t.next = anext_next;
    t.methods = kAnextMethods;
    init_type(&t);
}

}  // namespace

// aiter(async_iterable): its __aiter__(), which must give an async iterator.
Ref bi_aiter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("aiter", nargs, kw, 1, 1);
    Ref m = type_lookup(type_of(args[0]), static_cast<Str*>(intern("__aiter__")));
    if (!m)
        raise(&TypeError_type,
              format("'%s' object is not an async iterable", type_of(args[0])->name.c_str()));
    Ref bound = bind_class_attr(m.get(), args[0], type_of(args[0]));
    Ref it = call0(bound.get());
    if (!type_lookup(type_of(it.get()), static_cast<Str*>(intern("__anext__"))))
        raise(&TypeError_type,
              format("aiter() returned not an async iterator of type '%s'", type_of(it.get())->name.c_str()));
    return it;
}

// anext(async_iterator[, default]): the awaitable of its __anext__(), wrapped when a default is given.
Ref bi_anext(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("anext");
    if (nargs < 1) raise(&TypeError_type, format("anext expected at least 1 argument, got %zu", nargs));
    if (nargs > 2) raise(&TypeError_type, format("anext expected at most 2 arguments, got %zu", nargs));
    Ref m = type_lookup(type_of(args[0]), static_cast<Str*>(intern("__anext__")));
    if (!m)
        raise(&TypeError_type,
              format("'%s' object is not an async iterator", type_of(args[0])->name.c_str()));
    Ref bound = bind_class_attr(m.get(), args[0], type_of(args[0]));
    Ref awaitable = call0(bound.get());
    if (nargs == 1) return awaitable;
    static std::once_flag ready;  // two threads may make their first one at once (minipy-ft)
    std::call_once(ready, init_anext_awaitable_type);
    auto* a = new AnextAwaitable();
    init_header(a, &anext_awaitable_type);
    a->wrapped = awaitable.release();
    a->default_value = newref(args[1]);
    return Ref::steal(a);
}

// breakpoint(*args, **kws): sys.breakpointhook(*args, **kws).
Ref bi_breakpoint(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref sys = loaded_module("sys");
    Ref hook = sys ? get_attr_opt(sys.get(), static_cast<Str*>(intern("breakpointhook"))) : Ref();
    if (!hook) raise(&RuntimeError_type, "lost sys.breakpointhook");
    return call(hook.get(), args, nargs, kw);
}

}  // namespace minipy
