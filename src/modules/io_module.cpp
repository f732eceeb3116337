// io_module.cpp — open() and the file objects it returns: text files (UTF-8 or a single-byte
// encoding, universal newlines on reading) and binary files over a C FILE or a file descriptor, with
// CPython's errors. The `io` module exposes open and UnsupportedOperation; builtins lists the same
// open. Reads and writes let go of the GIL.
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
#include "modules/posix_module.h"
#include "modules/registry.h"
#include "modules/stringio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

// io.TextIOWrapper(buffer, ...): below, with open().
Ref text_wrapper_construct(Object*, Object* const* args, size_t nargs, Tuple* kw);

namespace {

using Args = Object* const*;

Type file_type, unsupported_operation_type;

struct FileObject : Object {
    // Held for each operation, in both flavors: the C-level I/O runs with the GIL let go (a read
    // may wait on a pipe or a terminal), so the GIL alone cannot keep two threads off one FILE.
    std::mutex lock;
    std::FILE* file;  // null once closed
    std::string name, mode;
    Object* name_object;  // owned: what open() was given (a str, bytes or fd), the `name` attribute
    bool readable, writable, binary;
    // Text files: open()'s encoding and errors (owned strs, null for UTF-8 and strict); utf8 says
    // whether characters are counted by UTF-8 lead bytes or one per byte (single-byte codecs).
    Object* encoding = nullptr;
    Object* errors = nullptr;
    bool utf8 = true;
};

FileObject* as_file(Object* o) { return static_cast<FileObject*>(o); }

// Why an operation could not run; raised once the GIL is held again.
enum class FileProblem { kNone, kClosed, kNotReadable, kNotWritable };
enum class Need { kOpen, kRead, kWrite };

// Runs `io` on the file's open FILE with the GIL let go and the file's lock held, then raises
// what stopped it, if anything. The lock is taken after the GIL is let go and dropped before the
// GIL is taken back, so no thread ever waits for one while holding the other. `io` must not touch
// Python objects: it works on plain C++ values, which the caller turns into objects afterwards.
template <typename Io>
void with_file(FileObject* f, Need need, Io io) {
    FileProblem problem = FileProblem::kNone;
    {
        AllowThreads unblocked(BlockReason::IO);
        std::lock_guard<std::mutex> guard(f->lock);
        if (!f->file)
            problem = FileProblem::kClosed;
        else if (need == Need::kRead && !f->readable)
            problem = FileProblem::kNotReadable;
        else if (need == Need::kWrite && !f->writable)
            problem = FileProblem::kNotWritable;
        else
            io(f->file);
    }
    switch (problem) {
        case FileProblem::kNone:
            return;
        case FileProblem::kClosed:
            raise(&ValueError_type, "I/O operation on closed file.");
        case FileProblem::kNotReadable:
            raise(&unsupported_operation_type, "not readable");
        case FileProblem::kNotWritable:
            raise(&unsupported_operation_type, "not writable");
    }
}

void file_dealloc(Object* o) {
    if (as_file(o)->file) std::fclose(as_file(o)->file);
    xdecref(as_file(o)->name_object);
    xdecref(as_file(o)->encoding);
    xdecref(as_file(o)->errors);
    delete as_file(o);
}

std::string encoding_name(FileObject* f) { return f->encoding ? str_utf8_of(f->encoding) : "UTF-8"; }

Ref file_repr(Object* o) {
    FileObject* f = as_file(o);
    if (f->binary)
        return str_new(format("<_io.%s name=%s>", f->readable ? "BufferedReader" : "BufferedWriter",
                              repr_utf8(f->name_object).c_str()));
    return str_new(format("<_io.TextIOWrapper name=%s mode=%s encoding=%s>",
                          repr_utf8(f->name_object).c_str(), str_repr_text(f->mode).c_str(),
                          str_repr_text(encoding_name(f)).c_str()));
}

// One line's bytes, up to `limit` (-1: no limit), with "\r\n" and "\r" read as "\n" in text mode.
std::string read_line(std::FILE* file, bool binary, int64_t limit) {
    std::string line;
    for (int c; (limit < 0 || static_cast<int64_t>(line.size()) < limit) && (c = std::getc(file)) != EOF;) {
        if (c == '\r' && !binary) {
            int next = std::getc(file);
            if (next != '\n' && next != EOF) std::ungetc(next, file);
            c = '\n';
        }
        line.push_back(static_cast<char>(c));
        if (c == '\n') break;
    }
    return line;
}

// At most `size` characters (bytes in binary mode), or everything left when size < 0.
std::string read_some(std::FILE* file, bool binary, bool utf8, int64_t size) {
    std::string data;
    if (size < 0) {
        for (std::string piece; !(piece = read_line(file, binary, -1)).empty();) data += piece;
        return data;
    }
    // A text file counts characters: each UTF-8 lead byte starts a new one (each byte in a
    // single-byte encoding).
    binary = binary || !utf8;
    for (int64_t chars = 0; chars < size;) {
        std::string piece = read_line(file, binary, 1);
        if (piece.empty()) break;
        data += piece;
        if (binary || (static_cast<unsigned char>(piece[0]) & 0xC0) != 0x80) ++chars;
    }
    // Completes the last character with its continuation bytes.
    for (int next; !binary && (next = std::getc(file)) != EOF; data.push_back(static_cast<char>(next))) {
        if ((next & 0xC0) != 0x80) {
            std::ungetc(next, file);
            break;
        }
    }
    return data;
}

Ref result_of(FileObject* f, const std::string& data) {
    return f->binary ? bytes_new(data) : bytes_decode(data, f->encoding, f->errors);
}

Ref file_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    std::string data;
    with_file(f, Need::kRead, [&](std::FILE* file) { data = read_some(file, f->binary, f->utf8, size); });
    return result_of(f, data);
}

Ref file_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs, kw, 1, 2);
    int64_t limit = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    FileObject* f = as_file(args[0]);
    std::string line;
    with_file(f, Need::kRead, [&](std::FILE* file) { line = read_line(file, f->binary, limit); });
    return result_of(f, line);
}

Ref file_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs, kw, 1, 2);
    FileObject* f = as_file(args[0]);
    std::vector<std::string> lines;
    with_file(f, Need::kRead, [&](std::FILE* file) {
        for (std::string line; !(line = read_line(file, f->binary, -1)).empty();) lines.push_back(line);
    });
    Ref list = list_new(lines.size());
    for (const std::string& line : lines) list_append(list.get(), result_of(f, line).get());
    return list;
}

Ref file_next(Object* o) {
    FileObject* f = as_file(o);
    std::string line;
    with_file(f, Need::kRead, [&](std::FILE* file) { line = read_line(file, f->binary, -1); });
    if (line.empty()) return nullptr;
    return result_of(f, line);
}

Ref file_iter(Object* o) {
    with_file(as_file(o), Need::kOpen, [](std::FILE*) {});
    return Ref::borrow(o);
}

// The bytes to write for a str (text files) or bytes-like (binary files); `count` gets the length
// that write() reports.
std::string bytes_to_write(FileObject* f, Object* data, int64_t* count) {
    if (f->binary) {
        // A memoryview (pathlib's write_bytes passes one) is written as the bytes it shows.
        Ref shown = is_instance(data, &memoryview_type) ? call0(get_attr(data, intern("tobytes")).get())
                                                        : Ref::borrow(data);
        std::string bytes = bytes_like_data(shown.get());
        *count = static_cast<int64_t>(bytes.size());
        return bytes;
    }
    if (!is_str(data))
        raise(&TypeError_type, format("write() argument must be str, not %s", type_of(data)->name.c_str()));
    *count = as_str(data)->length;
    return str_encode(data, f->encoding, f->errors);
}

void write_bytes(FileObject* f, const std::string& bytes) {
    with_file(f, Need::kWrite, [&](std::FILE* file) { std::fwrite(bytes.data(), 1, bytes.size(), file); });
}

Ref file_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    int64_t count;
    std::string bytes = bytes_to_write(f, args[1], &count);
    write_bytes(f, bytes);
    return int_from_i64(count);
}

Ref file_writelines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs, kw, 2, 2);
    FileObject* f = as_file(args[0]);
    for_each_item(args[1], [&](Object* line) {
        int64_t count;
        write_bytes(f, bytes_to_write(f, line, &count));
    });
    return Ref::borrow(None);
}

Ref file_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    FileObject* f = as_file(args[0]);
    AllowThreads unblocked(BlockReason::IO);  // closing flushes, which may wait on a pipe
    std::lock_guard<std::mutex> guard(f->lock);
    if (f->file) std::fclose(std::exchange(f->file, nullptr));
    return Ref::borrow(None);
}

Ref file_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    with_file(as_file(args[0]), Need::kOpen, [](std::FILE* file) { std::fflush(file); });
    return Ref::borrow(None);
}

Ref file_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    int64_t offset = as_index(args[1]);
    int whence = nargs > 2 ? static_cast<int>(as_index(args[2])) : SEEK_SET;
    FileObject* f = as_file(args[0]);
    int error = 0;
    long position = 0;
    with_file(f, Need::kOpen, [&](std::FILE* file) {
        if (std::fseek(file, offset, whence) != 0) error = errno;
        position = std::ftell(file);
    });
    if (error) raise_object(os_error_new(error, f->name));
    return int_from_i64(position);
}

Ref file_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    long position = 0;
    with_file(as_file(args[0]), Need::kOpen, [&](std::FILE* file) { position = std::ftell(file); });
    return int_from_i64(position);
}

Ref file_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    with_file(as_file(args[0]), Need::kOpen, [](std::FILE*) {});
    return Ref::borrow(bool_obj(as_file(args[0])->readable));
}

Ref file_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writable", nargs, kw, 1, 1);
    with_file(as_file(args[0]), Need::kOpen, [](std::FILE*) {});
    return Ref::borrow(bool_obj(as_file(args[0])->writable));
}

Ref file_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs, kw, 1, 1);
    with_file(as_file(args[0]), Need::kOpen, [](std::FILE*) {});
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
    if (name->utf8 == "closed") {
        std::lock_guard<std::mutex> guard(f->lock);
        return Ref::borrow(bool_obj(f->file == nullptr));
    }
    if (name->utf8 == "name") return Ref::borrow(f->name_object);
    if (name->utf8 == "mode") return str_new(f->mode);
    if (name->utf8 == "encoding" && !f->binary) return str_new(encoding_name(f));
    if (name->utf8 == "errors" && !f->binary) return f->errors ? Ref::borrow(f->errors) : str_new("strict");
    return generic_getattr(o, name);
}

// `name` may be set, as on CPython's FileIO (tempfile names the file its opener made).
void file_setattr(Object* o, Str* name, Object* value) {
    FileObject* f = as_file(o);
    // tokenize.open sets `mode` on the TextIOWrapper it makes.
    if (name->utf8 == "mode" && value && is_str(value)) {
        std::lock_guard<std::mutex> guard(f->lock);
        f->mode = str_utf8_of(value);
        return;
    }
    if (name->utf8 != "name" || !value) raise_no_attribute(o, name);
    Object* old = f->name_object;
    f->name_object = newref(value);
    decref(old);
}

Ref file_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fileno", nargs, kw, 1, 1);
    int fd = -1;
    with_file(as_file(args[0]), Need::kOpen, [&](std::FILE* file) { fd = fileno(file); });
    return int_from_i64(fd);
}

Ref file_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isatty", nargs, kw, 1, 1);
    bool tty = false;
    with_file(as_file(args[0]), Need::kOpen, [&](std::FILE* file) { tty = isatty(fileno(file)) == 1; });
    return Ref::borrow(bool_obj(tty));
}

const MethodDef kFileMethods[] = {
    {"fileno", file_fileno, "Return the underlying file descriptor (an integer)."},
    {"isatty", file_isatty, "Return whether this is an 'interactive' stream."},
    {"read", file_read, "Read at most size characters (bytes in binary mode), or all that remain."},
    {"readline", file_readline, "Read until newline or EOF."},
    {"readlines", file_readlines, "Return a list of the remaining lines."},
    {"write", file_write, "Write the string (bytes in binary mode); return the number written."},
    {"writelines", file_writelines, "Write each item of an iterable of lines."},
    {"close", file_close, "Flush and close the file."},
    {"flush", file_flush, "Flush the write buffers."},
    {"seek", file_seek, "Change the stream position to the given offset."},
    {"tell", file_tell, "Return the current stream position."},
    {"readable", file_readable, "Whether the file was opened for reading."},
    {"writable", file_writable, "Whether the file was opened for writing."},
    {"__enter__", file_enter, "Return the file itself, for `with`."},
    {"__exit__", file_exit, "Close the file at the end of a `with` block."},
    {nullptr, nullptr, nullptr},
};

// Checks `mode` as CPython's open() does and returns the C library's mode for it.
std::string c_mode(const std::string& mode, bool* readable, bool* writable, bool* binary) {
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
    char kind = mode[mode.find_first_of("rwax")];
    *readable = kind == 'r' || plus;
    *writable = kind != 'r' || plus;
    std::string out(1, kind == 'x' ? 'w' : kind);
    if (plus) out += '+';
    out += 'b';
    if (kind == 'x') out += 'x';
    return out;
}

void init_file_types() {
    if (file_type.dict) return;
    file_type.name = "TextIOWrapper";
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
    unsupported_operation_type.name = "UnsupportedOperation";
    unsupported_operation_type.base = &OSError_type;
    unsupported_operation_type.is_basetype = true;
    init_type(&unsupported_operation_type);
    // CPython's UnsupportedOperation derives from OSError and ValueError: `except ValueError`
    // catches it too. Its mro is theirs merged: OSError, ValueError, Exception, ...
    auto& mro = unsupported_operation_type.mro;
    mro.insert(mro.begin() + 2, &ValueError_type);
}

}  // namespace

// The O_* flags CPython's FileIO passes to an opener for `mode`.
int open_flags(const std::string& mode) {
    bool plus = mode.find('+') != std::string::npos;
    int flags = plus ? O_RDWR : O_WRONLY;
    if (mode.find('r') != std::string::npos) flags = plus ? O_RDWR : O_RDONLY;
    if (mode.find('w') != std::string::npos) flags |= O_CREAT | O_TRUNC;
    if (mode.find('a') != std::string::npos) flags |= O_CREAT | O_APPEND;
    if (mode.find('x') != std::string::npos) flags |= O_CREAT | O_EXCL;
    return flags | O_CLOEXEC;
}

// opener(file, flags): the descriptor it returns, checked as CPython checks it.
int opener_fd(Object* opener, Object* file, const std::string& mode) {
    Object* call_args[] = {file, int_from_i64(open_flags(mode)).release()};
    Ref result = call(opener, call_args, 2);
    decref(call_args[1]);
    if (!is_int(result.get())) raise(&TypeError_type, "expected integer from opener");
    int fd = fd_arg(result.get());
    if (fd < 0) raise(&ValueError_type, format("opener returned %d", fd));
    return fd;
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
// opener=None): `file` is a path (str, bytes, os.PathLike) or an open file descriptor.
namespace {

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

}  // namespace

Ref builtin_open(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    Object* a[8];
    bind_args("open", args, nargs, kw, names, 8, 1, a);
    init_file_types();
    bool is_fd = is_int(a[0]);
    Ref path_object = is_fd ? Ref::borrow(a[0]) : fspath(a[0]);
    std::string mode = a[1] ? expect_str(a[1], "open() argument 'mode'")->utf8 : "r";
    bool readable, writable, binary;
    std::string how = c_mode(mode, &readable, &writable, &binary);
    if (binary && a[3] && a[3] != None)
        raise(&ValueError_type, "binary mode doesn't take an encoding argument");
    if (binary && a[4] && a[4] != None)
        raise(&ValueError_type, "binary mode doesn't take an errors argument");
    Object* encoding = !binary && a[3] && a[3] != None ? a[3] : nullptr;
    // encoding="locale" (PEP 597, what io.text_encoding(None) returns) is the locale's encoding:
    // UTF-8 here, as CPython's in a UTF-8 locale.
    if (encoding && is_str(encoding) && str_utf8_of(encoding) == "locale") encoding = nullptr;
    Object* errors = !binary && a[4] && a[4] != None ? a[4] : nullptr;
    bool utf8 = text_encoding_checked(encoding, errors);
    bool closefd = !a[6] || is_true(a[6]);
    if (!closefd && !is_fd) raise(&ValueError_type, "Cannot use closefd=False with file name");
    std::string path = is_fd ? std::string() : path_arg("open", "file", path_object.get()).path;
    std::FILE* file;
    Object* opener = a[7] && a[7] != None ? a[7] : nullptr;
    if (is_fd || opener) {
        int fd = is_fd ? fd_arg(a[0]) : opener_fd(opener, a[0], mode);
        if (fd < 0) raise(&ValueError_type, "negative file descriptor");
        // closefd=False: the file object closes its own copy and leaves the caller's fd open.
        int own = closefd ? fd : fcntl(fd, F_DUPFD_CLOEXEC, 0);
        file = own < 0 ? nullptr : fdopen(own, how.substr(0, how.find('x')).c_str());
        if (!file) raise_object(os_error_new(errno, ""));
    } else {
        file = std::fopen(path.c_str(), (how + "e").c_str());
        if (!file) raise_errno(path_object.get());
    }
    struct stat info;
    if (fstat(fileno(file), &info) == 0 && S_ISDIR(info.st_mode)) {
        std::fclose(file);
        errno = EISDIR;
        raise_errno(path_object.get());
    }
    auto* f = new FileObject();
    init_header(f, &file_type);
    f->file = file;
    f->name = is_fd ? std::to_string(fd_arg(a[0])) : path;
    f->name_object = path_object.release();
    f->mode = mode;
    f->readable = readable;
    f->writable = writable;
    f->binary = binary;
    f->encoding = encoding ? newref(encoding) : nullptr;
    f->errors = errors ? newref(errors) : nullptr;
    f->utf8 = utf8;
    return Ref::steal(f);
}

// io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
// write_through=False) over a file open() made in binary mode, as tokenize.open (and so linecache,
// reading source lines for tracebacks) makes one: a text file object on a duplicate of the buffer's
// descriptor, placed where the buffer's reader stands. Other buffers (io.BytesIO, Python classes)
// are not supported yet.
Ref text_wrapper_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"buffer",  "encoding",       "errors",
                                        "newline", "line_buffering", "write_through"};
    Object* a[6] = {};
    bind_args("TextIOWrapper", args, nargs, kw, names, 6, 1, a);
    if (type_of(a[0]) != &file_type || !as_file(a[0])->binary)
        raise(&NotImplementedError_type, "minipy's io.TextIOWrapper wraps only files opened in binary mode");
    FileObject* buffer = as_file(a[0]);
    Object* encoding = a[1] && a[1] != None ? a[1] : nullptr;
    if (encoding && is_str(encoding) && str_utf8_of(encoding) == "locale") encoding = nullptr;
    Object* errors = a[2] && a[2] != None ? a[2] : nullptr;
    bool utf8 = text_encoding_checked(encoding, errors);
    std::string mode = buffer->mode;
    mode.erase(std::remove(mode.begin(), mode.end(), 'b'), mode.end());
    bool readable, writable, binary;
    std::string how = c_mode(mode, &readable, &writable, &binary);
    std::FILE* file = nullptr;
    {
        std::lock_guard<std::mutex> guard(buffer->lock);
        if (!buffer->file) raise(&ValueError_type, "I/O operation on closed file.");
        std::fflush(buffer->file);
        long position = std::ftell(buffer->file);
        int fd = fcntl(fileno(buffer->file), F_DUPFD_CLOEXEC, 0);
        file = fd < 0 ? nullptr : fdopen(fd, how.substr(0, how.find('x')).c_str());
        if (file && position >= 0) std::fseek(file, position, SEEK_SET);
    }
    if (!file) raise_object(os_error_new(errno, ""));
    auto* f = new FileObject();
    init_header(f, &file_type);
    f->file = file;
    f->name = buffer->name;
    f->name_object = newref(buffer->name_object);
    f->mode = mode;
    f->readable = readable;
    f->writable = writable;
    f->binary = false;
    f->encoding = encoding ? newref(encoding) : nullptr;
    f->errors = errors ? newref(errors) : nullptr;
    f->utf8 = utf8;
    return Ref::steal(f);
}

Type* io_unsupported_operation_type() {
    init_file_types();
    return &unsupported_operation_type;
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
    Ref module = native_module_new("io", kIoFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("UnsupportedOperation"), &unsupported_operation_type);
    dict_set(d, intern("TextIOWrapper"), &file_type);
    init_stringio_type();
    dict_set(d, intern("StringIO"), &stringio_type);
    init_bytesio_type();
    dict_set(d, intern("BytesIO"), &bytesio_type);
    add_io_base_classes(d);
    add_newline_decoder_class(d);
    dict_set(d, intern("DEFAULT_BUFFER_SIZE"), int_from_i64(8192).get());
    for (auto [name, value] :
         {std::pair{"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END}})
        dict_set(d, intern(name), int_from_i64(value).get());
    return module;
}

}  // namespace minipy
