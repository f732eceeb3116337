// io_module.cpp — open() and the text files it returns (UTF-8 or a single-byte encoding, universal
// newlines on reading) over the binary layers of io_binary.h, with CPython's errors. The `_io` module
// exposes open, the file classes and UnsupportedOperation, as CPython's, and CPython's own io.py
// builds `io` from it; builtins lists the same open.
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
#include "runtime/thread_state.h"

namespace minipy {

// io.TextIOWrapper(buffer, ...): below, with open().
Ref text_wrapper_construct(Object*, Object* const* args, size_t nargs, Tuple* kw);

namespace {

using Args = Object* const*;

Type file_type;
// io.UnsupportedOperation: a class (heap type) deriving from OSError and ValueError, as CPython's, so
// `except ValueError` catches it too and io.py may set its __module__. Immortal once made.
Type* unsupported_operation_type = nullptr;

// A text file: str in and out, encoded onto a Buffered binary file (its `buffer`), with universal
// newlines on reading. It keeps no characters of its own: what it reads and writes goes through the
// buffer at once, so text and `f.buffer` interleave in the order they were used.
struct FileObject : Object {
    Buffered* buffer;  // owned
    std::string mode;  // open()'s mode; empty for a TextIOWrapper made directly (no `mode` then)
    bool readable, writable;
    bool line_buffering;  // flush after each write holding a newline (a terminal, or buffering=1)
    // open()'s encoding and errors (owned strs, null for UTF-8 and strict); utf8 says whether
    // characters are counted by UTF-8 lead bytes or one per byte (single-byte codecs).
    Object* encoding = nullptr;
    Object* errors = nullptr;
    bool utf8 = true;
};

FileObject* as_file(Object* o) { return static_cast<FileObject*>(o); }

enum class Need { kOpen, kRead, kWrite };

// Runs `io` on the file's buffer with the buffer's lock held, once the file is known to be open and
// to allow what `need` says.
template <typename Io>
void with_buffer(FileObject* f, Need need, Io io) {
    BufferedLock hold(f->buffer);
    if (buffered_closed(f->buffer)) raise(&ValueError_type, "I/O operation on closed file.");
    if (need == Need::kRead && !f->readable) raise(unsupported_operation_type, "not readable");
    if (need == Need::kWrite && !f->writable) raise(unsupported_operation_type, "not writable");
    io(f->buffer);
}

void file_dealloc(Object* o) {
    weakrefs_clear(o);
    decref(as_file(o)->buffer);
    xdecref(as_file(o)->encoding);
    xdecref(as_file(o)->errors);
    delete as_file(o);
}

std::string encoding_name(FileObject* f) { return f->encoding ? str_utf8_of(f->encoding) : "UTF-8"; }

Ref file_repr(Object* o) {
    FileObject* f = as_file(o);
    std::string text = "<_io.TextIOWrapper";
    Ref name;
    try {
        name = get_attr_opt(f->buffer, intern("name"));
    } catch (PyException&) {
        // No name when reading it fails, as CPython.
    }
    if (name) text += " name=" + repr_utf8(name.get());
    if (!f->mode.empty()) text += " mode=" + str_repr_text(f->mode);
    return str_new(text + " encoding=" + str_repr_text(encoding_name(f)) + ">");
}

// One line's bytes, up to `limit` bytes (-1: no limit), with "\r\n" and "\r" read as "\n".
std::string read_line(Buffered* b, int64_t limit) {
    std::string line;
    for (int c;
         (limit < 0 || static_cast<int64_t>(line.size()) < limit) && (c = buffered_get_byte(b)) != -1;) {
        if (c == '\r') {
            int next = buffered_get_byte(b);
            if (next != '\n' && next != -1) buffered_unget_byte(b);
            c = '\n';
        }
        line.push_back(static_cast<char>(c));
        if (c == '\n') break;
    }
    return line;
}

// At most `size` characters, or everything left when size < 0.
std::string read_some(Buffered* b, bool utf8, int64_t size) {
    std::string data;
    if (size < 0) {
        for (std::string piece; !(piece = read_line(b, -1)).empty();) data += piece;
        return data;
    }
    // Each UTF-8 lead byte starts a new character (each byte in a single-byte encoding).
    for (int64_t chars = 0; chars < size;) {
        std::string piece = read_line(b, 1);
        if (piece.empty()) break;
        data += piece;
        if (!utf8 || (static_cast<unsigned char>(piece[0]) & 0xC0) != 0x80) ++chars;
    }
    // Completes the last character with its continuation bytes.
    for (int next; utf8 && (next = buffered_get_byte(b)) != -1; data.push_back(static_cast<char>(next))) {
        if ((next & 0xC0) != 0x80) {
            buffered_unget_byte(b);
            break;
        }
    }
    return data;
}

Ref decoded(FileObject* f, const std::string& data) { return bytes_decode(data, f->encoding, f->errors); }

Ref file_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    std::string data;
    with_buffer(f, Need::kRead, [&](Buffered* b) { data = read_some(b, f->utf8, size); });
    return decoded(f, data);
}

Ref file_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs, kw, 1, 2);
    int64_t limit = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    std::string line;
    with_buffer(f, Need::kRead, [&](Buffered* b) { line = read_line(b, limit); });
    return decoded(f, line);
}

Ref file_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs, kw, 1, 2);
    FileObject* f = as_file(args[0]);
    std::vector<std::string> lines;
    with_buffer(f, Need::kRead, [&](Buffered* b) {
        for (std::string line; !(line = read_line(b, -1)).empty();) lines.push_back(line);
    });
    Ref list = list_new(lines.size());
    for (const std::string& line : lines) list_append(list.get(), decoded(f, line).get());
    return list;
}

Ref file_next(Object* o) {
    FileObject* f = as_file(o);
    std::string line;
    with_buffer(f, Need::kRead, [&](Buffered* b) { line = read_line(b, -1); });
    if (line.empty()) return nullptr;
    return decoded(f, line);
}

Ref file_iter(Object* o) {
    with_buffer(as_file(o), Need::kOpen, [](Buffered*) {});
    return Ref::borrow(o);
}

// The encoded text of a write(); `count` gets the number of characters, which write() returns.
std::string encoded(FileObject* f, Object* text, int64_t* count) {
    if (!is_str(text))
        raise(&TypeError_type, format("write() argument must be str, not %s", type_of(text)->name.c_str()));
    *count = as_str(text)->length;
    return str_encode(text, f->encoding, f->errors);
}

void write_text(FileObject* f, const std::string& bytes) {
    with_buffer(f, Need::kWrite, [&](Buffered* b) {
        buffered_write_bytes(b, bytes);
        if (f->line_buffering && bytes.find('\n') != std::string::npos) buffered_flush_locked(b);
    });
}

Ref file_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    int64_t count;
    write_text(f, encoded(f, args[1], &count));
    return int_from_i64(count);
}

Ref file_writelines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    for_each_item(args[1], [&](Object* line) {
        int64_t count;
        write_text(f, encoded(f, line, &count));
    });
    return Ref::borrow(None);
}

Ref file_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    BufferedLock hold(as_file(args[0])->buffer);
    buffered_close(as_file(args[0])->buffer);
    return Ref::borrow(None);
}

Ref file_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    with_buffer(as_file(args[0]), Need::kOpen, [](Buffered* b) { buffered_flush_locked(b); });
    return Ref::borrow(None);
}

Ref file_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    int64_t offset = as_index(args[1]);
    int whence = nargs > 2 ? static_cast<int>(as_index(args[2])) : SEEK_SET;
    int64_t position = 0;
    with_buffer(as_file(args[0]), Need::kOpen,
                [&](Buffered* b) { position = buffered_seek_locked(b, offset, whence); });
    return int_from_i64(position);
}

Ref file_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    int64_t position = 0;
    with_buffer(as_file(args[0]), Need::kOpen, [&](Buffered* b) { position = buffered_tell_locked(b); });
    return int_from_i64(position);
}

Ref file_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    with_buffer(as_file(args[0]), Need::kOpen, [](Buffered*) {});
    return Ref::borrow(bool_obj(as_file(args[0])->readable));
}

Ref file_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writable", nargs, kw, 1, 1);
    with_buffer(as_file(args[0]), Need::kOpen, [](Buffered*) {});
    return Ref::borrow(bool_obj(as_file(args[0])->writable));
}

Ref file_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    with_buffer(as_file(args[0]), Need::kOpen, [](Buffered*) {});
    return Ref::borrow(args[0]);
}

// Closes the file and lets any exception from the `with` body propagate (returns None).
Ref file_exit(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__exit__");
    if (nargs < 1) raise_arg_count("__exit__", 1, 4, nargs);
    return file_close(nullptr, args, 1, nullptr);
}

Ref file_getattr(Object* o, Str* name) {
    FileObject* f = as_file(o);
    const std::string& n = name->utf8;
    if (n == "closed") return Ref::borrow(bool_obj(buffered_closed(f->buffer)));
    if (n == "buffer") return Ref::borrow(f->buffer);
    if (n == "name") return get_attr(f->buffer, name);
    if (n == "mode" && !f->mode.empty()) return str_new(f->mode);
    if (n == "encoding") return str_new(encoding_name(f));
    if (n == "errors") return f->errors ? Ref::borrow(f->errors) : str_new("strict");
    if (n == "line_buffering") return Ref::borrow(bool_obj(f->line_buffering));
    return generic_getattr(o, name);
}

// tokenize.open sets `mode` on the TextIOWrapper it makes.
void file_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 != "mode" || !value || !is_str(value)) raise_no_attribute(o, name);
    as_file(o)->mode = str_utf8_of(value);
}

// fileno, isatty, seekable: the buffer's answer.
Ref ask_buffer(Args args, size_t nargs, Tuple* kw, const char* name) {
    check_positional(name, nargs, kw, 1, 1);
    with_buffer(as_file(args[0]), Need::kOpen, [](Buffered*) {});
    Ref method = get_attr(as_file(args[0])->buffer, intern(name));
    return call0(method.get());
}

Ref file_fileno(Object*, Args args, size_t nargs, Tuple* kw) { return ask_buffer(args, nargs, kw, "fileno"); }
Ref file_isatty(Object*, Args args, size_t nargs, Tuple* kw) { return ask_buffer(args, nargs, kw, "isatty"); }
Ref file_seekable(Object*, Args args, size_t nargs, Tuple* kw) {
    return ask_buffer(args, nargs, kw, "seekable");
}

const MethodDef kFileMethods[] = {
    {"fileno", file_fileno, "Return the underlying file descriptor (an integer)."},
    {"isatty", file_isatty, "Return whether this is an 'interactive' stream."},
    {"read", file_read, "Read at most size characters, or all that remain."},
    {"readline", file_readline, "Read until newline or EOF."},
    {"readlines", file_readlines, "Return a list of the remaining lines."},
    {"write", file_write, "Write the string; return the number of characters written."},
    {"writelines", file_writelines, "Write each item of an iterable of lines."},
    {"close", file_close, "Flush and close the file."},
    {"flush", file_flush, "Flush the write buffers."},
    {"seek", file_seek, "Change the stream position to the given offset."},
    {"tell", file_tell, "Return the current stream position."},
    {"readable", file_readable, "Whether the file was opened for reading."},
    {"writable", file_writable, "Whether the file was opened for writing."},
    {"seekable", file_seekable, "Whether the file supports random access."},
    {"__enter__", file_enter, "Return the file itself, for `with`."},
    {"__exit__", file_exit, "Close the file at the end of a `with` block."},
    {nullptr, nullptr, nullptr},
};

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
    if (file_type.dict) return;
    init_binary_io_types();
    file_type.name = "_io.TextIOWrapper";
    file_type.instance_size = sizeof(FileObject);
    file_type.dealloc = file_dealloc;
    file_type.repr = file_repr;
    file_type.iter = file_iter;
    file_type.next = file_next;
    file_type.getattr = file_getattr;
    file_type.setattr = file_setattr;
    file_type.methods = kFileMethods;
    file_type.construct = text_wrapper_construct;
    init_type(&file_type);
    allow_weak_references(&file_type);
    Object* bases_items[] = {&OSError_type, &ValueError_type};
    Ref bases = tuple_from(bases_items, 2);
    Ref ns = dict_new();
    dict_set(as_dict(ns.get()), intern("__module__"), intern("io"));
    Ref cls = class_new("UnsupportedOperation", as_tuple(bases.get()), as_dict(ns.get()));
    make_immortal(cls.get());
    unsupported_operation_type = static_cast<Type*>(cls.release());
}

// Checks open()'s encoding (LookupError for an unknown one, as CPython, before the file is made)
// and says whether it is UTF-8. Files here read lines by bytes, so besides UTF-8 they take the
// single-byte encodings (latin-1, cp1252, koi8_r...: 256 bytes give 256 characters and "\n" is
// b"\n"); the others (utf-16, utf-8-sig...) read and write through codecs.open for now.
bool text_encoding_checked(Object* encoding, Object* errors) {
    if (errors && !is_instance(errors, &str_type))
        raise(&TypeError_type,
              format("open() argument 'errors' must be str or None, not %s", type_of(errors)->name.c_str()));
    if (!encoding) return true;
    if (!is_instance(encoding, &str_type))
        raise(&TypeError_type, format("open() argument 'encoding' must be str or None, not %s",
                                      type_of(encoding)->name.c_str()));
    std::string name = str_utf8_of(encoding);
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (name == "utf-8" || name == "utf8") return true;
    std::string all(256, '\0');
    for (int i = 0; i < 256; ++i) all[static_cast<size_t>(i)] = static_cast<char>(i);
    Ref replace = str_new("replace");
    Ref decoded = bytes_decode(all, encoding, replace.get());
    Ref sample = str_new("\na");
    if (as_str(decoded.get())->length != 256 || str_encode(sample.get(), encoding, nullptr) != "\na")
        raise(&NotImplementedError_type,
              format("minipy's open() reads and writes UTF-8 and single-byte encodings, not '%s' yet; "
                     "use codecs.open()",
                     str_utf8_of(encoding).c_str()));
    return false;
}

// encoding=None or "locale" (PEP 597, what io.text_encoding(None) returns) is the locale's
// encoding: UTF-8 here, as CPython's in a UTF-8 locale. Null then.
Object* given_encoding(Object* encoding) {
    if (!encoding || encoding == None) return nullptr;
    if (is_str(encoding) && str_utf8_of(encoding) == "locale") return nullptr;
    return encoding;
}

// A text file over `buffer`, whose raw stream says whether the file is a terminal.
Ref text_file_new(Object* buffer, const std::string& mode, Object* encoding, Object* errors,
                  bool line_buffering) {
    encoding = given_encoding(encoding);
    if (errors == None) errors = nullptr;
    bool utf8 = text_encoding_checked(encoding, errors);
    auto* f = new FileObject();
    init_header(f, &file_type);
    Ref owned = Ref::steal(f);
    f->buffer = static_cast<Buffered*>(newref(buffer));
    f->mode = mode;
    f->readable = f->buffer->readable;
    f->writable = f->buffer->writable;
    f->line_buffering = line_buffering;
    f->encoding = encoding ? newref(encoding) : nullptr;
    f->errors = errors ? newref(errors) : nullptr;
    f->utf8 = utf8;
    return owned;
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
    if (!binary) text_encoding_checked(given_encoding(a[3]), a[4] && a[4] != None ? a[4] : nullptr);
    Ref raw = fileio_open(a[0], raw_how, !a[6] || is_true(a[6]), a[7] && a[7] != None ? a[7] : nullptr);
    if (buffering == 0) return raw;
    Type* kind = raw_how.size() > 1 ? &buffered_random_type
                 : raw_how == "r"   ? &buffered_reader_type
                                    : &buffered_writer_type;
    Ref buffer = buffered_new(kind, raw.get(), buffering > 1 ? static_cast<size_t>(buffering) : 8192);
    if (binary) return buffer;
    bool tty = isatty(static_cast<FileIO*>(raw.get())->fd) == 1;
    return text_file_new(buffer.get(), mode, a[3], a[4], buffering == 1 || tty);
}

// io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
// write_through=False) over a buffered binary file, as tokenize.open (and so linecache, reading
// source lines for tracebacks) makes one; it shares the buffer. Other buffers (io.BytesIO, Python
// classes) are not supported yet.
Ref text_wrapper_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"buffer",  "encoding",       "errors",
                                        "newline", "line_buffering", "write_through"};
    Object* a[6] = {};
    bind_args("TextIOWrapper", args, nargs, kw, names, 6, 1, a);
    if (!is_buffered(a[0]))
        raise(&NotImplementedError_type,
              "minipy's io.TextIOWrapper wraps only the buffered files open() makes in binary mode");
    {
        BufferedLock hold(static_cast<Buffered*>(a[0]));
        if (buffered_closed(static_cast<Buffered*>(a[0])))
            raise(&ValueError_type, "I/O operation on closed file.");
    }
    return text_file_new(a[0], "", a[1], a[2], a[4] && is_true(a[4]));
}

Type* io_unsupported_operation_type() {
    init_file_types();
    return unsupported_operation_type;
}

namespace {

// text_encoding(encoding, stacklevel=2): the encoding open() should use: the one given, else
// "locale", as CPython outside UTF-8 mode (minipy's text files are UTF-8 whatever it says).
Ref io_text_encoding(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"encoding", "stacklevel"};
    Object* a[2];
    bind_args("text_encoding", args, nargs, kw, names, 2, 1, a);
    return a[0] == None ? str_new("locale") : Ref::borrow(a[0]);
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
    dict_set(d, intern("TextIOWrapper"), &file_type);
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
