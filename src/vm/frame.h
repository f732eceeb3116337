// frame.h — one activation of a code object. Frames live on the thread's value stack: the header,
// then the fast locals (varnames, cells, free variables: "localsplus"), then the evaluation stack.
// A Python-to-Python call pushes one here and the loop carries on, with no C++ recursion.
#pragma once

#include "compiler/code.h"
#include "objects/containers.h"
#include "runtime/thread_state.h"

namespace minipy {

struct Function;

struct Frame {
    Code* code;      // kept alive by `func`, or by the caller for module code
    Function* func;  // owned; null for module-level code
    Dict* globals;   // borrowed from func or the caller
    Dict* builtins;
    Dict* locals;  // the namespace of LOAD_NAME/STORE_NAME (module and class bodies)
    Frame* previous;
    const uint32_t* ip;  // the next instruction, saved while this frame is not running
    Object** sp;         // the top of the evaluation stack, saved likewise
    bool is_entry;       // returning from it leaves the loop (it was entered from C++)
    Object* generator;   // borrowed: the generator this frame runs for, or null

    Object** localsplus() { return reinterpret_cast<Object**>(this + 1); }
    Object** stack_base() { return localsplus() + code->nlocalsplus(); }
    // Index of the instruction running (or last run) in this frame.
    size_t lasti() const { return static_cast<size_t>(ip - code->instructions.data()) - 1; }
};

inline constexpr size_t kFrameHeaderSlots = (sizeof(Frame) + sizeof(Object*) - 1) / sizeof(Object*);

// Reserves a frame for `code` at the top of the thread's value stack, locals cleared. Raises
// RecursionError past the recursion limit or the end of the value stack.
Frame* push_frame(ThreadState* ts, Code* code);
// Pushes a frame for calling `fn` (parameters still unbound).
Frame* push_function_frame(ThreadState* ts, Function* fn);
// Moves parameters that inner functions capture into cells, and copies in the closure's cells.
void init_cells(Frame* f, Function* fn);
// Runs `f` (the top frame, already set up) until it returns or, for a generator, yields; with
// `thrown`, it starts by raising that exception at its current instruction (gen.throw()).
Ref run_frame_from(ThreadState* ts, Frame* f, Ref thrown = nullptr);
// Releases the frame's locals and stack values and gives its space back (it must be the top one).
void pop_frame(ThreadState* ts, Frame* f);

}  // namespace minipy
