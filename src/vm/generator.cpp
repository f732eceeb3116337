// generator.cpp — generator objects: creating one from a bound frame, suspending at YIELD_VALUE,
// and resuming through next()/send(), with CPython's errors for misuse.
#include "vm/generator.h"

#include <cstring>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/function.h"

namespace minipy {

Type generator_type;

namespace {

Generator* as_gen(Object* o) { return static_cast<Generator*>(o); }

Frame* image_frame(Generator* g) { return reinterpret_cast<Frame*>(g->image.data()); }

// Drops the references a suspended frame holds.
void release_image(Generator* g) {
    if (g->image.empty()) return;
    Frame* f = image_frame(g);
    Object** lp = f->localsplus();
    for (int i = 0, n = f->code->nlocalsplus(); i < n; ++i) xdecref(lp[i]);
    for (size_t i = 0; i < g->stack_depth; ++i) xdecref(f->stack_base()[i]);
    xdecref(f->func);
    g->image.clear();
}

// Moves the frame at the top of the thread's stack into the generator.
void save_frame(ThreadState* ts, Generator* g, Frame* f) {
    size_t slots = kFrameHeaderSlots + static_cast<size_t>(f->code->nlocalsplus() + f->code->stacksize);
    g->image.assign(reinterpret_cast<Object**>(f), reinterpret_cast<Object**>(f) + slots);
    g->stack_depth = static_cast<size_t>(f->sp - f->stack_base());
    ts->stack_top = reinterpret_cast<Object**>(f);
    --ts->depth;
}

void generator_dealloc(Object* o) {
    Generator* g = as_gen(o);
    release_image(g);
    xdecref(g->qualname);
    delete g;
}

Ref generator_repr(Object* o) {
    return str_new(format("<generator object %s at %p>", as_gen(o)->qualname->utf8.c_str(), static_cast<void*>(o)));
}

Ref generator_iter(Object* o) { return Ref::borrow(o); }
Ref generator_next(Object* o) { return generator_send(o, None); }

Ref gen_send_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 2) raise_arg_count("send", 1, 1, nargs ? nargs - 1 : 0);
    if (Ref v = generator_send(args[0], args[1])) return v;
    raise_object(exception_new(&StopIteration_type, empty_tuple()));
}

Ref gen_close_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count("close", 0, 0, nargs ? nargs - 1 : 0);
    Generator* g = as_gen(args[0]);
    if (g->running) raise(&ValueError_type, "generator already executing");
    release_image(g);
    g->finished = true;
    return Ref::borrow(None);
}

const MethodDef kGeneratorMethods[] = {
    {"send", gen_send_method, "send(arg) -> send 'arg' into generator, return next yielded value or raise StopIteration."},
    {"close", gen_close_method, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_generator_type() {
    generator_type.name = "generator";
    generator_type.instance_size = sizeof(Generator);
    generator_type.dealloc = generator_dealloc;
    generator_type.repr = generator_repr;
    generator_type.iter = generator_iter;
    generator_type.next = generator_next;
    generator_type.methods = kGeneratorMethods;
    init_type(&generator_type);
}

Ref generator_from_frame(ThreadState* ts, Frame* f) {
    Generator* g = new Generator();
    init_header(g, &generator_type);
    g->qualname = static_cast<Str*>(newref(f->func ? f->func->qualname : f->code->qualname));
    f->generator = g;
    save_frame(ts, g, f);
    return Ref::steal(g);
}

void generator_suspend(ThreadState* ts, Frame* f) {
    Generator* g = as_gen(f->generator);
    g->yielded = true;
    save_frame(ts, g, f);
}

Ref generator_send(Object* gen, Object* value) {
    Generator* g = as_gen(gen);
    if (g->running) raise(&ValueError_type, "generator already executing");
    if (g->finished || g->image.empty()) return nullptr;
    if (!g->started && value != None) {
        raise(&TypeError_type, "can't send non-None value to a just-started generator");
    }
    ThreadState* ts = thread_state();
    if (ts->depth >= recursion_limit()) raise(&RecursionError_type, "maximum recursion depth exceeded");
    size_t slots = g->image.size();
    if (static_cast<size_t>(ts->stack_end - ts->stack_top) < slots) {
        raise(&RecursionError_type, "maximum recursion depth exceeded");
    }
    Frame* f = reinterpret_cast<Frame*>(ts->stack_top);
    std::memcpy(static_cast<void*>(f), g->image.data(), slots * sizeof(Object*));
    g->image.clear();
    ts->stack_top += slots;
    ++ts->depth;
    f->previous = ts->frame;
    f->sp = f->stack_base() + g->stack_depth;
    if (g->started) *f->sp++ = newref(value);
    g->started = true;
    g->running = true;
    g->yielded = false;
    Ref result;
    try {
        result = run_frame_from(ts, f);
    } catch (PyException& e) {
        g->running = false;
        g->finished = true;
        if (is_instance(e.exception(), &StopIteration_type)) {
            Ref err = make_exception(&RuntimeError_type, "generator raised StopIteration");
            static_cast<BaseExceptionObject*>(err.get())->cause = e.take().release();
            raise_object(std::move(err));
        }
        throw;
    }
    g->running = false;
    if (g->yielded) return result;
    g->finished = true;
    return nullptr;
}

}  // namespace minipy
