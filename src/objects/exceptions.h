// exceptions.h — the layout of exception instances and the built-in hierarchy (types are declared
// in objects/errors.h). The traceback is a chain of traceback objects (objects/frame_object.h), outermost
// first, as CPython's.
#pragma once

#include <string>
#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

struct BaseExceptionObject : Object {
    MINIPY_GC_ALLOCATED
    Object* args;     // owned tuple
    Object* cause;    // owned or null: `raise X from Y`
    Object* context;  // owned or null: the exception being handled when this one was raised
    bool suppress_context;
    Dict* dict;         // owned or null: attributes set on the instance
    Object* traceback;  // owned or null: __traceback__, its outermost entry (the VM prepends each frame)
};

// Every built-in exception type, base classes first, for the builtins module to publish.
const std::vector<Type*>& builtin_exception_types();

bool is_exception_instance(const Object* o);

// Instantiates `t` (a BaseException subtype) with the given args tuple (borrowed).
Ref exception_new(Type* t, Object* args);
// OSError(errno, strerror, filename[, winerror, filename2]) with 3 to 5 arguments, as CPython's
// oserror_init: `exc`'s args become (errno, strerror) and the rest its attributes.
void set_os_error_details(Object* exc, Object* const* args, size_t nargs);
// UnicodeEncodeError.__init__(exc, ...) and its siblings, also from a derived class's own __init__:
// checks the parts and sets encoding, object, start, end and reason. False when exc is of another class.
bool unicode_error_init(Object* exc, Object* const* args, size_t nargs);
// The traceback type, which the VM defines (objects/frame_object.cpp) and registers at start-up, so that
// `exc.__traceback__ = x` can check x's type.
void set_traceback_type(Type* type);
// Whether `o` is a traceback object (of the registered type).
bool is_traceback(Object* o);
// The OSError subtype CPython raises for a failed system call with `errnum` (FileNotFoundError for
// ENOENT, ...): args (errno, strerror) and attributes errno, strerror, filename.
Ref os_error_new(int errnum, const std::string& filename);
// The OSError subclass for errno `errnum` (CPython's errnomap), OSError itself for the others.
Type* os_error_type_for(int errnum);
// The text CPython prints after "ExcType: " in a traceback (str of the exception, or of args[0]).
std::string exception_message(Object* exc);

}  // namespace minipy
