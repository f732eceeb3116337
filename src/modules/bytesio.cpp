// bytesio.cpp — io.BytesIO: an in-memory binary stream, following CPython 3.11's _io.BytesIO
// (write, read, read1, readline(s), readinto, seek with every whence, tell, truncate, getvalue,
// iteration, `with`), with its errors for a closed stream and bad positions. pickle, json's tests
// and most code that wants "a file of bytes" use it.
#include <algorithm>
#include <string>

#include "modules/io_base.h"
#include "modules/memory_stream.h"
#include "modules/stringio.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type bytesio_type;

namespace {

using Args = Object* const*;

struct BytesIO : MemoryStream<std::string> {
    static constexpr const char* kClosedText = "I/O operation on closed file.";
    static constexpr bool kFlushChecksClosed = true;
    static constexpr const char* kNegativeSizeText = "negative size value";
    static constexpr std::pair<const char*, const char*> kReadOnly[] = {{"closed", nullptr},
                                                                        {"__dict__", "_io._IOBase"}};
};
using Methods = MemoryStreamMethods<BytesIO>;

// Sets `b` up from (initial_bytes=None): at construction, and again when __init__ runs a second time.
void bio_setup(BytesIO* b, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"initial_bytes"};
    Object* a[1] = {};
    bind_args("BytesIO", args, nargs, kw, kNames, 1, 0, a);
    b->pos = 0;
    if (!a[0] || a[0] == None) {
        b->buf.clear();
        return;
    }
    b->buf = bytes_like_data(a[0]);
    b->closed = false;
}

Ref bio_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    BytesIO* b = Methods::open(args[0]);
    std::string add = bytes_like_data(args[1]);
    if (add.empty()) return int_from_i64(0);                  // past the end, nothing is padded
    if (b->pos > b->buf.size()) b->buf.resize(b->pos, '\0');  // a write past the end pads with zeros
    b->buf.replace(b->pos, std::min(add.size(), b->buf.size() - b->pos), add);
    b->pos += add.size();
    return int_from_i64(static_cast<int64_t>(add.size()));
}

Ref bio_writelines(Object* c, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs - 1, kw, 1, 1);
    Methods::open_as_iobase(args[0]);
    for_each_item(args[1], [&](Object* line) {
        Object* a[2] = {args[0], line};
        bio_write(c, a, 2, nullptr);
    });
    return Ref::borrow(None);
}

Ref bio_getvalue(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getvalue", nargs - 1, kw, 0, 0);
    return bytes_new(Methods::open(args[0])->buf);
}

// (contents, position, attribute dict or None): what pickle and copy keep.
Ref bio_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getstate__", nargs - 1, kw, 0, 0);
    BytesIO* b = Methods::open(args[0]);
    Ref value = bytes_new(b->buf), pos = int_from_i64(static_cast<int64_t>(b->pos)),
        dict = Methods::state_dict(b);
    Object* items[3] = {value.get(), pos.get(), dict.get()};
    return tuple_from(items, 3);
}

Ref bio_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__setstate__", nargs - 1, kw, 1, 1);
    BytesIO* b = Methods::open(args[0]);
    const Tuple* state = Methods::state_tuple(b, args[1], 3);
    b->buf = bytes_like_data(state->items[0]);
    b->pos = 0;
    Methods::restore_position(b, state->items[1], "second item of state must be an integer, not %s");
    Methods::restore_dict(b, state->items[2], "third");
    return Ref::borrow(None);
}

// A memoryview of the contents as they are now (CPython's view shares the buffer; minipy's copies).
Ref bio_getbuffer(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getbuffer", nargs - 1, kw, 0, 0);
    Ref data = bytes_new(Methods::open(args[0])->buf);
    return call1(&memoryview_type, data.get());
}

std::string take(BytesIO* b, int64_t n) {
    if (b->pos >= b->buf.size()) return "";
    size_t left = b->buf.size() - b->pos;
    size_t count = n < 0 ? left : std::min<size_t>(static_cast<size_t>(n), left);
    std::string out = b->buf.substr(b->pos, count);
    b->pos += count;
    return out;
}

Ref bio_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    BytesIO* b = Methods::open(args[0]);
    return bytes_new(take(b, io_size_arg(args, nargs)));
}

std::string read_line(BytesIO* b, int64_t limit) {
    if (b->pos >= b->buf.size()) return "";
    size_t end = b->buf.find('\n', b->pos);
    end = end == std::string::npos ? b->buf.size() : end + 1;
    if (limit >= 0) end = std::min(end, b->pos + static_cast<size_t>(limit));
    return take(b, static_cast<int64_t>(end - b->pos));
}

Ref bio_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs - 1, kw, 0, 1);
    return bytes_new(read_line(Methods::open(args[0]), io_size_arg(args, nargs)));
}

// readlines(hint): lines until their total length reaches hint (all of them without one).
Ref bio_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs - 1, kw, 0, 1);
    BytesIO* b = Methods::open(args[0]);
    if (nargs > 1 && args[1] != None && !is_int(args[1]))
        raise(&TypeError_type, format("integer argument expected, got '%s'", type_of(args[1])->name.c_str()));
    int64_t hint = io_size_arg(args, nargs);
    Ref lines = list_new();
    int64_t total = 0;
    while (b->pos < b->buf.size()) {
        std::string line = read_line(b, -1);
        total += static_cast<int64_t>(line.size());
        list_append(lines.get(), bytes_new(line).get());
        if (hint > 0 && total >= hint) break;
    }
    return lines;
}

Ref bio_readinto(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readinto", nargs - 1, kw, 1, 1);
    BytesIO* b = Methods::open(args[0]);
    check_writable_buffer(args[1], "readinto");
    return store_into_buffer(args[1], take(b, length(args[1])));
}

Ref bio_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs - 1, kw, 1, 2);
    BytesIO* b = Methods::open(args[0]);
    int64_t pos = as_index(args[1]);
    int64_t whence = nargs > 2 ? as_index(args[2]) : 0;
    if (whence < 0 || whence > 2)
        raise(&ValueError_type,
              format("invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence)));
    if (whence == 0 && pos < 0)
        raise(&ValueError_type, format("negative seek value %lld", static_cast<long long>(pos)));
    if (whence == 1) pos += static_cast<int64_t>(b->pos);
    if (whence == 2) pos += static_cast<int64_t>(b->buf.size());
    b->pos = static_cast<size_t>(std::max<int64_t>(pos, 0));
    return int_from_i64(static_cast<int64_t>(b->pos));
}

Ref bio_fileno(Object*, Args, size_t, Tuple*) { raise(io_unsupported_operation_type(), "fileno"); }

Ref bio_iter(Object* o) { return Ref::borrow(Methods::open(o)); }

Ref bio_next(Object* o) {
    std::string line = read_line(Methods::open(o), -1);
    return line.empty() ? nullptr : bytes_new(line);
}

Ref bio_getattr(Object* o, Str* name) {
    if (name->utf8 == "closed") return Ref::borrow(bool_obj(static_cast<BytesIO*>(o)->closed));
    return Methods::getattr(o, name);
}

const MethodDef kBytesIOMethods[] = {
    {"write", bio_write, "Write bytes to file."},
    {"writelines", bio_writelines, "Write lines to the file."},
    {"getvalue", bio_getvalue, "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", bio_getbuffer, "Get a read-write view over the contents of the BytesIO object."},
    {"read", bio_read, "Read at most size bytes, returned as a bytes object."},
    {"read1", bio_read, "Read at most size bytes, returned as a bytes object."},
    {"readline", bio_readline, "Next line from the file, as a bytes object."},
    {"readlines", bio_readlines, "List of bytes objects, each a line from the file."},
    {"readinto", bio_readinto, "Read bytes into buffer."},
    {"seek", bio_seek, "Change stream position."},
    {"tell", Methods::tell, "Current file position, an integer."},
    {"truncate", Methods::truncate, "Truncate the file to at most size bytes."},
    {"close", Methods::close, "Disable all I/O operations."},
    {"flush", Methods::flush, "Does nothing."},
    {"isatty", Methods::isatty, "Always returns False."},
    {"fileno", bio_fileno, "Returns underlying file descriptor if one exists."},
    {"readable", Methods::always, "Returns True if the IO object can be read."},
    {"writable", Methods::always, "Returns True if the IO object can be written."},
    {"seekable", Methods::always, "Returns True if the IO object can be seeked."},
    {"__init__", Methods::init<bio_setup>, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__getstate__", bio_getstate, nullptr},
    {"__setstate__", bio_setstate, nullptr},
    {"__enter__", Methods::enter, nullptr},
    {"__exit__", Methods::exit, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_bytesio_type() {
    if (bytesio_type.dict) return;
    Type& t = bytesio_type;
    t.name = "_io.BytesIO";
    t.instance_size = sizeof(BytesIO);
    Methods::give_attribute_dict(t);
    t.construct = Methods::construct<bio_setup, &bytesio_type>;
    t.iter = bio_iter;
    t.next = bio_next;
    t.getattr = bio_getattr;
    t.methods = kBytesIOMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    init_type(&t);
    add_io_base_defaults(&t, IoBaseKind::kBuffered);
    allow_weak_references(&t);
}

}  // namespace minipy
