// sys.cpp — the native `sys` module: argv, path, modules, exit, the standard streams, the
// recursion limit and switch interval, and facts about the interpreter (version, implementation).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "modules/registry.h"
#include "modules/structseq.h"
#include "modules/sys_hooks.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame_object.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/namespace.h"
#include "objects/native_function.h"
#include "objects/siphash.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/locale_config.h"
#include "runtime/thread_state.h"
#include "runtime/version.h"
#include "vm/frame.h"
#include "vm/trace_hooks.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_sys = nullptr;                     // the sys module, immortal once made
Object* g_default_unraisablehook = nullptr;  // the built-in sys.unraisablehook

// A text stream over a C FILE (sys.stdout, sys.stderr). Its `buffer`, a BufferedWriter, writes
// through the same C FILE, so text and bytes come out in the order they were written.
// It writes UTF-8, or the locale's encoding outside UTF-8 mode in a locale that is not UTF-8
// (LC_ALL=C with -X utf8=0: ASCII); what CPython's TextIOWrapper lets reconfigure() change is kept: `errors`,
// `line_buffering` (a write holding a line end flushes), `write_through` and `newline` ('\r' or
// '\r\n' translate each '\n' written).
struct Stream : Object {
    std::FILE* file;
    const char* name;
    Object* buffer;  // owned
    // close() (or leaving `with sys.stdout:`, as json.tool does) marks it closed: writes then raise,
    // as CPython's. The C stream itself stays open for minipy's own messages and the exit flush.
    bool closed = false;
    bool line_buffering = false;
    bool write_through = false;
    bool translates = false;         // newline is '\r' or '\r\n'
    std::string encoding = "utf-8";  // the codec's name, or a spelling of UTF-8 given to reconfigure()
    bool utf8 = true;                // encoding is UTF-8: the text goes out as it is stored
    std::string errors;
    std::string newline;  // what '\n' becomes when translates
};
Type stream_type;

Stream* open_stream(Object* o) {
    auto* s = static_cast<Stream*>(o);
    if (s->closed) raise(&ValueError_type, "I/O operation on closed file.");
    return s;
}

// Writes text as the stream's settings say: newline translated, flushed at a line end when
// line-buffered. print() comes here for every call: with neither setting (a pipe or a file, as
// a benchmark's output is) it is one fwrite, the other cases are apart.
void stream_put_translated(Stream* s, const std::string& text);

inline void stream_put(Stream* s, const std::string& text) {
    if (!s->translates && !s->line_buffering && s->utf8) {
        std::fwrite(text.data(), 1, text.size(), s->file);
        return;
    }
    stream_put_translated(s, text);
}

[[gnu::cold, gnu::noinline]] void stream_put_translated(Stream* s, const std::string& utf8_text) {
    std::string encoded;
    if (!s->utf8) {
        Ref text = str_new(utf8_text);
        Ref encoding = str_new(s->encoding);
        Ref errors = str_new(s->errors);
        encoded = str_encode(text.get(), encoding.get(), errors.get());
    }
    const std::string& text = s->utf8 ? utf8_text : encoded;
    if (!s->translates) {
        std::fwrite(text.data(), 1, text.size(), s->file);
    } else {
        for (char c : text) {
            if (c == '\n')
                std::fwrite(s->newline.data(), 1, s->newline.size(), s->file);
            else
                std::fputc(c, s->file);
        }
    }
    if (s->line_buffering && text.find_first_of("\n\r") != std::string::npos) std::fflush(s->file);
}

Ref stream_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    if (!is_str(args[1])) {
        raise(&TypeError_type,
              format("write() argument must be str, not %s", type_of(args[1])->name.c_str()));
    }
    stream_put(open_stream(args[0]), str_utf8_of(args[1]));
    return int_from_i64(as_str(args[1])->length);
}

Ref stream_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    std::fflush(open_stream(args[0])->file);
    return Ref::borrow(None);
}

Ref stream_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    auto* s = static_cast<Stream*>(args[0]);
    if (!s->closed) std::fflush(s->file);
    s->closed = true;
    return Ref::borrow(None);
}

Ref stream_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    return Ref::borrow(open_stream(args[0]));
}

Ref stream_exit(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs < 1) raise_arg_count("__exit__", 1, 4, nargs);
    return stream_close(nullptr, args, 1, nullptr);
}

Ref stream_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fileno", nargs, kw, 1, 1);
    return int_from_i64(fileno(static_cast<Stream*>(args[0])->file));
}

Ref stream_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isatty", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(isatty(fileno(open_stream(args[0])->file)) == 1));
}

template <bool Answer>
Ref stream_answer(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    open_stream(args[0]);
    return Ref::borrow(bool_obj(Answer));
}

constexpr char kNotReadable[] = "not readable";
template <const char* Why>
Ref stream_unsupported(Object*, Args args, size_t nargs, Tuple*) {
    if (nargs >= 1) open_stream(args[0]);
    raise(io_unsupported_operation_type(), Why);
}

// A stream redirected to a regular file can seek, as CPython's; a terminal or a pipe cannot.
bool can_seek(Stream* s) { return lseek(fileno(s->file), 0, SEEK_CUR) != -1; }

Ref stream_seekable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seekable", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(can_seek(open_stream(args[0]))));
}

Stream* seekable_stream(Object* o) {
    Stream* s = open_stream(o);
    if (!can_seek(s)) raise(io_unsupported_operation_type(), "underlying stream is not seekable");
    std::fflush(s->file);
    return s;
}

Ref stream_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    return int_from_i64(static_cast<int64_t>(lseek(fileno(seekable_stream(args[0])->file), 0, SEEK_CUR)));
}

// seek(cookie, whence=0): to the start or the end, or back to a position tell() gave.
Ref stream_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    Stream* s = seekable_stream(args[0]);
    int64_t whence = nargs > 2 ? as_index(args[2]) : SEEK_SET;
    int64_t cookie = as_index(args[1]);
    if (whence == SEEK_CUR && cookie != 0)
        raise(io_unsupported_operation_type(), "can't do nonzero cur-relative seeks");
    if (whence == SEEK_END && cookie != 0)
        raise(io_unsupported_operation_type(), "can't do nonzero end-relative seeks");
    if (whence < 0 || whence > 2)
        raise(&ValueError_type,
              format("invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence)));
    if (whence == SEEK_SET && cookie < 0)
        raise(&ValueError_type, format("negative seek position %lld", static_cast<long long>(cookie)));
    off_t at = lseek(fileno(s->file), static_cast<off_t>(cookie), static_cast<int>(whence));
    if (at < 0) raise_object(os_error_new(errno, ""));
    return int_from_i64(static_cast<int64_t>(at));
}

// reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None),
// as TextIOWrapper's. The encoding stays UTF-8: another one is refused (a difference from CPython,
// whose text layer re-encodes).
Ref stream_reconfigure(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1) raise(&TypeError_type, "reconfigure() takes no positional arguments");
    static const char* const kNames[] = {"self",    "encoding",       "errors",
                                         "newline", "line_buffering", "write_through"};
    Object* a[6] = {};
    bind_args("reconfigure", args, nargs, kw, kNames, 6, 1, a);
    Stream* s = open_stream(a[0]);
    for (int i : {1, 2})
        if (a[i] && a[i] != None && !is_instance(a[i], &str_type))
            raise(&TypeError_type, "bad argument type for built-in operation");
    std::string newline = s->newline;
    if (a[3] && a[3] != None) {
        if (!is_instance(a[3], &str_type))
            raise(&TypeError_type, format("reconfigure() argument 'newline' must be str or None, not %s",
                                          type_of(a[3])->name.c_str()));
        const std::string& n = str_utf8_of(a[3]);
        if (n != "" && n != "\n" && n != "\r" && n != "\r\n")
            raise(&ValueError_type, "illegal newline value: " + n);
        newline = n == "\r" || n == "\r\n" ? n : "";
    }
    if (a[1] && a[1] != None) {
        std::string e = str_utf8_of(a[1]);
        for (char& c : e) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (e != "utf-8" && e != "utf8" && e != "u8")
            raise(io_unsupported_operation_type(),
                  "minipy's " + std::string(s->name) + " writes UTF-8 only, not " + str_utf8_of(a[1]));
        if (!a[2] || a[2] == None) s->errors = "strict";
        s->encoding = str_utf8_of(a[1]);
        s->utf8 = true;
    }
    std::fflush(s->file);
    if (a[2] && a[2] != None) s->errors = str_utf8_of(a[2]);
    s->newline = newline;
    s->translates = !newline.empty();
    if (a[4] && a[4] != None) s->line_buffering = is_true(a[4]);
    if (a[5] && a[5] != None) s->write_through = is_true(a[5]);
    return Ref::borrow(None);
}

Ref stream_repr(Object* o) {
    auto* s = static_cast<Stream*>(o);
    return str_new(
        format("<_io.TextIOWrapper name='%s' mode='w' encoding='%s'>", s->name, s->encoding.c_str()));
}

const MethodDef kStreamMethods[] = {
    {"write", stream_write, "Write the string to the stream; return its length."},
    {"flush", stream_flush, "Flush the stream."},
    {"fileno", stream_fileno, "Return the underlying file descriptor."},
    {"isatty", stream_isatty, "Return whether this is an 'interactive' stream."},
    {"readable", stream_answer<false>, "Return whether object was opened for reading."},
    {"writable", stream_answer<true>, "Return whether object was opened for writing."},
    {"seekable", stream_seekable, "Return whether object supports random access."},
    {"read", stream_unsupported<kNotReadable>, "Read at most size characters from stream."},
    {"readline", stream_unsupported<kNotReadable>, "Read until newline or EOF."},
    {"seek", stream_seek, "Change the stream position."},
    {"tell", stream_tell, "Return the stream position."},
    {"reconfigure", stream_reconfigure, "Reconfigure the text stream with new parameters."},
    {"close", stream_close, "Flush and close the stream."},
    {"__enter__", stream_enter, nullptr},
    {"__exit__", stream_exit, nullptr},
    {nullptr, nullptr, nullptr},
};

Ref stream_new(std::FILE* file, const char* name) {
    auto* s = new Stream();
    init_header(s, &stream_type);
    s->file = file;
    s->name = name;
    // Under -u (or PYTHONUNBUFFERED) the binary layer is the raw FileIO itself, as CPython's.
    s->buffer = (unbuffered_stdio() ? fileio_from_fd(fileno(file), "wb", name, file)
                                    : std_stream_buffer(file, fileno(file), name))
                    .release();
    // As CPython's: stderr is always line-buffered and escapes what it cannot encode; stdout is
    // line-buffered on a terminal.
    s->line_buffering = file == stderr || isatty(fileno(file)) == 1;
    s->errors = file == stderr ? "backslashreplace" : stdio_errors();
    s->encoding = codec_name(stdio_encoding());
    s->utf8 = s->encoding == "utf-8";
    s->write_through = unbuffered_stdio();
    return Ref::steal(s);
}

Ref sys_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("exit", nargs, kw, 0, 1);
    raise_object(exception_new(&SystemExit_type, tuple_from(args, nargs).get()));
}

Ref sys_getrecursionlimit(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getrecursionlimit", nargs, kw, 0, 0);
    return int_from_i64(recursion_limit());
}

// The depth sys.set_coroutine_origin_tracking_depth asked for, per thread as in CPython (kept in
// the ThreadState; objects/generator.cpp records each new coroutine's cr_origin with it).
Ref sys_get_coroutine_origin_tracking_depth(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_coroutine_origin_tracking_depth", nargs, kw, 0, 0);
    return int_from_i64(thread_state()->coroutine_origin_depth);
}

Ref sys_set_coroutine_origin_tracking_depth(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"depth"};
    Object* bound[1] = {nullptr};
    bind_args("set_coroutine_origin_tracking_depth", args, nargs, kw, kNames, 1, 1, bound);
    if (!is_int(bound[0])) raise_not_an_integer(bound[0]);
    int64_t depth = as_index(bound[0]);
    if (depth < 0) raise(&ValueError_type, "depth must be >= 0");
    thread_state()->coroutine_origin_depth = depth;
    return Ref::borrow(None);
}

Ref sys_setrecursionlimit(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setrecursionlimit", nargs, kw, 1, 1);
    if (!is_int(args[0])) raise_not_an_integer(args[0]);
    int64_t limit = as_index(args[0]);
    if (limit < 1) raise(&ValueError_type, "recursion limit must be greater or equal than 1");
    int depth = thread_state()->depth;
    if (limit <= depth) {
        raise(&RecursionError_type,
              format("cannot set the recursion limit to %lld at the recursion depth %d: "
                     "the limit is too low",
                     static_cast<long long>(limit), depth));
    }
    set_recursion_limit(static_cast<int>(std::min<int64_t>(limit, INT32_MAX)));
    return Ref::borrow(None);
}

Ref sys_get_int_max_str_digits(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_int_max_str_digits", nargs, kw, 0, 0);
    return int_from_i64(int_max_str_digits());
}

Ref sys_set_int_max_str_digits(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"maxdigits"};
    Object* bound[1] = {};
    bind_args("set_int_max_str_digits", args, nargs, kw, kNames, 1, 1, bound);
    int64_t digits = as_index(bound[0]);
    if (digits > INT32_MAX || digits < INT32_MIN)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    if (digits != 0 && digits < kStrDigitsCheckThreshold)
        raise(&ValueError_type, format("maxdigits must be 0 or larger than %d", kStrDigitsCheckThreshold));
    set_int_max_str_digits(static_cast<int>(digits));
    return Ref::borrow(None);
}

Ref sys_getswitchinterval(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getswitchinterval", nargs, kw, 0, 0);
    return float_new(the_gil().switch_interval());
}

Ref sys_setswitchinterval(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setswitchinterval", nargs, kw, 1, 1);
    double v = to_double(args[0]);
    if (!(v > 0)) raise(&ValueError_type, "switch interval must be strictly positive");
    the_gil().set_switch_interval(v);
    return Ref::borrow(None);
}

// CPython's answer: 'utf-8' in UTF-8 mode and in a UTF-8 locale, 'ascii' in the C locale outside
// UTF-8 mode (os.fsencode then encodes with it). posix itself encodes and decodes names as UTF-8 with
// undecodable bytes escaped (PEP 383) in every locale.
Ref sys_getfilesystemencoding(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getfilesystemencoding", nargs, kw, 0, 0);
    return Ref::borrow(intern(codec_name(default_text_encoding())));
}

Ref sys_getfilesystemencodeerrors(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getfilesystemencodeerrors", nargs, kw, 0, 0);
    return Ref::borrow(intern("surrogateescape"));
}

// The default encoding of str.encode() and bytes.decode().
Ref sys_getdefaultencoding(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("sys.getdefaultencoding", nargs, kw, 0, 0);  // CPython names the module here
    return Ref::borrow(intern("utf-8"));
}

// sys.intern(string): the one shared str with this value (minipy's interned names).
Ref sys_intern(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("intern", nargs, kw, 1, 1);
    if (!is_instance(args[0], &str_type))
        raise(&TypeError_type,
              format("intern() argument must be str, not %s", type_of(args[0])->name.c_str()));
    if (!is_str(args[0])) raise(&TypeError_type, "can't intern str subclass");
    return Ref::borrow(intern(str_utf8_of(args[0])));
}

// sys.audit(event, *args): no audit hooks can be added in minipy, so raising an event does nothing
// beyond CPython's check of the event name.
Ref sys_audit(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("audit");
    if (nargs < 1) raise(&TypeError_type, "audit() missing 1 required positional argument: 'event'");
    if (!is_str(args[0]))
        raise(&TypeError_type,
              format("expected str for argument 'event', not %s", type_of(args[0])->name.c_str()));
    return Ref::borrow(None);
}

// sys.prefix: the installation CPython's Lib belongs to ("/usr" for /usr/lib/python3.11), where
// modules such as gettext look for shared data.
std::string install_prefix() {
    std::string lib = MINIPY_CPYTHON_LIB;
    for (int up = 0; up < 2 && !lib.empty(); ++up) {
        size_t slash = lib.find_last_of('/');
        lib = slash == std::string::npos ? "" : lib.substr(0, slash);
    }
    return lib;
}

Ref sys_is_gil_enabled(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_is_gil_enabled", nargs, kw, 0, 0);
    return Ref::borrow(bool_obj(active_gil() != nullptr));
}

// The caller's reference to the argument is already counted: it sits on the caller's stack.
Ref sys_getrefcount(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getrefcount", nargs, kw, 1, 1);
    if (is_small_int(args[0])) return int_from_i64(kImmortalRefCount);
    int64_t count = refcount_get(args[0]->refcnt);
    return int_from_i64(is_deferred(args[0]) ? count - kDeferredRefCount : count);
}

// sys.getsizeof(object[, default]), as CPython's: what the object's __sizeof__ says, plus the
// collector's header for a container that carries one; `default` answers for an object whose
// __sizeof__ raises TypeError (or has none).
size_t size_of(Object* o) {
    Ref method = special_method(o, intern("__sizeof__"));
    if (!method)
        raise(&TypeError_type, format("Type %s doesn't define __sizeof__", type_of(o)->name.c_str()));
    Ref size = call0(method.get());
    if (!is_int(size.get())) raise(&TypeError_type, "an integer is required");
    int64_t n;
    if (!int_to_i64(size.get(), &n)) {
        if (int_compare(size.get(), make_small_int(0)) < 0)
            raise(&ValueError_type, "__sizeof__() should return >= 0");
        raise(&OverflowError_type, "Python int too large to convert to C ssize_t");
    }
    if (n < 0) raise(&ValueError_type, "__sizeof__() should return >= 0");
    return static_cast<size_t>(n) + (gc_has_head(o) ? sizeof(GcHead) : 0);
}

Ref sys_getsizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"object", "default"};
    Object* bound[2] = {};
    bind_args("getsizeof", args, nargs, kw, kNames, 2, 0, bound);
    if (!bound[0]) raise(&TypeError_type, "getsizeof() missing required argument 'object' (pos 1)");
    size_t size;
    try {
        size = size_of(bound[0]);
    } catch (PyException& e) {
        if (!bound[1] || !is_instance(e.exception(), &TypeError_type)) throw;
        e.take();
        return Ref::borrow(bound[1]);
    }
    if (size <= static_cast<size_t>(INT64_MAX)) return int_from_i64(static_cast<int64_t>(size));
    mpz_t big;  // a __sizeof__ near sys.maxsize, plus the header
    mpz_init_set_ui(big, size);
    Ref result = int_from_mpz(big);
    mpz_clear(big);
    return result;
}

// sys.displayhook(value), also sys.__displayhook__: how an expression statement's value is shown in
// the REPL (and by doctest, which swaps in its own): None shows nothing; anything else is written
// to sys.stdout as its repr and kept as builtins._ (set to None first, as CPython, in case repr fails).
Ref sys_displayhook(Object*, Args args, size_t nargs, Tuple* kw) {
    size_t given = nargs + (kw ? kw->size : 0);
    if (given != 1)
        raise(&TypeError_type, format("sys.displayhook() takes exactly one argument (%zu given)", given));
    if (args[0] == None) return Ref::borrow(None);
    Ref builtins = loaded_module("builtins");
    if (!builtins) raise(&RuntimeError_type, "lost builtins module");
    Dict* names = module_dict(builtins.get());
    dict_set(names, intern("_"), None);
    write_to_stream(sys_stdout(), repr_utf8(args[0]) + "\n");
    dict_set(names, intern("_"), args[0]);
    return Ref::borrow(None);
}

// sys.settrace(fn) / sys.setprofile(fn): the calling thread's hooks (vm/trace_hooks.h, which also
// has the loop switch to its tracing dispatch at its next check).
Ref set_hook(const char* name, void (*set)(ThreadState*, Object*), Args args, size_t nargs, Tuple* kw) {
    check_positional(name, nargs, kw, 1, 1);
    set(thread_state(), args[0]);
    return Ref::borrow(None);
}

Ref sys_settrace(Object*, Args args, size_t nargs, Tuple* kw) {
    return set_hook("settrace", set_trace_function, args, nargs, kw);
}
Ref sys_setprofile(Object*, Args args, size_t nargs, Tuple* kw) {
    return set_hook("setprofile", set_profile_function, args, nargs, kw);
}

Ref sys_gettrace(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("gettrace", nargs, kw, 0, 0);
    Object* fn = thread_state()->trace_func;
    return Ref::borrow(fn ? fn : None);
}

Ref sys_getprofile(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getprofile", nargs, kw, 0, 0);
    Object* fn = thread_state()->profile_func;
    return Ref::borrow(fn ? fn : None);
}

// (type, value, traceback) of the exception `e`, or (None, None, None).
Ref exc_info_tuple(Object* e) {
    Ref tb = e ? get_attr(e, intern("__traceback__")) : Ref::borrow(None);
    Object* items[3] = {e ? static_cast<Object*>(type_of(e)) : None, e ? e : None, tb.get()};
    return tuple_from(items, 3);
}

Ref sys_exc_info(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("exc_info", nargs, kw, 0, 0);
    return exc_info_tuple(topmost_handled_exc(thread_state()));
}

// CPython 3.12's sys._getframemodulename(depth=0): the __name__ of the module whose code runs
// `depth` calls up the stack, or None; namedtuple takes its class's __module__ from it.
Ref sys_getframemodulename(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"depth"};
    Object* a[1] = {};
    bind_args("_getframemodulename", args, nargs, kw, kNames, 1, 0, a);
    int64_t depth = a[0] ? as_index(a[0]) : 0;
    Frame* f = thread_state()->frame;
    for (; f && depth > 0; --depth) f = f->previous;
    Object* name = f ? dict_get_str(f->globals, intern("__name__")) : nullptr;
    return Ref::borrow(name ? name : None);
}

// sys._getframe(depth=0): the frame `depth` calls up the stack: its frame object, refreshed
// (objects/frame_object.h).
Ref sys_getframe(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_getframe", nargs, kw, 0, 1);
    int64_t depth = nargs ? as_index(args[0]) : 0;
    Frame* f = thread_state()->frame;
    for (; f && depth > 0; --depth) f = f->previous;
    if (!f) raise(&ValueError_type, "call stack is not deep enough");
    return frame_object_at(f);
}

// sys._current_frames() and sys._current_exceptions(): {thread ident: its innermost frame, or the
// exception it is handling} for every thread running Python, as CPython's. The other threads stand still
// meanwhile: they wait for the GIL this thread holds, or the world is stopped.
template <typename Pick>
Ref per_thread(Pick pick) {
    std::vector<std::pair<uint64_t, Ref>> found;
    stop_the_world();
    try {
        for_each_thread_state([&](ThreadState* ts) {
            if (ts->frame) found.emplace_back(ts->ident, pick(ts));
        });
    } catch (...) {
        start_the_world();
        throw;
    }
    start_the_world();
    Ref result = dict_new();
    for (auto& [ident, value] : found) {
        Ref key = int_from_i64(static_cast<int64_t>(ident));  // as _thread.get_ident()
        dict_set(as_dict(result.get()), key.get(), value.get());
    }
    return result;
}

Ref sys_current_frames(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_current_frames", nargs, kw, 0, 0);
    return per_thread([](ThreadState* ts) { return frame_object_at(ts->frame); });
}

// 3.11's values are sys.exc_info() tuples, (None, None, None) for a thread handling none.
Ref sys_current_exceptions(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_current_exceptions", nargs, kw, 0, 0);
    return per_thread([](ThreadState* ts) { return exc_info_tuple(topmost_handled_exc(ts)); });
}

// The asynchronous generator hooks (PEP 525) of the calling thread, kept in its ThreadState as
// CPython keeps them per thread; asyncio's event loop sets its own while it runs and puts the old
// ones back.
const char* const kAsyncGenHookNames[] = {"firstiter", "finalizer"};
StructSeqType asyncgen_hooks_type("", "asyncgen_hooks", kAsyncGenHookNames, 2, 2);

Ref sys_get_asyncgen_hooks(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_asyncgen_hooks", nargs, kw, 0, 0);
    structseq_init(asyncgen_hooks_type);
    ThreadState* ts = thread_state();
    Object* firstiter = ts->asyncgen_firstiter ? ts->asyncgen_firstiter : None;
    Object* finalizer = ts->asyncgen_finalizer ? ts->asyncgen_finalizer : None;
    Object* values[] = {newref(firstiter), newref(finalizer)};
    return structseq_new(asyncgen_hooks_type, values);
}

// set_asyncgen_hooks([firstiter] [, finalizer]): each given hook is None or a callable.
Ref sys_set_asyncgen_hooks(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* bound[2] = {};
    bind_args("set_asyncgen_hooks", args, nargs, kw, kAsyncGenHookNames, 2, 0, bound);
    for (int i = 1; i >= 0; --i) {
        if (bound[i] && bound[i] != None && !type_of(bound[i])->call)
            raise(&TypeError_type, format("callable %s expected, got %s", kAsyncGenHookNames[i],
                                          type_of(bound[i])->name.c_str()));
    }
    ThreadState* ts = thread_state();
    Object** slots[] = {&ts->asyncgen_firstiter, &ts->asyncgen_finalizer};
    for (int i = 0; i < 2; ++i) {
        if (!bound[i]) continue;
        Object* old = std::exchange(*slots[i], bound[i] == None ? nullptr : newref(bound[i]));
        xdecref(old);
    }
    return Ref::borrow(None);
}

// Python code never runs once minipy's finalization has begun (after the atexit functions the
// process ends), so no caller can see it under way.
Ref sys_is_finalizing(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("is_finalizing", nargs, kw, 0, 0);
    return Ref::borrow(False);
}

// sys.unraisablehook(unraisable), also sys.__unraisablehook__: the default, which writes the
// exception to sys.stderr after "Exception ignored in: <object>" (or the err_msg it is given).
const char* const kUnraisableArgNames[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};
StructSeqType unraisable_args_type("", "UnraisableHookArgs", kUnraisableArgNames, 5, 5);

Ref sys_unraisablehook(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("unraisablehook", nargs, kw, 1, 1);
    Object* u = args[0];
    if (!is_instance(u, &unraisable_args_type))
        raise(&TypeError_type, "sys.unraisablehook argument type must be UnraisableHookArgs");
    Object** f = as_tuple(u)->items;
    Object* exc_value = f[1];
    Object* err_msg = f[3];
    Object* object = f[4];
    std::string head = err_msg != None ? str_utf8_of(err_msg) : "Exception ignored in";
    std::string text;
    if (object != None)
        text = head + ": " + repr_utf8(object) + "\n";
    else if (err_msg != None)
        text = head + ":\n";
    if (is_exception_instance(exc_value))
        text += format_exception(exc_value);
    else if (is_type(f[0]))
        text += static_cast<Type*>(f[0])->name + "\n";
    write_to_stream(sys_stderr(), text);
    flush_stream(sys_stderr());
    return Ref::borrow(None);
}

const MethodDef kSysFunctions[] = {
    {"unraisablehook", sys_unraisablehook, "Handle an unraisable exception."},
    {"_getframe", sys_getframe, "Return a frame object from the call stack."},
    {"_current_frames", sys_current_frames,
     "Return a dict mapping each thread's thread id to its current stack frame.\n\nThis function should be "
     "used for specialized purposes only."},
    {"_current_exceptions", sys_current_exceptions,
     "Return a dict mapping each thread's identifier to its current raised exception.\n\nThis function "
     "should be used for specialized purposes only."},
    {"displayhook", sys_displayhook, "Print an object to sys.stdout and also save it in builtins._"},
    {"gettrace", sys_gettrace, "Return the global debug tracing function set with sys.settrace."},
    {"getprofile", sys_getprofile, "Return the profiling function set with sys.setprofile."},
    {"settrace", sys_settrace, "Set the global debug tracing function."},
    {"setprofile", sys_setprofile,
     "Set the profiling function: it gets the call and return events of Python frames."},
    {"exit", sys_exit, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, "Return the current value of the recursion limit."},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth,
     "Check status of origin tracking for coroutine objects in this thread."},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth,
     "Enable or disable origin tracking for coroutine objects in this thread."},
    {"setrecursionlimit", sys_setrecursionlimit,
     "Set the maximum depth of the Python interpreter stack to n."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits,
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits,
     "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"getswitchinterval", sys_getswitchinterval, "Return the current thread switch interval."},
    {"setswitchinterval", sys_setswitchinterval,
     "Set the ideal thread switching delay inside the interpreter."},
    {"getfilesystemencoding", sys_getfilesystemencoding, "Return the encoding used to convert file names."},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors,
     "Return the error handler used to convert file names."},
    {"intern", sys_intern, "Intern the given string."},
    {"audit", sys_audit, "Passes the event to any audit hooks that are attached."},
    {"_is_gil_enabled", sys_is_gil_enabled,
     "Return True if the GIL is currently enabled and False otherwise."},
    {"getrefcount", sys_getrefcount, "Return the reference count of object."},
    {"getdefaultencoding", sys_getdefaultencoding,
     "Return the current default encoding used by the Unicode implementation."},
    {"getsizeof", sys_getsizeof,
     "getsizeof(object [, default]) -> int\n\nReturn the size of object in bytes."},
    {"exc_info", sys_exc_info, "Return current exception information: (type, value, traceback)."},
    {"_getframemodulename", sys_getframemodulename, "Return the name of the module for a calling frame."},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, "Return the installed asynchronous generators hooks."},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, "Set new hooks for asynchronous generators."},
    {"is_finalizing", sys_is_finalizing, "Return True if Python is exiting."},
    {nullptr, nullptr, nullptr},
};

void set(Dict* d, const char* name, Ref value) { dict_set(d, intern(name), value.get()); }

// sys.version_info, flags, float_info, int_info and hash_info: CPython's struct sequences, each a type of its
// own named after the attribute (type(sys.flags) is sys.flags).
Ref make_info(StructSeqType& type, std::initializer_list<Ref> values) {
    structseq_init(type);
    std::vector<Object*> items;
    for (const Ref& v : values) items.push_back(newref(v.get()));
    return structseq_new(type, items.data());
}

const char* const kVersionInfoNames[] = {"major", "minor", "micro", "releaselevel", "serial"};
StructSeqType version_info_type("sys", "version_info", kVersionInfoNames, 5, 5);

// A sys.version_info of a final release.
Ref make_version_info(int major, int minor, int micro) {
    return make_info(version_info_type, {int_from_i64(major), int_from_i64(minor), int_from_i64(micro),
                                         Ref::borrow(intern("final")), int_from_i64(0)});
}

// sys.implementation: minipy's name and own version, as PyPy gives its own there.
Ref make_implementation() {
    Ref impl = namespace_new();
    namespace_set(impl.get(), "name", str_new("minipy").get());
    // importlib.util.cache_from_source names __pycache__ files with it (CPython's is "cpython-311").
    namespace_set(impl.get(), "cache_tag", str_new("minipy-311").get());
    int major = 0, minor = 0, micro = 0;
    std::sscanf(version_number(), "%d.%d.%d", &major, &minor, &micro);
    namespace_set(impl.get(), "version", make_version_info(major, minor, micro).get());
    namespace_set(impl.get(), "hexversion",
                  int_from_i64((major << 24) | (minor << 16) | (micro << 8) | 0xF0).get());
#if defined(__x86_64__)
    namespace_set(impl.get(), "_multiarch", str_new("x86_64-linux-gnu").get());  // Debian's triplet
#elif defined(__aarch64__)
    namespace_set(impl.get(), "_multiarch", str_new("aarch64-linux-gnu").get());
#endif
    return impl;
}

// A sorted tuple of the native modules' names.
Ref builtin_module_names() {
    std::vector<std::string> names = native_module_names();
    std::sort(names.begin(), names.end());
    Ref t = tuple_new(names.size());
    for (size_t i = 0; i < names.size(); ++i) as_tuple(t.get())->items[i] = str_new(names[i]).release();
    return t;
}

const char* const kFlagNames[] = {"debug",
                                  "inspect",
                                  "interactive",
                                  "optimize",
                                  "dont_write_bytecode",
                                  "no_user_site",
                                  "no_site",
                                  "ignore_environment",
                                  "verbose",
                                  "bytes_warning",
                                  "quiet",
                                  "hash_randomization",
                                  "isolated",
                                  "dev_mode",
                                  "utf8_mode",
                                  "warn_default_encoding",
                                  "safe_path",
                                  "int_max_str_digits"};
StructSeqType flags_type("sys", "flags", kFlagNames, 18, 18);

Ref make_flags() {
    auto zero = [] { return Ref::steal(make_small_int(0)); };
    auto flag = [](bool on) { return Ref::steal(make_small_int(on ? 1 : 0)); };
    return make_info(flags_type,
                     {zero(), zero(), zero(), Ref::steal(make_small_int(optimize_level())),
                      flag(dont_write_bytecode_flag()), flag(no_user_site()), zero(),
                      flag(environment_ignored()), zero(), zero(), zero(), flag(hash_key[0] || hash_key[1]),
                      flag(isolated_mode()), Ref::borrow(bool_obj(dev_mode())), flag(utf8_mode()), zero(),
                      Ref::borrow(bool_obj(isolated_mode())), int_from_i64(int_max_str_digits_option())});
}

const char* const kFloatInfoNames[] = {"max", "max_exp",  "max_10_exp", "min",   "min_exp", "min_10_exp",
                                       "dig", "mant_dig", "epsilon",    "radix", "rounds"};
StructSeqType float_info_type("sys", "float_info", kFloatInfoNames, 11, 11);

Ref make_float_info() {
    return make_info(
        float_info_type,
        {float_new(1.7976931348623157e308), int_from_i64(1024), int_from_i64(308),
         float_new(2.2250738585072014e-308), int_from_i64(-1021), int_from_i64(-307), int_from_i64(15),
         int_from_i64(53), float_new(2.220446049250313e-16), int_from_i64(2), int_from_i64(1)});
}

// minipy's big ints are GMP's, in 64-bit limbs; these are the values of CPython's 30-bit digits,
// which code sizing its test values by them (CPython's test_long) expects.
const char* const kIntInfoNames[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                     "str_digits_check_threshold"};
StructSeqType int_info_type("sys", "int_info", kIntInfoNames, 4, 4);

Ref make_int_info() {
    return make_info(int_info_type, {int_from_i64(30), int_from_i64(4), int_from_i64(kDefaultMaxStrDigits),
                                     int_from_i64(kStrDigitsCheckThreshold)});
}

const char* const kHashInfoNames[] = {"width",     "modulus",   "inf",       "nan",   "imag",
                                      "algorithm", "hash_bits", "seed_bits", "cutoff"};
StructSeqType hash_info_type("sys", "hash_info", kHashInfoNames, 9, 9);

Ref make_hash_info() {
    return make_info(
        hash_info_type,
        {int_from_i64(64), int_from_i64((int64_t{1} << 61) - 1), int_from_i64(314159), int_from_i64(0),
         int_from_i64(1000003), str_new("siphash13"), int_from_i64(64), int_from_i64(128), int_from_i64(0)});
}

// sys._xoptions: {"name": "value"} for each `-X name=value`, {"name": True} for a bare `-X name`.
Ref make_xoptions() {
    Ref options = dict_new();
    for (const std::string& x : x_options()) {
        size_t eq = x.find('=');
        Ref value = eq == std::string::npos ? Ref::borrow(True) : str_new(x.substr(eq + 1));
        dict_set(as_dict(options.get()), str_new(x.substr(0, eq)).get(), value.get());
    }
    return options;
}

// The absolute path of this interpreter's binary, which multiprocessing's spawn start method runs
// again (CPython's sys.executable); the bare name when the kernel cannot say.
std::string executable_path() {
    char path[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return executable_name();
    return std::string(path, static_cast<size_t>(n));
}

}  // namespace

Object* sys_stdout() {
    static Str* const kStdout = intern("stdout");  // once: print() asks on every call
    Object* s = g_sys ? dict_get_str(module_dict(g_sys), kStdout) : nullptr;
    if (!s) raise(&RuntimeError_type, "lost sys.stdout");
    return s;
}

Object* sys_stdin() {
    static Str* const kStdin = intern("stdin");  // interned once
    Object* s = g_sys ? dict_get_str(module_dict(g_sys), kStdin) : nullptr;
    if (!s || s == None) raise(&RuntimeError_type, "input(): lost sys.stdin");
    return s;
}

Object* sys_stderr() {
    static Str* const kStderr = intern("stderr");  // interned once
    Object* s = g_sys ? dict_get_str(module_dict(g_sys), kStderr) : nullptr;
    if (!s) raise(&RuntimeError_type, "lost sys.stderr");
    return s;
}

void write_to_stream(Object* stream, const std::string& text) {
    if (stream == None) return;  // no stream connected (its descriptor was closed at start-up)
    if (type_of(stream) == &stream_type) {
        stream_put(open_stream(stream), text);
        return;
    }
    Ref write = get_attr(stream, intern("write"));
    call1(write.get(), str_new(text).get());
}

void flush_stream(Object* stream) {
    if (stream == None) return;
    if (type_of(stream) == &stream_type) {
        std::fflush(static_cast<Stream*>(stream)->file);
        return;
    }
    if (Ref flush = get_attr_opt(stream, intern("flush"))) call0(flush.get());
}

namespace {

// What CPython's default unraisablehook writes: "Exception ignored in" + where, then the traceback.
void write_unraisable(const std::string& where, Object* exc) {
    std::string text = "Exception ignored in" + where + "\n" + format_exception(exc);
    try {
        write_to_stream(sys_stderr(), text);
        flush_stream(sys_stderr());
    } catch (PyException&) {
        std::fputs(text.c_str(), stderr);
    }
}

// An exception with no traceback gets one naming the running frame, as CPython's unraisable
// handling makes from the current frame.
void give_traceback(Object* exc) {
    auto* e = static_cast<BaseExceptionObject*>(exc);
    Frame* f = thread_state()->frame;
    if (!is_exception_instance(exc) || e->traceback || !f) return;
    traceback_here(exc, f, f->lasti());
}

// sys.unraisablehook when a script replaced the default, else null.
Ref user_unraisablehook() {
    Object* hook = g_sys ? dict_get_str(module_dict(g_sys), intern("unraisablehook")) : nullptr;
    if (!hook || hook == g_default_unraisablehook) return nullptr;
    return Ref::borrow(hook);
}

// Hands the exception to a replaced sys.unraisablehook as an UnraisableHookArgs; an exception of
// the hook itself is written as CPython does, naming the hook.
void call_unraisablehook(Object* hook, Object* err_msg, Object* object, Object* exc) {
    structseq_init(unraisable_args_type);
    Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
    Object* values[] = {newref(type_of(exc)), newref(exc), newref(tb ? tb : None), newref(err_msg),
                        newref(object)};
    Ref args = structseq_new(unraisable_args_type, values);
    try {
        call1(hook, args.get());
    } catch (PyException& e) {
        Ref failure = e.take();
        write_unraisable(" sys.unraisablehook: " + repr_utf8(hook), failure.get());
    }
}

}  // namespace

void report_unraisable(const std::string& where, Object* exc) {
    give_traceback(exc);
    if (Ref hook = user_unraisablehook()) {
        Ref err_msg = str_new("Exception ignored in" + where);
        call_unraisablehook(hook.get(), err_msg.get(), None, exc);
        return;
    }
    write_unraisable(where, exc);
}

void report_unraisable_in(Object* object, Object* exc) {
    give_traceback(exc);
    if (Ref hook = user_unraisablehook()) {
        call_unraisablehook(hook.get(), None, object, exc);
        return;
    }
    write_unraisable(": " + repr_utf8(object), exc);
}

// sys.stdin: descriptor 0 as a text file named "<stdin>", read only when Python code reads it; None
// when the descriptor is closed, as in CPython. (The REPL and `minipy -` read their input apart.)
Ref open_stdin() {
    try {
        Ref fd = int_from_i64(0);
        Ref mode = str_new("r");
        Ref encoding = str_new(codec_name(stdio_encoding()));
        Ref errors = str_new(stdio_errors());
        Object* args[5] = {fd.get(), mode.get(), encoding.get(), errors.get(), False};
        Object* kwnames_items[3] = {intern("encoding"), intern("errors"), intern("closefd")};
        Ref kwnames = tuple_from(kwnames_items, 3);
        Ref file = builtin_open(nullptr, args, 2, as_tuple(kwnames.get()));
        Ref buffer = get_attr(file.get(), intern("buffer"));
        Ref raw = get_attr(buffer.get(), intern("raw"));
        set_attr(raw.get(), intern("name"), str_new("<stdin>").get());
        return file;
    } catch (PyException&) {
        return Ref::borrow(None);
    }
}

// What code wrapping or replacing the streams reads (doctest saves sys.stdout's encoding); stderr
// escapes what it cannot encode, as CPython's.
Ref stream_getattr(Object* o, Str* name) {
    auto* s = static_cast<Stream*>(o);
    const std::string& n = name->utf8;
    if (n == "encoding") return str_new(s->encoding);
    if (n == "buffer") return Ref::borrow(s->buffer);
    if (n == "closed") return Ref::borrow(bool_obj(s->closed));
    if (n == "errors") return str_new(s->errors);
    if (n == "name") return str_new(s->name);
    if (n == "mode") return str_new("w");
    if (n == "line_buffering") return Ref::borrow(bool_obj(s->line_buffering));
    if (n == "write_through") return Ref::borrow(bool_obj(s->write_through));
    if (n == "newlines") return Ref::borrow(None);
    return generic_getattr(o, name);
}

Ref init_sys_module() {
    if (g_sys) return Ref::borrow(g_sys);
    stream_type.name = "TextIOWrapper";
    stream_type.instance_size = sizeof(Stream);
    stream_type.repr = stream_repr;
    stream_type.getattr = stream_getattr;
    stream_type.methods = kStreamMethods;
    init_type(&stream_type);

    Ref module = native_module_new("sys", kSysFunctions);
    Dict* d = module_dict(module.get());
    // A stream whose descriptor is closed at start-up (a daemon's, `2>&-`) is None, as CPython's:
    // print() then prints nothing, and an uncaught exception's traceback goes nowhere.
    auto connected = [](int fd) { return fcntl(fd, F_GETFD) != -1 || errno != EBADF; };
    Ref out = connected(STDOUT_FILENO) ? stream_new(stdout, "<stdout>") : Ref::borrow(None);
    Ref err = connected(STDERR_FILENO) ? stream_new(stderr, "<stderr>") : Ref::borrow(None);
    set(d, "stdout", out);
    set(d, "stderr", err);
    set(d, "__stdout__", out);
    set(d, "__stderr__", err);
    set(d, "__displayhook__", dict_get_str_ref(d, intern("displayhook")));
    set(d, "__unraisablehook__", dict_get_str_ref(d, intern("unraisablehook")));
    g_default_unraisablehook = dict_get_str(d, intern("unraisablehook"));
    Ref in = open_stdin();
    set(d, "stdin", in);
    set(d, "__stdin__", in);
    set(d, "argv", list_new());
    set(d, "path", list_new());
    set(d, "modules", dict_new());
    // Consulted by pkgutil, not by minipy's native import system; importlib.machinery adds the hook.
    set(d, "path_hooks", list_new());
    set(d, "path_importer_cache", dict_new());
    // CPython's shape, "3.11.0 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]", which platform parses.
    std::string flavor = kFlavorName;
    std::replace(flavor.begin(), flavor.end(), '-', ' ');
    set(d, "version",
        str_new(format("3.11.0 (%s %s, %s) [%s]", executable_name(), version_number(), flavor.c_str(),
                       compiler_name().c_str())));
    set(d, "version_info", make_version_info(3, 11, 0));
    set(d, "hexversion", int_from_i64(0x030B00F0));  // 3.11.0 final, as version_info says
    set(d, "api_version", int_from_i64(1013));       // CPython 3.11's C API version
    set(d, "float_repr_style", str_new("short"));    // repr(0.1) is '0.1' (objects/float.cpp)
    set(d, "implementation", make_implementation());
    set(d, "maxsize", int_from_i64(INT64_MAX));
    set(d, "platform", str_new("linux"));
    // Where CPython installs its library ("lib"); sysconfig (so pydoc) reads both.
    set(d, "platlibdir", str_new("lib"));
    set(d, "abiflags", str_new(""));
    set(d, "byteorder", str_new("little"));
    set(d, "executable", str_new(executable_path()));
    for (const char* name : {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"})
        set(d, name, str_new(install_prefix()));
    Ref warnoptions = list_new();
    for (const std::string& option : warn_options()) list_append(warnoptions.get(), str_new(option).get());
    set(d, "warnoptions", warnoptions);
    set(d, "_xoptions", make_xoptions());
    set(d, "dont_write_bytecode", Ref::borrow(False));  // interpreter/code_cache.cpp sets it
    set(d, "builtin_module_names", builtin_module_names());
    set(d, "flags", make_flags());
    set(d, "float_info", make_float_info());
    set(d, "int_info", make_int_info());
    set(d, "hash_info", make_hash_info());
    set(d, "maxunicode", int_from_i64(0x10FFFF));
    add_sys_hooks(d);
    make_immortal(module.get());
    g_sys = module.get();
    return module;
}

}  // namespace minipy
