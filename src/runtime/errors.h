// errors.h — how minipy raises Python exceptions from C++: a thrown PyException carrying the
// exception object. The interpreter loop catches it and unwinds to the nearest `except`.
// Helpers here build CPython 3.11's common messages, so each text exists once.
#pragma once

#include <exception>
#include <string>

#include "objects/object.h"

namespace minipy {

// The built-in exception types (objects/exceptions.cpp defines them and the hierarchy).
extern Type BaseException_type, Exception_type, ArithmeticError_type, ZeroDivisionError_type,
    OverflowError_type, LookupError_type, IndexError_type, KeyError_type, TypeError_type,
    ValueError_type, NameError_type, UnboundLocalError_type, AttributeError_type,
    RuntimeError_type, RecursionError_type, NotImplementedError_type, StopIteration_type,
    AssertionError_type, ImportError_type, ModuleNotFoundError_type, KeyboardInterrupt_type,
    SystemExit_type, OSError_type, EOFError_type, UnicodeError_type, SyntaxError_type,
    IndentationError_type, MemoryError_type;

// Thrown by native code; owns one reference to the exception instance.
class PyException : public std::exception {
public:
    explicit PyException(Ref exc) : exc_(std::move(exc)) {}
    Object* exception() const { return exc_.get(); }
    Ref take() { return std::move(exc_); }
    const char* what() const noexcept override { return "Python exception"; }

private:
    Ref exc_;
};

// Creates an instance of exception type `t` with a single str argument.
Ref make_exception(Type* t, const std::string& message);

[[noreturn]] void raise(Type* t, const std::string& message);
[[noreturn]] void raise_object(Ref exception);

// CPython's common messages.
[[noreturn]] void raise_unsupported_operands(const char* op, Object* a, Object* b);  // TypeError
[[noreturn]] void raise_bad_unary_operand(const char* op, Object* a);
[[noreturn]] void raise_not_subscriptable(Object* o);
[[noreturn]] void raise_not_callable(Object* o);
[[noreturn]] void raise_not_iterable(Object* o);
[[noreturn]] void raise_no_attribute(Object* o, Str* name);
[[noreturn]] void raise_unhashable(Object* o);
[[noreturn]] void raise_arg_count(const char* fname, size_t min, size_t max, size_t given);
[[noreturn]] void raise_no_kwargs(const char* fname);  // "f() takes no keyword arguments"
[[noreturn]] void raise_zero_division(const char* message);
[[noreturn]] void raise_key_error(Object* key);  // KeyError whose args are (key,)

// printf-style formatting into a std::string, for building messages.
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace minipy
