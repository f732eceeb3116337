// exceptions.cpp — BaseException and the built-in hierarchy, with CPython's str/repr of exception
// instances and the attributes scripts read (args, __cause__, __context__, value, code).
#include "objects/exceptions.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exception_group.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

#define MINIPY_DEFINE_EXCEPTION(name, base, doc) Type name##_type;
MINIPY_EXCEPTION_TYPES(MINIPY_DEFINE_EXCEPTION)
#undef MINIPY_DEFINE_EXCEPTION

namespace {

std::vector<Type*> all_exception_types;

BaseExceptionObject* as_exc(Object* o) { return static_cast<BaseExceptionObject*>(o); }

Type* g_traceback_type = nullptr;

void exception_traverse(Object* o, VisitProc visit, void* arg) {
    BaseExceptionObject* e = as_exc(o);
    for (Object* p : {e->args, e->cause, e->context, static_cast<Object*>(e->dict), e->traceback})
        if (p) visit(p, arg);
}

// As CPython's BaseException_clear, except that args becomes () rather than null (it is never null here).
void exception_clear(Object* o) {
    BaseExceptionObject* e = as_exc(o);
    Object* args = std::exchange(e->args, newref(empty_tuple()));
    Object* cause = std::exchange(e->cause, nullptr);
    Object* context = std::exchange(e->context, nullptr);
    Object* dict = std::exchange(e->dict, nullptr);
    Object* traceback = std::exchange(e->traceback, nullptr);
    decref(args);
    xdecref(cause);
    xdecref(context);
    xdecref(dict);
    xdecref(traceback);
}

void exception_dealloc(Object* o) {
    BaseExceptionObject* e = as_exc(o);
    decref(e->args);
    xdecref(e->cause);
    xdecref(e->context);
    xdecref(e->dict);
    xdecref(e->traceback);
    delete e;
}

void exception_setattr(Object* o, Str* name, Object* value);
Ref unicode_error_construct(Type* t, Object* const* args, size_t nargs);
bool is_unicode_error_subtype(Type* t);

// The keyword arguments an exception class takes, kept as attributes of those names (CPython's
// ImportError_init, NameError_init, AttributeError_init); null for the others, which take none.
const std::vector<std::string>* keyword_attributes(Type* t) {
    static const std::vector<std::string> kImport = {"name", "path"}, kName = {"name"},
                                          kAttribute = {"name", "obj"};
    if (is_subtype(t, &ImportError_type)) return &kImport;
    if (is_subtype(t, &NameError_type)) return &kName;
    if (is_subtype(t, &AttributeError_type)) return &kAttribute;
    return nullptr;
}

// ImportError(*args, name=None, path=None), NameError(*args, name=None) and
// AttributeError(*args, name=None, obj=None): the only exceptions with keyword arguments.
Ref keyword_exception_construct(Type* t, const std::vector<std::string>& allowed, Object* const* args,
                                size_t nargs, Tuple* kwnames) {
    Ref exc = exception_new(t, tuple_from(args, nargs).get());
    for (size_t i = 0; i < kwnames->size; ++i) {
        auto* key = static_cast<Str*>(kwnames->items[i]);
        if (std::find(allowed.begin(), allowed.end(), key->utf8) == allowed.end())
            raise(&TypeError_type,
                  format("'%s' is an invalid keyword argument for %s()", key->utf8.c_str(), t->name.c_str()));
        exception_setattr(exc.get(), key, args[nargs + i]);
    }
    return exc;
}

Ref exception_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(type);
    if (kwnames && kwnames->size) {
        const std::vector<std::string>* allowed = keyword_attributes(t);
        if (!allowed) raise_no_kwargs(t->name.c_str());
        return keyword_exception_construct(t, *allowed, args, nargs, kwnames);
    }
    Ref tuple = tuple_from(args, nargs);
    // OSError(errno, strerror) makes the subclass for errno, as CPython: OSError(2, "x") is a
    // FileNotFoundError.
    if (t == &OSError_type && nargs >= 2 && nargs <= 5 && is_int(args[0])) {
        int64_t errnum = 0;
        if (int_to_i64(args[0], &errnum) && errnum >= 0 && errnum < 4096)
            t = os_error_type_for(static_cast<int>(errnum));
    }
    // OSError(errno, strerror, filename[, winerror, filename2]) keeps only (errno, strerror) as its
    // args, and the rest as attributes (CPython's oserror_init).
    if (is_subtype(t, &OSError_type) && nargs >= 3 && nargs <= 5) {
        Ref exc = exception_new(t, tuple.get());
        set_os_error_details(exc.get(), args, nargs);
        return exc;
    }
    if (Ref exc = unicode_error_construct(t, args, nargs)) return exc;
    return exception_new(t, tuple.get());
}

Ref syntax_error_str(Object* o);

// UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError(the same, object a
// bytes-like made bytes) and UnicodeTranslateError(object, start, end, reason): CPython's
// UnicodeError_init checks the parts and keeps them as attributes of `exc`, of class t.
void unicode_error_fill(Object* exc, Type* t, Object* const* args, size_t nargs) {
    bool decode = is_subtype(t, &UnicodeDecodeError_type),
         translate = is_subtype(t, &UnicodeTranslateError_type);
    size_t want = translate ? 4 : 5;
    if (nargs != want)
        raise(&TypeError_type, format("function takes exactly %zu arguments (%zu given)", want, nargs));
    size_t first = translate ? 0 : 1;
    auto need_str = [&](size_t i) {
        if (!is_instance(args[i], &str_type))
            raise(&TypeError_type,
                  format("argument %zu must be str, not %s", i + 1, type_of(args[i])->name.c_str()));
    };
    if (!translate) need_str(0);
    Ref object = Ref::borrow(args[first]);
    if (decode) {
        if (!is_bytes_like(args[first]))
            raise(&TypeError_type,
                  format("a bytes-like object is required, not '%s'", type_of(args[first])->name.c_str()));
        object = bytes_new(bytes_like_data(args[first]));
    } else {
        need_str(first);
    }
    as_index(args[first + 1]);
    as_index(args[first + 2]);
    need_str(first + 3);
    exception_setattr(exc, intern("encoding"), translate ? None : args[0]);
    exception_setattr(exc, intern("object"), object.get());
    exception_setattr(exc, intern("start"), args[first + 1]);
    exception_setattr(exc, intern("end"), args[first + 2]);
    exception_setattr(exc, intern("reason"), args[first + 3]);
}

bool is_unicode_error_subtype(Type* t) {
    return is_subtype(t, &UnicodeDecodeError_type) || is_subtype(t, &UnicodeTranslateError_type) ||
           is_subtype(t, &UnicodeEncodeError_type);
}

// The exception unicode_error_fill describes; null for other types.
Ref unicode_error_construct(Type* t, Object* const* args, size_t nargs) {
    if (!is_unicode_error_subtype(t)) return Ref();
    Ref exc = exception_new(t, tuple_from(args, nargs).get());
    unicode_error_fill(exc.get(), t, args, nargs);  // a bad part raises, and exc is dropped
    return exc;
}

// CPython's UnicodeEncodeError_str and siblings: one character or byte is named, a range is given
// as positions; an instance made without the five parts prints as any other exception.
Ref unicode_error_str(Object* o) {
    Dict* d = as_exc(o)->dict;
    Object* reason = d ? dict_get_str(d, intern("reason")) : nullptr;
    Object* object = d ? dict_get_str(d, intern("object")) : nullptr;
    Object* start_o = d ? dict_get_str(d, intern("start")) : nullptr;
    Object* end_o = d ? dict_get_str(d, intern("end")) : nullptr;
    if (!reason || !object || !start_o || !end_o || !is_int(start_o) || !is_int(end_o)) return Ref();
    int64_t start = as_index(start_o), end = as_index(end_o);
    std::string why = str_utf8(reason);
    std::string prefix;
    if (!is_instance(o, &UnicodeTranslateError_type)) {
        Object* encoding = dict_get_str(d, intern("encoding"));
        prefix = format("'%s' codec ", encoding ? str_utf8(encoding).c_str() : "");
    }
    bool decode = is_instance(o, &UnicodeDecodeError_type);
    const char* verb = decode ? "decode" : is_instance(o, &UnicodeEncodeError_type) ? "encode" : "translate";
    int64_t size = decode ? (is_bytes_like(object) ? static_cast<int64_t>(bytes_like_data(object).size()) : 0)
                          : (is_instance(object, &str_type) ? as_str(object)->length : 0);
    if (start >= 0 && start < size && end == start + 1) {
        if (decode) {
            auto byte = static_cast<unsigned char>(bytes_like_data(object)[static_cast<size_t>(start)]);
            return str_new(
                prefix +
                format("can't decode byte 0x%02x in position %lld: ", byte, static_cast<long long>(start)) +
                why);
        }
        Ref ch = str_char_at(as_str(object), start);
        const char* p = str_utf8_of(ch.get()).data();
        uint32_t cp = utf8_decode(p);
        std::string shown = cp < 0x100     ? format("\\x%02x", cp)
                            : cp < 0x10000 ? format("\\u%04x", cp)
                                           : format("\\U%08x", cp);
        return str_new(prefix +
                       format("can't %s character '%s' in position %lld: ", verb, shown.c_str(),
                              static_cast<long long>(start)) +
                       why);
    }
    return str_new(prefix +
                   format("can't %s %s in position %lld-%lld: ", verb, decode ? "bytes" : "characters",
                          static_cast<long long>(start), static_cast<long long>(end - 1)) +
                   why);
}

Object* os_error_field(Object* o, const std::string& n);

// One of OSError's errno, strerror, filename and filename2 when it has a value (given at creation
// or assigned since, None included), else null: CPython's NULL member.
Ref os_error_member(Object* o, const char* name) {
    BaseExceptionObject* e = as_exc(o);
    if (e->dict) {
        if (Ref v = dict_get_str_ref(e->dict, intern(name))) return v;
    }
    Tuple* args = as_tuple(e->args);
    bool from_args =
        args->size == 2 && (std::strcmp(name, "errno") == 0 || std::strcmp(name, "strerror") == 0);
    return from_args ? Ref::borrow(os_error_field(o, name)) : nullptr;
}

// CPython's OSError_str: "[Errno 2] No such file or directory: 'name'" from the attributes as they
// are now, so an assignment to e.errno shows; null when neither a filename nor errno and strerror
// are set (then the exception prints as any other).
Ref os_error_str(Object* o) {
    Ref errnum = os_error_member(o, "errno"), strerror = os_error_member(o, "strerror");
    Ref filename = os_error_member(o, "filename"), filename2 = os_error_member(o, "filename2");
    auto or_none = [](const Ref& v) { return str_utf8(v ? v.get() : None); };
    if (!filename && !(errnum && strerror)) return nullptr;
    std::string text = "[Errno " + or_none(errnum) + "] " + or_none(strerror);
    if (filename) text += ": " + repr_utf8(filename.get());
    if (filename && filename2) text += " -> " + repr_utf8(filename2.get());
    return str_new(text);
}

Ref exception_str(Object* o) {
    Tuple* args = as_tuple(as_exc(o)->args);
    if (is_instance(o, &SyntaxError_type)) return syntax_error_str(o);
    if (is_instance(o, &UnicodeError_type)) {
        if (Ref text = unicode_error_str(o)) return text;
    }
    if (is_instance(o, &OSError_type)) {
        if (Ref text = os_error_str(o)) return text;
    }
    if (args->size == 0) return str_new("");
    // KeyError shows the missing key as its repr: KeyError: 'x'.
    if (args->size == 1) return is_instance(o, &KeyError_type) ? repr(args->items[0]) : str(args->items[0]);
    return str(args);
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])): its attributes, as
// CPython's SyntaxError_init sets them; null for a name that is not one of them.
Object* syntax_error_field(Object* o, const std::string& n) {
    static const char* const kDetails[] = {"filename", "lineno",     "offset",
                                           "text",     "end_lineno", "end_offset"};
    Tuple* args = as_tuple(as_exc(o)->args);
    if (n == "msg") return args->size >= 1 ? args->items[0] : None;
    if (n == "print_file_and_line") return None;
    for (size_t i = 0; i < 6; ++i) {
        if (n != kDetails[i]) continue;
        if (args->size != 2 || type_of(args->items[1]) != &tuple_type) return None;
        Tuple* details = as_tuple(args->items[1]);
        return i < details->size ? details->items[i] : None;
    }
    return nullptr;
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): CPython's OSError_init reads its
// attributes from 2 to 5 arguments; with any other count they are None. errno and strerror come
// from args; a filename, when given, was stored as an attribute (set_os_error_details).
Object* os_error_field(Object* o, const std::string& n) {
    static const char* const kFields[] = {"errno", "strerror", "filename", "winerror", "filename2"};
    Tuple* args = as_tuple(as_exc(o)->args);
    for (size_t i = 0; i < 5; ++i) {
        if (n != kFields[i]) continue;
        if (i >= 2 || args->size < 2 || args->size > 5) return None;
        return args->items[i];
    }
    return nullptr;
}

// CPython's SyntaxError_str: "msg (file.py, line 3)".
Ref syntax_error_str(Object* o) {
    Ref msg = get_attr(o, intern("msg"));
    Ref filename = get_attr(o, intern("filename"));
    Ref lineno = get_attr(o, intern("lineno"));
    std::string text = str_utf8(msg.get());
    std::string where;
    if (is_str(filename.get())) {
        const std::string& path = str_utf8_of(filename.get());
        where = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    }
    bool has_line = is_int(lineno.get());
    if (!where.empty() && has_line)
        return str_new(text + " (" + where + ", line " + str_utf8(lineno.get()) + ")");
    if (!where.empty()) return str_new(text + " (" + where + ")");
    if (has_line) return str_new(text + " (line " + str_utf8(lineno.get()) + ")");
    return str_new(text);
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
    if (n == "__traceback__") return Ref::borrow(e->traceback ? e->traceback : None);
    if (e->dict) {
        if (Ref v = dict_get_str_ref(e->dict, name)) return v;
    }
    if (n == "value" && is_instance(o, &StopIteration_type)) {
        Tuple* args = as_tuple(e->args);
        return Ref::borrow(args->size ? args->items[0] : None);
    }
    if (n == "code" && is_instance(o, &SystemExit_type)) return Ref::borrow(first_arg_or(o, None));
    if (is_instance(o, &SyntaxError_type)) {
        if (Object* field = syntax_error_field(o, n)) return Ref::borrow(field);
    }
    if (is_instance(o, &OSError_type)) {
        if (Object* field = os_error_field(o, n)) return Ref::borrow(field);
    }
    // NameError's name, AttributeError's name and obj: None until set (by the interpreter, for
    // the traceback's "Did you mean" suggestions, or by the keyword arguments).
    if ((n == "name" && is_instance(o, &NameError_type)) ||
        ((n == "name" || n == "obj") && is_instance(o, &AttributeError_type)))
        return Ref::borrow(None);
    // ImportError's name and path are None until set; msg is the sole argument, or None.
    if (is_instance(o, &ImportError_type)) {
        if (n == "name" || n == "path") return Ref::borrow(None);
        if (n == "msg") {
            Tuple* args = as_tuple(e->args);
            return Ref::borrow(args->size == 1 ? args->items[0] : None);
        }
    }
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
    if (n == "__cause__" || n == "__context__") {
        bool cause = n == "__cause__";
        if (!value) raise(&TypeError_type, format("%s may not be deleted", n.c_str()));
        if (value != None && !is_exception_instance(value))
            raise(&TypeError_type, format("exception %s must be None or derive from BaseException",
                                          cause ? "cause" : "context"));
        replace(cause ? e->cause : e->context, value);
        if (cause) e->suppress_context = true;
    } else if (n == "__traceback__") {
        if (!value || (value != None && type_of(value) != g_traceback_type))
            raise(&TypeError_type, "__traceback__ must be a traceback or None");
        replace(e->traceback, value == None ? nullptr : value);
    } else if (n == "__suppress_context__") {
        e->suppress_context = value && is_true(value);
    } else if (n == "args") {
        if (!value) raise(&TypeError_type, "args may not be deleted");
        Ref tuple = tuple_from_iterable(value);
        decref(e->args);
        e->args = tuple.release();
    } else if ((n == "start" || n == "end") && is_unicode_error_subtype(type_of(o))) {
        // C Py_ssize_t members in CPython's UnicodeError objects.
        if (!value) raise(&TypeError_type, "can't delete numeric/char attribute");
        if (!is_int(value)) raise(&TypeError_type, "an integer is required");
        int64_t position;
        if (!int_to_i64(value, &position))
            raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
        if (!e->dict) e->dict = as_dict(dict_new().release());
        dict_set(e->dict, name, int_from_i64(position).get());
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

// What pickle rebuilds an exception from, as CPython's BaseException.__reduce__: the type and its
// args, and the instance dict when it holds anything (set back by __setstate__).
Ref exception_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    BaseExceptionObject* e = as_exc(args[0]);
    Object* items[3] = {type_of(e), e->args, e->dict};
    return tuple_from(items, e->dict && dict_size(e->dict) > 0 ? 3 : 2);
}

Ref exception_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__setstate__", nargs - 1, kw, 1, 1);
    Object* state = args[1];
    if (state == None) return Ref::borrow(None);
    if (!is_instance(state, &dict_type)) raise(&TypeError_type, "state is not a dictionary");
    Ref keys = dict_keys_list(as_dict(state));
    for_each_item(keys.get(), [&](Object* key) {
        if (!is_str(key)) raise(&TypeError_type, "attribute name must be string");
        Object* value = dict_get(as_dict(state), key);
        if (value) exception_setattr(args[0], static_cast<Str*>(key), value);
    });
    return Ref::borrow(None);
}

// BaseException.add_note(note) (PEP 678): appends to __notes__, made a list on first use; the
// traceback printer shows each note after the exception's line.
Ref exception_add_note(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("add_note", nargs - 1, kw, 1, 1);
    Object* note = args[1];
    if (!is_str(note))
        raise(&TypeError_type, format("note must be a str, not '%s'", type_of(note)->name.c_str()));
    Ref notes = get_attr_opt(args[0], intern("__notes__"));
    if (!notes) {
        notes = list_new();
        set_attr(args[0], intern("__notes__"), notes.get());
    }
    if (!is_instance(notes.get(), &list_type))
        raise(&TypeError_type, "Cannot add note: __notes__ is not a list");
    list_append(notes.get(), note);
    return Ref::borrow(None);
}

const MethodDef kExceptionMethods[] = {
    {"with_traceback", exception_with_traceback,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exception_add_note, "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exception_reduce, nullptr},
    {"__setstate__", exception_setstate, nullptr},
    {nullptr, nullptr, nullptr},
};

void define(Type& t, const char* name, Type* base, const char* doc) {
    t.name = name;
    t.base = base;
    t.is_basetype = true;
    init_type(&t);
    dict_set(t.dict, intern("__doc__"), str_new(doc).get());
    all_exception_types.push_back(&t);
}

}  // namespace

bool unicode_error_init(Object* exc, Object* const* args, size_t nargs) {
    if (!is_unicode_error_subtype(type_of(exc))) return false;
    unicode_error_fill(exc, type_of(exc), args, nargs);
    return true;
}

void set_os_error_details(Object* exc, Object* const* args, size_t nargs) {
    exception_setattr(exc, intern("errno"), args[0]);
    exception_setattr(exc, intern("strerror"), args[1]);
    // As CPython's oserror_init: a filename of None is no filename (nor then is filename2), and args
    // keep (errno, strerror) only when there is one. BlockingIOError's third argument, a number, is
    // the count of characters written.
    Object* filename = args[2];
    if (filename == None) return;
    if (is_instance(exc, &BlockingIOError_type) && (is_int(filename) || index_value(filename))) {
        Ref written = int_from_i64(as_index(filename));
        exception_setattr(exc, intern("characters_written"), written.get());
        return;
    }
    exception_setattr(exc, intern("filename"), filename);
    if (nargs == 5 && args[4] != None) exception_setattr(exc, intern("filename2"), args[4]);
    Ref kept = tuple_from(args, 2);
    exception_setattr(exc, intern("args"), kept.get());
}

Ref exception_new(Type* t, Object* args) {
    auto* e = new BaseExceptionObject();
    init_header(e, t);
    e->args = newref(args);
    e->cause = e->context = nullptr;
    e->suppress_context = false;
    e->dict = nullptr;
    e->traceback = nullptr;
    return Ref::steal(e);
}

// CPython's errno -> OSError subclass table (Objects/exceptions.c, _PyExc_InitState).
Type* os_error_type_for(int errnum) {
    switch (errnum) {
        case EAGAIN:
        case EALREADY:
        case EINPROGRESS:
            return &BlockingIOError_type;
        case ECHILD:
            return &ChildProcessError_type;
        case EPIPE:
        case ESHUTDOWN:
            return &BrokenPipeError_type;
        case ECONNABORTED:
            return &ConnectionAbortedError_type;
        case ECONNREFUSED:
            return &ConnectionRefusedError_type;
        case ECONNRESET:
            return &ConnectionResetError_type;
        case EEXIST:
            return &FileExistsError_type;
        case ENOENT:
            return &FileNotFoundError_type;
        case EINTR:
            return &InterruptedError_type;
        case EISDIR:
            return &IsADirectoryError_type;
        case ENOTDIR:
            return &NotADirectoryError_type;
        case EACCES:
        case EPERM:
            return &PermissionError_type;
        case ESRCH:
            return &ProcessLookupError_type;
        case ETIMEDOUT:
            return &TimeoutError_type;
        default:
            return &OSError_type;
    }
}

Ref os_error_new(int errnum, const std::string& filename) {
    Object* items[2] = {make_small_int(errnum), str_new(std::strerror(errnum)).release()};
    Ref args = tuple_from(items, 2);
    decref(items[1]);
    Ref exc = exception_new(os_error_type_for(errnum), args.get());
    exception_setattr(exc.get(), intern("errno"), items[0]);
    exception_setattr(exc.get(), intern("strerror"), as_tuple(args.get())->items[1]);
    // No file involved (os.close(999)): filename stays None and the message has no ": ''".
    if (!filename.empty()) exception_setattr(exc.get(), intern("filename"), str_new(filename).get());
    return exc;
}

bool is_exception_instance(const Object* o) { return is_instance(o, &BaseException_type); }

void set_traceback_type(Type* type) { g_traceback_type = type; }
bool is_traceback(Object* o) { return g_traceback_type && type_of(o) == g_traceback_type; }

std::string exception_message(Object* exc) { return str_utf8(exc); }

const std::vector<Type*>& builtin_exception_types() { return all_exception_types; }

void init_exception_types() {
    Type& b = BaseException_type;
    b.instance_size = sizeof(BaseExceptionObject);
    b.dealloc = exception_dealloc;
    b.traverse = exception_traverse;
    b.clear = exception_clear;
    b.construct = exception_construct;
    b.methods = kExceptionMethods;
    b.str = exception_str;
    b.repr = exception_repr;
    b.getattr = exception_getattr;
    b.setattr = exception_setattr;
#define MINIPY_INIT_EXCEPTION(name, base, doc) define(name##_type, #name, &base##_type, doc);
    MINIPY_EXCEPTION_TYPES(MINIPY_INIT_EXCEPTION)
#undef MINIPY_INIT_EXCEPTION
    // The attributes exception_getattr computes, as CPython's exception types list them.
    add_attribute_descriptors(&b, {"args", "__cause__", "__context__", "__traceback__"});
    add_attribute_descriptors(&b, {"__suppress_context__"}, true);
    add_attribute_descriptors(&StopIteration_type, {"value"}, true);
    add_attribute_descriptors(&SystemExit_type, {"code"}, true);
    add_attribute_descriptors(&ImportError_type, {"msg", "name", "path"}, true);
    add_attribute_descriptors(&NameError_type, {"name"}, true);
    add_attribute_descriptors(&AttributeError_type, {"name", "obj"}, true);
    add_attribute_descriptors(&OSError_type, {"errno", "strerror", "filename", "filename2"}, true);
    add_attribute_descriptors(
        &SyntaxError_type,
        {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"},
        true);
    init_exception_group_types(all_exception_types);
}
}  // namespace minipy
