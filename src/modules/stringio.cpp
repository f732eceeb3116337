// stringio.cpp — io.StringIO: an in-memory text stream (positions count characters), with the
// file methods code writes to and reads from (write, getvalue, read, readline, seek, tell, truncate,
// iteration, `with`), and CPython's errors for a closed stream.
#include "modules/stringio.h"

#include "modules/memory_stream.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type stringio_type;

namespace {

using Args = Object* const*;

struct StringIO : MemoryStream<std::u32string> {
    static constexpr const char* kClosedText = "I/O operation on closed file";
    static constexpr bool kFlushChecksClosed = false;
    static constexpr const char* kNegativeSizeText = "Negative size value";
};
using Methods = MemoryStreamMethods<StringIO>;

Ref text(const std::u32string& s) { return str_new(utf32_to_utf8(s)); }

Ref sio_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"initial_value", "newline"};
    Object* a[2] = {};
    bind_args("StringIO", args, nargs, kw, kNames, 2, 0, a);
    auto* s = new StringIO();
    init_header(s, static_cast<Type*>(type));
    if (a[0] && a[0] != None) {
        if (!is_str(a[0]))
            raise(&TypeError_type,
                  format("initial_value must be str or None, not %s", type_of(a[0])->name.c_str()));
        s->buf = utf8_to_utf32(str_utf8_of(a[0]));
    }
    return Ref::steal(s);
}

Ref sio_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    StringIO* s = Methods::open(args[0]);
    if (!is_str(args[1]))
        raise(&TypeError_type, format("string argument expected, got '%s'", type_of(args[1])->name.c_str()));
    std::u32string add = utf8_to_utf32(str_utf8_of(args[1]));
    if (s->pos > s->buf.size()) s->buf.resize(s->pos, U'\0');
    s->buf.replace(s->pos, std::min(add.size(), s->buf.size() - s->pos), add);
    s->pos += add.size();
    return int_from_i64(static_cast<int64_t>(add.size()));
}

Ref sio_writelines(Object* c, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs - 1, kw, 1, 1);
    for_each_item(args[1], [&](Object* line) {
        Object* a[2] = {args[0], line};
        sio_write(c, a, 2, nullptr);
    });
    return Ref::borrow(None);
}

Ref sio_getvalue(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getvalue", nargs - 1, kw, 0, 0);
    return text(Methods::open(args[0])->buf);
}

int64_t size_arg(Args args, size_t nargs) { return nargs > 1 && args[1] != None ? as_index(args[1]) : -1; }

Ref sio_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    StringIO* s = Methods::open(args[0]);
    int64_t n = size_arg(args, nargs);
    if (s->pos >= s->buf.size()) return str_new("");
    size_t take =
        n < 0 ? s->buf.size() - s->pos : std::min<size_t>(static_cast<size_t>(n), s->buf.size() - s->pos);
    Ref r = text(s->buf.substr(s->pos, take));
    s->pos += take;
    return r;
}

Ref read_line(StringIO* s, int64_t limit) {
    if (s->pos >= s->buf.size()) return str_new("");
    size_t end = s->buf.find(U'\n', s->pos);
    end = end == std::u32string::npos ? s->buf.size() : end + 1;
    if (limit >= 0) end = std::min(end, s->pos + static_cast<size_t>(limit));
    Ref r = text(s->buf.substr(s->pos, end - s->pos));
    s->pos = end;
    return r;
}

Ref sio_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs - 1, kw, 0, 1);
    return read_line(Methods::open(args[0]), size_arg(args, nargs));
}

Ref sio_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs - 1, kw, 0, 1);
    StringIO* s = Methods::open(args[0]);
    Ref lines = list_new();
    while (s->pos < s->buf.size()) list_append(lines.get(), read_line(s, -1).get());
    return lines;
}

Ref sio_seek(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seek", nargs - 1, kw, 1, 2);
    StringIO* s = Methods::open(args[0]);
    int64_t pos = as_index(args[1]);
    int64_t whence = nargs > 2 ? as_index(args[2]) : 0;
    if (whence < 0 || whence > 2)
        raise(&ValueError_type,
              format("Invalid whence (%lld, should be 0, 1 or 2)", static_cast<long long>(whence)));
    if (whence != 0 && pos != 0) raise(&OSError_type, "Can't do nonzero cur-relative seeks");
    if (whence == 0 && pos < 0)
        raise(&ValueError_type, format("Negative seek position %lld", static_cast<long long>(pos)));
    s->pos = whence == 0 ? static_cast<size_t>(pos) : whence == 2 ? s->buf.size() : s->pos;
    return int_from_i64(static_cast<int64_t>(s->pos));
}

Ref sio_iter(Object* o) { return Ref::borrow(Methods::open(o)); }

Ref sio_next(Object* o) {
    Ref line = read_line(Methods::open(o), -1);
    return str_utf8_of(line.get()).empty() ? nullptr : line;
}

Ref sio_getattr(Object* o, Str* name) {
    if (name->utf8 == "closed") return Ref::borrow(bool_obj(static_cast<StringIO*>(o)->closed));
    if (name->utf8 == "line_buffering") return Ref::borrow(False);
    if (name->utf8 == "newlines" || name->utf8 == "encoding" || name->utf8 == "errors")
        return Ref::borrow(None);
    return generic_getattr(o, name);
}

const MethodDef kStringIOMethods[] = {
    {"write", sio_write, "Write string to file."},
    {"writelines", sio_writelines, "Write a list of lines to stream."},
    {"getvalue", sio_getvalue, "Retrieve the entire contents of the object."},
    {"read", sio_read, "Read at most size characters, returned as a string."},
    {"readline", sio_readline, "Read until newline or EOF."},
    {"readlines", sio_readlines, "Return a list of lines from the stream."},
    {"seek", sio_seek, "Change stream position."},
    {"tell", Methods::tell, "Tell the current file position."},
    {"truncate", Methods::truncate, "Truncate size to pos."},
    {"close", Methods::close, "Close the IO object."},
    {"flush", Methods::flush, "Does nothing."},
    {"isatty", Methods::isatty, "Always returns False."},
    {"readable", Methods::always, "Returns True if the IO object can be read."},
    {"writable", Methods::always, "Returns True if the IO object can be written."},
    {"seekable", Methods::always, "Returns True if the IO object can be seeked."},
    {"__enter__", Methods::enter, nullptr},
    {"__exit__", Methods::exit, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void init_stringio_type() {
    if (stringio_type.dict) return;
    Type& t = stringio_type;
    t.name = "_io.StringIO";
    t.instance_size = sizeof(StringIO);
    t.dealloc = [](Object* o) {
        weakrefs_clear(o);
        delete static_cast<StringIO*>(o);
    };
    t.construct = sio_construct;
    t.iter = sio_iter;
    t.next = sio_next;
    t.getattr = sio_getattr;
    t.methods = kStringIOMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);
}

}  // namespace minipy
