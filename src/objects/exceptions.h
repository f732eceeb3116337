// exceptions.h — the layout of exception instances and the built-in hierarchy (types are declared
// in objects/errors.h). The traceback is a list of (code object, line) entries, innermost last.
#pragma once

#include <string>
#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

struct TracebackEntry {
    Object* code;  // owned: the code object (vm/code.h) whose frame was running
    int line;
    int lasti = -1;             // the instruction that was running, for the traceback's column carets
    Object* globals = nullptr;  // owned or null: the frame's globals (tb_frame.f_globals)
};

struct BaseExceptionObject : Object {
    MINIPY_GC_ALLOCATED
    Object* args;     // owned tuple
    Object* cause;    // owned or null: `raise X from Y`
    Object* context;  // owned or null: the exception being handled when this one was raised
    bool suppress_context;
    Dict* dict;                             // owned or null: attributes set on the instance
    std::vector<TracebackEntry> traceback;  // outermost first
};

// Every built-in exception type, base classes first, for the builtins module to publish.
const std::vector<Type*>& builtin_exception_types();

bool is_exception_instance(const Object* o);

// Instantiates `t` (a BaseException subtype) with the given args tuple (borrowed).
Ref exception_new(Type* t, Object* args);
void exception_add_traceback(Object* exc, Object* code, int line, Object* globals = nullptr);
// exc.__traceback__ as traceback objects, and setting it (None, or a traceback): installed by the VM
// (vm/frame_object.cpp), which owns the frame and traceback types.
struct TracebackHooks {
    Ref (*get)(Object* exc);
    void (*set)(Object* exc, Object* tb);
};
void set_traceback_hooks(TracebackHooks hooks);
// The OSError subtype CPython raises for a failed system call with `errnum` (FileNotFoundError for
// ENOENT, ...): args (errno, strerror) and attributes errno, strerror, filename.
Ref os_error_new(int errnum, const std::string& filename);
// The OSError subclass for errno `errnum` (CPython's errnomap), OSError itself for the others.
Type* os_error_type_for(int errnum);
// The text CPython prints after "ExcType: " in a traceback (str of the exception, or of args[0]).
std::string exception_message(Object* exc);

}  // namespace minipy
