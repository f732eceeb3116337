// interp_support.h — the interpreter loop's slow paths and helpers, kept out of the loop so each
// case stays short: name lookups that miss, error messages, unpacking, calls with *args/**kwargs,
// exception matching, context managers, f-string formatting, and the loop's own fast iterators.
#pragma once

#include "objects/code.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/opcodes.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"

namespace minipy {

#define MINIPY_COLD __attribute__((cold, noinline))

[[noreturn]] MINIPY_COLD void raise_unbound_local(Code* co, uint32_t index);
[[noreturn]] MINIPY_COLD void raise_unbound_deref(Code* co, uint32_t index);
[[noreturn]] MINIPY_COLD void raise_name_error(Str* name);

// LOAD_NAME: locals, globals, then builtins; a new reference.
Object* load_name(Frame* f, Str* name);
// A namespace's value for `name` (a new reference), or null when it has none: a plain dict read
// under its lock, any other mapping asked through its __getitem__ (a KeyError meaning none).
Object* namespace_value(Object* ns, Str* name);
// LOAD_CLASSDEREF: the class namespace's value for cell `index`'s name, else the cell's; a new
// reference.
Object* load_class_deref(Frame* f, uint32_t index);
// LOAD_GLOBAL's cache hit: a new reference to the value in the cached entry, or null when the
// cache is empty or stale (a seqlock read: see GlobalCache). Forced inline: GCC left it out of
// minipy-ft's run_frame, where each of bench/fib.py's calls paid 11 instructions more (callgrind).
MINIPY_ALWAYS_INLINE Object* load_global_cached(const GlobalCache& c, const Frame* f) {
    uint32_t seq = c.seq.load(std::memory_order_acquire);
    uint32_t entry = c.entry.load(std::memory_order_relaxed);
    uint64_t globals_keys = c.globals_keys.load(std::memory_order_relaxed);
    uint64_t builtins_keys = c.builtins_keys.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if ((seq & 1) || c.seq.load(std::memory_order_relaxed) != seq || globals_keys == 0) return nullptr;
    if (!builtins_keys) return dict_cached_entry_value(f->globals, globals_keys, entry);
    // A builtin: the globals' keys unchanged say that the name is still missing from them.
    if (f->globals->keys_version.load(std::memory_order_relaxed) != globals_keys) return nullptr;
    // Filled only for builtins that are an exact dict (load_global_slow).
    Object* v = dict_cached_entry_value(static_cast<Dict*>(f->builtins), builtins_keys, entry);
    // Another thread may add the name to the globals while the builtin is read: the globals' keys
    // unchanged after the read too place the read at a moment when the name was missing there.
    if (v && object_locks_on() && f->globals->keys_version.load(std::memory_order_acquire) != globals_keys) {
        decref(v);
        return nullptr;
    }
    return v;
}
// LOAD_GLOBAL on a cache miss: looks the name up (taking the reference under the dict's lock) and
// refills the cache; a new reference.
MINIPY_COLD Object* load_global_slow(Frame* f, uint32_t index);
// LOAD_NAME at module level: through LOAD_GLOBAL's cache. A function of its own: inlined into
// run_frame a second time, load_global_cached made minipy-ft's loop 6.7% longer on
// bench/pyperf/nqueens.py, which has no module-level loop at all (callgrind).
Object* load_module_name(Frame* f, uint32_t index);
// Binds a name in a module's globals (STORE_GLOBAL, and STORE_NAME at module level). The entry where
// the last store through this cache found the name is tried first (GlobalCache::store_hint): a
// module-level loop rebinding its variables skips the probe (200,000 two-node cycles made at module
// level: 741.0M -> 717.4M instructions), as does a function assigning a `global`.
void store_module_global(Dict* globals, Str* name, Object* value, GlobalCache& cache);

Ref build_set(Object* const* items, size_t n);
Ref build_map(Object* const* items, size_t pairs);  // items: key, value, key, value, ...
Ref build_string(Object* const* items, size_t n);
void list_extend_checked(Object* list, Object* iterable);  // [*x]: "Value after * must be an iterable"
void dict_update_checked(Dict* d, Object* mapping);        // {**x}
void dict_merge_kwargs(Dict* d, Object* mapping, Object* callable);  // f(**x)

// Writes the items of `seq` to dest[0..n), the first item at dest[n - 1] (the top of the stack).
void unpack_sequence(Object* seq, size_t n, Object** dest);
// unpack_sequence's fast path: only an exact tuple or list of n items; false, writing nothing, for
// anything else.
bool unpack_exact(Object* seq, size_t n, Object** dest);
// UNPACK_TO_FAST's fast path: for an exact tuple or list of n items, runs the n STORE_FASTs at
// `stores` (frame f's locals at lp) and returns true; false, having done nothing, otherwise. Out of
// run_frame: inline there, the loops made minipy-ft's run_frame 1.25% longer on every program
// (bench/pyperf/richards.py, callgrind), through its registers rather than any executed unpack.
bool unpack_to_locals(Frame* f, Object* seq, size_t n, const uint32_t* stores, Object** lp);
// a, *b, c = seq: before + 1 + after values, the first on top.
void unpack_ex(Object* seq, size_t before, size_t after, Object** dest);

Ref call_object(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames, bool is_method);
Ref call_with_star_args(Object* callable, Object* args, Object* kwargs);

Ref reraise_current(ThreadState* ts);                   // bare `raise`
Ref make_raised_exception(Object* exc, Object* cause);  // `raise exc [from cause]`
bool exception_matches(Object* exc, Object* type);      // `except type:`
// `with mgr:` returns mgr.__enter__() and sets *exit_out to a new reference to mgr.__exit__.
Ref enter_context(Object* mgr, Object** exit_out);
// SETUP_ANNOTATIONS: a module or class body's `__annotations__` dict, made unless it exists.
void setup_annotations(Dict* locals);
// DELETE_NAME in a class namespace that is a dict subclass: its __delitem__, NameError if missing.
void delete_name_mapping(Dict* locals, Str* name);
Ref call_exit_with_exception(Object* exit, Object* exc);
Ref format_value_op(Object* value, uint32_t conversion, Object* spec);
Ref import_from(Object* module, Str* name);

}  // namespace minipy
