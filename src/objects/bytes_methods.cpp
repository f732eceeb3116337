// bytes_methods.cpp — the methods of bytes and bytearray (searching, splitting, joining, the
// bytearray mutators) and both types' method tables; the ASCII text methods are in
// bytes_ascii_methods.cpp. One implementation serves both types: each reads a copy of self's bytes
// and builds its result with self's type, as CPython's bytes_methods.c.
#include "objects/bytes_methods.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;
constexpr const char* kWhitespace = " \t\n\r\x0b\x0c";

Object* not_none(Object* o) { return o && o != None ? o : nullptr; }

// Checks the arguments of a positional-only method (check_bytes_positional) and copies them into
// `a`: a[0] is self, absent optionals up to a[max] null.
void positional(const char* fname, Args args, size_t nargs, Tuple* kw, size_t min, size_t max, Object** a) {
    check_bytes_positional(fname, args, nargs, kw, min, max);
    for (size_t i = 0; i <= max; ++i) a[i] = i < nargs ? args[i] : nullptr;
}

Ref bytes_decode_method(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "encoding", "errors"};
    Object* a[3];
    bind_bytes_method("decode", args, nargs, kw, names, 0, a);
    return bytes_decode(bytes_like_data(a[0]), a[1], a[2]);
}

// hex(sep=<none>, bytes_per_sep=1); bytes_per_sep must fit a C int, as CPython's clinic says.
Ref bytes_hex(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "sep", "bytes_per_sep"};
    Object* a[3];
    bind_bytes_method("hex", args, nargs, kw, names, 0, a);
    int64_t per_sep = a[2] ? as_index(a[2]) : 1;
    if (per_sep < INT32_MIN || per_sep > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    return str_new(hex_with_separator(bytes_like_data(a[0]), a[1], static_cast<int>(per_sep), false));
}

Ref bytes_fromhex(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("fromhex", args, nargs, kw, 1, 1, a);
    const std::string& text = expect_str(a[1], "fromhex() argument")->utf8;
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (std::strchr(" \t\n\r\v\f", text[i]) && text[i]) {  // ASCII whitespace, skipped since 3.7
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
    // A subclass gets cls(the bytes), so its own __new__ and __init__ run (CPython's fromhex).
    Ref result = bytes_of_type(static_cast<Type*>(a[0]), out);
    if (a[0] == &bytes_type || a[0] == &bytearray_type) return result;
    return call1(a[0], result.get());
}

// The [start, end) window of optional slice-style arguments.
std::string_view window(const std::string& data, Object* start, Object* end, size_t* offset) {
    auto n = static_cast<int64_t>(data.size());
    int64_t s = not_none(start) ? slice_bound(start) : 0, e = not_none(end) ? slice_bound(end) : n;
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

// The `sub` of find, count and index: a byte value or a bytes-like object.
std::string sub_arg(Object* o) {
    if (is_int(o)) return std::string(1, static_cast<char>(byte_value(o)));
    if (!exports_buffer(o))
        raise(&TypeError_type,
              format("argument should be integer or bytes-like object, not '%s'", type_of(o)->name.c_str()));
    return bytes_like_data(o);
}

// Binds (self, sub[, start[, end]]) into `a` and returns the window of self's bytes that `data`
// holds; `offset` is npos when the window starts past the end.
// These methods parse their arguments the older way (PyArg_ParseTuple), whose texts differ from
// the other methods'.
std::string_view search_args(const char* fname, Args args, size_t nargs, Tuple* kw, Object** a,
                             std::string& data, size_t* offset) {
    if (kw && kw->size)
        check_bytes_positional(fname, args, nargs, kw, 1, 3);  // "bytes.find() takes no keyword..."
    if (nargs < 2)
        raise(&TypeError_type, format("%s() takes at least 1 argument (%zu given)", fname, nargs - 1));
    if (nargs > 4)
        raise(&TypeError_type, format("%s() takes at most 3 arguments (%zu given)", fname, nargs - 1));
    for (size_t i = 0; i < 4; ++i) a[i] = i < nargs ? args[i] : nullptr;
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

Ref index_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool reverse) {
    int64_t i = find_impl(fname, args, nargs, kw, reverse);
    if (i < 0) raise(&ValueError_type, "subsection not found");
    return int_from_i64(i);
}

Ref bytes_index(Object*, Args args, size_t nargs, Tuple* kw) {
    return index_impl("index", args, nargs, kw, false);
}
Ref bytes_rindex(Object*, Args args, size_t nargs, Tuple* kw) {
    return index_impl("rindex", args, nargs, kw, true);
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

// removeprefix(prefix, /) and removesuffix(suffix, /).
Ref remove_affix(const char* fname, Args args, size_t nargs, Tuple* kw, bool suffix) {
    check_bytes_positional(fname, args, nargs, kw, 1, 1);
    std::string data = bytes_like_data(args[0]), affix = bytes_like_data(args[1]);
    bool found = affix.size() <= data.size() &&
                 data.compare(suffix ? data.size() - affix.size() : 0, affix.size(), affix) == 0;
    if (!found || affix.empty()) return bytes_result_or_self(args[0], data, true);
    return bytes_result(args[0],
                        suffix ? data.substr(0, data.size() - affix.size()) : data.substr(affix.size()));
}

Ref bytes_removeprefix(Object*, Args args, size_t nargs, Tuple* kw) {
    return remove_affix("removeprefix", args, nargs, kw, false);
}
Ref bytes_removesuffix(Object*, Args args, size_t nargs, Tuple* kw) {
    return remove_affix("removesuffix", args, nargs, kw, true);
}

// partition(sep, /) splits at the first sep, rpartition at the last. As CPython, bytes puts the
// sep object itself in the middle, bytearray a bytearray copy; when sep is missing, the whole
// (bytes: self itself) goes first (partition) or last (rpartition) beside two empty results.
Ref partition_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool reverse) {
    check_bytes_positional(fname, args, nargs, kw, 1, 1);
    Object* self = args[0];
    std::string data = bytes_like_data(self), sep = bytes_like_data(args[1]);
    if (sep.empty()) raise(&ValueError_type, "empty separator");
    size_t at = reverse ? data.rfind(sep) : data.find(sep);
    Ref parts[3];
    if (at == std::string::npos) {
        Ref whole = bytes_result_or_self(self, data, true);
        parts[0] = reverse ? bytes_result(self, "") : whole;
        parts[1] = bytes_result(self, "");
        parts[2] = reverse ? whole : bytes_result(self, "");
    } else {
        parts[0] = bytes_result(self, data.substr(0, at));
        parts[1] = is_bytearray(self) ? bytearray_new(sep) : Ref::borrow(args[1]);
        parts[2] = bytes_result(self, data.substr(at + sep.size()));
    }
    Object* items[3] = {parts[0].get(), parts[1].get(), parts[2].get()};
    return tuple_from(items, 3);
}

Ref bytes_partition(Object*, Args args, size_t nargs, Tuple* kw) {
    return partition_impl("partition", args, nargs, kw, false);
}
Ref bytes_rpartition(Object*, Args args, size_t nargs, Tuple* kw) {
    return partition_impl("rpartition", args, nargs, kw, true);
}

Ref bytes_split(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "sep", "maxsplit"};
    Object* a[3];
    bind_bytes_method("split", args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    int64_t maxsplit = a[2] ? as_index(a[2]) : -1;
    Ref result = list_new();
    if (!not_none(a[1])) {
        size_t i = data.find_first_not_of(kWhitespace);
        while (i != std::string::npos) {
            size_t end = maxsplit == 0 ? std::string::npos : data.find_first_of(kWhitespace, i);
            if (end == std::string::npos) end = data.size();
            list_append(result.get(), bytes_result(a[0], data.substr(i, end - i)).get());
            if (maxsplit > 0) --maxsplit;
            i = data.find_first_not_of(kWhitespace, end);
        }
        return result;
    }
    std::string sep = bytes_like_data(a[1]);
    if (sep.empty()) raise(&ValueError_type, "empty separator");
    size_t start = 0;
    for (size_t p; maxsplit != 0 && (p = data.find(sep, start)) != std::string::npos; --maxsplit) {
        list_append(result.get(), bytes_result(a[0], data.substr(start, p - start)).get());
        start = p + sep.size();
    }
    list_append(result.get(), bytes_result(a[0], data.substr(start)).get());
    return result;
}

// rsplit(sep=None, maxsplit=-1): split's pieces, with at most maxsplit splits made from the right.
Ref bytes_rsplit(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "sep", "maxsplit"};
    Object* a[3];
    bind_bytes_method("rsplit", args, nargs, kw, names, 0, a);
    std::string data = bytes_like_data(a[0]);
    int64_t maxsplit = a[2] ? as_index(a[2]) : -1;
    std::vector<std::string> pieces;  // right to left
    if (!not_none(a[1])) {
        // `last` is the last byte of the next piece; once maxsplit splits are made, the piece is
        // all that is left, its leading whitespace kept (as split keeps the trailing).
        size_t last = data.find_last_not_of(kWhitespace);
        while (last != std::string::npos) {
            size_t space = maxsplit == 0 ? std::string::npos : data.find_last_of(kWhitespace, last);
            size_t first = space == std::string::npos ? 0 : space + 1;
            pieces.push_back(data.substr(first, last + 1 - first));
            if (space == std::string::npos) break;
            if (maxsplit > 0) --maxsplit;
            last = data.find_last_not_of(kWhitespace, space);
        }
    } else {
        std::string sep = bytes_like_data(a[1]);
        if (sep.empty()) raise(&ValueError_type, "empty separator");
        size_t end = data.size();
        for (size_t p; maxsplit != 0 && end >= sep.size() &&
                       (p = data.rfind(sep, end - sep.size())) != std::string::npos;
             --maxsplit) {
            pieces.push_back(data.substr(p + sep.size(), end - p - sep.size()));
            end = p;
        }
        pieces.push_back(data.substr(0, end));
    }
    Ref result = list_new();
    for (auto piece = pieces.rbegin(); piece != pieces.rend(); ++piece)
        list_append(result.get(), bytes_result(a[0], *piece).get());
    return result;
}

// splitlines(keepends=False): the lines ended by \n, \r or \r\n (the only line breaks of bytes).
Ref bytes_splitlines(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "keepends"};
    Object* a[2];
    bind_bytes_method("splitlines", args, nargs, kw, names, 0, a);
    bool keepends = a[1] && as_index(a[1]) != 0;
    std::string data = bytes_like_data(a[0]);
    Ref result = list_new();
    for (size_t start = 0; start < data.size();) {
        size_t end = data.find_first_of("\r\n", start), next = end;
        if (end == std::string::npos)
            end = next = data.size();
        else
            next += data.compare(end, 2, "\r\n") == 0 ? 2 : 1;
        list_append(result.get(),
                    bytes_result(a[0], data.substr(start, (keepends ? next : end) - start)).get());
        start = next;
    }
    return result;
}

Ref bytes_join(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("join", args, nargs, kw, 1, 1, a);
    std::string sep = bytes_like_data(a[0]), out;
    if (!type_of(a[1])->iter) raise(&TypeError_type, "can only join an iterable");
    size_t index = 0;
    for_each_item(a[1], [&](Object* item) {
        if (!exports_buffer(item))
            raise(&TypeError_type, format("sequence item %zu: expected a bytes-like object, %s found", index,
                                          type_of(item)->name.c_str()));
        if (index++) out += sep;
        out += bytes_like_data(item);
    });
    return bytes_result(a[0], out);
}

Ref strip_impl(const char* fname, Args args, size_t nargs, Tuple* kw, bool left, bool right) {
    Object* a[2];
    positional(fname, args, nargs, kw, 0, 1, a);
    std::string data = bytes_like_data(a[0]);
    std::string chars = not_none(a[1]) ? bytes_like_data(a[1]) : std::string(kWhitespace);
    size_t from = left ? data.find_first_not_of(chars) : 0;
    if (from == std::string::npos) return bytes_result(a[0], "");
    size_t to = right ? data.find_last_not_of(chars) + 1 : data.size();
    // Nothing stripped from an exact bytes object: CPython hands back the object itself.
    if (from == 0 && to == data.size() && type_of(a[0]) == &bytes_type) return Ref::borrow(a[0]);
    return bytes_result(a[0], data.substr(from, to - from));
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
    Object* a[4];
    positional("replace", args, nargs, kw, 2, 3, a);
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
    return bytes_result(a[0], out);
}

// bytes.translate(table, /, delete=b''): each byte mapped through a 256-byte table (None: kept),
// the bytes in `delete` dropped first. re's compiler uses it to build its character-set bitmaps.
Ref bytes_translate(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "table", "delete"};
    Object* a[3];
    if (nargs < 2) raise(&TypeError_type, "translate() takes at least 1 positional argument (0 given)");
    bind_bytes_method("translate", args, nargs, kw, names, 1, a);
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
    return bytes_result(a[0], out);
}

// bytes.maketrans(frm, to): the 256-byte table for translate() that maps each byte of frm to the
// byte of `to` at the same place (typing imports it at start-up; base64 builds its alphabets with it).
Ref bytes_maketrans(Object*, Args args, size_t nargs, Tuple* kw) {
    // A static method cannot tell bytes.maketrans from bytearray.maketrans; the text names bytes.
    if (kw && kw->size) raise_no_kwargs("bytes.maketrans");
    check_positional("maketrans", nargs, nullptr, 2, 2);
    std::string from = bytes_like_data(args[0]), to = bytes_like_data(args[1]);
    if (from.size() != to.size()) raise(&ValueError_type, "maketrans arguments must have same length");
    std::string table(256, '\0');
    for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
    for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
    return bytes_new(table);
}

// ---- bytearray only: mutations under the object's lock ----
ByteArray* self_array(Object* o) { return static_cast<ByteArray*>(o); }

Ref bytearray_append(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("append", args, nargs, kw, 1, 1, a);
    unsigned char byte = byte_value(a[1]);
    CriticalSection cs(self_array(a[0])->mutex);
    check_resize(self_array(a[0]), self_array(a[0])->data.size() + 1);
    self_array(a[0])->data.push_back(static_cast<char>(byte));
    return Ref::borrow(None);
}

Ref bytearray_extend(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("extend", args, nargs, kw, 1, 1, a);
    // A buffer's bytes, else the items of an iterable of ints (3.11 iterates a str too, and its first
    // item is "not an integer").
    std::string extra;
    if (exports_buffer(a[1])) {
        extra = bytes_like_data(a[1]);
    } else {
        Ref items;
        try {
            items = get_iter(a[1]);
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &TypeError_type)) throw;
            raise(&TypeError_type, format("can't extend bytearray with %s", type_of(a[1])->name.c_str()));
        }
        for_each_item(items.get(),
                      [&](Object* item) { extra.push_back(static_cast<char>(byte_value(item))); });
    }
    CriticalSection cs(self_array(a[0])->mutex);
    check_resize(self_array(a[0]), self_array(a[0])->data.size() + extra.size());
    self_array(a[0])->data += extra;
    return Ref::borrow(None);
}

Ref bytearray_insert(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[3];
    positional("insert", args, nargs, kw, 2, 2, a);
    int64_t i = as_index(a[1]);
    unsigned char byte = byte_value(a[2]);
    ByteArray* self = self_array(a[0]);
    CriticalSection cs(self->mutex);
    auto n = static_cast<int64_t>(self->data.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    check_resize(self, self->data.size() + 1);
    self->data.insert(self->data.begin() + std::min(i, n), static_cast<char>(byte));
    return Ref::borrow(None);
}

Ref bytearray_pop(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("pop", args, nargs, kw, 0, 1, a);
    int64_t i = a[1] ? as_index(a[1]) : -1;
    ByteArray* self = self_array(a[0]);
    CriticalSection cs(self->mutex);
    auto n = static_cast<int64_t>(self->data.size());
    if (n == 0) raise(&IndexError_type, "pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(&IndexError_type, "pop index out of range");
    auto byte = static_cast<unsigned char>(self->data[i]);
    check_resize(self, self->data.size() - 1);
    self->data.erase(static_cast<size_t>(i), 1);
    return int_from_i64(byte);
}

Ref bytearray_clear(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[1];
    positional("clear", args, nargs, kw, 0, 0, a);
    CriticalSection cs(self_array(a[0])->mutex);
    check_resize(self_array(a[0]), 0);
    self_array(a[0])->data.clear();
    return Ref::borrow(None);
}

Ref bytearray_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[1];
    positional("copy", args, nargs, kw, 0, 0, a);
    return bytearray_new(bytes_like_data(a[0]));
}

// bytearray's __reduce__ and __reduce_ex__(proto): (type, args, __getstate__'s state), the args
// being () when empty, (text, 'latin-1') below protocol 3 (Python 2's reading), else (bytes,).
Ref reduce_bytearray(Object* self, int64_t protocol) {
    Ref state = call0(get_attr(self, intern("__getstate__")).get());
    std::string data = bytes_like_data(self);
    Ref args;
    if (data.empty()) {
        args = tuple_from(nullptr, 0);
    } else if (protocol < 3) {
        std::string latin1;
        for (char c : data) utf8_append(latin1, static_cast<unsigned char>(c));
        Ref text = str_new(latin1), codec = str_new("latin-1");
        Object* pair[2] = {text.get(), codec.get()};
        args = tuple_from(pair, 2);
    } else {
        Ref bytes = bytes_new(data);
        Object* item = bytes.get();
        args = tuple_from(&item, 1);
    }
    Object* parts[3] = {type_of(self), args.get(), state.get()};
    return tuple_from(parts, 3);
}

Ref bytearray_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[1];
    positional("__reduce__", args, nargs, kw, 0, 0, a);
    return reduce_bytearray(a[0], 2);
}

Ref bytearray_reduce_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[2];
    positional("__reduce_ex__", args, nargs, kw, 0, 1, a);
    return reduce_bytearray(a[0], nargs > 1 ? as_c_int(a[1]) : 0);
}

Ref bytearray_reverse(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* a[1];
    positional("reverse", args, nargs, kw, 0, 0, a);
    CriticalSection cs(self_array(a[0])->mutex);
    std::reverse(self_array(a[0])->data.begin(), self_array(a[0])->data.end());
    return Ref::borrow(None);
}

Ref bytearray_remove(Object*, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional("remove", args, nargs, kw, 1, 1);
    auto byte = static_cast<char>(byte_value(args[1]));
    ByteArray* self = self_array(args[0]);
    CriticalSection cs(self->mutex);
    size_t at = self->data.find(byte);
    if (at == std::string::npos) raise(&ValueError_type, "value not found in bytearray");
    check_resize(self, self->data.size() - 1);
    self->data.erase(at, 1);
    return Ref::borrow(None);
}

// The bytes the buffer holds, counting the terminating NUL that std::string keeps as CPython's
// bytearray does; 0 for a bytearray that never held anything, as CPython's.
Ref bytearray_alloc(Object*, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional("__alloc__", args, nargs, kw, 0, 0);
    ByteArray* self = self_array(args[0]);
    CriticalSection cs(self->mutex);
    return int_from_i64(self->data.empty() ? 0 : static_cast<int64_t>(self->data.capacity()) + 1);
}

// ---- bytes only ----

// bytes(b) for a subclass instance; an exact bytes is its own copy.
Ref bytes_bytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional("__bytes__", args, nargs, kw, 0, 0);
    return bytes_result_or_self(args[0], bytes_data(args[0]), true);
}

// pickle's protocol 2 rebuilds a bytes subclass instance with cls.__new__(cls, bytes(self)).
Ref bytes_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional("__getnewargs__", args, nargs, kw, 0, 0);
    Ref copy = bytes_result_or_self(args[0], bytes_data(args[0]), true);
    Object* item = copy.get();
    return tuple_from(&item, 1);
}

// The methods bytes and bytearray share, besides bytes_ascii_methods.
const MethodDef kSharedMethods[] = {
    {"decode", bytes_decode_method, "Decode the bytes using the codec registered for encoding."},
    {"hex", bytes_hex, "Create a string of hexadecimal numbers from the bytes."},
    {"fromhex", bytes_fromhex, "Create an object from a string of hexadecimal numbers.", MethodKind::Class},
    {"find", bytes_find, "Lowest index of sub, or -1."},
    {"rfind", bytes_rfind, "Highest index of sub, or -1."},
    {"index", bytes_index, "Like find, raising ValueError when not found."},
    {"rindex", bytes_rindex, "Like rfind, raising ValueError when not found."},
    {"count", bytes_count, "Number of non-overlapping occurrences of sub."},
    {"startswith", bytes_startswith, "Whether the data starts with prefix."},
    {"endswith", bytes_endswith, "Whether the data ends with suffix."},
    {"removeprefix", bytes_removeprefix, "The data without prefix, when it starts with it."},
    {"removesuffix", bytes_removesuffix, "The data without suffix, when it ends with it."},
    {"partition", bytes_partition, "(before, sep, after) around the first sep."},
    {"rpartition", bytes_rpartition, "(before, sep, after) around the last sep."},
    {"split", bytes_split, "A list of the sections, using sep as the delimiter."},
    {"rsplit", bytes_rsplit, "A list of the sections, using sep as the delimiter, splitting from the right."},
    {"splitlines", bytes_splitlines, "A list of the lines, breaking at line boundaries."},
    {"join", bytes_join, "Concatenate any number of bytes objects."},
    {"strip", bytes_strip, "Strip leading and trailing bytes contained in the argument."},
    {"lstrip", bytes_lstrip, "Strip leading bytes contained in the argument."},
    {"rstrip", bytes_rstrip, "Strip trailing bytes contained in the argument."},
    {"replace", bytes_replace, "Return a copy with occurrences of old replaced by new."},
    {"translate", bytes_translate,
     "Return a copy with each character mapped by the given translation table."},
    {"maketrans", bytes_maketrans,
     "Return a translation table usable for the bytes or bytearray translate method.", MethodKind::Static},
    {nullptr, nullptr, nullptr},
};

const MethodDef kBytesOnly[] = {
    {"__bytes__", bytes_bytes, "Convert this value to exact type bytes."},
    {"__getnewargs__", bytes_getnewargs, "The arguments pickle passes to __new__."},
    {nullptr, nullptr, nullptr},
};

const MethodDef kByteArrayOnly[] = {
    {"append", bytearray_append, "Append a single item to the end of the bytearray."},
    {"extend", bytearray_extend, "Append all the items from the iterator or sequence to the end."},
    {"insert", bytearray_insert, "Insert a single item into the bytearray before the given index."},
    {"pop", bytearray_pop, "Remove and return a single item (default last)."},
    {"remove", bytearray_remove, "Remove the first occurrence of a value in the bytearray."},
    {"clear", bytearray_clear, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, "Return a copy of the bytearray."},
    {"reverse", bytearray_reverse, "Reverse the order of the values in place."},
    {"__alloc__", bytearray_alloc, "The number of bytes actually allocated."},
    {"__reduce__", bytearray_reduce, "Return state information for pickling."},
    {"__reduce_ex__", bytearray_reduce_ex, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

// One type's table: the shared methods, the ASCII ones, then that type's own.
std::vector<MethodDef> method_table(const MethodDef* own) {
    std::vector<MethodDef> table;
    for (const MethodDef* part : {kSharedMethods, bytes_ascii_methods, own})
        for (const MethodDef* d = part; d->name; ++d) table.push_back(*d);
    table.push_back({nullptr, nullptr, nullptr});
    return table;
}

}  // namespace

const MethodDef* bytes_method_table() {
    static const std::vector<MethodDef> table = method_table(kBytesOnly);
    return table.data();
}

const MethodDef* bytearray_method_table() {
    static const std::vector<MethodDef> table = method_table(kByteArrayOnly);
    return table.data();
}

}  // namespace minipy
