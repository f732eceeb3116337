// tracemalloc_module.cpp — the native `_tracemalloc` module that CPython's tracemalloc.py imports.
// minipy does not trace allocations: is_tracing() is always False, no object has an allocation
// traceback, and start() raises RuntimeError (the README lists tracemalloc among what does not
// work). What the module makes possible is warnings.py's formatting of a warning that carries a
// source object, which asks tracemalloc whether it is tracing and prints CPython's hint
// "Enable tracemalloc to get the object allocation traceback" when it is not.
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref tracemalloc_is_tracing(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("is_tracing", nargs, kw, 0, 0);
    return Ref::borrow(False);
}

Ref tracemalloc_start(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("start", nargs, kw, 0, 1);
    if (nargs == 1) {
        int64_t nframe = as_index(args[0]);
        if (nframe < 1 || nframe > 65535)
            raise(&ValueError_type, "the number of frames must be in range [1; 65535]");
    }
    raise(&RuntimeError_type, "minipy cannot trace memory allocations (tracemalloc.start)");
}

// What a tracer that is off answers: no traces, nothing counted, a limit of one frame.
Ref tracemalloc_nothing(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("tracemalloc", nargs, kw, 0, 0);
    return Ref::borrow(None);
}

Ref tracemalloc_get_traceback_limit(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_traceback_limit", nargs, kw, 0, 0);
    return Ref::steal(make_small_int(1));
}

Ref tracemalloc_get_traced_memory(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_traced_memory", nargs, kw, 0, 0);
    Object* zeros[] = {make_small_int(0), make_small_int(0)};
    return tuple_from(zeros, 2);
}

Ref tracemalloc_get_tracemalloc_memory(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_tracemalloc_memory", nargs, kw, 0, 0);
    return Ref::steal(make_small_int(0));
}

Ref tracemalloc_get_object_traceback(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_get_object_traceback", nargs, kw, 1, 1);
    return Ref::borrow(None);
}

Ref tracemalloc_get_traces(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_get_traces", nargs, kw, 0, 0);
    return list_new();
}

const MethodDef kTracemallocFunctions[] = {
    {"is_tracing", tracemalloc_is_tracing,
     "Return True if the tracemalloc module is tracing memory allocations."},
    {"start", tracemalloc_start, "Start tracing Python memory allocations (not supported by minipy)."},
    {"stop", tracemalloc_nothing, "Stop tracing Python memory allocations."},
    {"clear_traces", tracemalloc_nothing, "Clear traces of memory blocks allocated by Python."},
    {"reset_peak", tracemalloc_nothing, "Set the peak size of traced memory blocks to the current size."},
    {"get_traceback_limit", tracemalloc_get_traceback_limit,
     "Get the maximum number of frames stored in a trace."},
    {"get_traced_memory", tracemalloc_get_traced_memory,
     "Get the current and peak size of traced memory blocks."},
    {"get_tracemalloc_memory", tracemalloc_get_tracemalloc_memory,
     "Get the memory used by the tracemalloc module."},
    {"_get_object_traceback", tracemalloc_get_object_traceback,
     "Get the traceback where an object was allocated."},
    {"_get_traces", tracemalloc_get_traces, "Get traces of all memory blocks allocated by Python."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_tracemalloc_module() { return native_module_new("_tracemalloc", kTracemallocFunctions); }

}  // namespace minipy
