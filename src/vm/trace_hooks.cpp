// trace_hooks.cpp — calling sys.settrace's and sys.setprofile's functions with CPython 3.11's events
// and rules: the global trace function gets 'call' and its result becomes the frame's f_trace, which
// then gets the frame's 'line', 'opcode', 'return' and 'exception' events (a result other than None
// replaces it); the profile function gets 'call' and 'return'. A function that raises is switched
// off (sys.settrace(None)) and its exception raised where the event happened.
#include "vm/trace_hooks.h"

#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame_object.h"
#include "objects/str.h"

namespace minipy {

namespace {

void replace_owned(Object*& slot, Object* fn) {
    Object* value = fn && fn != None ? newref(fn) : nullptr;
    xdecref(std::exchange(slot, value));
}

// The frames running now started before tracing did: they get no 'call' event.
void settle_running_frames(ThreadState* ts) {
    for (Frame* f = ts->frame; f; f = f->previous) f->trace_call_pending = false;
}

// Calls a hook with the thread's hooks off meanwhile, so the hook's own code is not traced.
Ref call_hook(ThreadState* ts, Object* fn, FrameObject* frame, const char* event, Object* arg) {
    ts->in_trace_hook = true;
    struct Restore {
        ThreadState* ts;
        ~Restore() { ts->in_trace_hook = false; }
    } restore{ts};
    Object* args[3] = {frame, intern(event), arg ? arg : None};
    return call(fn, args, 3);
}

// An event for the frame's local trace function; its result, unless None, replaces it. When it
// raises, tracing stops in the thread (CPython's trace_trampoline).
void local_event(ThreadState* ts, FrameObject* fo, const char* event, Object* arg) {
    Ref keep = Ref::borrow(fo->trace);
    Ref result;
    try {
        result = call_hook(ts, fo->trace, fo, event, arg);
    } catch (PyException&) {
        replace_owned(ts->trace_func, nullptr);
        replace_owned(fo->trace, nullptr);
        throw;
    }
    if (result.get() != None) replace_owned(fo->trace, result.get());
}

void profile_event(ThreadState* ts, FrameObject* fo, const char* event, Object* arg) {
    Ref fn = Ref::borrow(ts->profile_func);
    try {
        call_hook(ts, fn.get(), fo, event, arg);
    } catch (PyException&) {
        replace_owned(ts->profile_func, nullptr);
        throw;
    }
}

// The frame's object when its local trace function should hear of events, else null.
FrameObject* traced(ThreadState* ts, Frame* f) {
    if (!ts->trace_func || !f->frame_object) return nullptr;
    auto* fo = static_cast<FrameObject*>(f->frame_object);
    return fo->trace ? fo : nullptr;
}

void call_event(ThreadState* ts, Frame* f, size_t index) {
    FrameObject* fo = frame_object_of(f, index, true);
    // A new frame is at its `def` line, as CPython's RESUME; a resumed generator where it stopped.
    if (index == 0) fo->line = f->code->firstlineno;
    if (ts->profile_func) profile_event(ts, fo, "call", nullptr);
    if (!ts->trace_func) return;
    Ref fn = Ref::borrow(ts->trace_func);
    Ref result;
    try {
        result = call_hook(ts, fn.get(), fo, "call", nullptr);
    } catch (PyException&) {
        replace_owned(ts->trace_func, nullptr);
        throw;
    }
    replace_owned(fo->trace, result.get());
}

// A 'line' event is due when the instruction is on another line than the last one traced in the
// frame, or the frame jumped back (a loop's next round, even on one line). Instructions of no line
// (a handler's PUSH_EXC_INFO) report nothing.
bool starts_line(FrameObject* fo, const Code* co, size_t index) {
    int line = co->positions[index].line;
    if (line <= 0) return false;
    bool due = line != fo->last_traced_line || static_cast<int>(index) <= fo->last_traced_index;
    fo->last_traced_line = line;
    fo->last_traced_index = static_cast<int>(index);
    return due;
}

}  // namespace

void set_trace_function(ThreadState* ts, Object* fn) {
    settle_running_frames(ts);
    replace_owned(ts->trace_func, fn);
}

void set_profile_function(ThreadState* ts, Object* fn) {
    settle_running_frames(ts);
    replace_owned(ts->profile_func, fn);
}

void trace_before_instruction(ThreadState* ts, Frame* f, size_t index, Object** sp) {
    if (ts->in_trace_hook || !trace_hooks_set(ts)) return;
    if (f->trace_call_pending) {
        f->trace_call_pending = false;
        call_event(ts, f, index);
    }
    Op op = instr_op(f->code->instructions[index]);
    if (FrameObject* fo = traced(ts, f)) {
        if (starts_line(fo, f->code, index) && fo->trace_lines) {
            frame_object_of(f, index, true);
            local_event(ts, fo, "line", nullptr);
        }
        if (fo->trace && fo->trace_opcodes && traced(ts, f)) {
            frame_object_of(f, index, true);
            local_event(ts, fo, "opcode", nullptr);
        }
    }
    if (op != Op::RETURN_VALUE && op != Op::YIELD_VALUE) return;
    if (FrameObject* fo = traced(ts, f)) {
        frame_object_of(f, index, true);
        local_event(ts, fo, "return", sp[-1]);
    }
    if (ts->profile_func) profile_event(ts, frame_object_of(f, index, true), "return", sp[-1]);
}

Ref trace_exception(ThreadState* ts, Frame* f, size_t index, Ref exc) {
    if (ts->in_trace_hook || !is_exception_instance(exc.get())) return exc;
    FrameObject* fo = traced(ts, f);
    if (!fo) return exc;
    frame_object_of(f, index, true);
    auto* e = static_cast<BaseExceptionObject*>(exc.get());
    Object* parts[3] = {type_of(e), e, e->traceback ? e->traceback : None};
    Ref info = tuple_from(parts, 3);
    try {
        local_event(ts, fo, "exception", info.get());
    } catch (PyException& raised) {
        return raised.take();
    }
    return exc;
}

Ref trace_unwound(ThreadState* ts, Frame* f, size_t index, Ref exc) {
    if (ts->in_trace_hook || !trace_hooks_set(ts)) return exc;
    try {
        if (FrameObject* fo = traced(ts, f)) {
            frame_object_of(f, index, true);
            local_event(ts, fo, "return", nullptr);
        }
        if (ts->profile_func) profile_event(ts, frame_object_of(f, index, true), "return", nullptr);
    } catch (PyException& raised) {
        return raised.take();
    }
    return exc;
}

}  // namespace minipy
