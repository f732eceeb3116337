// sre_module.cpp — the native `_sre` module with CPython 3.11's interface: _sre.compile() turns the
// opcode list CPython's own re/_compiler.py produces into a Pattern (re.Pattern), whose searches
// give Match objects (re.Match). The matching itself is sre_engine.cpp; the Match type and the
// scanner are in sre_match.cpp. Pattern.sub() and Match.expand() call back into re's Python code
// (re._subx, re._expand) for templates, as CPython does.
#include "modules/sre_module.h"

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/mappingproxy.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "vm/interp.h"

namespace minipy {

Type sre_pattern_type;

namespace {

using Args = Object* const*;

PatternObject* self_pattern(Args args) { return static_cast<PatternObject*>(args[0]); }

// ---- the text a pattern runs over ----

// The code points of the last long non-ASCII str matched on this thread: a tokenizer calling
// pattern.match(text, pos) in a loop then decodes the text once, not once per call. Never freed
// (it would be released after the thread stopped running Python).
thread_local std::shared_ptr<const Subject>* t_last_wide = nullptr;
constexpr int64_t kCachedWideMinLength = 64;

}  // namespace

std::shared_ptr<const Subject> subject_of(Object* string) {
    bool str = is_instance(string, &str_type);
    if (str && !as_str(string)->ascii && t_last_wide && (*t_last_wide)->owner.get() == string)
        return *t_last_wide;
    auto subject = std::make_shared<Subject>();
    subject->owner = Ref::borrow(string);
    sre::Text& text = subject->text;
    if (str) {
        const Str* s = as_str(string);
        text.length = s->length;
        if (s->ascii) {
            text.narrow = reinterpret_cast<const uint8_t*>(s->utf8.data());
            return subject;
        }
        // One code point more than the text, a 0 as a C string's terminator: a match window
        // starting past its end (pos > endpos) reads it as CPython reads its strings' terminator.
        text.wide.reserve(static_cast<size_t>(s->length) + 1);
        for (const char* p = s->utf8.data(); p < s->utf8.data() + s->utf8.size();)
            text.wide.push_back(utf8_decode(p));
        text.wide.push_back(0);
        if (s->length >= kCachedWideMinLength) {
            if (!t_last_wide) t_last_wide = new std::shared_ptr<const Subject>();
            *t_last_wide = subject;
        }
        return subject;
    }
    subject->is_bytes = true;
    if (is_bytes(string)) {
        const std::string& data = bytes_data(string);
        text.narrow = reinterpret_cast<const uint8_t*>(data.data());
        text.length = static_cast<int64_t>(data.size());
    } else if (is_bytearray(string)) {
        text.copy = bytes_like_data(string);
        text.narrow = reinterpret_cast<const uint8_t*>(text.copy.data());
        text.length = static_cast<int64_t>(text.copy.size());
    } else {
        raise(&TypeError_type,
              format("expected string or bytes-like object, got '%s'", type_of(string)->name.c_str()));
    }
    return subject;
}

Ref subject_slice(const Subject& subject, int64_t i, int64_t j) {
    const sre::Text& text = subject.text;
    Object* owner = subject.owner.get();
    // The whole of an exact str or bytes is the object itself, as CPython's getslice.
    bool whole = i == 0 && j == text.length;
    if (subject.is_bytes) {
        if (whole && type_of(owner) == &bytes_type) return subject.owner;
        return bytes_new(
            std::string_view(reinterpret_cast<const char*>(text.narrow) + i, static_cast<size_t>(j - i)));
    }
    if (whole && is_str(owner)) return subject.owner;
    if (!text.is_wide())
        return str_new(
            std::string_view(reinterpret_cast<const char*>(text.narrow) + i, static_cast<size_t>(j - i)));
    std::string out;
    for (int64_t k = i; k < j; ++k) utf8_append(out, text.wide[static_cast<size_t>(k)]);
    return str_new(out);
}

void pattern_begin(PatternObject* p, sre::State& state, const Subject& subject, int64_t pos, int64_t endpos) {
    if (p->isbytes == 0 && subject.is_bytes)
        raise(&TypeError_type, "cannot use a string pattern on a bytes-like object");
    if (p->isbytes == 1 && !subject.is_bytes)
        raise(&TypeError_type, "cannot use a bytes pattern on a string-like object");
    state.reset(&subject.text, pos, endpos, p->groups);
}

// The text group `g` (1-based) matched in `state`, or `unmatched` (null: an empty slice).
Ref state_group(const sre::State& state, const Subject& subject, size_t g, Object* unmatched) {
    size_t i = (g - 1) * 2;
    if (static_cast<int64_t>(i) >= state.lastmark || state.marks[i] < 0 || state.marks[i + 1] < 0) {
        if (unmatched) return Ref::borrow(unmatched);
        return subject_slice(subject, 0, 0);
    }
    return subject_slice(subject, state.marks[i], state.marks[i + 1]);
}

namespace {

// ---- arguments ----
struct Window {
    int64_t pos = 0, endpos = INT64_MAX;
};

Window window_of(Object* pos, Object* endpos) {
    Window w;
    if (pos) w.pos = as_index(pos);
    if (endpos) w.endpos = as_index(endpos);
    return w;
}

// (string, pos=0, endpos=sys.maxsize): match, fullmatch, search, findall, finditer, scanner.
Object* bind_string_window(const char* name, Args args, size_t nargs, Tuple* kw, Window* w) {
    static const char* const names[] = {"string", "pos", "endpos"};
    Object* bound[3];
    bind_args(name, args + 1, nargs - 1, kw, names, 3, 1, bound);
    *w = window_of(bound[1], bound[2]);
    return bound[0];
}

// ---- matching methods ----
enum class How { Match, FullMatch, Search };

Ref run_match(const char* name, How how, Args args, size_t nargs, Tuple* kw) {
    Window w;
    Object* string = bind_string_window(name, args, nargs, kw, &w);
    PatternObject* p = self_pattern(args);
    std::shared_ptr<const Subject> subject = subject_of(string);
    sre::State state;
    pattern_begin(p, state, *subject, w.pos, w.endpos);
    state.match_all = how == How::FullMatch;
    bool found = how == How::Search ? sre::search(state, p->code.data()) : sre::match(state, p->code.data());
    if (!found) return Ref::borrow(None);
    return match_new(p, subject, state);
}

Ref pattern_match(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_match("match", How::Match, args, nargs, kw);
}
Ref pattern_fullmatch(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_match("fullmatch", How::FullMatch, args, nargs, kw);
}
Ref pattern_search(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_match("search", How::Search, args, nargs, kw);
}

// After a match ending at state.ptr, where the next search starts: an empty match may not be
// followed by another empty match at the same place.
void advance(sre::State& state) {
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
}

Ref pattern_findall(Object*, Args args, size_t nargs, Tuple* kw) {
    Window w;
    Object* string = bind_string_window("findall", args, nargs, kw, &w);
    PatternObject* p = self_pattern(args);
    std::shared_ptr<const Subject> subject = subject_of(string);
    sre::State state;
    pattern_begin(p, state, *subject, w.pos, w.endpos);
    Ref list = list_new();
    while (state.start <= state.end && sre::search(state, p->code.data())) {
        Ref item;
        if (p->groups == 0) {
            item = subject_slice(*subject, state.start, state.ptr);
        } else if (p->groups == 1) {
            item = state_group(state, *subject, 1, nullptr);
        } else {
            item = tuple_new(p->groups);
            for (size_t g = 1; g <= p->groups; ++g)
                as_tuple(item.get())->items[g - 1] = state_group(state, *subject, g, nullptr).release();
        }
        list_append(list.get(), item.get());
        advance(state);
    }
    return list;
}

Ref pattern_scanner(Object*, Args args, size_t nargs, Tuple* kw) {
    Window w;
    Object* string = bind_string_window("scanner", args, nargs, kw, &w);
    return scanner_new(self_pattern(args), string, w.pos, w.endpos);
}

// finditer(): iter(scanner.search, None), as CPython builds it.
Ref pattern_finditer(Object*, Args args, size_t nargs, Tuple* kw) {
    Window w;
    Object* string = bind_string_window("finditer", args, nargs, kw, &w);
    Ref scanner = scanner_new(self_pattern(args), string, w.pos, w.endpos);
    Ref search = get_attr(scanner.get(), intern("search"));
    Object* iter = dict_get_str(builtins_dict(), intern("iter"));
    Object* call_args[] = {search.get(), None};
    return call(iter, call_args, 2);
}

Ref pattern_split(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"string", "maxsplit"};
    Object* bound[2];
    bind_args("split", args + 1, nargs - 1, kw, names, 2, 1, bound);
    int64_t maxsplit = bound[1] ? as_index(bound[1]) : 0;
    PatternObject* p = self_pattern(args);
    std::shared_ptr<const Subject> subject = subject_of(bound[0]);
    sre::State state;
    pattern_begin(p, state, *subject, 0, INT64_MAX);
    Ref list = list_new();
    int64_t n = 0, last = state.start;
    while ((maxsplit == 0 || n < maxsplit) && sre::search(state, p->code.data())) {
        list_append(list.get(), subject_slice(*subject, last, state.start).get());
        for (size_t g = 1; g <= p->groups; ++g)
            list_append(list.get(), state_group(state, *subject, g, None).get());
        n++;
        advance(state);
        last = state.start;
    }
    list_append(list.get(), subject_slice(*subject, last, state.end).get());
    return list;
}

// A repl without backslashes is used as it is; other str/bytes templates go to re._subx, which
// gives back a literal or a function of the match.
Ref sub_filter(PatternObject* p, Object* repl, bool* is_callable) {
    *is_callable = type_of(repl)->call != nullptr;
    if (*is_callable) return Ref::borrow(repl);
    bool literal = false;
    if (is_instance(repl, &str_type)) literal = str_utf8_of(repl).find('\\') == std::string::npos;
    if (is_bytes_like(repl)) literal = bytes_like_data(repl).find('\\') == std::string::npos;
    if (literal) return Ref::borrow(repl);
    Ref re = import_module_level(intern("re"), None, 0, nullptr);
    Ref subx = get_attr(re.get(), intern("_subx"));
    Object* call_args[] = {p, repl};
    Ref filter = call(subx.get(), call_args, 2);
    *is_callable = type_of(filter.get())->call != nullptr;
    return filter;
}

// The pieces joined as CPython does: with an empty slice of the string.
Ref join_pieces(const Subject& subject, Object* list) {
    Ref joiner = subject_slice(subject, 0, 0);
    if (as_list(list)->items.empty()) return joiner;
    if (!subject.is_bytes) return str_join(joiner.get(), list);
    Ref join = get_attr(joiner.get(), intern("join"));
    return call1(join.get(), list);
}

Ref substitute(const char* name, bool with_count, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"repl", "string", "count"};
    Object* bound[3];
    bind_args(name, args + 1, nargs - 1, kw, names, 3, 2, bound);
    PatternObject* p = self_pattern(args);
    int64_t limit = bound[2] ? as_index(bound[2]) : 0;
    bool is_callable = false;
    Ref filter = sub_filter(p, bound[0], &is_callable);
    std::shared_ptr<const Subject> subject = subject_of(bound[1]);
    sre::State state;
    pattern_begin(p, state, *subject, 0, INT64_MAX);
    Ref list = list_new();
    int64_t n = 0, i = 0;
    while ((limit == 0 || n < limit) && sre::search(state, p->code.data())) {
        if (i < state.start) list_append(list.get(), subject_slice(*subject, i, state.start).get());
        Ref item = filter;
        if (is_callable) {
            Ref match = match_new(p, subject, state);
            item = call1(filter.get(), match.get());
        }
        if (item.get() != None) list_append(list.get(), item.get());
        i = state.ptr;
        n++;
        advance(state);
    }
    if (i < state.end) list_append(list.get(), subject_slice(*subject, i, state.end).get());
    Ref joined = join_pieces(*subject, list.get());
    if (!with_count) return joined;
    Object* pair[] = {joined.get(), int_from_i64(n).release()};
    Ref result = tuple_from(pair, 2);
    decref(pair[1]);
    return result;
}

Ref pattern_sub(Object*, Args args, size_t nargs, Tuple* kw) {
    return substitute("sub", false, args, nargs, kw);
}
Ref pattern_subn(Object*, Args args, size_t nargs, Tuple* kw) {
    return substitute("subn", true, args, nargs, kw);
}

Ref pattern_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__copy__", nargs - 1, kw, 0, 0);
    return Ref::borrow(args[0]);
}
Ref pattern_deepcopy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__deepcopy__", nargs - 1, kw, 1, 1);
    return Ref::borrow(args[0]);
}

const MethodDef kPatternMethods[] = {
    {"match", pattern_match, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, "Matches against all of the string."},
    {"search", pattern_search,
     "Scan through string looking for a match, and return a corresponding match object instance."},
    {"sub", pattern_sub,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string "
     "by the replacement repl."},
    {"subn", pattern_subn,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping "
     "occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer,
     "Return an iterator over all non-overlapping matches for the RE pattern in string."},
    {"scanner", pattern_scanner, nullptr},
    {"__copy__", pattern_copy, nullptr},
    {"__deepcopy__", pattern_deepcopy, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- the Pattern type ----
void pattern_dealloc(Object* o) {
    weakrefs_clear(o);
    delete static_cast<PatternObject*>(o);
}

// Code points beyond `limit` cut off, as CPython's %.200R.
std::string truncated(const std::string& utf8, size_t limit) {
    size_t count = 0, i = 0;
    for (; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && count++ == limit) break;
    }
    return utf8.substr(0, i);
}

// re.compile('a+', re.IGNORECASE|re.MULTILINE), as CPython's pattern_repr.
Ref pattern_repr(Object* o) {
    auto* p = static_cast<PatternObject*>(o);
    static const struct {
        const char* name;
        int64_t value;
    } kFlagNames[] = {
        {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4},  {"re.MULTILINE", 8}, {"re.DOTALL", 16},
        {"re.UNICODE", 32}, {"re.VERBOSE", 64},   {"re.DEBUG", 128}, {"re.ASCII", 256},
    };
    int64_t flags = p->flags;
    // re.UNICODE is the default for str patterns: not shown.
    if (p->isbytes == 0 && (flags & (4 | 32 | 256)) == 32) flags &= ~int64_t{32};
    std::string names;
    for (const auto& f : kFlagNames) {
        if (flags & f.value) {
            if (!names.empty()) names += '|';
            names += f.name;
            flags &= ~f.value;
        }
    }
    if (flags) {
        if (!names.empty()) names += '|';
        names += format("0x%llx", static_cast<unsigned long long>(flags));
    }
    std::string text = "re.compile(" + truncated(repr_utf8(p->pattern.get()), 200);
    if (!names.empty()) text += ", " + names;
    return str_new(text + ")");
}

Ref pattern_getattr(Object* o, Str* name) {
    auto* p = static_cast<PatternObject*>(o);
    const std::string& n = name->utf8;
    if (n == "pattern") return p->pattern;
    if (n == "flags") return int_from_i64(p->flags);
    if (n == "groups") return int_from_i64(static_cast<int64_t>(p->groups));
    if (n == "groupindex") return mappingproxy_new(p->groupindex.get());
    return generic_getattr(o, name);
}

Ref pattern_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &sre_pattern_type)
        return Ref::borrow(NotImplemented);
    auto* x = static_cast<PatternObject*>(a);
    auto* y = static_cast<PatternObject*>(b);
    bool same = x == y || (x->flags == y->flags && x->isbytes == y->isbytes && x->code == y->code &&
                           equals(x->pattern.get(), y->pattern.get()));
    return Ref::borrow(bool_obj(same == (op == CompareOp::Eq)));
}

int64_t pattern_hash(Object* o) {
    auto* p = static_cast<PatternObject*>(o);
    uint64_t h = static_cast<uint64_t>(hash(p->pattern.get()));
    for (sre::Code c : p->code) h = h * 1000003 ^ c;
    h ^= static_cast<uint64_t>(p->flags) ^ static_cast<uint64_t>(p->isbytes);
    auto result = static_cast<int64_t>(h >> 1);
    return result == -1 ? -2 : result;
}

// ---- module functions ----
// A character code as CPython's `int character` parameter; codes outside Unicode map to themselves.
int64_t char_arg(const char* name, Args args, size_t nargs, Tuple* kw) {
    check_positional(name, nargs, kw, 1, 1);
    return as_index(args[0]);
}
bool in_unicode(int64_t c) { return c >= 0 && c <= 0x10FFFF; }

Ref sre_getcodesize(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("getcodesize", nargs, kw, 0, 0);
    return int_from_i64(sizeof(sre::Code));
}
Ref sre_ascii_iscased(Object*, Args args, size_t nargs, Tuple* kw) {
    int64_t c = char_arg("ascii_iscased", args, nargs, kw);
    return Ref::borrow(bool_obj(in_unicode(c) && sre::ascii_iscased(static_cast<uint32_t>(c))));
}
Ref sre_unicode_iscased(Object*, Args args, size_t nargs, Tuple* kw) {
    int64_t c = char_arg("unicode_iscased", args, nargs, kw);
    return Ref::borrow(bool_obj(in_unicode(c) && sre::unicode_iscased(static_cast<uint32_t>(c))));
}
Ref sre_ascii_tolower(Object*, Args args, size_t nargs, Tuple* kw) {
    int64_t c = char_arg("ascii_tolower", args, nargs, kw);
    return int_from_i64(in_unicode(c) ? sre::lower_ascii(static_cast<uint32_t>(c)) : c);
}
Ref sre_unicode_tolower(Object*, Args args, size_t nargs, Tuple* kw) {
    int64_t c = char_arg("unicode_tolower", args, nargs, kw);
    return int_from_i64(in_unicode(c) ? sre::lower_unicode(static_cast<uint32_t>(c)) : c);
}

// compile(pattern, flags, code, groups, groupindex, indexgroup): what re/_compiler.py calls.
Ref sre_compile(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"};
    Object* a[6];
    bind_args("compile", args, nargs, kw, names, 6, 6, a);
    if (!is_instance(a[2], &list_type))
        raise(&TypeError_type,
              format("compile() argument 'code' must be list, not %s", type_of(a[2])->name.c_str()));
    if (!is_instance(a[4], &dict_type))
        raise(&TypeError_type,
              format("compile() argument 'groupindex' must be dict, not %s", type_of(a[4])->name.c_str()));
    if (!is_instance(a[5], &tuple_type))
        raise(&TypeError_type,
              format("compile() argument 'indexgroup' must be tuple, not %s", type_of(a[5])->name.c_str()));
    auto* p = new PatternObject();
    init_header(p, &sre_pattern_type);
    Ref self = Ref::steal(p);
    for_each_item(a[2], [&](Object* item) {
        int64_t v = as_index(item);
        if (v < 0 || v > 0xFFFFFFFFLL)
            raise(&OverflowError_type, "regular expression code size limit exceeded");
        p->code.push_back(static_cast<sre::Code>(v));
    });
    p->pattern = Ref::borrow(a[0]);
    p->flags = as_index(a[1]);
    int64_t groups = as_index(a[3]);
    if (groups < 0 || groups > sre::kMaxGroups) raise(&RuntimeError_type, "invalid SRE code");
    p->groups = static_cast<size_t>(groups);
    p->groupindex = Ref::borrow(a[4]);
    p->indexgroup = Ref::borrow(a[5]);
    if (a[0] == None)
        p->isbytes = -1;
    else if (is_instance(a[0], &str_type))
        p->isbytes = 0;
    else if (is_bytes_like(a[0]))
        p->isbytes = 1;
    else
        raise(&TypeError_type,
              format("expected string or bytes-like object, got '%s'", type_of(a[0])->name.c_str()));
    if (!sre::validate(p->code, p->groups)) raise(&RuntimeError_type, "invalid SRE code");
    return self;
}

const MethodDef kSreFunctions[] = {
    {"compile", sre_compile, nullptr},
    {"getcodesize", sre_getcodesize, nullptr},
    {"ascii_iscased", sre_ascii_iscased, nullptr},
    {"unicode_iscased", sre_unicode_iscased, nullptr},
    {"ascii_tolower", sre_ascii_tolower, nullptr},
    {"unicode_tolower", sre_unicode_tolower, nullptr},
    {nullptr, nullptr, nullptr},
};

void init_pattern_type() {
    sre_pattern_type.name = "Pattern";
    sre_pattern_type.instance_size = sizeof(PatternObject);
    sre_pattern_type.dealloc = pattern_dealloc;
    sre_pattern_type.repr = pattern_repr;
    sre_pattern_type.getattr = pattern_getattr;
    sre_pattern_type.compare = pattern_compare;
    sre_pattern_type.hash = pattern_hash;
    sre_pattern_type.methods = kPatternMethods;
    sre_pattern_type.construct = construct_refused;
    init_type(&sre_pattern_type);
    add_class_getitem(&sre_pattern_type);
    allow_weak_references(&sre_pattern_type);
    dict_set(sre_pattern_type.dict, intern("__module__"), intern("re"));
}

}  // namespace

Ref init_sre_module() {
    if (!sre_pattern_type.dict) {
        init_pattern_type();
        init_match_types();
    }
    Ref module = native_module_new("_sre", kSreFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("MAGIC"), int_from_i64(sre::kMagic).get());
    dict_set(d, intern("CODESIZE"), int_from_i64(sizeof(sre::Code)).get());
    dict_set(d, intern("MAXREPEAT"), int_from_i64(sre::kMaxRepeat).get());
    dict_set(d, intern("MAXGROUPS"), int_from_i64(sre::kMaxGroups).get());
    dict_set(d, intern("copyright"), str_new(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ").get());
    return module;
}

}  // namespace minipy
