// generator.cpp — generator objects: creating one from a bound frame, suspending at YIELD_VALUE,
// and resuming through next()/send(), with CPython's errors for misuse.
#include "objects/generator.h"

#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame.h"
#include "objects/frame_object.h"
#include "objects/function.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/opcodes.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/thread_state.h"

namespace minipy {

Type generator_type, coroutine_type, async_generator_type;

namespace {

Generator* as_gen(Object* o) { return static_cast<Generator*>(o); }

Frame* image_frame(Generator* g) { return reinterpret_cast<Frame*>(g->image.data()); }

bool is_running(const Generator* g) { return g->running.load(std::memory_order_relaxed); }
// Gives back a claim (claim_flag): last, after every write the claimant made, which the next
// claimant's compare-and-swap then sees.
void unclaim(Generator* g) { g->running.store(false, std::memory_order_release); }

// "generator", "coroutine" or "async_generator": CPython words its messages with the kind.
const char* kind_name(Object* o) { return type_of(o)->name.c_str(); }
// The kind as CPython's messages word it: "async generator raised StopIteration", where the type
// (and the repr) say async_generator.
const char* kind_text(Object* o) {
    return type_of(o) == &async_generator_type ? "async generator" : kind_name(o);
}

// "generator already executing": a generator resumed from inside its own body, or by a second
// thread while one runs it.
[[noreturn]] void raise_already_executing(Generator* g) {
    raise(&ValueError_type, format("%s already executing", kind_text(g)));
}

// Drops the references the frame holds and its storage: the generator has no frame any more. The
// storage is taken out first, so that a __del__ run by a release finds nothing to release twice.
void release_image(Generator* g) {
    std::vector<Object*> image;
    image.swap(g->image);
    size_t depth = std::exchange(g->stack_depth, 0);
    if (image.empty()) return;
    Frame* f = reinterpret_cast<Frame*>(image.data());
    release_frame_object(f);  // first: a frame object kept by Python code copies the last locals
    Object** lp = f->localsplus();
    for (int i = 0, n = f->code->nlocalsplus(); i < n; ++i) xdecref(lp[i]);
    for (size_t i = 0; i < depth; ++i) xdecref(f->stack_base()[i]);
    xdecref(f->func);
}

// A coroutine dropped before it ever ran (CPython reports it; not yet reported).
bool never_awaited(Object* o) {
    Generator* g = as_gen(o);
    return type_of(o) == &coroutine_type && !g->started && !g->finished && !g->finalized && !g->image.empty();
}

// An unfinished async generator whose first iteration took a finalizer hook (asyncio's loop
// schedules its aclose()): dropped, it goes to the hook instead of being closed here.
bool finalizer_hook_pending(Object* o) {
    Generator* g = as_gen(o);
    return g->asyncgen_finalizer && !g->finished && !g->finalized;
}

// CPython's _PyErr_WarnUnawaitedCoroutine: warnings._warn_unawaited_coroutine gives the
// RuntimeWarning "coroutine 'f' was never awaited", filed under the line of the frame that dropped
// it (POP_TOP and the stores keep that line current before a release that frees), or a plain
// warning when warnings.py lacks that function or, once the program has ended, is not loaded (nothing
// is imported then: at exit the warning is filed under "sys", line 1).
// A failing _warn_unawaited_coroutine (other than by its RuntimeWarning turned into an error) is
// reported as unraisable, then the plain warning is given, as CPython does.
void report_unawaited(Object* o) {
    Ref warnings = is_finalizing() ? loaded_module("warnings")
                                   : import_module_level(intern("warnings"), None, 0, nullptr);
    if (Ref report = warnings ? get_attr_opt(warnings.get(), intern("_warn_unawaited_coroutine")) : Ref()) {
        try {
            call1(report.get(), o);
            return;
        } catch (PyException& e) {
            if (is_instance(e.exception(), &RuntimeWarning_type)) throw;
            Ref exc = e.take();
            embedding_hooks().report_unraisable_in(o, exc.get());
        }
    }
    Ref qualname = get_attr(o, intern("__qualname__"));
    warn(&RuntimeWarning_type,
         "coroutine '" + str_utf8_of(str(qualname.get()).get()) + "' was never awaited");
}

// Runs what must run before `o` is freed (see generator_needs_finalizer); `o` is kept alive by the
// caller. Errors cannot propagate from a finalizer: they are reported as unraisable.
void run_finalizer(Object* o) {
    Generator* g = as_gen(o);
    bool unawaited = never_awaited(o), hook_pending = finalizer_hook_pending(o);
    g->finalized = true;
    try {
        if (unawaited) {
            report_unawaited(o);
        } else if (hook_pending) {
            Ref hook = Ref::borrow(g->asyncgen_finalizer);
            call1(hook.get(), o);
        } else if (generator_is_suspended(o)) {
            generator_close(o);
        }
    } catch (PyException& e) {
        Ref exc = e.take();
        embedding_hooks().report_unraisable_in(o, exc.get());
    }
}

// The finalize slot of generators, coroutines and async generators (PEP 442: run once), for what
// may keep the object alive: sys.unraisablehook may store the generator whose close() failed; a
// warning recorded by catch_warnings holds the coroutine as its source; the event loop holds the
// async generator until its aclose() has run. Freed after the call unless something did (the
// fuzzer found the first one: the stored generator was freed all the same).
bool generator_finalize(Object* o) {
    if (!generator_needs_finalizer(o)) return false;
    refcount_init(o->refcnt, 1);
    run_finalizer(o);
    decref(o);
    return true;
}

// A generator dropped while suspended is closed first, so its finally blocks run (as in CPython).
void generator_dealloc(Object* o) {
    weakrefs_clear(o);
    Generator* g = as_gen(o);
    // Not after the finalizer hook took it (PEP 442: one finalizer): CPython frees it unclosed.
    if (g->started && !g->finished && !g->finalized && !g->image.empty()) {
        incref(o);
        run_finalizer(o);
    }
    release_image(g);
    xdecref(g->return_value);
    xdecref(g->exc_state.exc);
    xdecref(g->asyncgen_finalizer);
    xdecref(g->origin);
    xdecref(g->qualname);
    xdecref(g->name);
    xdecref(g->code);
    delete g;
}

// The suspended frame's references: only while it is saved here (a running generator's frame is on
// its thread's stack, whose references count as from outside).
}  // namespace

bool generator_is_suspended(Object* o) {
    Generator* g = as_gen(o);
    return g->started && !g->finished && !is_running(g) && !g->image.empty();
}

bool generator_needs_finalizer(Object* o) {
    return !as_gen(o)->finalized &&
           (generator_is_suspended(o) || never_awaited(o) || finalizer_hook_pending(o));
}

void generator_run_finalizer(Object* o) { run_finalizer(o); }

bool generator_is_running(Object* o) { return is_running(as_gen(o)); }

namespace {

void generator_traverse(Object* o, VisitProc visit, void* arg) {
    Generator* g = as_gen(o);
    if (!is_running(g) && !g->image.empty()) {
        Frame* f = image_frame(g);
        Object** lp = f->localsplus();
        for (int i = 0, n = f->code->nlocalsplus(); i < n; ++i)
            if (lp[i]) visit(lp[i], arg);
        for (size_t i = 0; i < g->stack_depth; ++i)
            if (f->stack_base()[i]) visit(f->stack_base()[i], arg);
        if (f->func) visit(f->func, arg);
        if (f->frame_object) visit(f->frame_object, arg);
    }
    if (g->return_value) visit(g->return_value, arg);
    if (g->exc_state.exc) visit(g->exc_state.exc, arg);
    if (g->asyncgen_finalizer) visit(g->asyncgen_finalizer, arg);
}

void generator_clear(Object* o) {
    Generator* g = as_gen(o);
    if (!is_running(g)) release_image(g);
    xdecref(std::exchange(g->return_value, nullptr));
    xdecref(std::exchange(g->exc_state.exc, nullptr));
    xdecref(std::exchange(g->asyncgen_finalizer, nullptr));
}

// A thread's claim on a generator (its `running` flag, claim_flag): taken first by every way in
// (send, throw, close, the interpreter's resume) before any other field is read, since in minipy-ft
// another thread may be running or finishing the generator meanwhile. Given back by the way in when
// it returns, having read what the run left (whether it yielded, its return value); a frame that
// the interpreter loop resumed in place gives it back itself when it yields or ends
// (generator_suspend, finish). While a throw() or close() works on the generator's delegate (a
// `yield from`), the generator stays claimed, as CPython marks it executing then.
class Claim {
public:
    enum Held { kHeld };
    explicit Claim(Generator* g) : g_(g) {
        if (!claim_flag(g->running)) raise_already_executing(g);
    }
    // Takes over a claim already made (claim_flag succeeded).
    Claim(Generator* g, Held) : g_(g) {}
    ~Claim() { give_back(); }
    Claim(const Claim&) = delete;
    Claim& operator=(const Claim&) = delete;
    void give_back() {
        if (Generator* g = std::exchange(g_, nullptr)) unclaim(g);
    }

private:
    Generator* g_;
};

// An unstarted generator closed or thrown into: it ends without running. Its frame is released
// once the claim is given back, so a __del__ that the release runs sees a finished generator.
void finish_unstarted(Claim& claim, Generator* g) {
    g->finished = true;
    claim.give_back();
    release_image(g);
}

Ref generator_repr(Object* o) {
    return str_new(format("<%s object %s at %p>", kind_name(o), as_gen(o)->qualname->utf8.c_str(),
                          static_cast<void*>(o)));
}

Ref generator_iter(Object* o) { return Ref::borrow(o); }
Ref generator_next(Object* o) { return generator_send(o, None); }

[[noreturn]] void raise_stop_iteration(Object* gen) {
    Ref value = generator_take_return(gen);
    Ref args = value.get() == None ? tuple_new(0) : tuple_from(std::vector<Object*>{value.get()}.data(), 1);
    raise_object(exception_new(&StopIteration_type, args.get()));
}

Ref gen_send_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 2) raise_arg_count("send", 1, 1, nargs ? nargs - 1 : 0);
    if (Ref v = generator_send(args[0], args[1])) return v;
    raise_stop_iteration(args[0]);
}

bool throw_to_iterator_delegate(Object* gen, Object* const* args, size_t nargs, Ref* out);

// The exception that throw(type, value) raises in the generator: the class called with no
// arguments, with a tuple value's items or with the value. As CPython normalizes it, whatever goes
// wrong (the call raises, or gives something that is no exception) is what the generator gets.
Ref instantiate_thrown(Object* typ, Object* value) {
    Ref exc;
    try {
        if (value && type_of(value) == &tuple_type)
            exc = call(typ, as_tuple(value)->items, as_tuple(value)->size);
        else
            exc = value ? call1(typ, value) : call0(typ);
    } catch (PyException& e) {
        return e.take();
    }
    if (is_exception_instance(exc.get())) return exc;
    return make_exception(&TypeError_type,
                          format("calling %s should have returned an instance of BaseException, not %s",
                                 repr_utf8(typ).c_str(), type_of(exc.get())->name.c_str()));
}

// throw(type[, value[, tb]]) or throw(instance[, None[, tb]]), as CPython 3.11 still accepts
// both; a value that is already an instance of the type is thrown as it is (contextlib's __exit__
// passes the exception it caught this way), a tuple value is the type's arguments.
Ref gen_throw_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs < 2 || nargs > 4) raise_arg_count("throw", 1, 3, nargs ? nargs - 1 : 0);
    Object* tb = nargs > 3 && args[3] != None ? args[3] : nullptr;
    if (tb && !is_traceback(tb)) raise(&TypeError_type, "throw() third argument must be a traceback object");
    Ref exc;
    if (throw_to_iterator_delegate(args[0], args + 1, nargs - 1, &exc)) {
        if (exc) return exc;
        raise_stop_iteration(args[0]);
    }
    exc = thrown_exception(args + 1, nargs - 1);
    if (Ref v = generator_throw(args[0], std::move(exc))) return v;
    raise_stop_iteration(args[0]);
}

// close(): GeneratorExit is raised at the suspension point so pending finally blocks run.
Ref gen_close_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if ((kw && kw->size) || nargs != 1) raise_arg_count("close", 0, 0, nargs ? nargs - 1 : 0);
    generator_close(args[0]);
    return Ref::borrow(None);
}

Object* delegate_of(Generator* g);

// gi_, cr_ or ag_: the prefix of a kind's own attributes.
const char* attr_prefix(Object* o) {
    Type* t = type_of(o);
    return t == &coroutine_type ? "cr_" : t == &async_generator_type ? "ag_" : "gi_";
}

// gi_frame: the suspended or running frame's object, None once it ended. A suspended frame's
// `previous` is the caller of its last run, gone since: it is cut, so the object's f_back is None.
Ref frame_attribute(Generator* g) {
    if (!claim_flag(g->running)) return frame_object_at(image_frame(g));  // running: linked in
    Claim claim(g, Claim::kHeld);
    if (g->finished || g->image.empty()) return Ref::borrow(None);
    Frame* f = image_frame(g);
    f->previous = nullptr;
    return frame_object_at(f);
}

// gi_yieldfrom / cr_await / ag_await: what a suspended `yield from` or `await` delegates to.
Ref delegate_attribute(Generator* g) {
    if (!claim_flag(g->running)) return Ref::borrow(None);
    Claim claim(g, Claim::kHeld);
    Object* sub = delegate_of(g);
    return Ref::borrow(sub ? sub : None);
}

// The kind's own attribute `field` (after its prefix), or null.
Ref own_attribute(Object* o, const std::string& field) {
    Generator* g = as_gen(o);
    Type* t = type_of(o);
    if (field == "code") return Ref::borrow(g->code);
    if (field == "frame") return frame_attribute(g);
    if (field == "running") return Ref::borrow(is_running(g) ? True : False);
    if (field == "suspended" && t != &async_generator_type)
        return Ref::borrow(generator_is_suspended(o) ? True : False);
    if ((field == "yieldfrom" && t == &generator_type) || (field == "await" && t != &generator_type))
        return delegate_attribute(g);
    if (field == "origin" && t == &coroutine_type) return Ref::borrow(g->origin ? g->origin : None);
    return nullptr;
}

Ref generator_getattr(Object* o, Str* name) {
    const std::string& n = name->utf8;
    if (n.size() > 3 && n.compare(0, 3, attr_prefix(o)) == 0) {
        if (Ref v = own_attribute(o, n.substr(3))) return v;
    } else if (n == "__name__") {
        return Ref::borrow(as_gen(o)->name);
    } else if (n == "__qualname__") {
        return Ref::borrow(as_gen(o)->qualname);
    }
    return generic_getattr(o, name);
}

// __name__ and __qualname__ take a str; the kind's own attributes are read-only, with CPython's
// words for its members (gi_code) and its computed attributes (gi_frame).
void generator_setattr(Object* o, Str* name, Object* value) {
    const std::string& n = name->utf8;
    Generator* g = as_gen(o);
    if (n == "__name__" || n == "__qualname__") {
        if (!value || !is_str(value)) raise(&TypeError_type, n + " must be set to a string object");
        Str*& field = n == "__name__" ? g->name : g->qualname;
        decref(std::exchange(field, static_cast<Str*>(newref(value))));
        return;
    }
    if (n.size() > 3 && n.compare(0, 3, attr_prefix(o)) == 0) {
        std::string field = n.substr(3);
        if (field == "code" || field == "origin" ||
            (field == "running" && type_of(o) == &async_generator_type))
            raise(&AttributeError_type, "readonly attribute");
        if (own_attribute(o, field))
            raise(&AttributeError_type,
                  format("attribute '%s' of '%s' objects is not writable", n.c_str(), kind_name(o)));
    }
    raise(&AttributeError_type, format("'%s' object has no attribute '%s'", kind_name(o), n.c_str()));
}

const MethodDef kGeneratorMethods[] = {
    {"send", gen_send_method,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw_method,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or "
     "raise\nStopIteration."},
    {"close", gen_close_method, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kCoroutineMethods[] = {
    {"send", gen_send_method,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw_method,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated "
     "value or raise\nStopIteration."},
    {"close", gen_close_method, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coroutine_await, "Return an iterator to be used in await expression."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref thrown_exception(Object* const* args, size_t nargs) {
    Object* typ = args[0];
    Object* value = nargs > 1 && args[1] != None ? args[1] : nullptr;
    Object* tb = nargs > 2 && args[2] != None ? args[2] : nullptr;
    if (tb && !is_traceback(tb)) raise(&TypeError_type, "throw() third argument must be a traceback object");
    Ref exc;
    if (is_type(typ) && is_subtype(static_cast<Type*>(typ), &BaseException_type)) {
        if (value && is_instance(value, static_cast<Type*>(typ)))
            exc = Ref::borrow(value);
        else
            exc = instantiate_thrown(typ, value);
    } else if (is_exception_instance(typ)) {
        if (value) raise(&TypeError_type, "instance exception may not have a separate value");
        exc = Ref::borrow(typ);
    } else {
        raise(&TypeError_type, "exceptions must be classes or instances deriving from BaseException, not " +
                                   type_of(typ)->name);
    }
    if (tb) set_attr(exc.get(), intern("__traceback__"), tb);
    return exc;
}

Ref generator_throw_method(Object* gen, Object* const* args, size_t nargs, Tuple* kw) {
    std::vector<Object*> with_self(args, args + nargs);
    with_self.insert(with_self.begin(), gen);
    return gen_throw_method(nullptr, with_self.data(), with_self.size(), kw);
}

void init_generator_type() {
    generator_type.name = "generator";
    generator_type.instance_size = sizeof(Generator);
    generator_type.dealloc = generator_dealloc;
    generator_type.finalize = generator_finalize;
    generator_type.traverse = generator_traverse;
    generator_type.clear = generator_clear;
    generator_type.repr = generator_repr;
    generator_type.iter = generator_iter;
    generator_type.next = generator_next;
    generator_type.methods = kGeneratorMethods;
    generator_type.getattr = generator_getattr;
    generator_type.setattr = generator_setattr;
    init_type(&generator_type);
    add_attribute_descriptors(&generator_type, {"__name__", "__qualname__", "gi_frame", "gi_running",
                                                "gi_suspended", "gi_yieldfrom"});
    add_attribute_descriptors(&generator_type, {"gi_code"}, true);
    set_attribute_doc(&generator_type, "__name__", "name of the generator");
    set_attribute_doc(&generator_type, "__qualname__", "qualified name of the generator");
    set_attribute_doc(&generator_type, "gi_yieldfrom", "object being iterated by yield from, or None");
    coroutine_type.name = "coroutine";
    coroutine_type.instance_size = sizeof(Generator);
    coroutine_type.dealloc = generator_dealloc;
    coroutine_type.finalize = generator_finalize;
    coroutine_type.traverse = generator_traverse;
    coroutine_type.clear = generator_clear;
    coroutine_type.repr = generator_repr;
    coroutine_type.methods = kCoroutineMethods;
    coroutine_type.getattr = generator_getattr;
    coroutine_type.setattr = generator_setattr;
    init_type(&coroutine_type);
    add_attribute_descriptors(
        &coroutine_type, {"__name__", "__qualname__", "cr_await", "cr_frame", "cr_running", "cr_suspended"});
    add_attribute_descriptors(&coroutine_type, {"cr_code", "cr_origin"}, true);
    set_attribute_doc(&coroutine_type, "__name__", "name of the coroutine");
    set_attribute_doc(&coroutine_type, "__qualname__", "qualified name of the coroutine");
    set_attribute_doc(&coroutine_type, "cr_await", "object being awaited on, or None");
    // Its methods (__anext__, asend, athrow, aclose) are in objects/coroutine.cpp.
    async_generator_type.name = "async_generator";
    async_generator_type.instance_size = sizeof(Generator);
    async_generator_type.dealloc = generator_dealloc;
    async_generator_type.finalize = generator_finalize;
    async_generator_type.traverse = generator_traverse;
    async_generator_type.clear = generator_clear;
    async_generator_type.repr = generator_repr;
    async_generator_type.getattr = generator_getattr;
    async_generator_type.setattr = generator_setattr;
}

namespace {

// CPython's cr_origin: (filename, line, function name) of each of the `depth` innermost frames that
// were running when the coroutine was made, its caller first.
Ref coroutine_origin(Frame* caller, int64_t depth) {
    Ref origin = list_new();
    for (Frame* fr = caller; fr && depth > 0; fr = fr->previous, --depth) {
        Ref file = str_new(fr->code->filename);
        Ref line = int_from_i64(fr->code->line_of(fr->lasti()));
        Object* items[] = {file.get(), line.get(), fr->code->name};
        list_append(origin.get(), tuple_from(items, 3).get());
    }
    return tuple_from_iterable(origin.get());
}

}  // namespace

Ref generator_from_frame(ThreadState* ts, Frame* f) {
    Generator* g = new Generator();
    int flags = f->code->flags;
    init_header(g, (flags & kCoCoroutine)        ? &coroutine_type
                   : (flags & kCoAsyncGenerator) ? &async_generator_type
                                                 : &generator_type);
    g->qualname = static_cast<Str*>(newref(f->func ? f->func->qualname : f->code->qualname));
    g->name = static_cast<Str*>(newref(f->func ? f->func->name : f->code->name));
    g->code = newref(f->code);
    if ((flags & kCoCoroutine) && ts->coroutine_origin_depth > 0)
        g->origin = coroutine_origin(ts->frame, ts->coroutine_origin_depth).release();
    f->generator = g;
    // The frame moves into the generator for good (locals, and room for its whole stack).
    g->image.assign(reinterpret_cast<Object**>(f), f->stack_base() + f->code->stacksize);
    g->stack_depth = 0;
    ts->stack_top = reinterpret_cast<Object**>(f);
    --ts->depth;
    return Ref::steal(g);
}

namespace {

// CPython's gi_exc_state: while a generator runs, its own entry is the top of the thread's stack of
// handled exceptions, so what its `except` blocks handle is the current exception (else the
// caller's shows through), and an exception it was handling when it yielded is still its own
// when it resumes, whatever its caller handles meanwhile.
void push_exc_state(ThreadState* ts, Generator* g) {
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
}

void pop_exc_state(ThreadState* ts, Generator* g) {
    ts->exc_info = std::exchange(g->exc_state.previous, nullptr);
}

// Links the claimed generator's frame above the caller's, ready to run: `value` (borrowed; null
// before the first run or when an exception is thrown in) is the result of the yield it stopped at.
Frame* enter(ThreadState* ts, Generator* g, Object* value) {
    Frame* f = image_frame(g);
    ++ts->depth;
    f->previous = ts->frame;
    f->is_entry = false;
    f->trace_call_pending = true;  // a resumed generator is a 'call' for sys.settrace, as in CPython
    f->sp = f->stack_base() + g->stack_depth;
    if (value) *f->sp++ = newref(value);
    g->started = true;
    g->yielded = false;
    push_exc_state(ts, g);
    return f;
}

// Runs the generator from C++ (next(), send(), throw()) in a loop of its own: `value` is the
// result of the yield it stopped at, or `thrown` is raised there. The loop ends the run with
// generator_suspend, generator_returned or generator_raised, as for a generator SEND resumed.
// The caller has claimed it and checked that it is not finished. The frame, run here (is_entry),
// leaves the claim to us, and so does its end the release of its storage: read after the claim was
// given back, `yielded` may already be another thread's next run (a value taken for a return, 1 round
// in 40 of stress/generator_shared_close).
Ref resume(Claim& claim, Generator* g, Object* value, Ref thrown) {
    ThreadState* ts = thread_state();
    if (ts->depth >= recursion_limit()) raise_recursion_error();
    Frame* f = enter(ts, g, g->started && !thrown ? value : nullptr);
    struct AfterRun {
        Claim& claim;
        Generator* g;
        ~AfterRun() {
            bool ended = g->finished;
            g->sink = nullptr;  // before the claim goes: the next thread's resume is not drained
            claim.give_back();
            if (ended) release_image(g);  // a __del__ this runs sees a finished generator
        }
    } after_run{claim, g};
    Ref result = run_frame(ts, f, std::move(thrown));
    if (g->yielded) return result;
    xdecref(g->return_value);
    g->return_value = result.release();
    return nullptr;
}

}  // namespace

Frame* generator_enter(ThreadState* ts, Object* gen, Object* value) {
    if (!is_generator_like(gen)) return nullptr;
    Generator* g = as_gen(gen);
    if (ts->depth >= recursion_limit() || !claim_flag(g->running)) return nullptr;
    if (g->finished || g->image.empty() || (!g->started && value != None)) {
        unclaim(g);
        return nullptr;
    }
    return enter(ts, g, g->started ? value : nullptr);
}

void generator_suspend(ThreadState* ts, Frame* f) {
    Generator* g = as_gen(f->generator);
    g->yielded = true;
    g->stack_depth = static_cast<size_t>(f->sp - f->stack_base());
    --ts->depth;
    pop_exc_state(ts, g);
    // Last: another thread may resume it now. A run from C++ (resume) gives it back itself.
    if (!f->is_entry) unclaim(g);
}

namespace {

// The frame ended (returned or raised): the generator is finished and its frame released.
void finish(ThreadState* ts, Generator* g, Frame* f) {
    g->stack_depth = static_cast<size_t>(f->sp - f->stack_base());
    --ts->depth;
    g->finished = true;
    pop_exc_state(ts, g);
    if (f->is_entry) return;  // resume() gives the claim back and releases the frame
    // Finished first, so another thread that resumes it now stops at `finished` and leaves the
    // image alone; a __del__ that the release runs sees a finished generator, as in CPython.
    unclaim(g);
    release_image(g);
}

}  // namespace

void generator_returned(ThreadState* ts, Frame* f) { finish(ts, as_gen(f->generator), f); }

Ref generator_raised(ThreadState* ts, Frame* f, Ref exc) {
    Generator* g = as_gen(f->generator);
    finish(ts, g, f);
    bool async_stop = type_of(g) == &async_generator_type && is_instance(exc.get(), &StopAsyncIteration_type);
    if (!is_instance(exc.get(), &StopIteration_type) && !async_stop) return exc;
    Ref err = make_exception(&RuntimeError_type,
                             format("%s raised %s", kind_text(g), type_of(exc.get())->name.c_str()));
    auto* e = static_cast<BaseExceptionObject*>(err.get());
    e->context = newref(exc.get());
    e->cause = exc.release();
    return err;
}

namespace {

// The iterator a suspended `yield from` delegates to: the frame stopped right after the
// YIELD_VALUE that follows a SEND, with the iterator on top of its stack. Null otherwise.
Object* delegate_of(Generator* g) {
    if (g->image.empty() || g->stack_depth == 0) return nullptr;
    Frame* f = image_frame(g);
    if (f->ip - f->code->instructions.data() < 2) return nullptr;
    if (instr_op(f->ip[-1]) != Op::YIELD_VALUE || instr_op(f->ip[-2]) != Op::SEND) return nullptr;
    return f->stack_base()[g->stack_depth - 1];
}

// The delegate is done: drop it from the saved stack and continue after the `yield from`.
void leave_delegate(Generator* g, bool jump_to_exit) {
    Frame* f = image_frame(g);
    if (jump_to_exit) f->ip = f->code->instructions.data() + instr_arg(f->ip[-2]);
    decref(f->stack_base()[--g->stack_depth]);
}

}  // namespace

Ref generator_send(Object* gen, Object* value) {
    Generator* g = as_gen(gen);
    Claim claim(g);
    if (g->finished || g->image.empty()) {
        if (type_of(gen) == &coroutine_type)
            raise(&RuntimeError_type, "cannot reuse already awaited coroutine");
        return nullptr;
    }
    if (!g->started && value != None) {
        raise(&TypeError_type, format("can't send non-None value to a just-started %s", kind_text(gen)));
    }
    return resume(claim, g, value, nullptr);
}

void generator_drain(Object* gen, YieldSink* sink) {
    Generator* g = as_gen(gen);
    for (;;) {
        Ref value;
        {
            Claim claim(g);
            if (g->finished || g->image.empty()) return;
            // Cleared before the claim is given back: by resume's AfterRun once the frame ran, by
            // this guard if resume raised before it (the recursion limit).
            struct Unsink {
                Generator* g;
                ~Unsink() { g->sink = nullptr; }
            } unsink{g};
            g->sink = sink;
            value = resume(claim, g, None, nullptr);
        }
        if (!value) return;
        sink->add(sink, value.get());  // a value `take` refused (or one yielded under a trace hook)
    }
}

namespace {

// generator_throw(sub, exc) with `g`'s suspended frame linked in as the thread's current frame.
Ref throw_linked(Generator* g, Object* sub, const Ref& exc) {
    ThreadState* ts = thread_state();
    Frame* f = image_frame(g);
    f->previous = ts->frame;
    struct Relink {
        ThreadState* ts;
        Frame* saved;
        ~Relink() { ts->frame = saved; }
    } relink{ts, std::exchange(ts->frame, f)};
    return generator_throw(sub, exc);
}

Ref throw_claimed(Claim& claim, Generator* g, Ref exc) {
    if (g->finished || g->image.empty()) {
        // A finished coroutine refuses anything but close(), as CPython's gen_send_ex2.
        if (type_of(g) == &coroutine_type && !is_instance(exc.get(), &GeneratorExit_type))
            raise(&RuntimeError_type, "cannot reuse already awaited coroutine");
        raise_object(std::move(exc));
    }
    if (Object* sub = delegate_of(g)) {
        Ref ret;
        bool sub_is_generator = is_generator_like(sub);
        try {
            Ref sub_ref = Ref::borrow(sub);
            if (is_instance(exc.get(), &GeneratorExit_type)) {
                if (is_generator_like(sub))
                    generator_close(sub);
                else if (Ref close = get_attr_opt(sub, intern("close")))
                    call0(close.get());
                leave_delegate(g, false);
                return resume(claim, g, nullptr, std::move(exc));
            }
            if (sub_is_generator) {
                // The delegate runs as called by this generator (its frames' f_back), as CPython
                // links the delegating frame in for the throw.
                if (Ref v = throw_linked(g, sub, exc)) return v;
                ret = generator_take_return(sub);
            } else if (Ref m = get_attr_opt(sub, intern("throw"))) {
                Object* e = exc.get();
                return call1(m.get(), e);
            } else {
                leave_delegate(g, false);
                return resume(claim, g, nullptr, std::move(exc));
            }
        } catch (PyException& e) {
            if (!delegate_of(g)) throw;
            // An iterator's StopIteration ends the `yield from` (an `await` of an async generator's
            // aclose() while asyncio throws into the task) with its value.
            if (!sub_is_generator && is_instance(e.exception(), &StopIteration_type)) {
                Ref value = get_attr(e.exception(), intern("value"));
                leave_delegate(g, true);
                return resume(claim, g, value.get(), nullptr);
            }
            leave_delegate(g, false);
            return resume(claim, g, nullptr, e.take());
        }
        leave_delegate(g, true);
        return resume(claim, g, ret.get(), nullptr);
    }
    if (!g->started) {
        // It raises at its start, which its traceback shows, and ends without running.
        if (is_exception_instance(exc.get())) traceback_at_start(exc.get(), image_frame(g));
        finish_unstarted(claim, g);
        raise_object(std::move(exc));
    }
    return resume(claim, g, nullptr, std::move(exc));
}

// A `yield from` delegate that is no generator but has a throw method gets throw()'s arguments as
// they were given, unchecked (an int, a class not yet instantiated), as CPython's _gen_throw passes
// them on; GeneratorExit closes it instead (throw_claimed). False when there is no such delegate.
bool throw_to_iterator_delegate(Object* gen, Object* const* args, size_t nargs, Ref* out) {
    Generator* g = as_gen(gen);
    Claim claim(g);
    Object* sub = g->finished || g->image.empty() ? nullptr : delegate_of(g);
    if (!sub || is_generator_like(sub)) return false;
    Object* typ = args[0];
    if (is_type(typ) ? is_subtype(static_cast<Type*>(typ), &GeneratorExit_type)
                     : is_instance(typ, &GeneratorExit_type))
        return false;
    Ref sub_ref = Ref::borrow(sub);
    Ref method = get_attr_opt(sub, intern("throw"));
    if (!method) return false;
    Ref stop_value;
    try {
        *out = call(method.get(), args, nargs);
        return true;
    } catch (PyException& e) {
        if (!delegate_of(g)) throw;
        // Its StopIteration ends the `yield from` with the value; any other exception is raised there.
        if (!is_instance(e.exception(), &StopIteration_type)) {
            leave_delegate(g, false);
            *out = resume(claim, g, nullptr, e.take());
            return true;
        }
        stop_value = get_attr(e.exception(), intern("value"));
    }
    leave_delegate(g, true);
    *out = resume(claim, g, stop_value.get(), nullptr);
    return true;
}

// Whether GeneratorExit thrown in would only unwind the frame: a plain generator suspended at a
// `yield` that no try, with or except covers, not delegating, and no trace hook to see it. Then
// close() only lets the frame go, as CPython 3.13's gen_close does, without the C++ throw (about
// 30 K instructions each: `import typing, dataclasses, re, json` closed 34 such generators).
bool closes_without_running(Generator* g) {
    const ThreadState* ts = thread_state();
    if (type_of(g) != &generator_type || ts->trace_func || ts->profile_func || delegate_of(g)) return false;
    const Frame* f = image_frame(g);
    size_t index = static_cast<size_t>(f->ip - f->code->instructions.data());
    return index > 0 && !f->code->handler_at(index - 1);
}

}  // namespace

Ref generator_throw(Object* gen, Ref exc) {
    Generator* g = as_gen(gen);
    Claim claim(g);
    return throw_claimed(claim, g, std::move(exc));
}

void generator_close(Object* gen) {
    Generator* g = as_gen(gen);
    Claim claim(g);
    if (g->finished || g->image.empty()) return;
    if (!g->started || closes_without_running(g)) {
        finish_unstarted(claim, g);
        return;
    }
    try {
        if (Ref v = throw_claimed(claim, g, exception_new(&GeneratorExit_type, empty_tuple()))) {
            raise(&RuntimeError_type, format("%s ignored GeneratorExit", kind_text(gen)));
        }
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &GeneratorExit_type) &&
            !is_instance(e.exception(), &StopIteration_type))
            throw;
    }
}

Ref generator_take_return(Object* gen) {
    Generator* g = as_gen(gen);
    // Under the claim, as it was written: while another thread runs the generator, its return
    // value (if any) is that thread's.
    if (!claim_flag(g->running)) return Ref::borrow(None);
    Object* v = std::exchange(g->return_value, nullptr);
    unclaim(g);
    return v ? Ref::steal(v) : Ref::borrow(None);
}

Ref generator_delegate(Object* gen) { return delegate_attribute(as_gen(gen)); }

bool generator_is_iterable_coroutine(Object* gen) {
    // From gi_code, which outlives the frame: a finished one is still awaitable (close() on it).
    Generator* g = as_gen(gen);
    return g->code && (static_cast<Code*>(g->code)->flags & kCoIterableCoroutine);
}

bool yield_from_send(Object* it, Object* value, Ref* out) {
    if (is_generator_like(it)) {
        *out = generator_send(it, value);
        if (*out) return true;
        *out = generator_take_return(it);
        return false;
    }
    try {
        if (value == None) {
            *out = iter_next_raising(it);
        } else {
            Ref send = get_attr(it, intern("send"));
            *out = call1(send.get(), value);
        }
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
        *out = get_attr(e.exception(), intern("value"));
        return false;
    }
    if (*out) return true;
    *out = Ref::borrow(None);
    return false;
}

}  // namespace minipy
