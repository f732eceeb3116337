// atexit_module.cpp — the native `atexit` module: functions run once the main script is done and
// threading has waited for its non-daemon threads, last registered first, as CPython's. This is how
// multiprocessing terminates daemonic children and joins the rest when the parent exits.
#include <cstdio>
#include <unordered_set>
#include <utility>
#include <vector>

#include "modules/registry.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// One registered call: func(*values[:npos], **dict(zip(kwnames, values[npos:]))).
struct ExitCall {
    Ref func;
    Ref values;  // a tuple: the positional arguments, then the keyword values
    size_t npos;
    Ref kwnames;  // a tuple of str, or null
};

// The registered calls; the per-object lock primitive guards them in minipy-ft (it is empty in the
// GIL flavor, where the GIL does). It is never held while Python code runs.
ObjectMutex g_calls_mutex;
std::vector<ExitCall>& exit_calls() {
    static std::vector<ExitCall> calls;
    return calls;
}

Ref atexit_register(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs == 0) raise(&TypeError_type, "register() takes at least 1 argument (0 given)");
    if (!type_of(args[0])->call) raise(&TypeError_type, "the first argument must be callable");
    size_t nkw = kw ? kw->size : 0;
    ExitCall entry{Ref::borrow(args[0]), tuple_from(args + 1, nargs - 1 + nkw), nargs - 1,
                   nkw ? Ref::borrow(kw) : Ref()};
    CriticalSection cs(g_calls_mutex);
    exit_calls().push_back(std::move(entry));
    return Ref::borrow(args[0]);
}

// Removes every registration of a function equal to `func`. The comparisons (which may run
// Python code) are made on a copy, outside the lock.
Ref atexit_unregister(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unregister", nargs, kw, 1, 1);
    std::vector<Ref> funcs;
    {
        CriticalSection cs(g_calls_mutex);
        for (const ExitCall& entry : exit_calls()) funcs.push_back(entry.func);
    }
    std::unordered_set<Object*> doomed;
    for (const Ref& f : funcs) {
        if (equals(f.get(), args[0])) doomed.insert(f.get());
    }
    CriticalSection cs(g_calls_mutex);
    std::erase_if(exit_calls(), [&](const ExitCall& entry) { return doomed.count(entry.func.get()) > 0; });
    return Ref::borrow(None);
}

// An exception that escaped a callback is reported as CPython's unraisable hook does, and the
// remaining callbacks still run.
void report_failed_call(Object* func, Object* exc) {
    report_unraisable(" atexit callback: " + repr_utf8(func), exc);
}

void run_registered_calls() {
    for (;;) {
        ExitCall entry;
        {
            CriticalSection cs(g_calls_mutex);
            if (exit_calls().empty()) return;
            entry = std::move(exit_calls().back());
            exit_calls().pop_back();
        }
        Tuple* values = as_tuple(entry.values.get());
        try {
            call(entry.func.get(), values->items, entry.npos,
                 entry.kwnames ? as_tuple(entry.kwnames.get()) : nullptr);
        } catch (PyException& e) {
            Ref exc = e.take();
            report_failed_call(entry.func.get(), exc.get());
        }
    }
}

Ref atexit_run_exitfuncs(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_run_exitfuncs", nargs, kw, 0, 0);
    run_registered_calls();
    return Ref::borrow(None);
}

Ref atexit_clear(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_clear", nargs, kw, 0, 0);
    std::vector<ExitCall> dropped;  // released after the lock, as their destructors may run Python code
    CriticalSection cs(g_calls_mutex);
    dropped.swap(exit_calls());
    return Ref::borrow(None);
}

Ref atexit_ncallbacks(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_ncallbacks", nargs, kw, 0, 0);
    CriticalSection cs(g_calls_mutex);
    return int_from_i64(static_cast<int64_t>(exit_calls().size()));
}

const MethodDef kAtexitFunctions[] = {
    {"register", atexit_register, "Call func(*args, **kwargs) when the program ends; return func."},
    {"unregister", atexit_unregister, "Forget every registration of a function equal to func."},
    {"_run_exitfuncs", atexit_run_exitfuncs, "Call the registered functions now, last registered first."},
    {"_clear", atexit_clear, "Forget every registered function."},
    {"_ncallbacks", atexit_ncallbacks, "How many calls are registered."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void run_exit_functions() { run_registered_calls(); }

Ref init_atexit_module() { return native_module_new("atexit", kAtexitFunctions); }

}  // namespace minipy
