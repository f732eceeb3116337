// frame.h — the layout of one activation of a code object. Frames live on the thread's value stack:
// this header, then the fast locals (varnames, cells, free variables: "localsplus"), then the
// evaluation stack. The objects layer reads frames (a generator keeps its own, super() reads the
// caller's first argument and __class__ cell); pushing, running and popping them is the VM's
// (vm/frame.h).
#pragma once

#include "objects/code.h"
#include "objects/containers.h"

namespace minipy {

struct Function;

struct Frame {
    Code* code;        // kept alive by `func`, or by the caller for module code
    Function* func;    // owned; null for module-level code
    Dict* globals;     // borrowed from func or the caller
    Object* builtins;  // borrowed likewise: a dict, or any mapping (builtins_of_globals)
    Dict* locals;      // the namespace of LOAD_NAME/STORE_NAME (module and class bodies)
    Frame* previous;
    const uint32_t* ip;  // the next instruction, saved while this frame is not running
    Object** sp;         // the top of the evaluation stack, saved likewise
    bool is_entry;       // returning from it leaves the loop (it was entered from C++)
    bool is_init;        // a class's __init__ run by CALL: the caller keeps the instance, not the result
    Object* generator;   // borrowed: the generator this frame runs for, or null
    // Owned or null: the frame object Python code sees for this frame (sys._getframe(), the
    // frames sys.settrace's functions get), made on first use and kept so that it stays the same
    // object for the frame's life, as CPython's. Refreshed (line, locals) each time it is handed out.
    Object* frame_object;
    // Set when the frame starts or a generator resumes; the trace hook reports a 'call' event for
    // it before the next instruction (sys.settrace clears it on the frames already running).
    bool trace_call_pending;
    // The instruction whose exception the running handler handles (CPython pushes it for its
    // clean-ups): a clean-up's re-raise (RERAISE 1) that leaves the frame leaves it stopped there.
    uint32_t raised_at;

    Object** localsplus() { return reinterpret_cast<Object**>(this + 1); }
    Object** stack_base() { return localsplus() + code->nlocalsplus(); }
    // Index of the instruction running (or last run) in this frame.
    size_t lasti() const { return static_cast<size_t>(ip - code->instructions.data()) - 1; }
};

inline constexpr size_t kFrameHeaderSlots = (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);

}  // namespace minipy
