// str_methods.cpp — the methods of str (split, strip, find, replace, case mapping, padding, ...)
// with CPython 3.11's results and error texts. Character classes and case mappings come from the
// Unicode 14.0 tables of runtime/unicode_ctype.h; ASCII text takes byte-wise fast paths.
#include <algorithm>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/unicode_ctype.h"

namespace minipy {

namespace {

std::vector<uint32_t> code_points(const Str* s) {
    std::vector<uint32_t> out;
    out.reserve(s->length);
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();) out.push_back(utf8_decode(p));
    return out;
}

// ---- argument helpers ----
const Str* self_of(const char* name, Object* const* args, size_t nargs, Tuple* kwnames, size_t min,
                   size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs - 1 < min || nargs - 1 > max) {
        if (max == 0)
            raise(&TypeError_type, format("str.%s() takes no arguments (%zu given)", name, nargs - 1));
        raise_arg_count(name, min, max, nargs - 1);
    }
    return as_str(args[0]);
}

// find, rfind, index, rindex, count, startswith and endswith parse their arguments the older way
// (PyArg_ParseTuple), whose count errors read "find() takes at most 3 arguments (4 given)".
const Str* search_self(const char* name, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs < 2) raise(&TypeError_type, format("%s() takes at least 1 argument (0 given)", name));
    if (nargs > 4)
        raise(&TypeError_type, format("%s() takes at most 3 arguments (%zu given)", name, nargs - 1));
    return as_str(args[0]);
}

Object* opt(Object* const* args, size_t nargs, size_t i) {
    return i < nargs && args[i] != None ? args[i] : nullptr;
}

// The [start, end) window of optional slice-style arguments, as byte offsets into s.
void window(const Str* s, Object* const* args, size_t nargs, size_t first, size_t* from, size_t* to,
            bool* empty_window) {
    int64_t start = 0, end = s->length;
    if (Object* a = opt(args, nargs, first)) start = slice_bound(a);
    if (Object* b = opt(args, nargs, first + 1)) end = slice_bound(b);
    if (start < 0) start = std::max<int64_t>(0, start + s->length);
    if (end < 0) end = std::max<int64_t>(0, end + s->length);
    end = std::min(end, s->length);
    *empty_window = start > s->length;
    start = std::min(start, s->length);
    if (end < start) end = start;
    *from = str_byte_offset(s, start);
    *to = str_byte_offset(s, end);
}

int64_t cp_index(const Str* s, size_t byte_offset) {
    if (s->ascii) return static_cast<int64_t>(byte_offset);
    int64_t n = 0;
    for (size_t i = 0; i < byte_offset; ++i)
        if ((static_cast<unsigned char>(s->utf8[i]) & 0xC0) != 0x80) ++n;
    return n;
}

Ref new_int(int64_t v) { return int_from_i64(v); }

// ---- searching ----
int64_t find_impl(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool reverse) {
    const Str* s = search_self(name, args, nargs, kw);
    const Str* sub = expect_str(args[1], "");
    size_t from, to;
    bool empty;
    window(s, args, nargs, 2, &from, &to, &empty);
    if (empty) return -1;
    std::string_view hay = std::string_view(s->utf8).substr(from, to - from);
    size_t pos = reverse ? hay.rfind(sub->utf8) : hay.find(sub->utf8);
    if (pos == std::string_view::npos) return -1;
    return cp_index(s, from + pos);
}

Ref str_find(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return new_int(find_impl("find", args, nargs, kw, false));
}
Ref str_rfind(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return new_int(find_impl("rfind", args, nargs, kw, true));
}
Ref str_index(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    int64_t i = find_impl("index", args, nargs, kw, false);
    if (i < 0) raise(&ValueError_type, "substring not found");
    return new_int(i);
}
Ref str_rindex(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    int64_t i = find_impl("rindex", args, nargs, kw, true);
    if (i < 0) raise(&ValueError_type, "substring not found");
    return new_int(i);
}

Ref str_count(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = search_self("count", args, nargs, kw);
    const Str* sub = expect_str(args[1], "");
    size_t from, to;
    bool empty;
    window(s, args, nargs, 2, &from, &to, &empty);
    if (empty) return new_int(0);
    if (sub->utf8.empty()) return new_int(cp_index(s, to) - cp_index(s, from) + 1);
    int64_t n = 0;
    std::string_view hay = std::string_view(s->utf8).substr(from, to - from);
    for (size_t pos = hay.find(sub->utf8); pos != std::string_view::npos;
         pos = hay.find(sub->utf8, pos + sub->utf8.size()))
        ++n;
    return new_int(n);
}

Ref affix_impl(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool suffix) {
    const Str* s = search_self(name, args, nargs, kw);
    size_t from, to;
    bool empty;
    window(s, args, nargs, 2, &from, &to, &empty);
    std::string_view hay = std::string_view(s->utf8).substr(from, to - from);
    auto matches = [&](Object* o) {
        if (!is_instance(o, &str_type))
            raise(&TypeError_type, format("%s first arg must be str or a tuple of str, not %s", name,
                                          type_of(o)->name.c_str()));
        const std::string& a = str_utf8_of(o);
        if (empty || a.size() > hay.size()) return false;
        return suffix ? hay.substr(hay.size() - a.size()) == a : hay.substr(0, a.size()) == a;
    };
    if (type_of(args[1]) == &tuple_type) {
        Tuple* t = as_tuple(args[1]);
        for (size_t i = 0; i < t->size; ++i)
            if (matches(t->items[i])) return Ref::borrow(True);
        return Ref::borrow(False);
    }
    return Ref::borrow(bool_obj(matches(args[1])));
}

Ref str_startswith(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return affix_impl("startswith", args, nargs, kw, false);
}
Ref str_endswith(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return affix_impl("endswith", args, nargs, kw, true);
}

// ---- splitting and joining ----
Ref list_of_strs(const std::vector<std::string_view>& parts, bool reverse) {
    Ref list = list_new(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
        Ref s = str_new(parts[reverse ? parts.size() - 1 - i : i]);
        list_append(list.get(), s.get());
    }
    return list;
}

// Splits on runs of whitespace, from the left or the right, at most maxsplit times.
std::vector<std::string_view> split_whitespace(std::string_view text, int64_t maxsplit, bool reverse) {
    std::vector<uint32_t> cps;
    std::vector<size_t> offsets;
    for (const char* p = text.data(); p < text.data() + text.size();) {
        offsets.push_back(p - text.data());
        cps.push_back(utf8_decode(p));
    }
    offsets.push_back(text.size());
    std::vector<std::string_view> parts;
    auto n = static_cast<int64_t>(cps.size());
    auto piece = [&](int64_t a, int64_t b) { return text.substr(offsets[a], offsets[b] - offsets[a]); };
    if (!reverse) {
        int64_t i = 0;
        while (true) {
            while (i < n && unicode_is_space(cps[i])) ++i;
            if (i == n) break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                parts.push_back(piece(i, n));  // the rest keeps its trailing whitespace
                break;
            }
            int64_t j = i;
            while (j < n && !unicode_is_space(cps[j])) ++j;
            parts.push_back(piece(i, j));
            i = j;
        }
        return parts;
    }
    int64_t i = n;
    while (true) {
        while (i > 0 && unicode_is_space(cps[i - 1])) --i;
        if (i == 0) break;
        if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
            parts.push_back(piece(0, i));
            break;
        }
        int64_t j = i;
        while (j > 0 && !unicode_is_space(cps[j - 1])) --j;
        parts.push_back(piece(j, i));
        i = j;
    }
    return parts;
}

std::vector<std::string_view> split_sep(std::string_view text, std::string_view sep, int64_t maxsplit,
                                        bool reverse) {
    std::vector<std::string_view> parts;
    if (!reverse) {
        size_t start = 0;
        for (size_t pos; (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) &&
                         (pos = text.find(sep, start)) != std::string_view::npos;
             start = pos + sep.size())
            parts.push_back(text.substr(start, pos - start));
        parts.push_back(text.substr(start));
        return parts;
    }
    size_t end = text.size();
    while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
        if (end < sep.size()) break;
        size_t pos = text.rfind(sep, end - sep.size());
        if (pos == std::string_view::npos) break;
        parts.push_back(text.substr(pos + sep.size(), end - pos - sep.size()));
        end = pos;
    }
    parts.push_back(text.substr(0, end));
    return parts;
}

Ref split_impl(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool reverse) {
    static const char* const names[] = {"self", "sep", "maxsplit"};
    Object* bound[3];
    bind_args(name, args, nargs, kw, names, 3, 1, bound);
    const Str* s = as_str(bound[0]);
    int64_t maxsplit = bound[2] ? as_index(bound[2]) : -1;
    if (!bound[1] || bound[1] == None)
        return list_of_strs(split_whitespace(s->utf8, maxsplit, reverse), reverse);
    if (!is_instance(bound[1], &str_type))
        raise(&TypeError_type, format("must be str or None, not %s", type_of(bound[1])->name.c_str()));
    const std::string& sep = str_utf8_of(bound[1]);
    if (sep.empty()) raise(&ValueError_type, "empty separator");
    return list_of_strs(split_sep(s->utf8, sep, maxsplit, reverse), reverse);
}

Ref str_split(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return split_impl("split", args, nargs, kw, false);
}
Ref str_rsplit(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return split_impl("rsplit", args, nargs, kw, true);
}

Ref str_splitlines(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "keepends"};
    Object* bound[2];
    bind_args("splitlines", args, nargs, kw, names, 2, 1, bound);
    bool keepends = bound[1] && is_true(bound[1]);
    std::string_view text = str_utf8_of(bound[0]);
    std::vector<std::string_view> parts;
    const char* begin = text.data();
    const char* end = begin + text.size();
    const char* line = begin;
    for (const char* p = begin; p < end;) {
        const char* at = p;
        uint32_t c = utf8_decode(p);
        if (!unicode_is_linebreak(c)) continue;
        if (c == '\r' && p < end && *p == '\n') ++p;
        parts.push_back(std::string_view(line, (keepends ? p : at) - line));
        line = p;
    }
    if (line < end) parts.push_back(std::string_view(line, end - line));
    return list_of_strs(parts, false);
}

Ref partition_impl(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool reverse) {
    const Str* s = self_of(name, args, nargs, kw, 1, 1);
    const std::string& sep = expect_str(args[1], "")->utf8;
    if (sep.empty()) raise(&ValueError_type, "empty separator");
    size_t pos = reverse ? s->utf8.rfind(sep) : s->utf8.find(sep);
    Ref parts[3];
    if (pos == std::string::npos) {
        Ref empty = str_new("");
        // CPython hands back the receiver itself here, even a subclass instance.
        parts[0] = reverse ? empty : Ref::borrow(args[0]);
        parts[1] = empty;
        parts[2] = reverse ? Ref::borrow(args[0]) : empty;
    } else {
        parts[0] = str_new(std::string_view(s->utf8).substr(0, pos));
        parts[1] = Ref::borrow(args[1]);
        parts[2] = str_new(std::string_view(s->utf8).substr(pos + sep.size()));
    }
    Object* items[] = {parts[0].get(), parts[1].get(), parts[2].get()};
    return tuple_from(items, 3);
}

Ref str_partition(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return partition_impl("partition", args, nargs, kw, false);
}
Ref str_rpartition(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return partition_impl("rpartition", args, nargs, kw, true);
}

Ref str_join_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("join", args, nargs, kw, 1, 1);
    return str_join(args[0], args[1]);
}

}  // namespace

Ref str_join(Object* sep, Object* iterable) {
    const std::string& s = str_utf8_of(sep);
    if (!type_of(iterable)->iter) raise(&TypeError_type, "can only join an iterable");
    // Any other iterable is read to its end first, as CPython's PySequence_Fast: a generator runs
    // to completion before a wrong item is reported (and a generator is drained, YieldSink).
    Ref items;
    if (type_of(iterable) != &list_type && type_of(iterable) != &tuple_type) {
        items = list_from_iterable(iterable);
        iterable = items.get();
    }
    std::string out;
    size_t index = 0;
    Ref first;
    for_each_item(iterable, [&](Object* item) {
        if (!is_instance(item, &str_type))
            raise(&TypeError_type, format("sequence item %zu: expected str instance, %s found", index,
                                          type_of(item)->name.c_str()));
        if (index++ > 0)
            out += s;
        else
            first = Ref::borrow(item);
        out += str_utf8_of(item);
    });
    // One exact str is the result itself, as in CPython (a subclass's instance gives a plain str).
    if (index == 1 && type_of(first.get()) == &str_type) return first;
    return str_new(out);
}

namespace {

// ---- stripping and replacing ----
Ref strip_impl(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool left, bool right) {
    const Str* s = self_of(name, args, nargs, kw, 0, 1);
    Object* chars = opt(args, nargs, 1);
    if (chars && !is_instance(chars, &str_type))
        raise(&TypeError_type, format("%s arg must be None or str", name));
    std::vector<uint32_t> set = chars ? code_points(as_str(chars)) : std::vector<uint32_t>{};
    auto strippable = [&](uint32_t c) {
        return chars ? std::find(set.begin(), set.end(), c) != set.end() : unicode_is_space(c);
    };
    std::vector<uint32_t> cps = code_points(s);
    size_t a = 0, b = cps.size();
    while (left && a < b && strippable(cps[a])) ++a;
    while (right && b > a && strippable(cps[b - 1])) --b;
    if (a == 0 && b == cps.size()) return str_exact(args[0]);
    size_t from = str_byte_offset(s, a), to = str_byte_offset(s, b);
    return str_new(std::string_view(s->utf8).substr(from, to - from));
}

Ref str_strip(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return strip_impl("strip", args, nargs, kw, true, true);
}
Ref str_lstrip(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return strip_impl("lstrip", args, nargs, kw, true, false);
}
Ref str_rstrip(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return strip_impl("rstrip", args, nargs, kw, false, true);
}

Ref str_replace(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("replace", args, nargs, kw, 2, 3);
    const std::string& old = expect_str(args[1], "replace() argument 1")->utf8;
    const std::string& repl = expect_str(args[2], "replace() argument 2")->utf8;
    int64_t count = nargs > 3 ? as_index(args[3]) : -1;
    std::string out;
    if (old.empty()) {
        // An empty pattern matches before every character and at the end.
        int64_t done = 0;
        const char* p = s->utf8.data();
        const char* end = p + s->utf8.size();
        while (true) {
            if (count < 0 || done < count) {
                out += repl;
                ++done;
            }
            if (p == end) break;
            const char* start = p;
            utf8_decode(p);
            out.append(start, p);
        }
        return str_new(out);
    }
    size_t start = 0;
    for (int64_t done = 0; count < 0 || done < count; ++done) {
        size_t pos = s->utf8.find(old, start);
        if (pos == std::string::npos) break;
        out.append(s->utf8, start, pos - start);
        out += repl;
        start = pos + old.size();
    }
    if (start == 0) return str_exact(args[0]);
    out.append(s->utf8, start);
    return str_new(out);
}

Ref affix_remove(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool suffix) {
    const Str* s = self_of(name, args, nargs, kw, 1, 1);
    const std::string& a = expect_str(args[1], (std::string(name) + "() argument").c_str())->utf8;
    std::string_view t = s->utf8;
    if (a.empty() || a.size() > t.size()) return str_exact(args[0]);
    if (suffix && t.substr(t.size() - a.size()) == a) return str_new(t.substr(0, t.size() - a.size()));
    if (!suffix && t.substr(0, a.size()) == a) return str_new(t.substr(a.size()));
    return str_exact(args[0]);
}

Ref str_removeprefix(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return affix_remove("removeprefix", args, nargs, kw, false);
}
Ref str_removesuffix(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return affix_remove("removesuffix", args, nargs, kw, true);
}

// ---- case mapping ----
enum class CaseMap { Upper, Lower, Fold, Swap, Capitalize, Title };

// ASCII text maps byte by byte: no final sigma, no mapping longer than one character.
std::string map_ascii_case(const std::string& text, CaseMap how) {
    std::string out(text);
    bool previous_cased = false;
    for (size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        bool lower = c >= 'a' && c <= 'z';
        bool upper = c >= 'A' && c <= 'Z';
        bool to_upper = how == CaseMap::Upper || (how == CaseMap::Swap && lower) ||
                        (how == CaseMap::Capitalize && i == 0) || (how == CaseMap::Title && !previous_cased);
        if (to_upper && lower) out[i] = static_cast<char>(c - 32);
        if (!to_upper && upper) out[i] = static_cast<char>(c + 32);
        previous_cased = lower || upper;
    }
    return out;
}

void append_mapping(std::string& out, uint32_t c, CaseMapping which) {
    uint32_t mapped[3];
    int n = unicode_full_case(c, which, mapped);
    for (int i = 0; i < n; ++i) utf8_append(out, mapped[i]);
}

// Lowercase of cps[i]. A capital sigma becomes the final ς after a cased letter that no cased letter
// follows, case-ignorable characters (accents, apostrophes) skipped on both sides: CPython's
// handle_capital_sigma, the one context-dependent mapping it applies.
void append_lower(std::string& out, const std::vector<uint32_t>& cps, size_t i) {
    if (cps[i] != 0x3A3) return append_mapping(out, cps[i], CaseMapping::Lower);
    size_t before = i;
    while (before > 0 && unicode_is_case_ignorable(cps[before - 1])) --before;
    bool final = before > 0 && unicode_is_cased(cps[before - 1]);
    size_t after = i + 1;
    while (after < cps.size() && unicode_is_case_ignorable(cps[after])) ++after;
    final = final && (after == cps.size() || !unicode_is_cased(cps[after]));
    utf8_append(out, final ? 0x3C2 : 0x3C3);
}

// The full mappings (ß.upper() is "SS"), as CPython's case_operation functions.
Ref map_case(Object* const* args, CaseMap how) {
    const Str* s = as_str(args[0]);
    if (s->ascii) return str_new(map_ascii_case(s->utf8, how));
    std::vector<uint32_t> cps = code_points(s);
    std::string out;
    out.reserve(s->utf8.size());
    bool previous_cased = false;
    for (size_t i = 0; i < cps.size(); ++i) {
        uint32_t c = cps[i];
        switch (how) {
            case CaseMap::Upper:
                append_mapping(out, c, CaseMapping::Upper);
                break;
            case CaseMap::Lower:
                append_lower(out, cps, i);
                break;
            case CaseMap::Fold:
                append_mapping(out, c, CaseMapping::Fold);
                break;
            case CaseMap::Swap:
                if (unicode_is_upper(c))
                    append_lower(out, cps, i);
                else if (unicode_is_lower(c))
                    append_mapping(out, c, CaseMapping::Upper);
                else
                    utf8_append(out, c);
                break;
            case CaseMap::Capitalize:
                // Titlecase, not uppercase, for the first character (CPython 3.8 on: 'ǆa' -> 'ǅa').
                if (i == 0)
                    append_mapping(out, c, CaseMapping::Title);
                else
                    append_lower(out, cps, i);
                break;
            case CaseMap::Title:
                if (previous_cased)
                    append_lower(out, cps, i);
                else
                    append_mapping(out, c, CaseMapping::Title);
                break;
        }
        previous_cased = unicode_is_cased(c);
    }
    return str_new(out);
}

Ref str_upper(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("upper", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Upper);
}
Ref str_lower(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("lower", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Lower);
}
Ref str_casefold(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("casefold", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Fold);
}
Ref str_swapcase(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("swapcase", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Swap);
}
Ref str_capitalize(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("capitalize", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Capitalize);
}
Ref str_title(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("title", args, nargs, kw, 0, 0);
    return map_case(args, CaseMap::Title);
}

// ---- predicates ----
// Whether every character has one of `flags` (and there is at least one character).
template <uint16_t flags>
Ref all_chars(const char* name, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of(name, args, nargs, kw, 0, 0);
    if (s->length == 0) return Ref::borrow(False);
    if (s->ascii) {
        for (unsigned char c : s->utf8)
            if (!unicode_has(c, flags)) return Ref::borrow(False);
        return Ref::borrow(True);
    }
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();)
        if (!unicode_has(utf8_decode(p), flags)) return Ref::borrow(False);
    return Ref::borrow(True);
}

Ref str_isdigit(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kDigit>("isdigit", a, n, k);
}
Ref str_isdecimal(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kDecimal>("isdecimal", a, n, k);
}
Ref str_isnumeric(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kNumeric>("isnumeric", a, n, k);
}
Ref str_isalpha(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kAlpha>("isalpha", a, n, k);
}
Ref str_isalnum(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kAlpha | kDecimal | kDigit | kNumeric>("isalnum", a, n, k);
}
Ref str_isspace(Object*, Object* const* a, size_t n, Tuple* k) {
    return all_chars<kSpace>("isspace", a, n, k);
}

Ref str_isascii(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return Ref::borrow(bool_obj(self_of("isascii", args, nargs, kw, 0, 0)->ascii));
}

// isupper/islower: at least one character of the case asked, and none of the other case or titlecase.
Ref case_test(const char* name, Object* const* args, size_t nargs, Tuple* kw, bool upper) {
    const Str* s = self_of(name, args, nargs, kw, 0, 0);
    uint16_t wanted = upper ? kUpper : kLower;
    uint16_t refused = (upper ? kLower : kUpper) | kTitle;
    bool cased = false;
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();) {
        uint16_t flags = unicode_record(utf8_decode(p)).flags;
        if (flags & refused) return Ref::borrow(False);
        cased = cased || (flags & wanted);
    }
    return Ref::borrow(bool_obj(cased));
}

Ref str_isupper(Object*, Object* const* a, size_t n, Tuple* k) { return case_test("isupper", a, n, k, true); }
Ref str_islower(Object*, Object* const* a, size_t n, Tuple* k) {
    return case_test("islower", a, n, k, false);
}

// Uppercase and titlecase characters only after uncased ones, lowercase ones only after cased ones.
Ref str_istitle(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("istitle", args, nargs, kw, 0, 0);
    bool previous_cased = false, any = false;
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();) {
        uint16_t flags = unicode_record(utf8_decode(p)).flags;
        if (flags & (kUpper | kTitle)) {
            if (previous_cased) return Ref::borrow(False);
            previous_cased = any = true;
        } else if (flags & kLower) {
            if (!previous_cased) return Ref::borrow(False);
            previous_cased = any = true;
        } else {
            previous_cased = false;
        }
    }
    return Ref::borrow(bool_obj(any));
}

// XID_Start or '_' first, XID_Continue after; no NFKC normalization, as CPython's.
Ref str_isidentifier(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("isidentifier", args, nargs, kw, 0, 0);
    if (s->length == 0) return Ref::borrow(False);
    bool first = true;
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size(); first = false) {
        uint32_t c = utf8_decode(p);
        bool ok = first ? c == '_' || unicode_is_xid_start(c) : unicode_is_xid_continue(c);
        if (!ok) return Ref::borrow(False);
    }
    return Ref::borrow(True);
}

// ---- padding ----
uint32_t fill_char(Object* const* args, size_t nargs, size_t i) {
    if (i >= nargs) return ' ';
    const Str* f = expect_str(args[i], "argument 2");
    if (f->length != 1) raise(&TypeError_type, "The fill character must be exactly one character long");
    const char* p = f->utf8.data();
    return utf8_decode(p);
}

Ref pad(Object* self, int64_t left, int64_t right, uint32_t fill) {
    if (left <= 0 && right <= 0) return str_exact(self);
    std::string f;
    utf8_append(f, fill);
    std::string out;
    for (int64_t i = 0; i < left; ++i) out += f;
    out += str_utf8_of(self);
    for (int64_t i = 0; i < right; ++i) out += f;
    return str_new(out);
}

Ref str_center(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("center", args, nargs, kw, 1, 2);
    int64_t width = as_index(args[1]);
    int64_t margin = width - s->length;
    if (margin <= 0) return str_exact(args[0]);
    // CPython puts the odd space on the left only when the width is odd.
    int64_t left = margin / 2 + (margin & width & 1);
    return pad(args[0], left, margin - left, fill_char(args, nargs, 2));
}

Ref str_ljust(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("ljust", args, nargs, kw, 1, 2);
    return pad(args[0], 0, as_index(args[1]) - s->length, fill_char(args, nargs, 2));
}

Ref str_rjust(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("rjust", args, nargs, kw, 1, 2);
    return pad(args[0], as_index(args[1]) - s->length, 0, fill_char(args, nargs, 2));
}

Ref str_zfill(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("zfill", args, nargs, kw, 1, 1);
    int64_t fill = as_index(args[1]) - s->length;
    if (fill <= 0) return str_exact(args[0]);
    std::string out = s->utf8;
    size_t at = !out.empty() && (out[0] == '+' || out[0] == '-') ? 1 : 0;
    out.insert(at, std::string(fill, '0'));
    return str_new(out);
}

Ref str_expandtabs(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "tabsize"};
    Object* bound[2];
    bind_args("expandtabs", args, nargs, kw, names, 2, 1, bound);
    int64_t tabsize = bound[1] ? as_index(bound[1]) : 8;
    std::string out;
    int64_t column = 0;
    for (const char *p = str_utf8_of(bound[0]).data(), *e = p + str_utf8_of(bound[0]).size(); p < e;) {
        uint32_t c = utf8_decode(p);
        if (c == '\t') {
            int64_t spaces = tabsize > 0 ? tabsize - column % tabsize : 0;
            out.append(spaces, ' ');
            column += spaces;
        } else {
            utf8_append(out, c);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    return str_new(out);
}

// ---- formatting, encoding and translation ----
Ref str_format_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs < 1) raise(&TypeError_type, "descriptor 'format' of 'str' object needs an argument");
    // Keyword arguments become the mapping that named fields are looked up in.
    Ref kwargs = dict_new();
    for (size_t i = 0; kw && i < kw->size; ++i)
        dict_set(as_dict(kwargs.get()), kw->items[i], args[nargs + i]);
    return str_format(args[0], args + 1, nargs - 1, kwargs.get());
}

Ref str_format_map_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_of("format_map", args, nargs, kw, 1, 1);
    return str_format_map(args[0], args[1]);
}

Ref str_encode_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "encoding", "errors"};
    Object* bound[3];
    bind_args("encode", args, nargs, kw, names, 3, 1, bound);
    return bytes_new(str_encode(bound[0], bound[1], bound[2]));
}

Ref str_isprintable(Object*, Object* const* a, size_t n, Tuple* k) {
    const Str* s = self_of("isprintable", a, n, k, 0, 0);
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();)
        if (!unicode_is_printable(utf8_decode(p))) return Ref::borrow(False);
    return Ref::borrow(True);
}

Ref str_maketrans(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("maketrans");
    if (nargs < 1 || nargs > 3) raise_arg_count("maketrans", 1, 3, nargs);
    Ref table = dict_new();
    Dict* d = as_dict(table.get());
    if (nargs == 1) {
        if (type_of(args[0]) != &dict_type)
            raise(&TypeError_type, "if you give only one argument to maketrans it must be a dict");
        Object *key, *value;
        for (size_t pos = 0; dict_next(as_dict(args[0]), &pos, &key, &value);) {
            if (is_str(key) && as_str(key)->length != 1)
                raise(&ValueError_type, "string keys in translate table must be of length 1");
            if (!is_str(key) && !is_int(key))
                raise(&TypeError_type, "keys in translate table must be strings or integers");
            const char* p = is_str(key) ? str_utf8_of(key).data() : nullptr;
            dict_set(d, p ? new_int(utf8_decode(p)).get() : key, value);
        }
        return table;
    }
    std::vector<uint32_t> from = code_points(expect_str(args[0], "maketrans() argument 1"));
    std::vector<uint32_t> to = code_points(expect_str(args[1], "maketrans() argument 2"));
    if (from.size() != to.size())
        raise(&ValueError_type, "the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < from.size(); ++i) dict_set(d, new_int(from[i]).get(), new_int(to[i]).get());
    if (nargs == 3)
        for (uint32_t c : code_points(expect_str(args[2], "maketrans() argument 3")))
            dict_set(d, new_int(c).get(), None);
    return table;
}

Ref str_translate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    const Str* s = self_of("translate", args, nargs, kw, 1, 1);
    std::string out;
    for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();) {
        uint32_t c = utf8_decode(p);
        Ref mapped;
        try {
            // A dict (the usual table) misses without raising.
            Ref key = new_int(c);
            mapped = has_dict_getitem(args[1]) ? dict_getitem_opt(args[1], key.get())
                                               : get_item(args[1], key.get());
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &LookupError_type)) throw;
        }
        if (!mapped) {  // not in the table: kept
            utf8_append(out, c);
            continue;
        }
        if (mapped.get() == None) continue;
        if (is_int(mapped.get())) {
            int64_t cp;
            if (!int_to_i64(mapped.get(), &cp) || cp < 0 || cp > 0x10FFFF)
                raise(&ValueError_type, "character mapping must be in range(0x110000)");
            utf8_append(out, static_cast<uint32_t>(cp));
        } else if (is_str(mapped.get())) {
            out += str_utf8_of(mapped.get());
        } else {
            raise(&TypeError_type, "character mapping must return integer, None or str");
        }
    }
    return str_new(out);
}

}  // namespace

const MethodDef str_methods[] = {
    {"__format__", builtin_format_method, "Convert to a string according to format_spec."},
    {"join", str_join_method, "Concatenate any number of strings."},
    {"split", str_split, "Return a list of the substrings, using sep as the separator."},
    {"rsplit", str_rsplit, "Like split, splitting from the right."},
    {"splitlines", str_splitlines, "Return a list of the lines, breaking at line boundaries."},
    {"partition", str_partition, "Partition the string into three parts using sep."},
    {"rpartition", str_rpartition, "Partition at the last occurrence of sep."},
    {"strip", str_strip, "Return a copy with leading and trailing whitespace removed."},
    {"lstrip", str_lstrip, "Return a copy with leading whitespace removed."},
    {"rstrip", str_rstrip, "Return a copy with trailing whitespace removed."},
    {"replace", str_replace, "Return a copy with occurrences of old replaced by new."},
    {"removeprefix", str_removeprefix, "Remove a prefix if present."},
    {"removesuffix", str_removesuffix, "Remove a suffix if present."},
    {"find", str_find, "Lowest index of sub, or -1."},
    {"rfind", str_rfind, "Highest index of sub, or -1."},
    {"index", str_index, "Like find, raising ValueError when not found."},
    {"rindex", str_rindex, "Like rfind, raising ValueError when not found."},
    {"count", str_count, "Number of non-overlapping occurrences of sub."},
    {"startswith", str_startswith, "Whether the string starts with prefix."},
    {"endswith", str_endswith, "Whether the string ends with suffix."},
    {"upper", str_upper, "Return a copy converted to uppercase."},
    {"lower", str_lower, "Return a copy converted to lowercase."},
    {"casefold", str_casefold, "Return a version suitable for caseless comparisons."},
    {"swapcase", str_swapcase, "Swap uppercase and lowercase characters."},
    {"capitalize", str_capitalize, "Capitalize the first character, lowercase the rest."},
    {"title", str_title, "Titlecase each word."},
    {"isdigit", str_isdigit, "Whether all characters are digits."},
    {"isdecimal", str_isdecimal, "Whether all characters are decimal digits."},
    {"isnumeric", str_isnumeric, "Whether all characters are numeric."},
    {"isalpha", str_isalpha, "Whether all characters are alphabetic."},
    {"isalnum", str_isalnum, "Whether all characters are alphanumeric."},
    {"isspace", str_isspace, "Whether all characters are whitespace."},
    {"isascii", str_isascii, "Whether all characters are ASCII."},
    {"isupper", str_isupper, "Whether all cased characters are uppercase."},
    {"islower", str_islower, "Whether all cased characters are lowercase."},
    {"istitle", str_istitle, "Whether the string is titlecased."},
    {"isidentifier", str_isidentifier, "Whether the string is a valid identifier."},
    {"center", str_center, "Return a centered string of length width."},
    {"ljust", str_ljust, "Return a left-justified string of length width."},
    {"rjust", str_rjust, "Return a right-justified string of length width."},
    {"zfill", str_zfill, "Pad with zeros on the left, after any sign."},
    {"expandtabs", str_expandtabs, "Replace tabs with spaces."},
    {"format", str_format_method,
     "Return a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", str_format_map_method,
     "Return a formatted version of the string, using substitutions from mapping."},
    {"encode", str_encode_method, "Encode the string using the codec registered for encoding."},
    {"isprintable", str_isprintable, "Whether all characters are printable."},
    {"maketrans", str_maketrans, "Return a translation table usable for str.translate().",
     MethodKind::Static},
    {"translate", str_translate, "Replace each character through the given translation table."},
    {nullptr, nullptr, nullptr},
};

}  // namespace minipy
