// sys_hooks.h — the hooks of sys that the interpreter calls back: sys.excepthook for an uncaught
// exception, sys.breakpointhook for breakpoint(), and the audit hooks; their functions are in sys.
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds excepthook, breakpointhook (and their __x__ originals), exception, call_tracing,
// addaudithook, audit, thread_info, orig_argv, meta_path and the smaller 3.11 names to sys's dict.
void add_sys_hooks(Dict* sys_dict);
// An uncaught exception (not SystemExit) reported as CPython's PyErr_Print does: through
// sys.excepthook, the default printing the traceback to sys.stderr; a hook that raises gets
// "Error in sys.excepthook:" and both tracebacks.
void report_uncaught_exception(Object* exc);

}  // namespace minipy
