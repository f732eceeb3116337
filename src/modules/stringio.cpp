// stringio.cpp — io.StringIO: an in-memory text stream (positions count characters), with the
// file methods code writes to and reads from (write, getvalue, read, readline, seek, tell, truncate,
// iteration, `with`), and CPython's errors for a closed stream.
#include "modules/stringio.h"

#include <vector>

#include "modules/io_base.h"
#include "modules/memory_stream.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type stringio_type;

namespace {

using Args = Object* const*;

// StringIO(newline=...): CPython's StringIO defaults to "\n" (no translation, lines end at "\n").
enum class Newline { Lf, Universal, Any, Cr, CrLf };  // "\n", None, "", "\r", "\r\n"

struct StringIO : MemoryStream<std::u32string> {
    Newline newline = Newline::Lf;
    unsigned seen = 0;  // the newline kinds written (kSeen*), reported by `newlines` for None and ""
    static constexpr const char* kClosedText = "I/O operation on closed file";
    static constexpr bool kFlushChecksClosed = false;
    static constexpr const char* kNegativeSizeText = "Negative size value";
    static constexpr std::pair<const char*, const char*> kReadOnly[] = {
        {"closed", nullptr},           {"line_buffering", nullptr},
        {"newlines", nullptr},         {"encoding", "_io._TextIOBase"},
        {"errors", "_io._TextIOBase"}, {"__dict__", "_io._IOBase"}};
};
using Methods = MemoryStreamMethods<StringIO>;

Ref text(const std::u32string& s) { return str_new(utf32_to_utf8(s)); }

constexpr unsigned kSeenLf = 1, kSeenCr = 2, kSeenCrLf = 4;

Newline newline_mode(Object* v) {
    if (!v || v == None) return v ? Newline::Universal : Newline::Lf;
    if (!is_instance(v, &str_type))
        raise(&TypeError_type, format("newline must be str or None, not %s", type_of(v)->name.c_str()));
    const std::string& t = str_utf8_of(v);
    if (t.empty()) return Newline::Any;
    if (t == "\n") return Newline::Lf;
    if (t == "\r") return Newline::Cr;
    if (t == "\r\n") return Newline::CrLf;
    raise(&ValueError_type, format("illegal newline value: %s", repr_utf8(v).c_str()));
}

// What write() stores for `text`: line ends translated as the newline mode says (None: every
// "\r\n" and "\r" becomes "\n"; "\r" and "\r\n": every "\n" becomes that), noting the kinds seen.
std::u32string translate_written(StringIO* s, const std::u32string& text) {
    bool tracks = s->newline == Newline::Universal || s->newline == Newline::Any;
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char32_t c = text[i];
        if (tracks && c == U'\r') {
            bool crlf = i + 1 < text.size() && text[i + 1] == U'\n';
            s->seen |= crlf ? kSeenCrLf : kSeenCr;
            if (s->newline == Newline::Universal) {
                out.push_back(U'\n');
                i += crlf;
                continue;
            }
        } else if (c == U'\n') {
            if (tracks) s->seen |= kSeenLf;
            if (s->newline == Newline::Cr || s->newline == Newline::CrLf) {
                out += s->newline == Newline::Cr ? U"\r" : U"\r\n";
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

// Where the line starting at `from` ends (past its line end), or the text's end.
size_t line_end(const StringIO* s, size_t from) {
    const std::u32string& b = s->buf;
    size_t end = std::u32string::npos;
    switch (s->newline) {
        case Newline::Any:
            end = b.find_first_of(U"\r\n", from);
            if (end != std::u32string::npos)
                end += (b[end] == U'\r' && end + 1 < b.size() && b[end + 1] == U'\n') ? 2 : 1;
            break;
        case Newline::Cr:
            end = b.find(U'\r', from);
            if (end != std::u32string::npos) ++end;
            break;
        case Newline::CrLf:
            end = b.find(U"\r\n", from);
            if (end != std::u32string::npos) end += 2;
            break;
        default:
            end = b.find(U'\n', from);
            if (end != std::u32string::npos) ++end;
    }
    return end == std::u32string::npos ? b.size() : end;
}

Ref newlines_seen(const StringIO* s) {
    if (s->seen == 0) return Ref::borrow(None);
    std::vector<Object*> kinds;
    Ref lf = str_new("\n"), cr = str_new("\r"), crlf = str_new("\r\n");
    if (s->seen & kSeenCr) kinds.push_back(cr.get());
    if (s->seen & kSeenLf) kinds.push_back(lf.get());
    if (s->seen & kSeenCrLf) kinds.push_back(crlf.get());
    if (kinds.size() == 1) return Ref::borrow(kinds[0]);
    return tuple_from(kinds.data(), kinds.size());
}

// Sets `s` up from (initial_value=None, newline="\n"): at construction, and again when __init__ runs
// a second time, which also opens a closed one, as CPython's.
void sio_setup(StringIO* s, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"initial_value", "newline"};
    Object* a[2] = {};
    bind_args("StringIO", args, nargs, kw, kNames, 2, 0, a);
    Newline newline = newline_mode(a[1]);
    if (a[0] && a[0] != None && !is_str(a[0]))
        raise(&TypeError_type,
              format("initial_value must be str or None, not %s", type_of(a[0])->name.c_str()));
    s->newline = newline;
    s->seen = 0;
    s->pos = 0;
    s->closed = false;
    s->buf.clear();
    if (a[0] && a[0] != None) s->buf = translate_written(s, utf8_to_utf32(str_utf8_of(a[0])));
}

// The newline argument that makes `mode`: what __getstate__ keeps.
Ref newline_argument(Newline mode) {
    switch (mode) {
        case Newline::Universal:
            return Ref::borrow(None);
        case Newline::Any:
            return str_new("");
        case Newline::Cr:
            return str_new("\r");
        case Newline::CrLf:
            return str_new("\r\n");
        default:
            return str_new("\n");
    }
}

// (contents, newline, position, attribute dict or None): what pickle and copy keep.
Ref sio_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getstate__", nargs - 1, kw, 0, 0);
    StringIO* s = Methods::open(args[0]);
    Ref value = text(s->buf), newline = newline_argument(s->newline);
    Ref pos = int_from_i64(static_cast<int64_t>(s->pos)), dict = Methods::state_dict(s);
    Object* items[4] = {value.get(), newline.get(), pos.get(), dict.get()};
    return tuple_from(items, 4);
}

// As CPython's: the value and newline are checked as the constructor's, then the contents are taken
// as they are, with no newline translation (they were translated when first written).
Ref sio_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__setstate__", nargs - 1, kw, 1, 1);
    StringIO* s = Methods::open(args[0]);
    const Tuple* state = Methods::state_tuple(s, args[1], 4);
    Object* value = state->items[0];
    if (value != None && !is_str(value))
        raise(&TypeError_type,
              format("initial_value must be str or None, not %s", type_of(value)->name.c_str()));
    s->newline = newline_mode(state->items[1]);
    s->seen = 0;
    std::u32string contents = value == None ? std::u32string() : utf8_to_utf32(str_utf8_of(value));
    translate_written(s, contents);  // notes the line ends seen, as the constructor does
    s->buf = std::move(contents);
    s->pos = 0;
    Methods::restore_position(s, state->items[2], "third item of state must be an integer, got %s");
    Methods::restore_dict(s, state->items[3], "fourth");
    return Ref::borrow(None);
}

Ref sio_write(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("write", nargs - 1, kw, 1, 1);
    StringIO* s = Methods::open(args[0]);
    if (!is_str(args[1]))
        raise(&TypeError_type, format("string argument expected, got '%s'", type_of(args[1])->name.c_str()));
    size_t given = utf8_to_utf32(str_utf8_of(args[1])).size();
    std::u32string add = translate_written(s, utf8_to_utf32(str_utf8_of(args[1])));
    if (add.empty()) return int_from_i64(0);  // past the end, nothing is padded
    if (s->pos > s->buf.size()) s->buf.resize(s->pos, U'\0');
    s->buf.replace(s->pos, std::min(add.size(), s->buf.size() - s->pos), add);
    s->pos += add.size();
    return int_from_i64(static_cast<int64_t>(given));
}

Ref sio_writelines(Object* c, Args args, size_t nargs, Tuple* kw) {
    check_positional("writelines", nargs - 1, kw, 1, 1);
    Methods::open_as_iobase(args[0]);
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

Ref sio_read(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("read", nargs - 1, kw, 0, 1);
    StringIO* s = Methods::open(args[0]);
    int64_t n = io_size_arg(args, nargs);
    if (s->pos >= s->buf.size()) return str_new("");
    size_t take =
        n < 0 ? s->buf.size() - s->pos : std::min<size_t>(static_cast<size_t>(n), s->buf.size() - s->pos);
    Ref r = text(s->buf.substr(s->pos, take));
    s->pos += take;
    return r;
}

Ref read_line(StringIO* s, int64_t limit) {
    if (s->pos >= s->buf.size()) return str_new("");
    size_t end = line_end(s, s->pos);
    if (limit >= 0) end = std::min(end, s->pos + static_cast<size_t>(limit));
    Ref r = text(s->buf.substr(s->pos, end - s->pos));
    s->pos = end;
    return r;
}

Ref sio_readline(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readline", nargs - 1, kw, 0, 1);
    return read_line(Methods::open(args[0]), io_size_arg(args, nargs));
}

Ref sio_readlines(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("readlines", nargs - 1, kw, 0, 1);
    StringIO* s = Methods::open(args[0]);
    int64_t hint = io_size_arg(args, nargs);
    Ref lines = list_new();
    size_t start = s->pos;
    while (s->pos < s->buf.size()) {
        list_append(lines.get(), read_line(s, -1).get());
        if (hint > 0 && s->pos - start >= static_cast<size_t>(hint)) break;  // as IOBase.readlines(hint)
    }
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
    if (name->utf8 == "newlines") return newlines_seen(static_cast<StringIO*>(o));
    if (name->utf8 == "encoding" || name->utf8 == "errors") return Ref::borrow(None);
    return Methods::getattr(o, name);
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
    {"__init__", Methods::init<sio_setup>, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__getstate__", sio_getstate, nullptr},
    {"__setstate__", sio_setstate, nullptr},
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
    Methods::give_attribute_dict(t);
    t.construct = Methods::construct<sio_setup, &stringio_type>;
    t.iter = sio_iter;
    t.next = sio_next;
    t.getattr = sio_getattr;
    t.methods = kStringIOMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    t.heads_subclass_instances = true;
    init_type(&t);
    add_io_base_defaults(&t, IoBaseKind::kText);
    allow_weak_references(&t);
}

}  // namespace minipy
