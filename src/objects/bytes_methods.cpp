// bytes_methods.cpp — the methods of bytes and bytearray. One implementation serves both: each
// reads a copy of self's bytes and builds its result with self's type, as CPython's bytes_methods.c.
#include <algorithm>
#include <cctype>
#include <vector>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;
constexpr const char* kWhitespace = " \t\n\r\x0b\x0c";

// Binds self and the named parameters; out[0] is self, absent optionals are null.
template <size_t N>
void bind(const char* fname, Args args, size_t nargs, Tuple* kw, const char* const (&names)[N],
          size_t required, Object** out) {
    bind_args(fname, args, nargs, kw, names, N, required + 1, out);
}

Ref make(Object* self, std::string_view data) { return bytes_of_type(type_of(self), data); }

Object* not_none(Object* o) { return o && o != None ? o : nullptr; }

Ref bytes_decode_method(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "encoding", "errors"};
    Object* a[3];
    bind("decode", args, nargs, kw, names, 0, a);
    return bytes_decode(bytes_like_data(a[0]), a[1], a[2]);
}

// hex(sep=<none>, bytes_per_sep=1); bytes_per_sep must fit a C int, as CPython's clinic says.
Ref bytes_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "sep", "bytes_per_sep"};
    Object* a[3];
    bind("hex", args, nargs, kw, names, 0, a);
    int64_t per_sep = a[2] ? as_index(a[2]) : 1;
    if (per_sep < INT32_MIN || per_sep > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    return str_new(hex_with_separator(bytes_like_data(a[0]), a[1], static_cast<int>(per_sep), false));
}

Ref bytes_fromhex(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"cls", "string"};
    Object* a[2];
    bind("fromhex", args, nargs, kw, names, 1, a);
    const std::string& text = expect_str(a[1], "fromhex() argument")->utf8;
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        if (i + 1 >= text.size() || !isxdigit(static_cast<unsigned char>(text[i])) ||
            !isxdigit(static_cast<unsigned char>(text[i + 1]))) {
            size_t bad = isxdigit(static_cast<unsigned char>(text[i])) ? i + 1 : i;
            raise(&ValueError_type, format("non-hexadecimal number found in fromhex() arg at position %zu",
                                           std::min(bad, text.size())));
        }
        out.push_back(static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16)));
        i += 2;
    }
    return bytes_of_type(static_cast<Type*>(a[0]), out);
}

// The [start, end) window of optional slice-style arguments.
std::string_view window(const std::string& data, Object* start, Object* end, size_t* offset) {
    auto n = static_cast<int64_t>(data.size());
    int64_t s = not_none(start) ? as_index(start) : 0, e = not_none(end) ? as_index(end) : n;
    if (s < 0) s = std::max<int64_t>(0, s + n);
    if (e < 0) e = std::max<int64_t>(0, e + n);
    e = std::min(e, n);
    if (s > n || e < s) {
        *offset = std::string::npos;
        return {};
    }
    *offset = static_cast<size_t>(s);
    return std::string_view(data).substr(s, e - s);
}

std::string sub_arg(Object* o) {
    if (is_int(o)) return std::string(1, static_cast<char>(byte_value(o)));
    return bytes_like_data(o);
}

// Binds (self, sub[, start[, end]]) into `a` and returns the window of self's bytes that `data`
// holds; `offset` is npos when the window starts past the end.
std::string_view search_args(const char* fname, Args args, size_t nargs, Tuple* kw, Object** a,
                             std::string& data, size_t* offset) {
    static const char* const names[] = {"self", "sub", "start", "end"};
    bind(fname, args, nargs, kw, names, 1, a);
    data = bytes_like_data(a[0]);
    return window(data, a[2], a[3], offset);
}

int64_t find_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool reverse) {
    Object* a[4];
    std::string data;
    size_t offset;
    std::string_view hay = search_args(fname, args, nargs, kw, a, data, &offset);
    if (offset == std::string::npos) return -1;
    std::string sub = sub_arg(a[1]);
    size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
    return pos == std::string_view::npos ? -1 : static_cast<int64_t>(offset + pos);
}

Ref bytes_find(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(find_impl("find", args, nargs, kw, false));
}
Ref bytes_rfind(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(find_impl("rfind", args, nargs, kw, true));
}

Ref bytes_index(Object*, Args args, size_t nargs, Tuple* kw) {
    int64_t i = find_impl("index", args, nargs, kw, false);
    if (i < 0) raise(&ValueError_type, "subsection not found");
    return int_from_i64(i);
}

Ref bytes_count(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[4];
    std::string data;
    size_t offset;
    std::string_view hay = search_args("count", args, nargs, kw, a, data, &offset);
    if (offset == std::string::npos) return int_from_i64(0);
    std::string sub = sub_arg(a[1]);
    if (sub.empty()) return int_from_i64(static_cast<int64_t>(hay.size()) + 1);
    int64_t n = 0;
    for (size_t p = hay.find(sub); p != std::string_view::npos; p = hay.find(sub, p + sub.size())) ++n;
    return int_from_i64(n);
}

Ref affix_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool suffix) {
    Object* a[4];
    std::string data;
    size_t offset;
    std::string_view hay = search_args(fname, args, nargs, kw, a, data, &offset);
    if (offset == std::string::npos) return Ref::borrow(False);
    auto test = [&](Object* affix) {
        if (!is_bytes_like(affix))
            raise(&TypeError_type, format("%s first arg must be bytes or a tuple of bytes, not %s", fname,
                                          type_of(affix)->name.c_str()));
        std::string x = bytes_like_data(affix);
        return x.size() <= hay.size() &&
               (suffix ? hay.substr(hay.size() - x.size()) : hay.substr(0, x.size())) == x;
    };
    if (type_of(a[1]) == &tuple_type) {
        Tuple* t = as_tuple(a[1]);
        for (size_t i = 0; i < t->size; ++i)
            if (test(t->items[i])) return Ref::borrow(True);
        return Ref::borrow(False);
    }
    return Ref::borrow(bool_obj(test(a[1])));
}

Ref bytes_startswith(Object*, Args args, size_t nargs, Tuple* kw) {
    return affix_impl("startswith", args, nargs, kw, false);
}
Ref bytes_endswith(Object*, Args args, size_t nargs, Tuple* kw) {
    return affix_impl("endswith", args, nargs, kw, true);
}

Ref bytes_split(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "sep", "maxsplit"};
    Object* a[3];
    bind("split", args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    int64_t maxsplit = a[2] ? as_index(a[2]) : -1;
    Ref result = list_new();
    if (!not_none(a[1])) {
        size_t i = data.find_first_not_of(kWhitespace);
        while (i != std::string::npos) {
            size_t end = maxsplit == 0 ? std::string::npos : data.find_first_of(kWhitespace, i);
            if (end == std::string::npos) end = data.find_last_not_of(kWhitespace) + 1;
            list_append(result.get(), make(a[0], data.substr(i, end - i)).get());
            if (maxsplit > 0) --maxsplit;
            i = data.find_first_not_of(kWhitespace, end);
        }
        return result;
    }
    std::string sep = bytes_like_data(a[1]);
    if (sep.empty()) raise(&ValueError_type, "empty separator");
    size_t start = 0;
    for (size_t p; maxsplit != 0 && (p = data.find(sep, start)) != std::string::npos; --maxsplit) {
        list_append(result.get(), make(a[0], data.substr(start, p - start)).get());
        start = p + sep.size();
    }
    list_append(result.get(), make(a[0], data.substr(start)).get());
    return result;
}

Ref bytes_join(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "iterable_of_bytes"};
    Object* a[2];
    bind("join", args, nargs, kw, names, 1, a);
    std::string sep = bytes_like_data(a[0]), out;
    if (!type_of(a[1])->iter) raise(&TypeError_type, "can only join an iterable");
    size_t index = 0;
    for_each_item(a[1], [&](Object* item) {
        if (!is_bytes_like(item))
            raise(&TypeError_type, format("sequence item %zu: expected a bytes-like object, %s found", index,
                                          type_of(item)->name.c_str()));
        if (index++) out += sep;
        out += bytes_like_data(item);
    });
    return make(a[0], out);
}

Ref strip_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool left, bool right) {
    static const char* const names[] = {"self", "bytes"};
    Object* a[2];
    bind(fname, args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    std::string chars = not_none(a[1]) ? bytes_like_data(a[1]) : std::string(kWhitespace);
    size_t from = left ? data.find_first_not_of(chars) : 0;
    if (from == std::string::npos) return make(a[0], "");
    size_t to = right ? data.find_last_not_of(chars) + 1 : data.size();
    return make(a[0], data.substr(from, to - from));
}

Ref bytes_strip(Object*, Args args, size_t nargs, Tuple* kw) {
    return strip_impl("strip", args, nargs, kw, true, true);
}
Ref bytes_lstrip(Object*, Args args, size_t nargs, Tuple* kw) {
    return strip_impl("lstrip", args, nargs, kw, true, false);
}
Ref bytes_rstrip(Object*, Args args, size_t nargs, Tuple* kw) {
    return strip_impl("rstrip", args, nargs, kw, false, true);
}

Ref bytes_replace(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "old", "new", "count"};
    Object* a[4];
    bind("replace", args, nargs, kw, names, 2, a);
    std::string data = bytes_like_data(a[0]), old = bytes_like_data(a[1]), repl = bytes_like_data(a[2]), out;
    int64_t count = a[3] ? as_index(a[3]) : -1;
    size_t pos = 0;
    while (count != 0 && pos <= data.size()) {
        size_t hit = old.empty() ? pos : data.find(old, pos);
        if (hit == std::string::npos) break;
        out.append(data, pos, hit - pos);
        out += repl;
        if (old.empty()) {
            if (hit < data.size()) out += data[hit];
            pos = hit + 1;
        } else {
            pos = hit + old.size();
        }
        --count;
    }
    if (pos < data.size()) out.append(data, pos);
    return make(a[0], out);
}

// bytes.translate(table, /, delete=b''): each byte mapped through a 256-byte table (None: kept),
// the bytes in `delete` dropped first. re's compiler uses it to build its character-set bitmaps.
Ref bytes_translate(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "table", "delete"};
    Object* a[3];
    bind("translate", args, nargs, kw, names, 1, a);
    std::string table;
    if (a[1] != None) {
        table = bytes_like_data(a[1]);
        if (table.size() != 256) raise(&ValueError_type, "translation table must be 256 characters long");
    }
    std::string remove;
    if (a[2]) {
        remove = bytes_like_data(a[2]);
    }
    std::string data = bytes_like_data(a[0]), out;
    out.reserve(data.size());
    for (char c : data) {
        if (remove.find(c) != std::string::npos) continue;
        out.push_back(table.empty() ? c : table[static_cast<unsigned char>(c)]);
    }
    return make(a[0], out);
}

// bytes.maketrans(frm, to): the 256-byte table for translate() that maps each byte of frm to the
// byte of `to` at the same place (typing imports it at start-up; base64 builds its alphabets with it).
Ref bytes_maketrans(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("maketrans", nargs, kw, 2, 2);
    std::string from = bytes_like_data(args[0]), to = bytes_like_data(args[1]);
    if (from.size() != to.size()) raise(&ValueError_type, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
    for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
    return bytes_new(table);
}

template <int (*Map)(int)>
Ref map_bytes(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self"};
    Object* a[1];
    bind(fname, args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    for (char& c : data) c = static_cast<char>(Map(static_cast<unsigned char>(c)));
    return make(a[0], data);
}

Ref bytes_upper(Object*, Args args, size_t nargs, Tuple* kw) {
    return map_bytes<toupper>("upper", args, nargs, kw);
}
Ref bytes_lower(Object*, Args args, size_t nargs, Tuple* kw) {
    return map_bytes<tolower>("lower", args, nargs, kw);
}

template <int (*Test)(int)>
Ref test_bytes(const char* fname, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self"};
    Object* a[1];
    bind(fname, args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    bool all = !data.empty();
    for (char c : data) all = all && Test(static_cast<unsigned char>(c));
    return Ref::borrow(bool_obj(all));
}

Ref bytes_isdigit(Object*, Args args, size_t nargs, Tuple* kw) {
    return test_bytes<isdigit>("isdigit", args, nargs, kw);
}
Ref bytes_isalpha(Object*, Args args, size_t nargs, Tuple* kw) {
    return test_bytes<isalpha>("isalpha", args, nargs, kw);
}
Ref bytes_isspace(Object*, Args args, size_t nargs, Tuple* kw) {
    return test_bytes<isspace>("isspace", args, nargs, kw);
}

// ---- bytearray only: mutations under the object's lock ----
ByteArray* self_array(Object* o) { return static_cast<ByteArray*>(o); }

Ref bytearray_append(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "item"};
    Object* a[2];
    bind("append", args, nargs, kw, names, 1, a);
    unsigned char byte = byte_value(a[1]);
    CriticalSection cs(self_array(a[0])->mutex);
    self_array(a[0])->data.push_back(static_cast<char>(byte));
    return Ref::borrow(None);
}

Ref bytearray_extend(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "iterable_of_ints"};
    Object* a[2];
    bind("extend", args, nargs, kw, names, 1, a);
    if (is_str(a[1])) raise(&TypeError_type, "expected iterable of integers; got: 'str'");
    std::string extra = bytes_from_args("bytearray", a[1], nullptr, nullptr);
    CriticalSection cs(self_array(a[0])->mutex);
    self_array(a[0])->data += extra;
    return Ref::borrow(None);
}

Ref bytearray_insert(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "index", "item"};
    Object* a[3];
    bind("insert", args, nargs, kw, names, 2, a);
    int64_t i = as_index(a[1]);
    unsigned char byte = byte_value(a[2]);
    ByteArray* self = self_array(a[0]);
    CriticalSection cs(self->mutex);
    auto n = static_cast<int64_t>(self->data.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    self->data.insert(self->data.begin() + std::min(i, n), static_cast<char>(byte));
    return Ref::borrow(None);
}

Ref bytearray_pop(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "index"};
    Object* a[2];
    bind("pop", args, nargs, kw, names, 0, a);
    int64_t i = a[1] ? as_index(a[1]) : -1;
    ByteArray* self = self_array(a[0]);
    CriticalSection cs(self->mutex);
    auto n = static_cast<int64_t>(self->data.size());
    if (n == 0) raise(&IndexError_type, "pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "pop index out of range");
    auto byte = static_cast<unsigned char>(self->data[i]);
    self->data.erase(static_cast<size_t>(i), 1);
    return int_from_i64(byte);
}

Ref bytearray_clear(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self"};
    Object* a[1];
    bind("clear", args, nargs, kw, names, 0, a);
    CriticalSection cs(self_array(a[0])->mutex);
    self_array(a[0])->data.clear();
    return Ref::borrow(None);
}

Ref bytearray_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self"};
    Object* a[1];
    bind("copy", args, nargs, kw, names, 0, a);
    return bytearray_new(bytes_like_data(a[0]));
}

Ref bytearray_reverse(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self"};
    Object* a[1];
    bind("reverse", args, nargs, kw, names, 0, a);
    CriticalSection cs(self_array(a[0])->mutex);
    std::reverse(self_array(a[0])->data.begin(), self_array(a[0])->data.end());
    return Ref::borrow(None);
}

}  // namespace

const MethodDef bytes_methods[] = {
    {"decode", bytes_decode_method, "Decode the bytes using the codec registered for encoding."},
    {"hex", bytes_hex, "Create a string of hexadecimal numbers from the bytes."},
    {"fromhex", bytes_fromhex, "Create an object from a string of hexadecimal numbers.", MethodKind::Class},
    {"find", bytes_find, "Lowest index of sub, or -1."},
    {"rfind", bytes_rfind, "Highest index of sub, or -1."},
    {"index", bytes_index, "Like find, raising ValueError when not found."},
    {"count", bytes_count, "Number of non-overlapping occurrences of sub."},
    {"startswith", bytes_startswith, "Whether the data starts with prefix."},
    {"endswith", bytes_endswith, "Whether the data ends with suffix."},
    {"split", bytes_split, "A list of the sections, using sep as the delimiter."},
    {"join", bytes_join, "Concatenate any number of bytes objects."},
    {"strip", bytes_strip, "Strip leading and trailing bytes contained in the argument."},
    {"lstrip", bytes_lstrip, "Strip leading bytes contained in the argument."},
    {"rstrip", bytes_rstrip, "Strip trailing bytes contained in the argument."},
    {"replace", bytes_replace, "Return a copy with occurrences of old replaced by new."},
    {"upper", bytes_upper, "ASCII letters converted to uppercase."},
    {"translate", bytes_translate,
     "Return a copy with each character mapped by the given translation table."},
    {"maketrans", bytes_maketrans,
     "Return a translation table usable for the bytes or bytearray translate method.", MethodKind::Static},
    {"lower", bytes_lower, "ASCII letters converted to lowercase."},
    {"isdigit", bytes_isdigit, "Whether all bytes are ASCII digits."},
    {"isalpha", bytes_isalpha, "Whether all bytes are ASCII letters."},
    {"isspace", bytes_isspace, "Whether all bytes are ASCII whitespace."},
    {nullptr, nullptr, nullptr},
};

namespace {

const MethodDef kByteArrayOnly[] = {
    {"append", bytearray_append, "Append a single item to the end of the bytearray."},
    {"extend", bytearray_extend, "Append all the items from the iterator or sequence to the end."},
    {"insert", bytearray_insert, "Insert a single item into the bytearray before the given index."},
    {"pop", bytearray_pop, "Remove and return a single item (default last)."},
    {"clear", bytearray_clear, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, "Return a copy of the bytearray."},
    {"reverse", bytearray_reverse, "Reverse the order of the values in place."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

// bytearray's table: every bytes method, then the mutating ones; built once, on first use.
const MethodDef* bytearray_method_table() {
    static const std::vector<MethodDef> table = [] {
        std::vector<MethodDef> t;
        for (const MethodDef* d = bytes_methods; d->name; ++d) t.push_back(*d);
        for (const MethodDef* d = kByteArrayOnly; d->name; ++d) t.push_back(*d);
        t.push_back({nullptr, nullptr, nullptr});
        return t;
    }();
    return table.data();
}

}  // namespace minipy
