// frame_object.cpp — frame and traceback objects for Python code (sys._getframe, exc.__traceback__,
// tb.tb_frame). minipy's frames live on the thread's value stack and move (generators copy them
// out), so a frame object is a snapshot: code, globals, line and locals as they were when it was made.
#include "vm/frame_object.h"

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Type frame_type, traceback_type;

namespace {

struct FrameObject : Object {
    Object* code;     // owned
    Object* globals;  // owned
    Object* locals;   // owned
    Object* back;     // owned or null
    int line;
    int lasti;  // instruction index
};

struct TracebackObject : Object {
    Object* frame;  // owned
    Object* next;   // owned or null
    int line;
    int lasti;
};

void frame_dealloc(Object* o) {
    auto* f = static_cast<FrameObject*>(o);
    decref(f->code);
    decref(f->globals);
    decref(f->locals);
    xdecref(f->back);
    delete f;
}

Ref frame_getattr(Object* o, Str* name) {
    auto* f = static_cast<FrameObject*>(o);
    const std::string& n = name->utf8;
    if (n == "f_code") return Ref::borrow(f->code);
    if (n == "f_globals") return Ref::borrow(f->globals);
    if (n == "f_locals") return Ref::borrow(f->locals);
    if (n == "f_back") return Ref::borrow(f->back ? f->back : None);
    if (n == "f_lineno") return int_from_i64(f->line);
    if (n == "f_lasti") return int_from_i64(f->lasti * 2);
    if (n == "f_trace") return Ref::borrow(None);
    if (n == "f_builtins") {
        Object* b = dict_get_str(as_dict(f->globals), intern("__builtins__"));
        if (b && type_of(b) != &dict_type) return get_attr(b, intern("__dict__"));
        return Ref::borrow(b ? b : None);
    }
    return generic_getattr(o, name);
}

Ref frame_repr(Object* o) {
    auto* f = static_cast<FrameObject*>(o);
    Code* co = as_code(f->code);
    return str_new(format("<frame at %p, file '%s', line %d, code %s>", static_cast<void*>(o),
                          co->filename.c_str(), f->line, co->name->utf8.c_str()));
}

Ref frame_clear(Object*, Object* const*, size_t nargs, Tuple* kw) {
    check_positional("clear", nargs - 1, kw, 0, 0);
    return Ref::borrow(None);
}

const MethodDef kFrameMethods[] = {
    {"clear", frame_clear, "F.clear(): clear most references held by the frame"},
    {nullptr, nullptr, nullptr},
};

void traceback_dealloc(Object* o) {
    auto* t = static_cast<TracebackObject*>(o);
    decref(t->frame);
    xdecref(t->next);
    delete t;
}

Ref traceback_getattr(Object* o, Str* name) {
    auto* t = static_cast<TracebackObject*>(o);
    const std::string& n = name->utf8;
    if (n == "tb_frame") return Ref::borrow(t->frame);
    if (n == "tb_next") return Ref::borrow(t->next ? t->next : None);
    if (n == "tb_lineno") return int_from_i64(t->line);
    if (n == "tb_lasti") return int_from_i64(t->lasti * 2);
    return generic_getattr(o, name);
}

// The locals of a running frame: its namespace dict, or a dict made from its fast locals and cells.
Ref locals_of(Frame* f) {
    if (f->locals) return Ref::borrow(f->locals);
    Ref d = dict_new();
    Code* co = f->code;
    Object** lp = f->localsplus();
    size_t n = 0;
    auto put = [&](Str* name, Object* v) {
        if (v && type_of(v) == &cell_type) v = static_cast<Cell*>(v)->ref;
        if (v) dict_set(as_dict(d.get()), name, v);
    };
    for (Str* name : co->varnames) put(name, lp[n++]);
    for (Str* name : co->cellvars) put(name, lp[n++]);
    for (Str* name : co->freevars) put(name, lp[n++]);
    return d;
}

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

// Frame objects for a running frame and (eagerly: the frames themselves will not stay) its callers.
Ref snapshot(Frame* f) {
    if (!f) return nullptr;
    Ref back = snapshot(f->previous);
    size_t index = f->lasti();
    return frame_new(f->code, f->globals, locals_of(f), std::move(back), f->code->line_of(index),
                     static_cast<int>(index));
}

Ref exception_traceback(Object* exc) {
    auto& entries = static_cast<BaseExceptionObject*>(exc)->traceback;
    Ref next;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        Object* globals = it->globals ? it->globals : dict_new().release();
        Ref owned = it->globals ? Ref::borrow(globals) : Ref::steal(globals);
        Ref frame = frame_new(it->code, owned.get(), dict_new(), nullptr, it->line, it->lasti);
        auto* t = new TracebackObject();
        init_header(t, &traceback_type);
        t->frame = frame.release();
        t->next = next.release();
        t->line = it->line;
        t->lasti = it->lasti;
        next = Ref::steal(t);
    }
    return next ? next : Ref::borrow(None);
}

// exc.__traceback__ = tb (or exc.with_traceback(tb)): the entries become tb's chain.
void set_exception_traceback(Object* exc, Object* tb) {
    if (type_of(tb) != &traceback_type) raise(&TypeError_type, "__traceback__ must be a traceback or None");
    std::vector<TracebackEntry> entries;
    for (Object* t = tb; t; t = static_cast<TracebackObject*>(t)->next) {
        auto* frame = static_cast<FrameObject*>(static_cast<TracebackObject*>(t)->frame);
        entries.push_back(TracebackEntry{newref(frame->code), static_cast<TracebackObject*>(t)->line,
                                         static_cast<TracebackObject*>(t)->lasti, newref(frame->globals)});
    }
    auto& old = static_cast<BaseExceptionObject*>(exc)->traceback;
    for (TracebackEntry& e : old) {
        decref(e.code);
        xdecref(e.globals);
    }
    old = std::move(entries);
}

}  // namespace

void init_frame_types() {
    frame_type.name = "frame";
    frame_type.instance_size = sizeof(FrameObject);
    frame_type.dealloc = frame_dealloc;
    frame_type.getattr = frame_getattr;
    frame_type.repr = frame_repr;
    frame_type.methods = kFrameMethods;
    init_type(&frame_type);
    traceback_type.name = "traceback";
    traceback_type.instance_size = sizeof(TracebackObject);
    traceback_type.dealloc = traceback_dealloc;
    traceback_type.getattr = traceback_getattr;
    init_type(&traceback_type);
    set_traceback_hooks({exception_traceback, set_exception_traceback});
}

Ref frame_object_at(Frame* f) { return snapshot(f); }

}  // namespace minipy
