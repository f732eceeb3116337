// trace_hooks.cpp — calling sys.settrace's and sys.setprofile's functions with CPython 3.11's events
// and rules: the global trace function gets 'call' and its result becomes the frame's f_trace, which
// then gets the frame's 'line', 'opcode', 'return' and 'exception' events (a result other than None
// replaces it); the profile function gets 'call' and 'return'. A function that raises is switched
// off (sys.settrace(None)) and its exception raised where the event happened.
#include "vm/trace_hooks.h"

#include <cstring>
#include <utility>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame_jump.h"
#include "objects/frame_object.h"
#include "objects/generator.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "vm/interp_support.h"

namespace minipy {

namespace {

void replace_owned(Object*& slot, Object* fn) {
    Object* value = fn && fn != None ? newref(fn) : nullptr;
    xdecref(std::exchange(slot, value));
}

// Sets or clears (null) one of the thread's hooks. The thread's loop picks its dispatch table again
// at its next check: it runs every instruction through trace_before_instruction while a hook is set.
void set_hook(ThreadState* ts, Object*& hook, Object* fn) {
    bool trace = &hook == &ts->trace_func;
    bool& installing = trace ? ts->installing_trace : ts->installing_profile;
    if (installing) {
        const char* what = trace ? "trace" : "profile";
        raise(
            &RuntimeError_type,
            format("Cannot install a %s function while another %s function is being installed", what, what));
    }
    installing = true;
    struct Done {
        bool& installing;
        ~Done() { installing = false; }
    } done{installing};
    replace_owned(hook, fn);
    mark_hooks_changed(ts);
}

// The frames running now started before tracing did: they get no 'call' event.
void settle_running_frames(ThreadState* ts) {
    for (Frame* f = ts->frame; f; f = f->previous) f->trace_call_pending = false;
}

TraceEvent event_kind(const char* event) {
    static const std::pair<const char*, TraceEvent> kKinds[] = {
        {"call", TraceEvent::Call},           {"line", TraceEvent::Line},     {"return", TraceEvent::Return},
        {"exception", TraceEvent::Exception}, {"opcode", TraceEvent::Opcode},
    };
    for (const auto& [name, kind] : kKinds) {
        if (std::strcmp(name, event) == 0) return kind;
    }
    return TraceEvent::Other;
}

// Calls a hook with the thread's hooks off meanwhile, so the hook's own code is not traced. The
// frame's f_lineno stays the event's line during the call, as CPython sets f_lineno for it, and the
// frame knows which event it is reporting (a 'line' event's hook may set f_lineno: a jump).
Ref call_hook(ThreadState* ts, Object* fn, FrameObject* frame, const char* event, Object* arg) {
    ts->in_trace_hook = true;
    struct Restore {
        ThreadState* ts;
        FrameObject* frame;
        TraceEvent was;
        ~Restore() {
            ts->in_trace_hook = false;
            frame->event = was;
        }
    } restore{ts, frame, std::exchange(frame->event, event_kind(event))};
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
        fo->jump_to = -1;
        set_hook(ts, ts->trace_func, nullptr);
        replace_owned(fo->trace, nullptr);
        throw;
    }
    if (result.get() != None) replace_owned(fo->trace, result.get());
}

// The native profile function's event, with the hooks off meanwhile (its timer may be Python code).
void native_profile_event(ThreadState* ts, Frame* f, ProfileEvent event, Object* arg) {
    ts->in_trace_hook = true;
    struct Restore {
        ThreadState* ts;
        ~Restore() { ts->in_trace_hook = false; }
    } restore{ts};
    Ref profiler = Ref::borrow(ts->profile_func);
    ts->native_profile(profiler.get(), f, event, arg);
}

void profile_event(ThreadState* ts, FrameObject* fo, const char* event, Object* arg) {
    Ref fn = Ref::borrow(ts->profile_func);
    try {
        call_hook(ts, fn.get(), fo, event, arg);
    } catch (PyException&) {
        set_hook(ts, ts->profile_func, nullptr);
        throw;
    }
}

// The frame's object for an event at instruction `index`, brought up to date. An instruction of no
// line (an except clause's clean-up, the implicit `return None`, a re-raise after a finally body)
// reports the line that ran last: CPython gives each copy of such code its predecessor's line.
FrameObject* event_frame(Frame* f, size_t index) {
    FrameObject* fo = frame_object_of(f, index, true);
    if (f->code->positions()[index].line <= 0 && fo->last_traced_line > 0) fo->line = fo->last_traced_line;
    return fo;
}

// The frame's object when its local trace function should hear of events, else null.
FrameObject* traced(ThreadState* ts, Frame* f) {
    if (!ts->trace_func || !f->frame_object) return nullptr;
    auto* fo = static_cast<FrameObject*>(f->frame_object);
    return fo->trace ? fo : nullptr;
}

void call_event(ThreadState* ts, Frame* f, size_t index) {
    // A native profiler alone needs no frame object.
    if (!ts->trace_func && ts->native_profile)
        return native_profile_event(ts, f, ProfileEvent::Call, nullptr);
    FrameObject* fo = event_frame(f, index);
    // A new frame is at its `def` line, as CPython's RESUME; a resumed generator where it stopped.
    if (index == 0) fo->line = f->code->firstlineno;
    // A resumed generator goes on with the line of the yield it stopped at: no 'line' event for it
    // again, even when tracing began after that line started (CPython compares with the frame's
    // previous instruction, traced or not).
    if (index > 0 && f->code->positions()[index - 1].line > 0) {
        fo->last_traced_line = f->code->positions()[index - 1].line;
        fo->last_traced_index = static_cast<int>(index) - 1;
    }
    // The trace function hears of the call first, then the profile function, as in CPython.
    if (ts->trace_func) {
        Ref fn = Ref::borrow(ts->trace_func);
        Ref result;
        try {
            result = call_hook(ts, fn.get(), fo, "call", nullptr);
        } catch (PyException&) {
            set_hook(ts, ts->trace_func, nullptr);
            throw;
        }
        replace_owned(fo->trace, result.get());
    }
    if (ts->native_profile)
        native_profile_event(ts, f, ProfileEvent::Call, nullptr);
    else if (ts->profile_func)
        profile_event(ts, fo, "call", nullptr);
}

// The profile function's 'return' event as `f` returns `value` (null: as an exception leaves it).
void profile_return(ThreadState* ts, Frame* f, size_t index, Object* value) {
    if (ts->native_profile)
        native_profile_event(ts, f, ProfileEvent::Return, value);
    else if (ts->profile_func)
        profile_event(ts, event_frame(f, index), "return", value);
}

// A 'line' event is due when the instruction is on another line than the last one traced in the
// frame, or the frame jumped back (a loop's next round, even on one line), except back to the SEND
// of a `yield from` or `await`, which is the same statement resuming (CPython makes that exception
// too). Instructions of no line (a handler's PUSH_EXC_INFO) report nothing.
bool starts_line(FrameObject* fo, const Code* co, size_t index, Op op) {
    int line = co->positions()[index].line;
    if (line <= 0) return false;
    bool jumped_back = static_cast<int>(index) <= fo->last_traced_index && op != Op::SEND;
    bool due = line != fo->last_traced_line || jumped_back;
    fo->last_traced_line = line;
    fo->last_traced_index = static_cast<int>(index);
    return due;
}

}  // namespace

void set_trace_function(ThreadState* ts, Object* fn) {
    settle_running_frames(ts);
    set_hook(ts, ts->trace_func, fn);
}

void set_profile_function(ThreadState* ts, Object* fn) {
    settle_running_frames(ts);
    ts->native_profile = nullptr;
    set_hook(ts, ts->profile_func, fn);
}

void set_native_profile_function(ThreadState* ts, NativeProfileFn fn, Object* profiler) {
    settle_running_frames(ts);
    ts->native_profile = fn;
    set_hook(ts, ts->profile_func, fn ? profiler : nullptr);
}

// After a hook of `f`'s returned: a jump its f_lineno assignment asked for is made now. A jump in
// a line event goes on at its target without a 'line' event for it (CPython runs the target
// instruction directly); a yield's jump is where the frame resumes, so the yield still runs.
size_t take_jump(ThreadState* ts, Frame* f, FrameObject* fo, size_t index) {
    if (fo->jump_to < 0) return index;
    bool yielding = instr_op(f->code->instructions[index]) == Op::YIELD_VALUE;
    size_t target = perform_frame_jump(ts, f, fo, yielding);
    if (yielding) {
        f->ip = f->code->instructions.data() + target;
        return index;
    }
    f->ip = f->code->instructions.data() + target + 1;
    fo->last_traced_line = f->code->line_of(target);
    fo->last_traced_index = static_cast<int>(target);
    return target;
}

size_t trace_before_instruction(ThreadState* ts, Frame* f, size_t index) {
    if (ts->in_trace_hook || !trace_hooks_set(ts)) return index;
    if (f->trace_call_pending) {
        f->trace_call_pending = false;
        call_event(ts, f, index);
    }
    Op op = instr_op(f->code->instructions[index]);
    // The line is followed in every frame with an object (profiled ones too), for event_frame.
    auto* own = static_cast<FrameObject*>(f->frame_object);
    bool new_line = own && starts_line(own, f->code, index, op);
    if (FrameObject* fo = traced(ts, f)) {
        if (new_line && fo->trace_lines) {
            event_frame(f, index);
            local_event(ts, fo, "line", nullptr);
            index = take_jump(ts, f, fo, index);
            op = instr_op(f->code->instructions[index]);
        }
        if (fo->trace && fo->trace_opcodes && traced(ts, f)) {
            event_frame(f, index);
            local_event(ts, fo, "opcode", nullptr);
        }
    }
    if (op != Op::RETURN_VALUE && op != Op::YIELD_VALUE) return index;
    if (FrameObject* fo = traced(ts, f)) {
        event_frame(f, index);
        local_event(ts, fo, "return", f->sp[-1]);
        index = take_jump(ts, f, fo, index);
    }
    profile_return(ts, f, index, f->sp[-1]);
    return index;
}

Ref trace_exception(ThreadState* ts, Frame* f, size_t index, Ref exc) {
    if (ts->in_trace_hook || !is_exception_instance(exc.get())) return exc;
    FrameObject* fo = traced(ts, f);
    if (!fo) return exc;
    event_frame(f, index);
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
            event_frame(f, index);
            local_event(ts, fo, "return", nullptr);
        }
        profile_return(ts, f, index, nullptr);
    } catch (PyException& raised) {
        return raised.take();
    }
    return exc;
}

void trace_throw_into(ThreadState* ts, Frame* f) {
    if (ts->in_trace_hook || !trace_hooks_set(ts) || !f->trace_call_pending) return;
    f->trace_call_pending = false;
    // A generator not started yet begins at its first instruction, as a call does.
    call_event(ts, f, f->ip == f->code->instructions.data() ? 0 : f->lasti());
}

void trace_send_returned(ThreadState* ts, Frame* f, size_t index, Object* inner, Object* sent,
                         Object* value) {
    if (ts->in_trace_hook) return;
    FrameObject* fo = traced(ts, f);
    // Only a send(), or a coroutine (which has no next()), or a value to carry raises StopIteration.
    if (!fo || (sent == None && value == None && type_of(inner) != &coroutine_type)) return;
    Ref args = value == None ? tuple_new(0) : tuple_from(&value, 1);
    Ref stop = exception_new(&StopIteration_type, args.get());
    Object* parts[3] = {&StopIteration_type, stop.get(), None};
    Ref info = tuple_from(parts, 3);
    event_frame(f, index);
    local_event(ts, fo, "exception", info.get());
}

namespace {

// What 'c_call' names for a call of `callable` with `args` (null: no event): a built-in function,
// or a method descriptor bound to the self it is called on. CPython reports no other callable (a
// class, a slot wrapper; a Python function has its own 'call').
Ref c_call_subject(Object* callable, Object* const* args, size_t nargs) {
    if (type_of(callable) == &builtin_function_type) return Ref::borrow(callable);
    if (type_of(callable) == &method_descriptor_type && nargs > 0)
        return native_function_new(static_cast<MethodDescriptor*>(callable)->def, args[0]);
    return nullptr;
}

// Runs `do_call` between 'c_call' and 'c_return' (or 'c_exception'), each sent only while the
// profile function is still set: the call may be sys.setprofile(None) itself.
void c_event(ThreadState* ts, Frame* f, size_t index, ProfileEvent event, const char* name, Object* subject) {
    if (ts->native_profile)
        native_profile_event(ts, f, event, subject);
    else if (ts->profile_func)
        profile_event(ts, event_frame(f, index), name, subject);
}

template <class Call>
Ref call_between_c_events(ThreadState* ts, Frame* f, size_t index, Object* subject, Call&& do_call) {
    c_event(ts, f, index, ProfileEvent::CCall, "c_call", subject);
    Ref result;
    try {
        result = do_call();
    } catch (PyException&) {
        c_event(ts, f, index, ProfileEvent::CException, "c_exception", subject);
        throw;
    }
    c_event(ts, f, index, ProfileEvent::CReturn, "c_return", subject);
    return result;
}

}  // namespace

Ref profiled_call(ThreadState* ts, Frame* f, size_t index, Object* callable, Object* const* args,
                  size_t nargs, Tuple* kwnames, bool is_method) {
    auto do_call = [&] { return call_object(callable, args, nargs, kwnames, is_method); };
    if (ts->in_trace_hook || !ts->profile_func) return do_call();
    Ref subject = c_call_subject(callable, args, nargs);
    if (!subject) return do_call();
    return call_between_c_events(ts, f, index, subject.get(), do_call);
}

Ref profiled_call_with_star_args(ThreadState* ts, Frame* f, size_t index, Object* callable, Object* args,
                                 Object* kwargs) {
    auto do_call = [&] { return call_with_star_args(callable, args, kwargs); };
    if (ts->in_trace_hook || !ts->profile_func) return do_call();
    Tuple* positional = type_of(args) == &tuple_type ? as_tuple(args) : nullptr;
    Ref subject =
        c_call_subject(callable, positional ? positional->items : nullptr, positional ? positional->size : 0);
    if (!subject) return do_call();
    return call_between_c_events(ts, f, index, subject.get(), do_call);
}

}  // namespace minipy
