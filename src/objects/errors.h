// errors.h — how minipy raises Python exceptions from C++: a thrown PyException carrying the
// exception object. The interpreter loop catches it and unwinds to the nearest `except`.
// Helpers here build CPython 3.11's common messages, so each text exists once.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include "objects/exception_types.h"
#include "objects/object.h"
#include "runtime/format.h"
#include "runtime/thread_state.h"

namespace minipy {

// The built-in exception types, `ValueError_type` and so on, one per line of
// objects/exception_types.h (objects/exceptions.cpp defines them and the hierarchy).
#define MINIPY_DECLARE_EXCEPTION(name, base, doc) extern Type name##_type;
MINIPY_EXCEPTION_TYPES(MINIPY_DECLARE_EXCEPTION)
#undef MINIPY_DECLARE_EXCEPTION

// Thrown by native code; owns one reference to the exception instance.
class PyException : public std::exception {
public:
    explicit PyException(Ref exc) : exc_(std::move(exc)) {}
    // `unwound`: it leaves a Python frame that did not handle it (run_frame's entry frame), so its
    // __context__ was settled where it was raised; the frames it passes through next do not set it
    // again (CPython chains only when an exception is set, and an explicit `e.__context__ = None`
    // in a finally block stays None).
    PyException(Ref exc, bool unwound) : exc_(std::move(exc)), unwound_(unwound) {}
    Object* exception() const { return exc_.get(); }
    Ref take() { return std::move(exc_); }
    bool unwound() const { return unwound_; }
    const char* what() const noexcept override { return "Python exception"; }

private:
    Ref exc_;
    bool unwound_ = false;
};

// Creates an instance of exception type `t` with a single str argument.
Ref make_exception(Type* t, const std::string& message);

[[noreturn]] void raise(Type* t, const std::string& message);
[[noreturn]] void raise_object(Ref exception);

// warnings.warn_explicit(message, category, filename, lineno), as CPython's PyErr_WarnExplicit: a
// warning about code rather than about the running frame (the compiler's SyntaxWarnings). Raises
// what the filters make of it: the warning itself under "error".
void warn_explicit(Type* category, const std::string& message, const std::string& filename, int lineno);

// warnings.warn(message, category, stacklevel), as CPython's PyErr_WarnEx: a warning about the
// running Python frame (a deprecated conversion). Raises what the filters make of it.
void warn(Type* category, const std::string& message, int stacklevel = 1);

// CPython's common messages.
[[noreturn]] void raise_unsupported_operands(const char* op, Object* a, Object* b);  // TypeError
[[noreturn]] void raise_bad_unary_operand(const char* op, Object* a);
[[noreturn]] void raise_not_subscriptable(Object* o);
[[noreturn]] void raise_not_callable(Object* o);
[[noreturn]] void raise_not_iterable(Object* o);
[[noreturn]] void raise_no_attribute(Object* o, Str* name);
[[noreturn]] void raise_unhashable(Object* o);
[[noreturn]] void raise_not_an_integer(Object* o);  // "'float' object cannot be interpreted as an integer"
// RecursionError: "maximum recursion depth exceeded" + `where` (" in comparison", ...).
[[noreturn]] void raise_recursion_error(const char* where = "");
[[noreturn]] void raise_arg_count(const char* fname, size_t min, size_t max, size_t given);
[[noreturn]] void raise_no_kwargs(const char* fname);  // "f() takes no keyword arguments"
// A slot wrapper's text (int.__add__, int.__divmod__): "expected 1 argument, got 0".
[[noreturn]] void raise_wrapper_arg_count(size_t want, size_t given);
[[noreturn]] void raise_zero_division(const char* message);
[[noreturn]] void raise_key_error(Object* key);  // KeyError whose args are (key,)
// The same errors made, not raised: the interpreter loop raises them in the running frame without
// a C++ throw (vm/interp.cpp, BINARY_SUBSCR).
Ref key_error(Object* key);
Ref index_out_of_range(const char* what);  // IndexError("<what> index out of range")
// Raises MemoryError unless `count` items of `item_size` bytes each can be allocated: the product
// must not overflow and must fit in the machine's physical memory. Without this check a request such
// as bytes(10**13) is granted by the overcommitting allocator and the process is killed filling it.
void check_allocation(uint64_t count, uint64_t item_size);
// `piece` repeated `count` times (none for count <= 0): str and bytes `*`. `length` is the piece's
// length as Python counts it (code points for a str); a result longer than the largest index raises
// OverflowError(`too_long`), as CPython's, and one that cannot be allocated MemoryError. The copies
// double (one memcpy per doubling): appending the piece count times took 2.0 s for `2**27 * '{}'`,
// where CPython takes 0.4 s.
std::string repeated(std::string_view piece, int64_t count, uint64_t length, const char* too_long);
// Lowers that bound (the fuzzers run every input under a small memory cap).
void set_allocation_limit(uint64_t bytes);

// CPython's Py_EnterRecursiveCall: native code that recurses on its input (repr and comparison of
// nested containers, hashing a nested tuple, the serializer) counts one level against the recursion
// limit, as a Python frame does, and checks the C stack; past either it raises RecursionError
// ("maximum recursion depth exceeded" + `where`), so deep input can never overflow the C stack.
class RecursionGuard {
public:
    explicit RecursionGuard(const char* where = "") : ts_(thread_state()) {
        if (++ts_->depth > recursion_limit() || c_stack_exhausted(ts_)) fail(where);
    }
    ~RecursionGuard() { --ts_->depth; }
    RecursionGuard(const RecursionGuard&) = delete;
    RecursionGuard& operator=(const RecursionGuard&) = delete;

private:
    [[noreturn]] void fail(const char* where);
    ThreadState* ts_;
};

}  // namespace minipy
