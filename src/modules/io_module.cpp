// io_module.cpp — open(), which stacks a text file (io_text.cpp) on the binary layers of io_binary.h
// as CPython's does, with its errors. The `_io` module exposes open, the file classes and
// UnsupportedOperation, as CPython's, and CPython's own io.py builds `io` from it; builtins lists
// the same open.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "modules/exception_class.h"
#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "modules/posix_module.h"
#include "modules/registry.h"
#include "modules/stringio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/locale_config.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

using Args = Object* const*;

// io.UnsupportedOperation: a class (heap type) deriving from OSError and ValueError, as CPython's, so
// `except ValueError` catches it too and io.py may set its __module__. Immortal once made.
Type* unsupported_operation_type = nullptr;

// Checks `mode` as CPython's open() does; returns FileIO's mode for it (the same without 't' and 'b').
std::string raw_mode(const std::string& mode, bool* binary) {
    int kinds = 0;
    bool plus = false, text = false;
    *binary = false;
    for (char c : mode) {
        if (std::string("rwaxbt+").find(c) == std::string::npos ||
            std::count(mode.begin(), mode.end(), c) > 1)
            raise(&ValueError_type, "invalid mode: '" + mode + "'");
        kinds += c == 'r' || c == 'w' || c == 'a' || c == 'x';
        plus |= c == '+';
        text |= c == 't';
        *binary |= c == 'b';
    }
    if (text && *binary) raise(&ValueError_type, "can't have text and binary mode at once");
    // CPython's two texts for the two mistakes, capitals included.
    if (kinds > 1) raise(&ValueError_type, "must have exactly one of create/read/write/append mode");
    if (kinds == 0)
        raise(&ValueError_type,
              "Must have exactly one of create/read/write/append mode and at most one plus");
    std::string raw(1, mode[mode.find_first_of("rwax")]);
    return plus ? raw + "+" : raw;
}

void init_file_types() {
    if (unsupported_operation_type) return;
    init_binary_io_types();
    init_text_wrapper_type();
    Ref cls = new_exception_class("io", "UnsupportedOperation", {&OSError_type, &ValueError_type});
    make_immortal(cls.get());
    unsupported_operation_type = static_cast<Type*>(cls.release());
}

}  // namespace

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
// opener=None): `file` is a path (str, bytes, os.PathLike) or an open file descriptor. As CPython's:
// a FileIO, under a BufferedReader/Writer/Random unless buffering=0, under a text file unless 'b'.
Ref builtin_open(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    Object* a[8];
    bind_args("open", args, nargs, kw, names, 8, 1, a);
    init_file_types();
    std::string mode = a[1] ? expect_str(a[1], "open() argument 'mode'")->utf8 : "r";
    bool binary;
    std::string raw_how = raw_mode(mode, &binary);
    int64_t buffering = a[2] ? as_index(a[2]) : -1;
    if (binary && a[3] && a[3] != None)
        raise(&ValueError_type, "binary mode doesn't take an encoding argument");
    if (binary && a[4] && a[4] != None)
        raise(&ValueError_type, "binary mode doesn't take an errors argument");
    if (binary && a[5] && a[5] != None)
        raise(&ValueError_type, "binary mode doesn't take a newline argument");
    if (!binary && buffering == 0) raise(&ValueError_type, "can't have unbuffered text I/O");
    Ref raw = fileio_open(a[0], raw_how, !a[6] || is_true(a[6]), a[7] && a[7] != None ? a[7] : nullptr);
    if (buffering == 0) return raw;
    Type* kind = raw_how.size() > 1 ? &buffered_random_type
                 : raw_how == "r"   ? &buffered_reader_type
                                    : &buffered_writer_type;
    Ref buffer = buffered_new(kind, raw.get(), buffering > 1 ? static_cast<size_t>(buffering) : 8192);
    if (binary) return buffer;
    bool tty = isatty(static_cast<FileIO*>(raw.get())->fd) == 1;
    Ref mode_name = str_new(mode);
    try {
        return text_file_new(buffer.get(), mode_name.get(), a[3], a[4], a[5], buffering == 1 || tty);
    } catch (PyException&) {
        // As CPython: the file stays made (an unknown encoding is found after), and is closed.
        try {
            call0(get_attr(buffer.get(), intern("close")).get());
        } catch (PyException&) {
        }
        throw;
    }
}

Type* io_unsupported_operation_type() {
    init_file_types();
    return unsupported_operation_type;
}

namespace {

// text_encoding(encoding, stacklevel=2): the encoding open() should use: the one given, else
// "utf-8" in UTF-8 mode and "locale" outside it, as CPython's.
Ref io_text_encoding(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"encoding", "stacklevel"};
    Object* a[2];
    bind_args("text_encoding", args, nargs, kw, names, 2, 1, a);
    if (a[0] != None) return Ref::borrow(a[0]);
    return str_new(utf8_mode() ? "utf-8" : "locale");
}

// open_code(path): opens a file of code to read, in binary mode (runpy and importers use it; CPython
// lets an audit hook replace it, minipy has none).
Ref io_open_code(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"path"};
    Object* a[1];
    bind_args("open_code", args, nargs, kw, names, 1, 1, a);
    if (!is_instance(a[0], &str_type))
        raise(&TypeError_type,
              format("open_code() argument 'path' must be str, not %s", type_of(a[0])->name.c_str()));
    Ref mode = str_new("rb");
    Object* open_args[2] = {a[0], mode.get()};
    return builtin_open(nullptr, open_args, 2, nullptr);
}

const MethodDef kIoFunctions[] = {
    {"open", builtin_open, "Open file and return a stream."},
    {"open_code", io_open_code, "Opens the provided file with the intent to import the contents."},
    {"text_encoding", io_text_encoding, "Return the encoding open() should use for the given one."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_io_module() {
    init_file_types();
    Ref module = native_module_new("_io", kIoFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("UnsupportedOperation"), unsupported_operation_type);
    dict_set(d, intern("BlockingIOError"), os_error_type_for(EAGAIN));
    dict_set(d, intern("TextIOWrapper"), &text_wrapper_type);
    init_stringio_type();
    dict_set(d, intern("StringIO"), &stringio_type);
    init_bytesio_type();
    dict_set(d, intern("BytesIO"), &bytesio_type);
    add_io_base_classes(d);
    add_binary_io_classes(d);
    add_newline_decoder_class(d);
    dict_set(d, intern("DEFAULT_BUFFER_SIZE"), int_from_i64(8192).get());
    for (auto [name, value] :
         {std::pair{"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END}})
        dict_set(d, intern(name), int_from_i64(value).get());
    return module;
}

}  // namespace minipy
