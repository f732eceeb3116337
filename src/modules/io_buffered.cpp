// io_buffered.cpp — io.BufferedReader, BufferedWriter and BufferedRandom, CPython's buffered binary
// files: open(path, "rb"/"wb"/"r+b") returns one over a FileIO. Reads fill a buffer from the raw
// stream ahead of what was asked (peek and read1 show it); writes collect until the buffer is full,
// a flush, a seek or close. The raw stream may be a native FileIO (system calls) or any Python
// object with readinto/write/seek. Errors and texts follow CPython 3.11's _io.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <unordered_set>

#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "modules/posix_module.h"
#include "modules/signals.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type buffered_reader_type, buffered_writer_type, buffered_random_type;

namespace {

using Args = Object* const*;

Buffered* as_buffered(Object* o) { return static_cast<Buffered*>(o); }

// The files with writes not yet given to their raw FileIO: flushed at exit, as CPython's shutdown
// flushes open files (a script that writes and never closes still leaves its bytes in the file).
std::mutex g_pending_lock;
std::unordered_set<Buffered*> g_writable_files;

Ref call_raw(Buffered* b, const char* name, Object* const* args = nullptr, size_t nargs = 0) {
    Ref method = get_attr(b->raw, intern(name));
    return call(method.get(), args, nargs);
}

size_t unread(const Buffered* b) { return b->read_buffer.size() - b->read_pos; }

std::string take_unread(Buffered* b, size_t n) {
    n = std::min(n, unread(b));
    std::string out = b->read_buffer.substr(b->read_pos, n);
    b->read_pos += n;
    return out;
}

// ---- the raw stream ----

// One read of at most n bytes from raw, appended to `out`: how many came (0 at the end of the file),
// or -1 when a non-blocking stream has none yet (its readinto returned None).
int64_t raw_read(Buffered* b, size_t n, std::string& out) {
    if (b->fileio) {
        if (b->fileio->fd < 0) raise(&ValueError_type, "I/O operation on closed file");
        size_t old = out.size();
        out.resize(old + n);
        ssize_t got = retry_on_eintr([&] { return ::read(b->fileio->fd, out.data() + old, n); });
        int error = errno;
        out.resize(old + static_cast<size_t>(std::max<ssize_t>(got, 0)));
        if (got < 0 && error == EAGAIN) return -1;
        errno = error;
        if (got < 0) raise_errno();
        return got;
    }
    Ref buffer = bytearray_new(std::string(n, '\0'));
    Object* target = buffer.get();
    Ref result = call_raw(b, "readinto", &target, 1);
    if (result.get() == None) return -1;
    int64_t got = as_index(result.get());
    if (got < 0 || got > static_cast<int64_t>(n))
        raise(&OSError_type, format("raw readinto() returned invalid length %lld (should have been between 0 "
                                    "and %zu)",
                                    static_cast<long long>(got), n));
    out += bytes_like_data(buffer.get()).substr(0, static_cast<size_t>(got));
    return got;
}

// Gives raw all of `data`; `done` counts what it took. After each write the signal handlers run,
// as CPython's buffered writer runs them: a write to a full pipe that a signal interrupts returns
// what it wrote, and a handler that raises (or writes to this file: a reentrant call) ends the loop.
// A file being freed writes without them (an exception there would be lost).
void raw_write_all(Buffered* b, const std::string& data, size_t& done, bool run_handlers = true) {
    while (done < data.size()) {
        int64_t n;
        if (b->fileio) {
            if (b->fileio->fd < 0) raise(&ValueError_type, "I/O operation on closed file");
            n = retry_on_eintr(
                [&] { return ::write(b->fileio->fd, data.data() + done, data.size() - done); });
            if (n < 0 && errno != EAGAIN) raise_errno();
        } else {
            Ref chunk = bytes_new(std::string_view(data).substr(done));
            Object* arg = chunk.get();
            Ref result = call_raw(b, "write", &arg, 1);
            n = result.get() == None ? -1 : as_index(result.get());
        }
        if (n < 0) raise_object(os_error_new(EAGAIN, ""));
        done += static_cast<size_t>(n);
        if (run_handlers) check_signals();
    }
}

int64_t raw_seek(Buffered* b, int64_t offset, int whence) {
    if (b->c_stream) std::fflush(b->c_stream);
    if (b->fileio) {
        if (b->fileio->fd < 0) raise(&ValueError_type, "I/O operation on closed file");
        off_t at = lseek(b->fileio->fd, offset, whence);
        if (at < 0) raise_errno();
        return at;
    }
    Ref off = int_from_i64(offset);
    Object* args[] = {off.get(), make_small_int(whence)};
    int64_t at = as_index(call_raw(b, "seek", args, 2).get());
    if (at < 0)
        raise(&OSError_type, format("Raw stream returned invalid position %lld", static_cast<long long>(at)));
    return at;
}

// ---- buffering ----

// Writes the buffered bytes; those raw did not take stay buffered when it raises.
void flush_writes(Buffered* b) {
    if (b->write_buffer.empty()) return;
    std::string data = std::move(b->write_buffer);
    b->write_buffer.clear();
    size_t done = 0;
    try {
        raw_write_all(b, data, done);
    } catch (PyException&) {
        b->write_buffer = data.substr(done) + b->write_buffer;
        throw;
    }
}

// Gives back the bytes read ahead, moving raw to where the reader stands (before a write or a raw
// seek on a BufferedRandom).
void drop_read_ahead(Buffered* b) {
    if (size_t ahead = unread(b)) raw_seek(b, -static_cast<int64_t>(ahead), SEEK_CUR);
    b->read_buffer.clear();
    b->read_pos = 0;
}

// Reads the next buffer-full from raw; as raw_read.
int64_t fill(Buffered* b) {
    flush_writes(b);
    b->read_buffer.clear();
    b->read_pos = 0;
    return raw_read(b, b->buffer_size, b->read_buffer);
}

void check_open(Buffered* b, const char* message) {
    if (buffered_closed(b)) raise(&ValueError_type, message);
}

// read(n): n bytes, fewer at the end of the file; all that is left for n = -1; None when a
// non-blocking raw stream has nothing.
Ref read_bytes(Buffered* b, int64_t n) {
    if (n < -1) raise(&ValueError_type, "read length must be non-negative or -1");
    check_open(b, "read of closed file");
    flush_writes(b);
    std::string out = take_unread(b, n < 0 ? SIZE_MAX : static_cast<size_t>(n));
    for (size_t want = n < 0 ? SIZE_MAX : static_cast<size_t>(n); out.size() < want;) {
        // A large request goes straight into the result; a small one through the buffer.
        size_t left = want - out.size();
        int64_t got = left >= b->buffer_size ? raw_read(b, std::min<size_t>(left, 1 << 20), out) : fill(b);
        if (got == -1 && out.empty()) return Ref::borrow(None);
        if (got <= 0) break;
        if (left < b->buffer_size) out += take_unread(b, left);
    }
    return bytes_new(out);
}

// read1(n): what is buffered, or else one raw read.
Ref read1_bytes(Buffered* b, int64_t n) {
    check_open(b, "read of closed file");
    if (n < 0) n = static_cast<int64_t>(b->buffer_size);
    if (n == 0) return bytes_new("");
    flush_writes(b);
    if (unread(b) == 0) {
        if (static_cast<size_t>(n) >= b->buffer_size) {
            std::string out;
            raw_read(b, static_cast<size_t>(n), out);
            return bytes_new(out);
        }
        fill(b);
    }
    return bytes_new(take_unread(b, static_cast<size_t>(n)));
}

Ref readline_bytes(Buffered* b, int64_t limit) {
    check_open(b, "readline of closed file");
    flush_writes(b);
    std::string line;
    size_t want = limit < 0 ? SIZE_MAX : static_cast<size_t>(limit);
    while (line.size() < want) {
        if (unread(b) == 0 && fill(b) <= 0) break;
        size_t newline = b->read_buffer.find('\n', b->read_pos);
        size_t upto = newline == std::string::npos ? unread(b) : newline - b->read_pos + 1;
        line += take_unread(b, std::min(upto, want - line.size()));
        if (!line.empty() && line.back() == '\n') break;
    }
    return bytes_new(line);
}

int64_t tell_of(Buffered* b) {
    int64_t at = raw_seek(b, 0, SEEK_CUR);
    return at - static_cast<int64_t>(unread(b)) + static_cast<int64_t>(b->write_buffer.size());
}

int64_t seek_to(Buffered* b, int64_t target, int whence) {
    flush_writes(b);
    if (whence == SEEK_CUR) target -= static_cast<int64_t>(unread(b));
    b->read_buffer.clear();
    b->read_pos = 0;
    return raw_seek(b, target, whence);
}

void write_data(Buffered* b, const std::string& data) {
    if (b->c_stream) {
        std::fwrite(data.data(), 1, data.size(), b->c_stream);
        return;
    }
    drop_read_ahead(b);
    if (b->write_buffer.size() + data.size() <= b->buffer_size) {
        b->write_buffer += data;
        return;
    }
    flush_writes(b);
    if (data.size() <= b->buffer_size) {
        b->write_buffer = data;
        return;
    }
    // As CPython's: more than a buffer's worth goes to raw at once, and what a signal handler's
    // exception stops is not kept for later.
    size_t done = 0;
    raw_write_all(b, data, done);
}

// ---- methods ----

Ref buffered_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs, kw, 1, 2);
    int64_t n = io_size_arg(args, nargs);
    BufferedLock hold(as_buffered(args[0]));
    return read_bytes(as_buffered(args[0]), n);
}

Ref buffered_read1(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read1", nargs, kw, 1, 2);
    int64_t n = io_size_arg(args, nargs);
    BufferedLock hold(as_buffered(args[0]));
    return read1_bytes(as_buffered(args[0]), n);
}

Ref buffered_peek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("peek", nargs, kw, 1, 2);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    check_open(b, "peek of closed file");
    flush_writes(b);
    if (unread(b) == 0) fill(b);
    return bytes_new(std::string_view(b->read_buffer).substr(b->read_pos));
}

Ref buffered_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs, kw, 1, 2);
    int64_t limit = io_size_arg(args, nargs);
    BufferedLock hold(as_buffered(args[0]));
    return readline_bytes(as_buffered(args[0]), limit);
}

// readinto(b) / readinto1(b): read(len(b)) / read1(len(b)) stored into the front of b.
Ref read_into(Args args, size_t nargs, Tuple* kw, const char* name, bool once) {
    check_positional(name, nargs, kw, 2, 2);
    check_writable_buffer(args[1], name);
    int64_t n = length(args[1]);
    Ref data;
    {
        BufferedLock hold(as_buffered(args[0]));
        check_open(as_buffered(args[0]), "readinto of closed file");
        data = once ? read1_bytes(as_buffered(args[0]), n) : read_bytes(as_buffered(args[0]), n);
    }
    return store_into_buffer(args[1], bytes_data(data.get()));
}

Ref buffered_readinto(Object*, Args args, size_t nargs, Tuple* kw) {
    return read_into(args, nargs, kw, "readinto", false);
}

Ref buffered_readinto1(Object*, Args args, size_t nargs, Tuple* kw) {
    return read_into(args, nargs, kw, "readinto1", true);
}

Ref buffered_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs, kw, 2, 2);
    std::string data = bytes_like_data(args[1]);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    check_open(b, "write to closed file");
    write_data(b, data);
    return int_from_i64(static_cast<int64_t>(data.size()));
}

Ref buffered_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs, kw, 1, 1);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    buffered_flush_locked(b);
    return Ref::borrow(None);
}

Ref buffered_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs, kw, 1, 1);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    return int_from_i64(tell_of(b));
}

Ref buffered_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs, kw, 2, 3);
    int64_t target = as_index(args[1]);
    int64_t whence = nargs > 2 ? as_index(args[2]) : SEEK_SET;
    if (whence < SEEK_SET || whence > SEEK_END)
        raise(&ValueError_type, format("whence value %lld unsupported", static_cast<long long>(whence)));
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    check_open(b, "seek of closed file");
    return int_from_i64(seek_to(b, target, static_cast<int>(whence)));
}

// truncate(pos=None): to the current position by default; the position stays where it was.
Ref buffered_truncate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("truncate", nargs, kw, 1, 2);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    check_open(b, "truncate of closed file");
    flush_writes(b);
    drop_read_ahead(b);
    Ref size = nargs > 1 && args[1] != None ? Ref::borrow(args[1]) : int_from_i64(raw_seek(b, 0, SEEK_CUR));
    Object* arg = size.get();
    return call_raw(b, "truncate", &arg, 1);
}

Ref buffered_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs, kw, 1, 1);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    buffered_close(b);
    return Ref::borrow(None);
}

Ref buffered_detach(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("detach", nargs, kw, 1, 1);
    Buffered* b = as_buffered(args[0]);
    BufferedLock hold(b);
    buffered_flush_locked(b);
    {
        std::lock_guard<std::mutex> guard(g_pending_lock);
        g_writable_files.erase(b);
    }
    b->fileio = nullptr;
    return Ref::steal(std::exchange(b->raw, nullptr));
}

// fileno, isatty, readable, writable, seekable: the raw stream's answer.
Ref delegate(Args args, size_t nargs, Tuple* kw, const char* name) {
    check_positional(name, nargs, kw, 1, 1);
    Buffered* b = as_buffered(args[0]);
    if (!b->raw) raise(&ValueError_type, "raw stream has been detached");
    Ref raw = Ref::borrow(b->raw);
    Ref method = get_attr(raw.get(), intern(name));
    return call0(method.get());
}

Ref buffered_fileno(Object*, Args args, size_t nargs, Tuple* kw) {
    return delegate(args, nargs, kw, "fileno");
}
Ref buffered_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    return delegate(args, nargs, kw, "isatty");
}
Ref buffered_readable(Object*, Args args, size_t nargs, Tuple* kw) {
    return delegate(args, nargs, kw, "readable");
}
Ref buffered_writable(Object*, Args args, size_t nargs, Tuple* kw) {
    return delegate(args, nargs, kw, "writable");
}
Ref buffered_seekable(Object*, Args args, size_t nargs, Tuple* kw) {
    return delegate(args, nargs, kw, "seekable");
}

Ref buffered_iter(Object* o) {
    Buffered* b = as_buffered(o);
    if (!b->raw) raise(&ValueError_type, "raw stream has been detached");
    if (buffered_closed(b)) raise(&ValueError_type, "I/O operation on closed file.");
    return Ref::borrow(o);
}

Ref buffered_next(Object* o) {
    Ref line;
    {
        BufferedLock hold(as_buffered(o));
        line = readline_bytes(as_buffered(o), -1);
    }
    return bytes_data(line.get()).empty() ? nullptr : line;
}

Ref buffered_repr(Object* o) {
    const std::string& type = type_of(o)->name;
    Ref name;
    if (Object* raw = as_buffered(o)->raw) {
        try {
            name = get_attr_opt(raw, intern("name"));
        } catch (PyException&) {
            // CPython shows no name when reading it fails (a ValueError from a closed raw stream).
        }
    }
    if (!name) return str_new("<" + type + ">");
    return str_new("<" + type + " name=" + repr_utf8(name.get()) + ">");
}

Ref buffered_getattr(Object* o, Str* name) {
    Buffered* b = as_buffered(o);
    const std::string& n = name->utf8;
    if (n == "raw") {
        if (!b->raw) raise(&ValueError_type, "raw stream has been detached");
        return Ref::borrow(b->raw);
    }
    if (n == "closed" || n == "name" || n == "mode") {
        if (!b->raw) raise(&ValueError_type, "raw stream has been detached");
        if (n == "closed") return Ref::borrow(bool_obj(buffered_closed(b)));
        Ref raw = Ref::borrow(b->raw);
        return get_attr(raw.get(), name);
    }
    return generic_getattr(o, name);
}

bool buffered_finalize(Object* o) { return warn_unclosed_file(o, as_buffered(o)->fileio); }

void buffered_dealloc(Object* o) {
    weakrefs_clear(o);
    Buffered* b = as_buffered(o);
    {
        std::lock_guard<std::mutex> guard(g_pending_lock);
        g_writable_files.erase(b);
    }
    // As CPython's finalizer closes the file: writes still buffered reach it (errors are lost, as
    // there). A Python raw stream is only let go: running its code here could raise anywhere.
    if (b->fileio && b->fileio->fd >= 0) {
        try {
            size_t done = 0;
            raw_write_all(b, b->write_buffer, done, false);
        } catch (PyException&) {
        }
    }
    if (b->c_stream) std::fflush(b->c_stream);
    xdecref(b->raw);
    delete b;
}

void init_buffered(Buffered* b, Object* raw, size_t buffer_size) {
    b->raw = newref(raw);
    b->fileio = type_of(raw) == &fileio_type ? static_cast<FileIO*>(raw) : nullptr;
    b->buffer_size = buffer_size;
    b->readable = is_instance(b, &buffered_reader_type) || is_instance(b, &buffered_random_type);
    b->writable = is_instance(b, &buffered_writer_type) || is_instance(b, &buffered_random_type);
    if (b->writable) {
        std::lock_guard<std::mutex> guard(g_pending_lock);
        g_writable_files.insert(b);
    }
}

// The raw stream must allow what the buffered type does, as CPython checks it.
void check_raw_allows(Object* raw, const char* method, const char* what) {
    Ref method_object = get_attr(raw, intern(method));
    if (!is_true(call0(method_object.get()).get()))
        raise(io_unsupported_operation_type(), format("File or stream is not %s.", what));
}

// Sets `b` up from (raw, buffer_size=8192), checked as CPython checks them; again when __init__ runs
// a second time.
void buffered_setup(Buffered* b, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"raw", "buffer_size"};
    Object* a[2] = {};
    bool random = is_instance(b, &buffered_random_type);
    bool reader = random || is_instance(b, &buffered_reader_type);
    bool writer = random || !reader;
    bind_args(random   ? "BufferedRandom"
              : reader ? "BufferedReader"
                       : "BufferedWriter",
              args, nargs, kw, names, 2, 1, a);
    int64_t size = a[1] ? as_index(a[1]) : 8192;
    if (size <= 0) raise(&ValueError_type, "buffer size must be strictly positive");
    if (random) check_raw_allows(a[0], "seekable", "seekable");
    if (reader) check_raw_allows(a[0], "readable", "readable");
    if (writer) check_raw_allows(a[0], "writable", "writable");
    if (b->raw) {
        xdecref(b->raw);
        b->raw = nullptr;
    }
    init_buffered(b, a[0], static_cast<size_t>(size));
}

Ref buffered_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    Type* t = static_cast<Type*>(type);
    auto* b = new Buffered();
    init_header(b, t);
    Ref owned = Ref::steal(b);
    // A class derived from one with an __init__ of its own takes its own arguments (tarfile's
    // ExFileObject(tarfile, tarinfo)) and sets the object up through super().__init__(raw), as in
    // CPython, where the buffered types do their work in __init__.
    bool builtin = t == &buffered_reader_type || t == &buffered_writer_type || t == &buffered_random_type;
    if (!builtin && user_init(t)) return owned;
    buffered_setup(b, args, nargs, kw);
    return owned;
}

// __init__(raw, buffer_size=8192), for a derived class's super().__init__.
Ref buffered_init(Object*, Args args, size_t nargs, Tuple* kw) {
    buffered_setup(as_buffered(args[0]), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

const MethodDef kReaderMethods[] = {
    {"read", buffered_read, "Read and return up to n bytes, all that remain for n = -1."},
    {"read1", buffered_read1, "Read and return up to n bytes, with at most one read() on the raw stream."},
    {"peek", buffered_peek, "Return buffered bytes without advancing the position."},
    {"readline", buffered_readline, "Read until newline or EOF."},
    {"readinto", buffered_readinto, "Read bytes into a pre-allocated bytes-like object b."},
    {"readinto1", buffered_readinto1, "Read bytes into b, with at most one read() on the raw stream."},
    {"readable", buffered_readable, "Return whether the raw stream was opened for reading."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kWriterMethods[] = {
    {"write", buffered_write, "Write the given buffer to the IO stream."},
    {"truncate", buffered_truncate, "Truncate the file to at most size bytes."},
    {"writable", buffered_writable, "Return whether the raw stream was opened for writing."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kCommonMethods[] = {
    {"flush", buffered_flush, "Write the buffered bytes to the raw stream."},
    {"tell", buffered_tell, "Return the current stream position."},
    {"seek", buffered_seek, "Change the stream position to the given byte offset."},
    {"close", buffered_close, "Flush and close the stream and its raw stream."},
    {"detach", buffered_detach, "Disconnect this buffer from its underlying raw stream and return it."},
    {"fileno", buffered_fileno, "Return the underlying file descriptor."},
    {"isatty", buffered_isatty, "Return whether this is an 'interactive' stream."},
    {"seekable", buffered_seekable, "Return whether the stream supports random access."},
    {"__getstate__", io_refuse_pickle, nullptr},
    {"__init__", buffered_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr},
};

void init_buffered_type(Type& t, const char* name, std::initializer_list<const MethodDef*> tables) {
    t.name = name;
    t.instance_size = sizeof(Buffered);
    t.instances_have_dict = true;
    t.dealloc = buffered_dealloc;
    t.finalize = buffered_finalize;
    t.repr = buffered_repr;
    t.getattr = buffered_getattr;
    t.construct = buffered_construct;
    t.iter = buffered_iter;
    t.next = buffered_next;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);
    add_attribute_descriptors(&t, {"raw"}, true);  // what buffered_getattr computes, as CPython lists it
    add_attribute_descriptors(&t, {"closed", "name", "mode"});
    for (const MethodDef* table : tables)
        for (const MethodDef* m = table; m->name; ++m)
            dict_set(t.dict, intern(m->name), method_descriptor_new(&t, m).get());
    add_io_base_defaults(&t, IoBaseKind::kBuffered);
}

// ---- BufferedRWPair(reader, writer, buffer_size): a BufferedReader and a BufferedWriter over two
// raw streams (the two ends of a pipe, a socket's), read from one and written to the other ----

Type rw_pair_type;

struct RWPair : Object {
    Object* reader;  // owned BufferedReader
    Object* writer;  // owned BufferedWriter
};

RWPair* as_pair(Object* o) { return static_cast<RWPair*>(o); }

Ref rw_pair_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"reader", "writer", "buffer_size"};
    Object* a[3] = {};
    bind_args("BufferedRWPair", args, nargs, kw, names, 3, 2, a);
    Object* reader_args[] = {a[0], a[2] ? a[2] : make_small_int(8192)};
    Ref reader = call(&buffered_reader_type, reader_args, 2);
    Object* writer_args[] = {a[1], reader_args[1]};
    Ref writer = call(&buffered_writer_type, writer_args, 2);
    auto* p = new RWPair();
    init_header(p, static_cast<Type*>(type));
    p->reader = reader.release();
    p->writer = writer.release();
    return Ref::steal(p);
}

void rw_pair_dealloc(Object* o) {
    weakrefs_clear(o);
    decref(as_pair(o)->reader);
    decref(as_pair(o)->writer);
    delete as_pair(o);
}

// The same method of the reader or the writer, with the same arguments.
Ref forward(Object* target, const char* name, Args args, size_t nargs, Tuple* kw) {
    Ref method = get_attr(target, intern(name));
    return call(method.get(), args + 1, nargs - 1, kw);
}

#define MINIPY_RW_PAIR_FORWARD(NAME, SIDE)                              \
    Ref rw_pair_##NAME(Object*, Args args, size_t nargs, Tuple* kw) {   \
        return forward(as_pair(args[0])->SIDE, #NAME, args, nargs, kw); \
    }
MINIPY_RW_PAIR_FORWARD(read, reader)
MINIPY_RW_PAIR_FORWARD(peek, reader)
MINIPY_RW_PAIR_FORWARD(read1, reader)
MINIPY_RW_PAIR_FORWARD(readinto, reader)
MINIPY_RW_PAIR_FORWARD(readinto1, reader)
MINIPY_RW_PAIR_FORWARD(readable, reader)
MINIPY_RW_PAIR_FORWARD(write, writer)
MINIPY_RW_PAIR_FORWARD(flush, writer)
MINIPY_RW_PAIR_FORWARD(writable, writer)
#undef MINIPY_RW_PAIR_FORWARD

// close(): the writer first, then the reader, even when closing the writer fails.
Ref rw_pair_close(Object*, Args args, size_t nargs, Tuple* kw) {
    try {
        forward(as_pair(args[0])->writer, "close", args, nargs, kw);
    } catch (PyException&) {
        forward(as_pair(args[0])->reader, "close", args, nargs, kw);
        throw;
    }
    return forward(as_pair(args[0])->reader, "close", args, nargs, kw);
}

Ref rw_pair_isatty(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref tty = forward(as_pair(args[0])->writer, "isatty", args, nargs, kw);
    return is_true(tty.get()) ? tty : forward(as_pair(args[0])->reader, "isatty", args, nargs, kw);
}

Ref rw_pair_getattr(Object* o, Str* name) {
    if (name->utf8 == "closed") return get_attr(as_pair(o)->writer, name);
    return generic_getattr(o, name);
}

const MethodDef kRWPairMethods[] = {
    {"read", rw_pair_read, "Read from the reader."},
    {"peek", rw_pair_peek, "Peek at the reader's buffer."},
    {"read1", rw_pair_read1, "read1() of the reader."},
    {"readinto", rw_pair_readinto, "readinto() of the reader."},
    {"readinto1", rw_pair_readinto1, "readinto1() of the reader."},
    {"readable", rw_pair_readable, "Whether the reader is readable."},
    {"write", rw_pair_write, "Write to the writer."},
    {"flush", rw_pair_flush, "Flush the writer."},
    {"writable", rw_pair_writable, "Whether the writer is writable."},
    {"close", rw_pair_close, "Close the writer, then the reader."},
    {"isatty", rw_pair_isatty, "Whether either side is a terminal."},
    {nullptr, nullptr, nullptr},
};

void init_rw_pair_type() {
    Type& t = rw_pair_type;
    t.name = "_io.BufferedRWPair";
    t.instance_size = sizeof(RWPair);
    t.dealloc = rw_pair_dealloc;
    t.getattr = rw_pair_getattr;
    t.construct = rw_pair_construct;
    t.methods = kRWPairMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);
    add_io_base_defaults(&t, IoBaseKind::kBuffered);
}

}  // namespace

// ---- what open()'s text files and sys use ----

BufferedLock::BufferedLock(Buffered* b) : b_(b) {
    if (b->owner == std::this_thread::get_id())
        raise(&RuntimeError_type, "reentrant call inside " + repr_utf8(b));
    {
        AllowThreads unblocked(BlockReason::IO);
        b->lock.lock();
    }
    b->owner = std::this_thread::get_id();
    if (!b->raw) {
        b->owner = std::thread::id();
        b->lock.unlock();
        raise(&ValueError_type, "raw stream has been detached");
    }
}

BufferedLock::~BufferedLock() {
    b_->owner = std::thread::id();
    b_->lock.unlock();
}

bool is_buffered(Object* o) {
    return is_instance(o, &buffered_reader_type) || is_instance(o, &buffered_writer_type) ||
           is_instance(o, &buffered_random_type);
}

int buffered_get_byte(Buffered* b) {
    if (unread(b) == 0 && fill(b) <= 0) return -1;
    return static_cast<unsigned char>(b->read_buffer[b->read_pos++]);
}

void buffered_unget_byte(Buffered* b) { --b->read_pos; }

void buffered_write_bytes(Buffered* b, const std::string& data) { write_data(b, data); }

void buffered_flush_locked(Buffered* b) {
    if (buffered_closed(b))
        raise(&ValueError_type, b->writable ? "flush of closed file" : "I/O operation on closed file.");
    flush_writes(b);
    if (b->c_stream) std::fflush(b->c_stream);
}

int64_t buffered_tell_locked(Buffered* b) { return tell_of(b); }

int64_t buffered_seek_locked(Buffered* b, int64_t offset, int whence) { return seek_to(b, offset, whence); }

bool buffered_closed(Buffered* b) {
    if (!b->raw) return true;
    if (b->fileio) return b->fileio->fd < 0;
    Ref closed = get_attr(b->raw, intern("closed"));
    return is_true(closed.get());
}

void buffered_close(Buffered* b) {
    if (buffered_closed(b)) return;
    try {
        buffered_flush_locked(b);
    } catch (PyException&) {
        call_raw(b, "close");
        throw;
    }
    b->read_buffer.clear();
    b->read_pos = 0;
    call_raw(b, "close");
}

Ref buffered_new(Type* type, Object* raw, size_t buffer_size) {
    auto* b = new Buffered();
    init_header(b, type);
    Ref owned = Ref::steal(b);
    init_buffered(b, raw, buffer_size);
    return owned;
}

Ref std_stream_buffer(std::FILE* stream, int fd, const char* name) {
    init_binary_io_types();
    Ref raw = fileio_from_fd(fd, "wb", name, stream);
    Ref b = buffered_new(&buffered_writer_type, raw.get(), 8192);
    as_buffered(b.get())->c_stream = stream;
    return b;
}

void flush_open_files() {
    hand_text_to_buffers();
    std::lock_guard<std::mutex> guard(g_pending_lock);
    for (Buffered* b : g_writable_files) {
        if (!b->fileio || b->fileio->fd < 0 || b->write_buffer.empty() || !b->lock.try_lock()) continue;
        // No Python code and no exception here: the bytes go out with write(2) or not at all.
        const std::string& data = b->write_buffer;
        for (size_t done = 0; done < data.size();) {
            ssize_t n = ::write(b->fileio->fd, data.data() + done, data.size() - done);
            if (n <= 0 && errno != EINTR) break;
            if (n > 0) done += static_cast<size_t>(n);
        }
        b->write_buffer.clear();
        b->lock.unlock();
    }
}

void init_binary_io_types() {
    init_fileio_type();
    if (buffered_reader_type.dict) return;
    init_buffered_type(buffered_reader_type, "_io.BufferedReader", {kReaderMethods, kCommonMethods});
    init_buffered_type(buffered_writer_type, "_io.BufferedWriter", {kWriterMethods, kCommonMethods});
    init_buffered_type(buffered_random_type, "_io.BufferedRandom",
                       {kReaderMethods, kWriterMethods, kCommonMethods});
    init_rw_pair_type();
}

void add_binary_io_classes(Dict* module) {
    init_binary_io_types();
    dict_set(module, intern("FileIO"), &fileio_type);
    dict_set(module, intern("BufferedReader"), &buffered_reader_type);
    dict_set(module, intern("BufferedWriter"), &buffered_writer_type);
    dict_set(module, intern("BufferedRandom"), &buffered_random_type);
    dict_set(module, intern("BufferedRWPair"), &rw_pair_type);
}

}  // namespace minipy
