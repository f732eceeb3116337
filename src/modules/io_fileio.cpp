// io_fileio.cpp — io.FileIO, CPython's raw file: each read and write is one system call on the
// descriptor, with the GIL let go. open(..., buffering=0) returns one; open()'s buffered files and
// text files sit on one. Modes, reprs and errors follow CPython 3.11's _io.FileIO.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <utility>

#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "modules/posix_module.h"
#include "modules/sys_streams.h"
#include "modules/warnings_module.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exception_types.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type fileio_type;

namespace {

using Args = Object* const*;

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
int opener_fd(Object* opener, Object* file, int flags) {
    Object* call_args[] = {file, int_from_i64(flags).release()};
    Ref result = call(opener, call_args, 2);
    decref(call_args[1]);
    if (!is_int(result.get())) raise(&TypeError_type, "expected integer from opener");
    int fd = fd_arg(result.get());
    if (fd < 0) raise(&ValueError_type, format("opener returned %d", fd));
    return fd;
}

FileIO* as_fileio(Object* o) { return static_cast<FileIO*>(o); }

// The open descriptor, or CPython's ValueError once closed.
int open_fd(Object* o) {
    int fd = as_fileio(o)->fd;
    if (fd < 0) raise(&ValueError_type, "I/O operation on closed file");
    return fd;
}

int readable_fd(Object* o) {
    int fd = open_fd(o);
    if (!as_fileio(o)->readable) raise(io_unsupported_operation_type(), "File not open for reading");
    return fd;
}

int writable_fd(Object* o) {
    int fd = open_fd(o);
    if (!as_fileio(o)->writable) raise(io_unsupported_operation_type(), "File not open for writing");
    return fd;
}

// What FileIO.mode shows: CPython's mode_string.
std::string mode_string(const FileIO* f) {
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

// Reads FileIO's mode (exactly one of r/w/x/a, at most one '+', and 'b') into f; returns the
// flags for open(2).
int parse_mode(FileIO* f, const std::string& mode) {
    int kinds = 0, plus = 0;
    for (char c : mode) {
        switch (c) {
            case 'r':
                f->readable = true;
                break;
            case 'w':
                f->writable = true;
                break;
            case 'x':
                f->created = f->writable = true;
                break;
            case 'a':
                f->appending = f->writable = true;
                break;
            case '+':
                ++plus;
                break;
            case 'b':
                break;
            default:
                raise(&ValueError_type, "invalid mode: " + mode);
        }
        kinds += c == 'r' || c == 'w' || c == 'x' || c == 'a';
    }
    if (kinds != 1 || plus > 1)
        raise(&ValueError_type,
              "Must have exactly one of create/read/write/append mode and at most one plus");
    if (plus) f->readable = f->writable = true;
    return open_flags(mode);
}

bool fileio_finalize(Object* o) { return warn_unclosed_file(o, as_fileio(o)); }

void fileio_dealloc(Object* o) {
    weakrefs_clear(o);
    FileIO* f = as_fileio(o);
    if (f->fd >= 0 && f->closefd) ::close(f->fd);
    xdecref(f->name);
    delete f;
}

FileIO* fileio_alloc(Type* type) {
    auto* f = new FileIO();
    init_header(f, type);
    return f;
}

// Opens `file` (a path or a descriptor) into f, as CPython's FileIO.__init__.
void fileio_init(FileIO* f, Object* file, const std::string& mode, bool closefd, Object* opener) {
    int flags = parse_mode(f, mode);
    if (is_float(file)) raise(&TypeError_type, "integer argument expected, got float");
    bool is_fd = is_int(file);
    Ref name = is_fd ? Ref::borrow(file) : fspath(file);
    if (is_fd) {
        f->fd = fd_arg(file);
        if (f->fd < 0) raise(&ValueError_type, "negative file descriptor");
    } else {
        if (!closefd) raise(&ValueError_type, "Cannot use closefd=False with file name");
        if (opener) {
            f->fd = opener_fd(opener, file, flags);
        } else {
            std::string path = path_arg("FileIO", "file", name.get()).path;
            f->fd = retry_on_eintr([&] { return ::open(path.c_str(), flags, 0666); });
            if (f->fd < 0) raise_errno(name.get());
        }
    }
    f->closefd = closefd;
    struct stat info;
    // On an error a descriptor it opened itself is closed; the caller's is left alone, as CPython's.
    bool bad = fstat(f->fd, &info) != 0;
    if (bad || S_ISDIR(info.st_mode)) {
        int error = bad ? errno : EISDIR;
        int fd = std::exchange(f->fd, -1);
        if (!is_fd) ::close(fd);
        errno = error;
        raise_errno(bad ? nullptr : name.get());
    }
    // CPython moves an appending file's position to its end at once, so tell() says where it writes.
    if (f->appending) lseek(f->fd, 0, SEEK_END);
    f->name = name.release();
}

Ref fileio_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"file", "mode", "closefd", "opener"};
    Object* a[4] = {};
    bind_args("FileIO", args, nargs, kw, names, 4, 1, a);
    std::string mode = a[1] ? expect_str(a[1], "FileIO() argument 'mode'")->utf8 : "r";
    Ref f = Ref::steal(fileio_alloc(static_cast<Type*>(type)));
    fileio_init(as_fileio(f.get()), a[0], mode, !a[2] || is_true(a[2]),
                a[3] && a[3] != None ? a[3] : nullptr);
    return f;
}

Ref fileio_repr(Object* o) {
    FileIO* f = as_fileio(o);
    const std::string& type = type_of(o)->name;
    if (f->fd < 0) return str_new("<" + type + " [closed]>");
    return str_new(format("<%s name=%s mode='%s' closefd=%s>", type.c_str(), repr_utf8(f->name).c_str(),
                          mode_string(f).c_str(), f->closefd ? "True" : "False"));
}

// Up to `size` bytes in one read(2); null when a non-blocking descriptor has none (None in Python).
Ref read_once(int fd, size_t size) {
    std::string data(size, '\0');
    ssize_t got = retry_on_eintr([&] { return ::read(fd, data.data(), data.size()); });
    if (got < 0) {
        if (errno == EAGAIN) return nullptr;
        raise_errno();
    }
    data.resize(static_cast<size_t>(got));
    return bytes_new(data);
}

Ref read_all(int fd) {
    std::string all;
    for (;;) {
        char chunk[65536];
        ssize_t got = retry_on_eintr([&] { return ::read(fd, chunk, sizeof chunk); });
        if (got < 0) {
            if (errno == EAGAIN && !all.empty()) break;
            if (errno == EAGAIN) return Ref::borrow(None);
            raise_errno();
        }
        if (got == 0) break;
        all.append(chunk, static_cast<size_t>(got));
    }
    return bytes_new(all);
}

Ref fileio_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int fd = readable_fd(args[0]);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : -1;
    if (size < 0) return read_all(fd);
    Ref data = read_once(fd, static_cast<size_t>(size));
    return data ? data : Ref::borrow(None);
}

Ref fileio_readall(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readall", nargs, kw, 1, 1);
    return read_all(readable_fd(args[0]));
}

// readinto(b): one read into the writable buffer b (a bytearray, or any object taking slice stores).
Ref fileio_readinto(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readinto", nargs, kw, 2, 2);
    int fd = readable_fd(args[0]);
    check_writable_buffer(args[1], "readinto");
    Ref data = read_once(fd, static_cast<size_t>(length(args[1])));
    if (!data) return Ref::borrow(None);
    return store_into_buffer(args[1], bytes_data(data.get()));
}

Ref fileio_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    FileIO* f = as_fileio(args[0]);
    int fd = writable_fd(args[0]);
    std::string data = bytes_like_data(args[1]);
    if (f->flush_first) std::fflush(f->flush_first);
    ssize_t n = retry_on_eintr([&] { return ::write(fd, data.data(), data.size()); });
    if (n < 0) {
        if (errno == EAGAIN) return Ref::borrow(None);
        raise_errno();
    }
    return int_from_i64(n);
}

Ref fileio_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    if (is_float(args[1])) raise(&TypeError_type, "an integer is required");
    int fd = open_fd(args[0]);
    int64_t offset = as_index(args[1]);
    int whence = nargs > 2 ? static_cast<int>(as_index(args[2])) : SEEK_SET;
    off_t at = lseek(fd, offset, whence);
    if (at < 0) raise_errno();
    return int_from_i64(at);
}

Ref fileio_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    off_t at = lseek(open_fd(args[0]), 0, SEEK_CUR);
    if (at < 0) raise_errno();
    return int_from_i64(at);
}

// truncate(size=None): to the current position by default; the position does not move.
Ref fileio_truncate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("truncate", nargs, kw, 1, 2);
    int fd = writable_fd(args[0]);
    off_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : lseek(fd, 0, SEEK_CUR);
    if (size < 0 || retry_on_eintr([&] { return ftruncate(fd, size); }) < 0) raise_errno();
    return int_from_i64(size);
}

Ref fileio_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    FileIO* f = as_fileio(args[0]);
    int fd = std::exchange(f->fd, -1);
    if (fd >= 0 && f->closefd && ::close(fd) < 0) raise_errno();
    return Ref::borrow(None);
}

Ref fileio_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("fileno", nargs, kw, 1, 1);
    return int_from_i64(open_fd(args[0]));
}

Ref fileio_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isatty", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(isatty(open_fd(args[0])) == 1));
}

Ref fileio_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs, kw, 1, 1);
    open_fd(args[0]);
    return Ref::borrow(bool_obj(as_fileio(args[0])->readable));
}

Ref fileio_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("writable", nargs, kw, 1, 1);
    open_fd(args[0]);
    return Ref::borrow(bool_obj(as_fileio(args[0])->writable));
}

Ref fileio_seekable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seekable", nargs, kw, 1, 1);
    FileIO* f = as_fileio(args[0]);
    int fd = open_fd(args[0]);
    if (f->seekable < 0) f->seekable = lseek(fd, 0, SEEK_CUR) >= 0;
    return Ref::borrow(bool_obj(f->seekable == 1));
}

Ref fileio_getattr(Object* o, Str* name) {
    FileIO* f = as_fileio(o);
    if (name->utf8 == "closed") return Ref::borrow(bool_obj(f->fd < 0));
    if (name->utf8 == "closefd") return Ref::borrow(bool_obj(f->closefd));
    if (name->utf8 == "mode") return str_new(mode_string(f));
    if (name->utf8 == "name" && f->name) return Ref::borrow(f->name);
    return generic_getattr(o, name);
}

// `name` may be set, as on CPython's FileIO (tempfile names the file its opener made).
void fileio_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 != "name" || !value) raise_no_attribute(o, name);
    FileIO* f = as_fileio(o);
    Object* old = f->name;
    f->name = newref(value);
    xdecref(old);
}

const MethodDef kFileIOMethods[] = {
    {"read", fileio_read, "Read at most size bytes, returned as bytes."},
    {"readall", fileio_readall, "Read all data from the file, returned as bytes."},
    {"readinto", fileio_readinto, "Same as RawIOBase.readinto()."},
    {"write", fileio_write, "Write buffer b to file, return number of bytes written."},
    {"seek", fileio_seek, "Move to new file position and return the file position."},
    {"tell", fileio_tell, "Current file position."},
    {"truncate", fileio_truncate, "Truncate the file to at most size bytes and return the truncated size."},
    {"close", fileio_close, "Close the file."},
    {"fileno", fileio_fileno, "Return the underlying file descriptor (an integer)."},
    {"isatty", fileio_isatty, "True if the file is connected to a TTY device."},
    {"readable", fileio_readable, "True if file was opened in a read mode."},
    {"writable", fileio_writable, "True if file was opened in a write mode."},
    {"seekable", fileio_seekable, "True if file supports random-access."},
    {"__getstate__", io_refuse_pickle, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref fileio_open(Object* file, const std::string& mode, bool closefd, Object* opener) {
    Ref f = Ref::steal(fileio_alloc(&fileio_type));
    fileio_init(as_fileio(f.get()), file, mode, closefd, opener);
    return f;
}

Ref fileio_from_fd(int fd, const char* mode, const char* name, std::FILE* flush_first) {
    FileIO* f = fileio_alloc(&fileio_type);
    Ref owned = Ref::steal(f);
    parse_mode(f, mode);
    f->fd = fd;
    f->closefd = false;
    f->name = str_new(name).release();
    f->flush_first = flush_first;
    return owned;
}

void init_fileio_type() {
    if (fileio_type.dict) return;
    Type& t = fileio_type;
    t.name = "_io.FileIO";
    t.instances_have_dict = true;
    t.instance_size = sizeof(FileIO);
    t.dealloc = fileio_dealloc;
    t.finalize = fileio_finalize;
    t.repr = fileio_repr;
    t.getattr = fileio_getattr;
    t.setattr = fileio_setattr;
    t.construct = fileio_construct;
    t.methods = kFileIOMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);
    add_io_base_defaults(&t, IoBaseKind::kRaw);
}

bool warn_unclosed_file(Object* o, FileIO* raw) {
    if (!raw || raw->fd < 0 || !raw->closefd || raw->warned) return false;
    raw->warned = true;
    refcount_init(o->refcnt, 1);
    try {
        Ref text = repr(o);
        warn_with_source(&ResourceWarning_type, "unclosed file " + str_utf8_of(text.get()), o);
    } catch (PyException& e) {
        Ref exc = e.take();
        report_unraisable_in(o, exc.get());
    }
    decref(o);
    return true;
}

}  // namespace minipy
