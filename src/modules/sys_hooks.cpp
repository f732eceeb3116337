// sys_hooks.cpp — sys's hooks and the 3.11 functions around them: excepthook (the uncaught-exception
// printer a script may replace), exception(), breakpointhook (what breakpoint() calls, honouring
// PYTHONBREAKPOINT), audit hooks, call_tracing, thread_info, orig_argv, meta_path and
// stdlib_module_names.
#include "modules/sys_hooks.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "modules/registry.h"
#include "modules/structseq.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/thread_state.h"
#include "syntax/colors.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_default_excepthook = nullptr;
// addaudithook's hooks, oldest first: an immortal list (list_append locks it in minipy-ft).
Object* g_audit_hooks = nullptr;

// What the default excepthook writes for `value`, as CPython's PyErr_Display: a traceback passed
// in is used when the exception has none of its own.
std::string display_text(Object* value, Object* tb) {
    if (!is_instance(value, &BaseException_type))
        return format("TypeError: print_exception(): Exception expected for value, %s found\n",
                      type_of(value)->name.c_str());
    if (tb && tb != None) {
        Ref own = get_attr(value, intern("__traceback__"));
        if (own.get() == None) set_attr(value, intern("__traceback__"), tb);
    }
    return format_exception(value, syntax::colors_for(STDERR_FILENO));
}

void write_stderr(const std::string& text) {
    try {
        write_to_stream(sys_stderr(), text);
        flush_stream(sys_stderr());
    } catch (PyException& e) {
        e.take();
        std::fputs(text.c_str(), stderr);
    }
}

// sys.excepthook(type, value, traceback), also sys.__excepthook__.
Ref sys_excepthook(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("excepthook");
    if (nargs != 3) raise(&TypeError_type, format("excepthook expected 3 arguments, got %zu", nargs));
    write_stderr(display_text(args[1], args[2]));
    return Ref::borrow(None);
}

// sys.exception(): the exception being handled (3.11), or None.
Ref sys_exception(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("exception", nargs, kw, 0, 0);
    Object* e = topmost_handled_exc(thread_state());
    return Ref::borrow(e ? e : None);
}

// sys.breakpointhook(*args, **kws): PYTHONBREAKPOINT names the callable ("module.attr", or a name in
// builtins); unset or empty means pdb.set_trace, "0" turns breakpoints off. A name that cannot be
// imported is a RuntimeWarning and the breakpoint is skipped, as CPython's.
Ref sys_breakpointhook(Object*, Args args, size_t nargs, Tuple* kw) {
    const char* env = configuration_variable("PYTHONBREAKPOINT");
    std::string target = env && *env ? env : "pdb.set_trace";
    if (target == "0") return Ref::borrow(None);
    size_t dot = target.rfind('.');
    std::string module_path = dot == std::string::npos ? "builtins" : target.substr(0, dot);
    std::string attribute = dot == std::string::npos ? target : target.substr(dot + 1);
    auto ignore = [&] {
        warn(&RuntimeWarning_type, format("Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", target.c_str()),
             0);
        return Ref::borrow(None);
    };
    if (dot == 0) return ignore();  // ".name": no module to import
    Ref hook;
    try {
        Object* from[1] = {intern(attribute)};
        Ref fromlist = tuple_from(from, 1);
        Ref module = import_name(static_cast<Str*>(intern(module_path)), fromlist.get(), 0);
        hook = get_attr(module.get(), static_cast<Str*>(intern(attribute)));
    } catch (PyException& e) {
        e.take();  // whatever went wrong ("..", "/./" raise other errors than ImportError), as CPython
        return ignore();
    }
    return call(hook.get(), args, nargs, kw);
}

// sys.call_tracing(func, args): func(*args); minipy traces every call anyway.
Ref sys_call_tracing(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("call_tracing");
    if (nargs != 2) raise(&TypeError_type, format("call_tracing expected 2 arguments, got %zu", nargs));
    if (!is_instance(args[1], &tuple_type))
        raise(&TypeError_type,
              format("call_tracing() argument 2 must be tuple, not %s", type_of(args[1])->name.c_str()));
    Tuple* t = as_tuple(args[1]);
    return call(args[0], t->items, t->size);
}

// Runs each audit hook on (event, arguments); the interpreter itself raises no events (yet), so
// the hooks see only what sys.audit() reports.
void run_audit_hooks(Object* event, Object* arguments) {
    Ref hooks = tuple_from_iterable(g_audit_hooks);
    for (size_t i = 0; i < as_tuple(hooks.get())->size; ++i) {
        Object* call_args[2] = {event, arguments};
        call(as_tuple(hooks.get())->items[i], call_args, 2);
    }
}

// sys.audit(event, *args).
Ref sys_audit(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("audit");
    if (nargs == 0) raise(&TypeError_type, "audit() missing 1 required positional argument: 'event'");
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type,
              format("expected str for argument 'event', not %s", type_of(args[0])->name.c_str()));
    if (as_list(g_audit_hooks)->items.size() == 0) return Ref::borrow(None);
    Ref arguments = tuple_from(args + 1, nargs - 1);
    run_audit_hooks(args[0], arguments.get());
    return Ref::borrow(None);
}

// sys.addaudithook(hook): the existing hooks first see "sys.addaudithook"; one that raises an
// Exception vetoes the new hook silently, as CPython's.
Ref sys_addaudithook(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"hook"};
    Object* bound[1];
    bind_args("addaudithook", args, nargs, kw, names, 1, 1, bound);
    try {
        Ref none = tuple_new(0);
        run_audit_hooks(intern("sys.addaudithook"), none.get());
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &Exception_type)) throw;
        e.take();
        return Ref::borrow(None);
    }
    list_append(g_audit_hooks, bound[0]);
    return Ref::borrow(None);
}

// sys.getallocatedblocks(): CPython allows 0 where the interpreter cannot count its memory blocks;
// minipy allocates with operator new and keeps no count.
Ref sys_getallocatedblocks(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getallocatedblocks", nargs, kw, 0, 0);
    return Ref::borrow(make_small_int(0));
}

// sys._clear_type_cache(): every thread's type attribute cache goes stale (objects/abstract.cpp).
Ref sys_clear_type_cache(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_clear_type_cache", nargs, kw, 0, 0);
    type_cache_invalidate();
    return Ref::borrow(None);
}

const MethodDef kHookFunctions[] = {
    {"excepthook", sys_excepthook, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"exception", sys_exception,
     "Return the current exception.\n\nReturn the most recent exception caught by an except clause\nin the "
     "current stack frame or in an older stack frame, or None\nif no such exception exists."},
    {"breakpointhook", sys_breakpointhook,
     "breakpointhook(*args, **kws)\n\nThis hook function is called by built-in breakpoint().\n"},
    {"call_tracing", sys_call_tracing,
     "Call func(*args), while tracing is enabled.\n\nThe tracing state is saved, and restored afterwards.  "
     "This is intended\nto be called from a debugger from a checkpoint, to recursively debug\nsome other "
     "code."},
    {"audit", sys_audit, "audit(event, *args)\n\nPasses the event to any audit hooks that are attached."},
    {"addaudithook", sys_addaudithook, "Adds a new audit hook callback."},
    {"getallocatedblocks", sys_getallocatedblocks, "Return the number of memory blocks currently allocated."},
    {"_clear_type_cache", sys_clear_type_cache, "Clear the internal type lookup cache."},
    {nullptr, nullptr, nullptr},
};

// sys.thread_info: POSIX threads, with the C library's thread-library version.
const char* const kThreadInfoNames[] = {"name", "lock", "version"};
StructSeqType thread_info_type("sys", "thread_info", kThreadInfoNames, 3, 3);

Ref make_thread_info() {
    structseq_init(thread_info_type);
    Ref version = Ref::borrow(None);
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    char buffer[128];
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buffer, sizeof buffer);
    if (n > 0 && n <= sizeof buffer) version = str_new(buffer);
#endif
    Object* values[3] = {str_new("pthread").release(), str_new("semaphore").release(), version.release()};
    return structseq_new(thread_info_type, values);
}

Ref make_orig_argv() {
    Ref list = list_new();
    for (const std::string& arg : original_argv()) list_append(list.get(), str_new(arg).get());
    return list;
}

void set(Dict* d, const char* name, Object* value) { dict_set(d, intern(name), value); }

}  // namespace

void add_sys_hooks(Dict* d) {
    Ref module_name = str_new("sys");
    for (const MethodDef* def = kHookFunctions; def->name; ++def)
        dict_set(d, intern(def->name), native_function_new(def, nullptr, module_name.get()).get());
    g_default_excepthook = dict_get_str(d, intern("excepthook"));
    set(d, "__excepthook__", g_default_excepthook);
    set(d, "__breakpointhook__", dict_get_str(d, intern("breakpointhook")));
    g_audit_hooks = list_new().release();
    make_immortal(g_audit_hooks);
    set(d, "thread_info", make_thread_info().get());
    set(d, "orig_argv", make_orig_argv().get());
    // What builtins.copyright prints (stdlib/_sitebuiltins.py).
    set(d, "copyright",
        str_new("minipy: an educational Python interpreter.\n"
                "Python is Copyright (c) 2001-2023 Python Software Foundation.")
            .get());
    // minipy's import system is native (interpreter/import.cpp) and consults no finders: the list is
    // there for code that reads or extends it, and a finder added to it is not called.
    set(d, "meta_path", list_new().get());
}

void report_uncaught_exception(Object* exc) {
    Ref sys = loaded_module("sys");
    Object* hook = sys ? dict_get_str(module_dict(sys.get()), intern("excepthook")) : nullptr;
    if (hook == g_default_excepthook || !hook) {
        if (!hook) write_stderr("sys.excepthook is missing\n");
        write_stderr(display_text(exc, nullptr));
        return;
    }
    Ref tb = get_attr(exc, intern("__traceback__"));
    Object* hook_args[3] = {type_of(exc), exc, tb.get()};
    try {
        call(hook, hook_args, 3);
    } catch (PyException& e) {
        Ref hook_exc = e.take();
        write_stderr("Error in sys.excepthook:\n" + display_text(hook_exc.get(), nullptr) +
                     "\nOriginal exception was:\n" + display_text(exc, nullptr));
    }
}

}  // namespace minipy
