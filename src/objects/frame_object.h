// frame_object.h — frame and traceback objects as Python code sees them (sys._getframe(),
// exc.__traceback__, tb.tb_frame). minipy's stack frames are not objects themselves: a frame object
// follows one while it exists and keeps its last state after; a traceback is CPython's chain of
// entries, one per frame the exception left, outermost first.
#pragma once

#include <vector>

#include "objects/frame.h"
#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

extern Type frame_type, traceback_type;

// The trace event being reported for a frame now, if any: f_lineno stays the event's line meanwhile,
// and setting it is a jump only in a 'line' event (objects/frame_jump.h).
enum class TraceEvent : uint8_t { None, Call, Line, Return, Exception, Opcode, Other };

// What Python code sees of a frame: code, globals, line and locals, and the trace settings of
// sys.settrace. While its frame exists (`live`), line, lasti and locals are read from it at each
// access, as CPython's f_lineno and f_locals are; once the frame ends they keep its last state.
struct FrameObject : Object {
    MINIPY_GC_ALLOCATED
    Object* code;     // owned
    Object* globals;  // owned
    Object* locals;   // owned or null (made on first use): the dict f_locals returns, refilled at each access
    // Owned (null: unbound): an ended frame's locals, cells and free variables, copied as it ended
    // while something held this object (a traceback does); f_locals is made from them on demand.
    std::vector<Object*> kept;
    Object* back;  // owned or null
    int line;
    int lasti;                            // instruction index
    Frame* live = nullptr;                // the frame while it exists (running or a suspended generator's)
    TraceEvent event = TraceEvent::None;  // the trace event being reported for the frame
    int jump_to = -1;            // the instruction the event's f_lineno assignment jumps to, until made
    Object* trace = nullptr;     // owned or null: f_trace, the frame's local trace function
    bool trace_lines = true;     // f_trace_lines: 'line' events wanted
    bool trace_opcodes = false;  // f_trace_opcodes: 'opcode' events wanted
    int last_traced_line = -1;   // the line of the last instruction traced in the frame
    int last_traced_index = -1;  // and that instruction's index (a smaller one next: a jump back)
};

// One entry of a traceback: where frame `code` was when the exception passed through it.
struct TracebackObject : Object {
    MINIPY_GC_ALLOCATED
    Object* next;     // owned or null: the entry one call further in (tb_next, settable)
    Object* frame;    // owned or null: tb_frame, the frame's object (else made when first read)
    Object* code;     // owned
    Object* globals;  // owned or null
    int line;
    int lasti;  // instruction index, for the column carets
};

void init_frame_types();  // at start-up; also registers the traceback type with the exceptions
// A frame object for `f` and its callers (null when f is null): the frame's own object, refreshed,
// so the same frame gives the same object (its callers' lines are refreshed too).
Ref frame_object_at(Frame* f);
// The frame's own object (borrowed), made on first use; with `refresh`, its line, lasti and locals
// are brought up to date. `index`: the instruction the frame is at.
FrameObject* frame_object_of(Frame* f, size_t index, bool refresh);
// The frame `f` ends (its storage is released): its object, if any, keeps the frame's last line and
// locals for whoever still holds it, and is released by the frame.
void release_frame_object(Frame* f);
// Prepends the entry for frame `f`, stopped at instruction `index`, to exc.__traceback__ (CPython's
// PyTraceBack_Here), as the exception leaves or is caught in f.
void traceback_here(Object* exc, Frame* f, size_t index);
// The same for a frame that never ran (a generator thrown into before its start): the entry names
// its first line, the `def`, as CPython's.
void traceback_at_start(Object* exc, Frame* f);

}  // namespace minipy
