// frame_object.cpp — frame and traceback objects for Python code (sys._getframe, exc.__traceback__,
// tb.tb_frame, sys.settrace's events). minipy's frames live on the thread's value stack (a
// generator's in the generator), so a frame object points at its frame while it exists and reads
// line, lasti and locals from it at each access; when the frame ends, it keeps the frame's last
// state. Each frame keeps its one object (Frame::frame_object), so identity holds as in CPython.
// A traceback is CPython's linked chain, kept on the exception, so tb_next can be cut and followed.
#include "objects/frame_object.h"

#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame_jump.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type frame_type, traceback_type;

namespace {

void frame_traverse(Object* o, VisitProc visit, void* arg) {
    auto* f = static_cast<FrameObject*>(o);
    for (Object* p : {f->code, f->globals, f->locals, f->back, f->trace})
        if (p) visit(p, arg);
    for (Object* p : f->kept)
        if (p) visit(p, arg);
}

void release_kept(FrameObject* f) {
    std::vector<Object*> kept = std::move(f->kept);
    f->kept.clear();
    for (Object* p : kept) xdecref(p);
}

// Breaks cycles through the locals and the caller; code and globals stay (the getters read them).
void frame_clear_refs(Object* o) {
    auto* f = static_cast<FrameObject*>(o);
    Object* locals = std::exchange(f->locals, nullptr);
    Object* back = std::exchange(f->back, nullptr);
    Object* trace = std::exchange(f->trace, nullptr);
    xdecref(locals);
    xdecref(back);
    xdecref(trace);
    release_kept(f);
}

void frame_dealloc(Object* o) {
    auto* f = static_cast<FrameObject*>(o);
    decref(f->code);
    decref(f->globals);
    xdecref(f->locals);
    xdecref(f->back);
    xdecref(f->trace);
    release_kept(f);
    delete f;
}

// Refills the frame object's locals dict from `values` (the frame's locals, cells and free
// variables, in that order), in place, as CPython's PyFrame_FastToLocals: each one bound is set,
// each unbound one deleted, and keys Python code added stay.
void fill_locals(FrameObject* fo, const Code* co, Object* const* values) {
    if (!fo->locals || type_of(fo->locals) != &dict_type || fo->locals == fo->globals)
        xdecref(std::exchange(fo->locals, dict_new().release()));
    Dict* d = as_dict(fo->locals);
    Object* const* lp = values;
    size_t n = 0;
    auto put = [&](Str* name, Object* v) {
        if (v && type_of(v) == &cell_type) v = static_cast<Cell*>(v)->ref;
        if (v)
            dict_set(d, name, v);
        else
            dict_del(d, name);
    };
    for (Str* name : co->varnames) put(name, lp[n++]);
    for (Str* name : co->cellvars) put(name, lp[n++]);
    for (Str* name : co->freevars) put(name, lp[n++]);
}

// f_locals of a running frame; a module or class body's locals are its namespace itself.
void sync_locals(FrameObject* fo, Frame* f) {
    if (f->locals) {
        if (fo->locals != f->locals) xdecref(std::exchange(fo->locals, newref(f->locals)));
        return;
    }
    fill_locals(fo, f->code, f->localsplus());
}

// f_locals of an ended frame: from the values kept as it ended (a frame object made for a traceback
// entry alone has none: an empty dict).
void ended_locals(FrameObject* fo) {
    if (!fo->kept.empty())
        fill_locals(fo, as_code(fo->code), fo->kept.data());
    else if (!fo->locals)
        fo->locals = dict_new().release();
}

// The instruction index f_lasti reports: -1 before a generator's first instruction.
int lasti_of(Frame* f, size_t index) {
    return f->ip == f->code->instructions.data() ? -1 : static_cast<int>(index);
}

// Brings the object up to date with its frame at instruction `index`: line and lasti. The locals
// are copied only when f_locals is read and when the frame ends, as CPython makes the f_locals
// dict on demand: a frame object taken by sys._getframe (asyncio's debug mode does, for each task)
// must not keep the locals it saw alive.
void refresh(FrameObject* fo, Frame* f, size_t index) {
    fo->line = f->code->line_of(index);
    fo->lasti = lasti_of(f, index);
}

// Before an attribute is read: a frame that exists is read where it is now (its last saved
// instruction), unless a trace event reports another line for it; `with_locals` for f_locals.
void follow(FrameObject* fo, bool with_locals) {
    Frame* f = fo->live;
    if (!f) {
        if (with_locals) ended_locals(fo);
        return;
    }
    if (fo->event == TraceEvent::None) {
        fo->line = f->code->line_of(f->lasti());
        fo->lasti = lasti_of(f, f->lasti());
    }
    if (with_locals) sync_locals(fo, f);
}

// f_back: None while the frame is a generator's that is not running (CPython's suspended frames
// have no caller), else the caller's object.
Object* frame_back(FrameObject* fo) {
    Frame* f = fo->live;
    if (f && f->generator && !static_cast<Generator*>(f->generator)->running.load(std::memory_order_relaxed))
        return None;
    return fo->back ? fo->back : None;
}

Ref frame_getattr(Object* o, Str* name) {
    auto* f = static_cast<FrameObject*>(o);
    const std::string& n = name->utf8;
    if (n == "f_code") return Ref::borrow(f->code);
    if (n == "f_globals") return Ref::borrow(f->globals);
    if (n == "f_back") return Ref::borrow(frame_back(f));
    if (n == "f_locals" || n == "f_lineno" || n == "f_lasti") follow(f, n == "f_locals");
    if (n == "f_locals") return Ref::borrow(f->locals);
    if (n == "f_lineno") return int_from_i64(f->line);
    if (n == "f_lasti") return int_from_i64(f->lasti < 0 ? -1 : f->lasti * 2);
    if (n == "f_trace") return Ref::borrow(f->trace ? f->trace : None);
    if (n == "f_trace_lines") return Ref::borrow(f->trace_lines ? True : False);
    if (n == "f_trace_opcodes") return Ref::borrow(f->trace_opcodes ? True : False);
    if (n == "f_builtins") {
        Object* b = dict_get_str(as_dict(f->globals), intern("__builtins__"));
        if (b && is_module(b)) return get_attr(b, intern("__dict__"));
        return Ref::borrow(b ? b : None);
    }
    return generic_getattr(o, name);
}

// f_trace, f_trace_lines and f_trace_opcodes are settable (a debugger sets them); the rest is not.
void frame_setattr(Object* o, Str* name, Object* value) {
    auto* f = static_cast<FrameObject*>(o);
    const std::string& n = name->utf8;
    if (n == "f_trace") {
        Object* fn = value && value != None ? newref(value) : nullptr;
        xdecref(std::exchange(f->trace, fn));
        return;
    }
    if (n == "f_trace_lines" || n == "f_trace_opcodes") {
        if (!value) raise(&AttributeError_type, "cannot delete attribute");
        if (type_of(value) != &bool_type) raise(&TypeError_type, "attribute value type must be bool");
        (n == "f_trace_lines" ? f->trace_lines : f->trace_opcodes) = value == True;
        return;
    }
    if (n == "f_lineno") return request_frame_jump(f, value);
    if (n.rfind("f_", 0) == 0) raise(&AttributeError_type, "readonly attribute");
    raise(&AttributeError_type, format("'frame' object has no attribute '%s'", n.c_str()));
}

Ref frame_repr(Object* o) {
    auto* f = static_cast<FrameObject*>(o);
    follow(f, false);
    Code* co = as_code(f->code);
    return str_new(format("<frame at %p, file '%s', line %d, code %s>", static_cast<void*>(o),
                          co->filename.c_str(), f->line, co->name->utf8.c_str()));
}

// CPython's frame.clear(): a frame still running (or waiting for a call it made) refuses; a
// suspended generator's is finalized first (a coroutine never awaited warns, a generator is
// closed); then the locals the object kept are let go (tracebacks keep frames, and so their locals).
Ref frame_clear(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("clear", nargs - 1, kw, 0, 0);
    auto* fo = static_cast<FrameObject*>(args[0]);
    if (Frame* f = fo->live) {
        if (!f->generator || generator_is_running(f->generator))
            raise(&RuntimeError_type, "cannot clear an executing frame");
        Ref gen = Ref::borrow(f->generator);
        if (generator_needs_finalizer(gen.get())) generator_run_finalizer(gen.get());
    }
    if (!fo->live) {
        xdecref(std::exchange(fo->locals, nullptr));
        release_kept(fo);
    }
    return Ref::borrow(None);
}

const MethodDef kFrameMethods[] = {
    {"clear", frame_clear, "F.clear(): clear most references held by the frame"},
    {nullptr, nullptr, nullptr},
};

// traceback.__dir__(): its four attributes only, as CPython's tb_dir.
Ref traceback_dir(Object*, Object* const*, size_t nargs, Tuple* kw) {
    check_positional("__dir__", nargs - 1, kw, 0, 0);
    Object* names[4] = {intern("tb_frame"), intern("tb_next"), intern("tb_lasti"), intern("tb_lineno")};
    return list_from_iterable(tuple_from(names, 4).get());
}

const MethodDef kTracebackMethods[] = {
    {"__dir__", traceback_dir, nullptr},
    {nullptr, nullptr, nullptr},
};

Ref frame_new(Object* code, Object* globals, Ref locals, Ref back, int line, int lasti) {
    auto* f = new FrameObject();
    init_header(f, &frame_type);
    f->code = newref(code);
    f->globals = newref(globals);
    f->locals = locals.release();
    f->back = back.release();
    f->line = line;
    f->lasti = lasti;
    return Ref::steal(f);
}

TracebackObject* as_traceback(Object* o) { return static_cast<TracebackObject*>(o); }

void traceback_traverse(Object* o, VisitProc visit, void* arg) {
    auto* t = as_traceback(o);
    for (Object* p : {t->next, t->frame, t->code, t->globals})
        if (p) visit(p, arg);
}

void traceback_clear(Object* o) {
    auto* t = as_traceback(o);
    Object* next = std::exchange(t->next, nullptr);
    Object* frame = std::exchange(t->frame, nullptr);
    Object* globals = std::exchange(t->globals, nullptr);
    xdecref(next);
    xdecref(frame);
    xdecref(globals);
}

void traceback_dealloc(Object* o) {
    auto* t = as_traceback(o);
    xdecref(t->next);
    xdecref(t->frame);
    decref(t->code);
    xdecref(t->globals);
    delete t;
}

Ref traceback_new(Object* next, Object* frame, Object* code, Object* globals, int line, int lasti) {
    auto* t = new TracebackObject();
    init_header(t, &traceback_type);
    t->next = next ? newref(next) : nullptr;
    t->frame = frame ? newref(frame) : nullptr;
    t->code = newref(code);
    t->globals = globals ? newref(globals) : nullptr;
    t->line = line;
    t->lasti = lasti;
    return Ref::steal(t);
}

// tb_frame: the frame as the entry recorded it (its code, globals and line; its locals are not kept).
Object* traceback_frame(TracebackObject* t) {
    if (!t->frame) {
        Ref globals = t->globals ? Ref::borrow(t->globals) : dict_new();
        t->frame = frame_new(t->code, globals.get(), nullptr, nullptr, t->line, t->lasti).release();
    }
    return t->frame;
}

Ref traceback_getattr(Object* o, Str* name) {
    auto* t = as_traceback(o);
    const std::string& n = name->utf8;
    if (n == "tb_frame") return Ref::borrow(traceback_frame(t));
    if (n == "tb_next") return Ref::borrow(t->next ? t->next : None);
    if (n == "tb_lineno") return int_from_i64(t->line);
    if (n == "tb_lasti") return int_from_i64(t->lasti * 2);
    return generic_getattr(o, name);
}

// A new tb_next must be a traceback (or None) whose chain does not lead back to `t`.
void check_next(TracebackObject* t, Object* next) {
    if (next != None && type_of(next) != &traceback_type)
        raise(&TypeError_type, format("expected traceback object, got '%s'", type_of(next)->name.c_str()));
    for (Object* p = next; p && p != None; p = as_traceback(p)->next) {
        if (p == t) raise(&ValueError_type, "traceback loop detected");
    }
}

// Only tb_next may be set, as in CPython (unittest cuts its own frames off a traceback this way).
void traceback_setattr(Object* o, Str* name, Object* value) {
    auto* t = as_traceback(o);
    const std::string& n = name->utf8;
    if (n == "tb_next") {
        if (!value) raise(&TypeError_type, "can't delete tb_next attribute");
        check_next(t, value);
        Object* old = std::exchange(t->next, value == None ? nullptr : newref(value));
        xdecref(old);
        return;
    }
    if (n == "tb_frame" || n == "tb_lineno" || n == "tb_lasti")
        raise(&AttributeError_type, "readonly attribute");
    raise(&AttributeError_type, format("'traceback' object has no attribute '%s'", n.c_str()));
}

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno).
Ref traceback_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};
    Object* a[4] = {};
    bind_args("TracebackType", args, nargs, kw, kNames, 4, 4, a);
    if (a[0] != None && type_of(a[0]) != &traceback_type)
        raise(&TypeError_type,
              format("expected traceback object or None, got '%s'", type_of(a[0])->name.c_str()));
    if (type_of(a[1]) != &frame_type)
        raise(&TypeError_type, format("TracebackType() argument 'tb_frame' must be frame, not %s",
                                      type_of(a[1])->name.c_str()));
    auto* frame = static_cast<FrameObject*>(a[1]);
    int lasti = static_cast<int>(as_index(a[2]) / 2);
    int line = static_cast<int>(as_index(a[3]));
    return traceback_new(a[0] == None ? nullptr : a[0], frame, frame->code, frame->globals, line, lasti);
}

}  // namespace

FrameObject* frame_object_of(Frame* f, size_t index, bool refresh_now) {
    // The callers' objects first (outermost first, without recursion: frames can be deep); a
    // generator resumed by a new caller may find it without one.
    if (f->previous && !f->previous->frame_object) {
        std::vector<Frame*> missing;
        for (Frame* p = f->previous; p && !p->frame_object; p = p->previous) missing.push_back(p);
        for (auto it = missing.rbegin(); it != missing.rend(); ++it)
            frame_object_of(*it, (*it)->lasti(), true);
    }
    if (!f->frame_object) {
        Ref back = f->previous ? Ref::borrow(f->previous->frame_object) : nullptr;
        f->frame_object = frame_new(f->code, f->globals, nullptr, std::move(back), 0, 0).release();
        refresh_now = true;
        // A frame already running (its f_trace set from sys._getframe()) goes on with the line it
        // is at: no 'line' event for it, as CPython compares with the frame's previous instruction.
        if (f->ip > f->code->instructions.data()) {
            auto* fo = static_cast<FrameObject*>(f->frame_object);
            fo->last_traced_index = static_cast<int>(f->lasti());
            fo->last_traced_line = f->code->positions()[f->lasti()].line;
        }
    }
    auto* fo = static_cast<FrameObject*>(f->frame_object);
    fo->live = f;
    // A generator resumed by another caller than before has another f_back.
    Object* back = f->previous ? f->previous->frame_object : nullptr;
    if (back && fo->back != back) xdecref(std::exchange(fo->back, newref(back)));
    if (refresh_now) refresh(fo, f, index);
    return fo;
}

void init_frame_types() {
    frame_type.name = "frame";
    frame_type.instance_size = sizeof(FrameObject);
    frame_type.dealloc = frame_dealloc;
    frame_type.traverse = frame_traverse;
    frame_type.clear = frame_clear_refs;
    frame_type.getattr = frame_getattr;
    frame_type.setattr = frame_setattr;
    frame_type.repr = frame_repr;
    frame_type.methods = kFrameMethods;
    init_type(&frame_type);
    add_attribute_descriptors(&frame_type, {"f_locals", "f_lineno", "f_trace", "f_lasti", "f_globals",
                                            "f_builtins", "f_code", "f_back", "f_trace_opcodes"});
    add_attribute_descriptors(&frame_type, {"f_trace_lines"}, true);
    traceback_type.name = "traceback";
    traceback_type.instance_size = sizeof(TracebackObject);
    traceback_type.dealloc = traceback_dealloc;
    traceback_type.traverse = traceback_traverse;
    traceback_type.clear = traceback_clear;
    traceback_type.getattr = traceback_getattr;
    traceback_type.setattr = traceback_setattr;
    traceback_type.construct = traceback_construct;
    traceback_type.methods = kTracebackMethods;
    init_type(&traceback_type);
    add_attribute_descriptors(&traceback_type, {"tb_next"});
    add_attribute_descriptors(&traceback_type, {"tb_frame", "tb_lasti", "tb_lineno"}, true);
    set_traceback_type(&traceback_type);
}

Ref frame_object_at(Frame* f) { return f ? Ref::borrow(frame_object_of(f, f->lasti(), true)) : nullptr; }

namespace {

// The values an ending frame leaves its object: its namespace (a module or class body), or a copy
// of its locals, cells and free variables, which is cheaper than filling the f_locals dict that an
// exception's traceback (holding each frame it passed) may never be asked for.
void keep_locals(FrameObject* fo, Frame* f) {
    if (f->locals) {
        sync_locals(fo, f);
        return;
    }
    Object** lp = f->localsplus();
    fo->kept.assign(lp, lp + f->code->nlocalsplus());
    for (Object* p : fo->kept) xincref(p);
}

}  // namespace

void release_frame_object(Frame* f) {
    auto* fo = static_cast<FrameObject*>(std::exchange(f->frame_object, nullptr));
    if (!fo) return;
    // Kept by Python code (or a traceback): it keeps the frame's last line and locals, as CPython
    // copies an ending frame into its object. Otherwise it goes with the frame.
    if (refcount_get(fo->refcnt) > 1) {
        fo->event = TraceEvent::None;
        follow(fo, false);
        keep_locals(fo, f);
    }
    fo->live = nullptr;
    decref(fo);
}

void traceback_here(Object* exc, Frame* f, size_t index) {
    auto* e = static_cast<BaseExceptionObject*>(exc);
    // tb_frame is the frame's own object, as CPython's PyTraceBack_Here: it follows the frame while
    // it runs (a post-mortem debugger finds the frame it stepped through) and keeps its locals once
    // it ends. Made here the first time an exception passes through the frame.
    Ref tb = traceback_new(e->traceback, frame_object_of(f, index, false), f->code, f->globals,
                           f->code->line_of(index), static_cast<int>(index));
    xdecref(std::exchange(e->traceback, tb.release()));
}

void traceback_at_start(Object* exc, Frame* f) {
    auto* e = static_cast<BaseExceptionObject*>(exc);
    Ref tb = traceback_new(e->traceback, f->frame_object, f->code, f->globals, f->code->firstlineno, 0);
    xdecref(std::exchange(e->traceback, tb.release()));
}

}  // namespace minipy
