// bytesio.cpp — io.BytesIO: an in-memory binary stream, what pickle writes its frames into and
// reads them back from (write, getvalue, getbuffer, read, read1, readinto, readline, seek, tell,
// truncate, iteration, `with`), with CPython's errors for a closed stream.
#include "modules/bytesio.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type bytesio_type;

namespace {

using Args = Object* const*;

struct BytesIO : Object {
    ObjectMutex mutex;  // free-threaded flavor: each operation on the stream is atomic
    std::string buf;
    size_t pos = 0;
    bool closed = false;
};

BytesIO* open_io(Object* o) {
    auto* s = static_cast<BytesIO*>(o);
    if (s->closed) raise(&ValueError_type, "I/O operation on closed file.");
    return s;
}

// The bytes of a bytes-like argument; a memoryview's through its tobytes(), as minipy has no
// buffer protocol (pickle writes the memoryview getbuffer() gives).
std::string data_of(Object* o) {
    if (is_bytes_like(o)) return bytes_like_data(o);
    if (type_of(o) == &memoryview_type) {
        Ref tobytes = get_attr(o, intern("tobytes"));
        return bytes_data(call(tobytes.get(), nullptr, 0).get());
    }
    raise(&TypeError_type, format("a bytes-like object is required, not '%s'", type_of(o)->name.c_str()));
}

Ref bio_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"initial_bytes"};
    Object* a[1] = {};
    bind_args("BytesIO", args, nargs, kw, kNames, 1, 0, a);
    auto* s = new BytesIO();
    init_header(s, static_cast<Type*>(type));
    Ref owned = Ref::steal(s);
    if (a[0] && a[0] != None) s->buf = data_of(a[0]);
    return owned;
}

Ref bio_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    std::string add = data_of(args[1]);
    BytesIO* s = open_io(args[0]);
    CriticalSection cs(s->mutex);
    // Writing past the end (after a seek) fills the gap with zero bytes, as CPython's does.
    if (s->pos > s->buf.size()) s->buf.resize(s->pos, '\0');
    s->buf.replace(s->pos, std::min(add.size(), s->buf.size() - s->pos), add);
    s->pos += add.size();
    return int_from_i64(static_cast<int64_t>(add.size()));
}

Ref bio_writelines(Object* c, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs - 1, kw, 1, 1);
    for_each_item(args[1], [&](Object* line) {
        Object* a[2] = {args[0], line};
        bio_write(c, a, 2, nullptr);
    });
    return Ref::borrow(None);
}

Ref bio_getvalue(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getvalue", nargs - 1, kw, 0, 0);
    BytesIO* s = open_io(args[0]);
    CriticalSection cs(s->mutex);
    return bytes_new(s->buf);
}

// A memoryview of the contents. minipy has no buffer protocol, so the view is over a copy: writes
// through it do not reach the stream (pickle only reads it).
Ref bio_getbuffer(Object* c, Args args, size_t nargs, Tuple* kw) {
    check_positional("getbuffer", nargs - 1, kw, 0, 0);
    Ref copy = bio_getvalue(c, args, 1, nullptr);
    Object* a[1] = {copy.get()};
    return call(&memoryview_type, a, 1);
}

int64_t size_arg(Args args, size_t nargs) { return nargs > 1 && args[1] != None ? as_index(args[1]) : -1; }

// Takes up to n bytes (all that is left when n < 0) from the current position.
std::string take(BytesIO* s, int64_t n) {
    CriticalSection cs(s->mutex);
    if (s->pos >= s->buf.size()) return {};
    size_t left = s->buf.size() - s->pos;
    size_t count = n < 0 ? left : std::min<size_t>(static_cast<size_t>(n), left);
    std::string r = s->buf.substr(s->pos, count);
    s->pos += count;
    return r;
}

Ref bio_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    return bytes_new(take(open_io(args[0]), size_arg(args, nargs)));
}

Ref bio_readinto(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readinto", nargs - 1, kw, 1, 1);
    BytesIO* s = open_io(args[0]);
    if (!is_bytearray(args[1]))
        raise(&TypeError_type, format("readinto() argument must be read-write bytes-like object, not %s",
                                      type_of(args[1])->name.c_str()));
    auto* target = static_cast<ByteArray*>(args[1]);
    CriticalSection cs(target->mutex);
    std::string got = take(s, static_cast<int64_t>(target->data.size()));
    target->data.replace(0, got.size(), got);
    return int_from_i64(static_cast<int64_t>(got.size()));
}

std::string read_line(BytesIO* s, int64_t limit) {
    CriticalSection cs(s->mutex);
    if (s->pos >= s->buf.size()) return {};
    size_t end = s->buf.find('\n', s->pos);
    end = end == std::string::npos ? s->buf.size() : end + 1;
    if (limit >= 0) end = std::min(end, s->pos + static_cast<size_t>(limit));
    std::string r = s->buf.substr(s->pos, end - s->pos);
    s->pos = end;
    return r;
}

Ref bio_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs - 1, kw, 0, 1);
    return bytes_new(read_line(open_io(args[0]), size_arg(args, nargs)));
}

Ref bio_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs - 1, kw, 0, 1);
    BytesIO* s = open_io(args[0]);
    Ref lines = list_new();
    for (std::string line = read_line(s, -1); !line.empty(); line = read_line(s, -1))
        list_append(lines.get(), bytes_new(line).get());
    return lines;
}

Ref bio_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs - 1, kw, 1, 2);
    BytesIO* s = open_io(args[0]);
    int64_t pos = as_index(args[1]);
    int64_t whence = nargs > 2 ? as_index(args[2]) : 0;
    if (whence < 0 || whence > 2)
        raise(&ValueError_type,
              format("invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence)));
    if (whence == 0 && pos < 0)
        raise(&ValueError_type, format("negative seek value %lld", static_cast<long long>(pos)));
    CriticalSection cs(s->mutex);
    int64_t base = whence == 0   ? 0
                   : whence == 1 ? static_cast<int64_t>(s->pos)
                                 : static_cast<int64_t>(s->buf.size());
    s->pos = static_cast<size_t>(std::max<int64_t>(0, base + pos));
    return int_from_i64(static_cast<int64_t>(s->pos));
}

Ref bio_tell(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tell", nargs - 1, kw, 0, 0);
    return int_from_i64(static_cast<int64_t>(open_io(args[0])->pos));
}

Ref bio_truncate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("truncate", nargs - 1, kw, 0, 1);
    BytesIO* s = open_io(args[0]);
    CriticalSection cs(s->mutex);
    int64_t size = nargs > 1 && args[1] != None ? as_index(args[1]) : static_cast<int64_t>(s->pos);
    if (size < 0) raise(&ValueError_type, format("negative size value %lld", static_cast<long long>(size)));
    if (static_cast<size_t>(size) < s->buf.size()) s->buf.resize(static_cast<size_t>(size));
    return int_from_i64(size);
}

Ref bio_close(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("close", nargs - 1, kw, 0, 0);
    auto* s = static_cast<BytesIO*>(args[0]);
    CriticalSection cs(s->mutex);
    s->closed = true;
    s->buf.clear();
    s->buf.shrink_to_fit();
    return Ref::borrow(None);
}

Ref bio_true(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readable", nargs - 1, kw, 0, 0);
    open_io(args[0]);
    return Ref::borrow(True);
}

Ref bio_flush(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("flush", nargs - 1, kw, 0, 0);
    open_io(args[0]);
    return Ref::borrow(None);
}

Ref bio_enter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__enter__", nargs - 1, kw, 0, 0);
    return Ref::borrow(open_io(args[0]));
}

Ref bio_exit(Object* c, Args args, size_t, Tuple*) { return bio_close(c, args, 1, nullptr); }

Ref bio_iter(Object* o) { return Ref::borrow(open_io(o)); }

Ref bio_next(Object* o) {
    std::string line = read_line(open_io(o), -1);
    return line.empty() ? nullptr : bytes_new(line);
}

Ref bio_getattr(Object* o, Str* name) {
    if (name->utf8 == "closed") return Ref::borrow(bool_obj(static_cast<BytesIO*>(o)->closed));
    return generic_getattr(o, name);
}

const MethodDef kBytesIOMethods[] = {
    {"write", bio_write, "Write bytes to file."},
    {"writelines", bio_writelines, "Write lines to the file."},
    {"getvalue", bio_getvalue, "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", bio_getbuffer, "Get a read-write view over the contents of the BytesIO object."},
    {"read", bio_read, "Read at most size bytes, returned as a bytes object."},
    {"read1", bio_read, "Read at most size bytes, returned as a bytes object."},
    {"readinto", bio_readinto, "Read bytes into buffer."},
    {"readline", bio_readline, "Next line from the file, as a bytes object."},
    {"readlines", bio_readlines, "List of bytes objects, each a line from the file."},
    {"seek", bio_seek, "Change stream position."},
    {"tell", bio_tell, "Current file position, an integer."},
    {"truncate", bio_truncate, "Truncate the file to at most size bytes."},
    {"close", bio_close, "Disable all I/O operations."},
    {"flush", bio_flush, "Does nothing."},
    {"readable", bio_true, "Returns True if the IO object can be read."},
    {"writable", bio_true, "Returns True if the IO object can be written."},
    {"seekable", bio_true, "Returns True if the IO object can be seeked."},
    {"__enter__", bio_enter, nullptr},
    {"__exit__", bio_exit, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_bytesio_type() {
    if (bytesio_type.dict) return;
    Type& t = bytesio_type;
    t.name = "_io.BytesIO";
    t.instance_size = sizeof(BytesIO);
    t.dealloc = [](Object* o) { delete static_cast<BytesIO*>(o); };
    t.construct = bio_construct;
    t.iter = bio_iter;
    t.next = bio_next;
    t.getattr = bio_getattr;
    t.methods = kBytesIOMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
}

}  // namespace minipy
