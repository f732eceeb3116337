// exceptions.cpp — BaseException and the built-in hierarchy, with CPython's str/repr of exception
// instances and the attributes scripts read (args, __cause__, __context__, value, code).
#include "objects/exceptions.h"

#include <cerrno>
#include <cstring>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

Type BaseException_type, Exception_type, ArithmeticError_type, ZeroDivisionError_type,
    OverflowError_type, LookupError_type, IndexError_type, KeyError_type, TypeError_type,
    ValueError_type, NameError_type, UnboundLocalError_type, AttributeError_type,
    RuntimeError_type, RecursionError_type, NotImplementedError_type, StopIteration_type,
    AssertionError_type, ImportError_type, ModuleNotFoundError_type, KeyboardInterrupt_type,
    SystemExit_type, OSError_type, EOFError_type, UnicodeError_type, SyntaxError_type,
    IndentationError_type, MemoryError_type;
Type GeneratorExit_type, StopAsyncIteration_type, FloatingPointError_type, FileNotFoundError_type,
    PermissionError_type, TimeoutError_type, BufferError_type, Warning_type, UserWarning_type,
    IsADirectoryError_type, UnicodeDecodeError_type, UnicodeEncodeError_type, DeprecationWarning_type,
    RuntimeWarning_type, ReferenceError_type;

namespace {

std::vector<Type*> all_exception_types;

BaseExceptionObject* as_exc(Object* o) { return static_cast<BaseExceptionObject*>(o); }

TracebackHooks g_traceback_hooks = {nullptr, nullptr};

void exception_dealloc(Object* o) {
    BaseExceptionObject* e = as_exc(o);
    decref(e->args);
    xdecref(e->cause);
    xdecref(e->context);
    xdecref(e->dict);
    for (TracebackEntry& entry : e->traceback) {
        decref(entry.code);
        xdecref(entry.globals);
    }
    delete e;
}

Ref exception_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(type);
    if (kwnames && kwnames->size) raise_no_kwargs(t->name.c_str());
    Ref tuple = tuple_from(args, nargs);
    return exception_new(t, tuple.get());
}

Ref exception_str(Object* o) {
    Tuple* args = as_tuple(as_exc(o)->args);
    if (args->size == 0) return str_new("");
    // KeyError shows the missing key as its repr: KeyError: 'x'.
    if (args->size == 1) return is_instance(o, &KeyError_type) ? repr(args->items[0]) : str(args->items[0]);
    // OSError(errno, strerror) prints as "[Errno 2] No such file or directory: 'name'".
    if (is_instance(o, &OSError_type) && args->size == 2 && is_int(args->items[0])) {
        std::string text = "[Errno " + str_utf8(args->items[0]) + "] " + str_utf8(args->items[1]);
        Object* filename = as_exc(o)->dict ? dict_get_str(as_exc(o)->dict, intern("filename")) : nullptr;
        if (filename && filename != None) text += ": " + repr_utf8(filename);
        return str_new(text);
    }
    return str(args);
}

Ref exception_repr(Object* o) {
    Tuple* args = as_tuple(as_exc(o)->args);
    std::string text = type_of(o)->name;
    if (args->size == 1) return str_new(text + "(" + repr_utf8(args->items[0]) + ")");
    return str_new(text + repr_utf8(args));
}

Object* first_arg_or(Object* o, Object* fallback) {
    Tuple* args = as_tuple(as_exc(o)->args);
    if (args->size == 0) return fallback;
    return args->size == 1 ? args->items[0] : args;
}

Ref exception_getattr(Object* o, Str* name) {
    BaseExceptionObject* e = as_exc(o);
    const std::string& n = name->utf8;
    if (n == "args") return Ref::borrow(e->args);
    if (n == "__cause__") return Ref::borrow(e->cause ? e->cause : None);
    if (n == "__context__") return Ref::borrow(e->context ? e->context : None);
    if (n == "__suppress_context__") return Ref::borrow(bool_obj(e->suppress_context));
    if (n == "__traceback__") return g_traceback_hooks.get ? g_traceback_hooks.get(o) : Ref::borrow(None);
    if (e->dict) {
        if (Ref v = dict_get_str_ref(e->dict, name)) return v;
    }
    if (n == "value" && is_instance(o, &StopIteration_type)) {
        Tuple* args = as_tuple(e->args);
        return Ref::borrow(args->size ? args->items[0] : None);
    }
    if (n == "code" && is_instance(o, &SystemExit_type)) return Ref::borrow(first_arg_or(o, None));
    return generic_getattr(o, name);
}

void replace(Object*& field, Object* value) {
    Object* old = field;
    field = value && value != None ? newref(value) : nullptr;
    xdecref(old);
}

void exception_setattr(Object* o, Str* name, Object* value) {
    BaseExceptionObject* e = as_exc(o);
    const std::string& n = name->utf8;
    if (n == "__cause__") {
        replace(e->cause, value);
        e->suppress_context = true;
    } else if (n == "__context__") {
        replace(e->context, value);
    } else if (n == "__traceback__") {
        if (!value || (value != None && !g_traceback_hooks.set))
            raise(&TypeError_type, "__traceback__ must be a traceback or None");
        if (value == None) {
            for (TracebackEntry& entry : e->traceback) {
                decref(entry.code);
                xdecref(entry.globals);
            }
            e->traceback.clear();
        } else {
            g_traceback_hooks.set(o, value);
        }
    } else if (n == "__suppress_context__") {
        e->suppress_context = value && is_true(value);
    } else if (n == "args") {
        if (!value) raise(&TypeError_type, "args may not be deleted");
        Ref tuple = tuple_from_iterable(value);
        decref(e->args);
        e->args = tuple.release();
    } else if (value) {
        if (!e->dict) e->dict = as_dict(dict_new().release());
        dict_set(e->dict, name, value);
    } else if (!e->dict || !dict_del(e->dict, name)) {
        raise_no_attribute(o, name);
    }
}

Ref exception_with_traceback(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("with_traceback", nargs - 1, kw, 1, 1);
    exception_setattr(args[0], intern("__traceback__"), args[1]);
    return Ref::borrow(args[0]);
}

const MethodDef kExceptionMethods[] = {
    {"with_traceback", exception_with_traceback, "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {nullptr, nullptr, nullptr},
};

void define(Type& t, const char* name, Type* base) {
    t.name = name;
    t.base = base;
    t.is_basetype = true;
    init_type(&t);
    all_exception_types.push_back(&t);
}

}  // namespace

Ref exception_new(Type* t, Object* args) {
    auto* e = new BaseExceptionObject();
    init_header(e, t);
    e->args = newref(args);
    e->cause = e->context = nullptr;
    e->suppress_context = false;
    e->dict = nullptr;
    return Ref::steal(e);
}

Ref os_error_new(int errnum, const std::string& filename) {
    Type* t = errnum == ENOENT                      ? &FileNotFoundError_type
              : errnum == EACCES || errnum == EPERM ? &PermissionError_type
              : errnum == EISDIR                    ? &IsADirectoryError_type
                                                    : &OSError_type;
    Object* items[2] = {make_small_int(errnum), str_new(std::strerror(errnum)).release()};
    Ref args = tuple_from(items, 2);
    decref(items[1]);
    Ref exc = exception_new(t, args.get());
    exception_setattr(exc.get(), intern("errno"), items[0]);
    exception_setattr(exc.get(), intern("strerror"), as_tuple(args.get())->items[1]);
    exception_setattr(exc.get(), intern("filename"), str_new(filename).get());
    return exc;
}

bool is_exception_instance(const Object* o) { return is_instance(o, &BaseException_type); }

void exception_add_traceback(Object* exc, Object* code, int line, Object* globals) {
    // Frames add themselves while the exception travels outwards, so each new entry is the
    // outermost so far.
    auto& tb = as_exc(exc)->traceback;
    if (globals) incref(globals);
    tb.insert(tb.begin(), TracebackEntry{newref(code), line, -1, globals});
}

void set_traceback_hooks(TracebackHooks hooks) { g_traceback_hooks = hooks; }

std::string exception_message(Object* exc) { return str_utf8(exc); }

const std::vector<Type*>& builtin_exception_types() { return all_exception_types; }

void init_exception_types() {
    Type& b = BaseException_type;
    b.instance_size = sizeof(BaseExceptionObject);
    b.dealloc = exception_dealloc;
    b.construct = exception_construct;
    b.methods = kExceptionMethods;
    b.str = exception_str;
    b.repr = exception_repr;
    b.getattr = exception_getattr;
    b.setattr = exception_setattr;
    define(b, "BaseException", nullptr);
    define(SystemExit_type, "SystemExit", &b);
    define(KeyboardInterrupt_type, "KeyboardInterrupt", &b);
    define(GeneratorExit_type, "GeneratorExit", &b);
    define(Exception_type, "Exception", &b);
    Type* e = &Exception_type;
    define(StopIteration_type, "StopIteration", e);
    define(StopAsyncIteration_type, "StopAsyncIteration", e);
    define(ArithmeticError_type, "ArithmeticError", e);
    define(FloatingPointError_type, "FloatingPointError", &ArithmeticError_type);
    define(OverflowError_type, "OverflowError", &ArithmeticError_type);
    define(ZeroDivisionError_type, "ZeroDivisionError", &ArithmeticError_type);
    define(AssertionError_type, "AssertionError", e);
    define(AttributeError_type, "AttributeError", e);
    define(BufferError_type, "BufferError", e);
    define(EOFError_type, "EOFError", e);
    define(ImportError_type, "ImportError", e);
    define(ModuleNotFoundError_type, "ModuleNotFoundError", &ImportError_type);
    define(LookupError_type, "LookupError", e);
    define(IndexError_type, "IndexError", &LookupError_type);
    define(KeyError_type, "KeyError", &LookupError_type);
    define(MemoryError_type, "MemoryError", e);
    define(NameError_type, "NameError", e);
    define(UnboundLocalError_type, "UnboundLocalError", &NameError_type);
    define(OSError_type, "OSError", e);
    define(FileNotFoundError_type, "FileNotFoundError", &OSError_type);
    define(PermissionError_type, "PermissionError", &OSError_type);
    define(IsADirectoryError_type, "IsADirectoryError", &OSError_type);
    define(TimeoutError_type, "TimeoutError", &OSError_type);
    define(ReferenceError_type, "ReferenceError", e);
    define(RuntimeError_type, "RuntimeError", e);
    define(NotImplementedError_type, "NotImplementedError", &RuntimeError_type);
    define(RecursionError_type, "RecursionError", &RuntimeError_type);
    define(SyntaxError_type, "SyntaxError", e);
    define(IndentationError_type, "IndentationError", &SyntaxError_type);
    define(TypeError_type, "TypeError", e);
    define(ValueError_type, "ValueError", e);
    define(UnicodeError_type, "UnicodeError", &ValueError_type);
    define(UnicodeDecodeError_type, "UnicodeDecodeError", &UnicodeError_type);
    define(UnicodeEncodeError_type, "UnicodeEncodeError", &UnicodeError_type);
    define(Warning_type, "Warning", e);
    define(UserWarning_type, "UserWarning", &Warning_type);
    define(DeprecationWarning_type, "DeprecationWarning", &Warning_type);
    define(RuntimeWarning_type, "RuntimeWarning", &Warning_type);
}

}  // namespace minipy
