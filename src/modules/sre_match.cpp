// sre_match.cpp — re.Match (the result of a successful match: groups, spans, expand) and the
// scanner behind Pattern.finditer() and re.Scanner (_sre.SRE_Scanner), with CPython 3.11's
// methods, attributes, error messages and repr.
#include "modules/sre_module.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type match_type, scanner_type;

struct MatchObject : Object {
    Ref pattern;  // the PatternObject
    std::shared_ptr<const Subject> subject;
    std::vector<int64_t> marks;  // start and end of each group, group 0 first; -1: unmatched
    int64_t pos, endpos;
    int lastindex;
};

MatchObject* self_match(Args args) { return static_cast<MatchObject*>(args[0]); }
PatternObject* pattern_of(const MatchObject* m) { return m->pattern.as<PatternObject>(); }
size_t group_count(const MatchObject* m) { return m->marks.size() / 2; }

// A group given by number or name, as CPython's match_getindex: IndexError("no such group").
size_t group_index(MatchObject* m, Object* key) {
    int64_t i = -1;
    if (is_int(key)) {
        if (!int_to_i64(key, &i)) i = -1;
    } else if (Ref index = index_value(key)) {
        if (!int_to_i64(index.get(), &i)) i = -1;
    } else if (Dict* names = as_dict(pattern_of(m)->groupindex.get()); dict_size(names) > 0) {
        // Looked up only when the pattern names groups, as CPython (m[[]] is IndexError then).
        Object* number = dict_get(names, key);
        if (number && is_int(number) && !int_to_i64(number, &i)) i = -1;
    }
    if (i < 0 || static_cast<size_t>(i) >= group_count(m)) raise(&IndexError_type, "no such group");
    return static_cast<size_t>(i);
}

// Group `g`'s text, or `unmatched` when it did not take part in the match.
Ref group_text(MatchObject* m, size_t g, Object* unmatched) {
    if (m->marks[2 * g] < 0) return Ref::borrow(unmatched);
    return subject_slice(*m->subject, m->marks[2 * g], m->marks[2 * g + 1]);
}

Ref match_group(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("group");
    MatchObject* m = self_match(args);
    if (nargs == 1) return group_text(m, 0, None);
    if (nargs == 2) return group_text(m, group_index(m, args[1]), None);
    Ref result = tuple_new(nargs - 1);
    for (size_t i = 1; i < nargs; ++i)
        as_tuple(result.get())->items[i - 1] = group_text(m, group_index(m, args[i]), None).release();
    return result;
}

Ref match_getitem(Object* o, Object* key) {
    auto* m = static_cast<MatchObject*>(o);
    return group_text(m, group_index(m, key), None);
}

Object* default_arg(const char* name, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"default"};
    Object* bound[1];
    bind_args(name, args + 1, nargs - 1, kw, names, 1, 0, bound);
    return bound[0] ? bound[0] : None;
}

Ref match_groups(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* unmatched = default_arg("groups", args, nargs, kw);
    MatchObject* m = self_match(args);
    Ref result = tuple_new(group_count(m) - 1);
    for (size_t g = 1; g < group_count(m); ++g)
        as_tuple(result.get())->items[g - 1] = group_text(m, g, unmatched).release();
    return result;
}

Ref match_groupdict(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* unmatched = default_arg("groupdict", args, nargs, kw);
    MatchObject* m = self_match(args);
    Ref result = dict_new();
    Dict* names = as_dict(pattern_of(m)->groupindex.get());
    Object* key;
    Object* value;
    for (size_t i = 0; dict_next(names, &i, &key, &value);)
        dict_set(as_dict(result.get()), key, group_text(m, group_index(m, key), unmatched).get());
    return result;
}

size_t group_arg(const char* name, Args args, size_t nargs, Tuple* kw) {
    check_positional(name, nargs - 1, kw, 0, 1);
    return nargs == 1 ? 0 : group_index(self_match(args), args[1]);
}

Ref match_start(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(self_match(args)->marks[2 * group_arg("start", args, nargs, kw)]);
}
Ref match_end(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(self_match(args)->marks[2 * group_arg("end", args, nargs, kw) + 1]);
}

Ref pair(int64_t a, int64_t b) {
    Ref t = tuple_new(2);
    as_tuple(t.get())->items[0] = int_from_i64(a).release();
    as_tuple(t.get())->items[1] = int_from_i64(b).release();
    return t;
}

Ref match_span(Object*, Args args, size_t nargs, Tuple* kw) {
    size_t g = group_arg("span", args, nargs, kw);
    MatchObject* m = self_match(args);
    return pair(m->marks[2 * g], m->marks[2 * g + 1]);
}

// expand(template): re._expand(pattern, match, template), as CPython.
Ref match_expand(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("expand", nargs - 1, kw, 1, 1);
    Ref re = import_module_level(intern("re"), None, 0, nullptr);
    Ref expand = get_attr(re.get(), intern("_expand"));
    Object* call_args[] = {self_match(args)->pattern.get(), args[0], args[1]};
    return call(expand.get(), call_args, 3);
}

Ref match_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__copy__", nargs - 1, kw, 0, 0);
    return Ref::borrow(args[0]);
}
Ref match_deepcopy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__deepcopy__", nargs - 1, kw, 1, 1);
    return Ref::borrow(args[0]);
}

const MethodDef kMatchMethods[] = {
    {"group", match_group, "Return subgroup(s) of the match by indices or names."},
    {"start", match_start, "Return index of the start of the substring matched by group."},
    {"end", match_end, "Return index of the end of the substring matched by group."},
    {"span", match_span, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", match_groupdict,
     "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"expand", match_expand,
     "Return the string obtained by doing backslash substitution on the string template, as done by the "
     "sub() method."},
    {"__copy__", match_copy, nullptr},
    {"__deepcopy__", match_deepcopy, nullptr},
    {nullptr, nullptr, nullptr},
};

Ref match_getattr(Object* o, Str* name) {
    auto* m = static_cast<MatchObject*>(o);
    const std::string& n = name->utf8;
    if (n == "string") return m->subject->owner;
    if (n == "re") return m->pattern;
    if (n == "pos") return int_from_i64(m->pos);
    if (n == "endpos") return int_from_i64(m->endpos);
    if (n == "lastindex") return m->lastindex >= 0 ? int_from_i64(m->lastindex) : Ref::borrow(None);
    if (n == "lastgroup") {
        Tuple* names = as_tuple(pattern_of(m)->indexgroup.get());
        if (m->lastindex < 0 || static_cast<size_t>(m->lastindex) >= names->size) return Ref::borrow(None);
        return Ref::borrow(names->items[m->lastindex]);
    }
    if (n == "regs") {
        Ref regs = tuple_new(group_count(m));
        for (size_t g = 0; g < group_count(m); ++g)
            as_tuple(regs.get())->items[g] = pair(m->marks[2 * g], m->marks[2 * g + 1]).release();
        return regs;
    }
    return generic_getattr(o, name);
}

// <re.Match object; span=(0, 3), match='abc'>, the match's repr cut to 50 characters.
Ref match_repr(Object* o) {
    auto* m = static_cast<MatchObject*>(o);
    Ref text = group_text(m, 0, None);
    std::string shown = repr_utf8(text.get());
    size_t count = 0, i = 0;
    for (; i < shown.size(); ++i)
        if ((static_cast<unsigned char>(shown[i]) & 0xC0) != 0x80 && count++ == 50) break;
    return str_new(format("<re.Match object; span=(%lld, %lld), match=", static_cast<long long>(m->marks[0]),
                          static_cast<long long>(m->marks[1])) +
                   shown.substr(0, i) + ">");
}

void match_dealloc(Object* o) { delete static_cast<MatchObject*>(o); }

// ---- the scanner ----
struct ScannerObject : Object {
    ObjectMutex mutex;  // one search at a time per scanner (free-threaded flavor)
    Ref pattern;
    std::shared_ptr<const Subject> subject;
    sre::State state;
    bool exhausted = false;
};

Ref scanner_step(Args args, size_t nargs, Tuple* kw, const char* name, bool search) {
    check_positional(name, nargs - 1, kw, 0, 0);
    auto* s = static_cast<ScannerObject*>(args[0]);
    CriticalSection cs(s->mutex);
    if (s->exhausted) return Ref::borrow(None);
    PatternObject* p = s->pattern.as<PatternObject>();
    sre::State& state = s->state;
    state.reset_marks();
    bool found = search ? sre::search(state, p->code.data()) : sre::match(state, p->code.data());
    if (!found) {
        s->exhausted = true;
        return Ref::borrow(None);
    }
    Ref m = match_new(p, s->subject, state);
    state.must_advance = state.ptr == state.start;
    state.start = state.ptr;
    return m;
}

Ref scanner_match(Object*, Args args, size_t nargs, Tuple* kw) {
    return scanner_step(args, nargs, kw, "match", false);
}
Ref scanner_search(Object*, Args args, size_t nargs, Tuple* kw) {
    return scanner_step(args, nargs, kw, "search", true);
}

const MethodDef kScannerMethods[] = {
    {"match", scanner_match, nullptr},
    {"search", scanner_search, nullptr},
    {nullptr, nullptr, nullptr},
};

Ref scanner_getattr(Object* o, Str* name) {
    if (name->utf8 == "pattern") return static_cast<ScannerObject*>(o)->pattern;
    return generic_getattr(o, name);
}

void scanner_dealloc(Object* o) { delete static_cast<ScannerObject*>(o); }

}  // namespace

Ref match_new(PatternObject* p, std::shared_ptr<const Subject> subject, const sre::State& state) {
    auto* m = new MatchObject();
    init_header(m, &match_type);
    Ref self = Ref::steal(m);
    m->pattern = Ref::borrow(p);
    m->subject = std::move(subject);
    m->pos = state.pos;
    m->endpos = state.endpos;
    m->lastindex = state.lastindex;
    m->marks.assign(2 * (p->groups + 1), -1);
    m->marks[0] = state.start;
    m->marks[1] = state.ptr;
    for (size_t g = 0; g < p->groups; ++g) {
        size_t j = 2 * g;
        if (static_cast<int64_t>(j) + 1 <= state.lastmark && state.marks[j] >= 0 && state.marks[j + 1] >= 0) {
            if (state.marks[j] > state.marks[j + 1])
                raise(&RuntimeError_type,
                      "The span of capturing group is wrong, please report a bug for the re module.");
            m->marks[j + 2] = state.marks[j];
            m->marks[j + 3] = state.marks[j + 1];
        }
    }
    return self;
}

Ref scanner_new(PatternObject* p, Object* string, int64_t pos, int64_t endpos) {
    auto* s = new ScannerObject();
    init_header(s, &scanner_type);
    Ref self = Ref::steal(s);
    s->pattern = Ref::borrow(p);
    s->subject = subject_of(string);
    pattern_begin(p, s->state, *s->subject, pos, endpos);
    return self;
}

void init_match_types() {
    match_type.name = "Match";
    match_type.instance_size = sizeof(MatchObject);
    match_type.dealloc = match_dealloc;
    match_type.repr = match_repr;
    match_type.getattr = match_getattr;
    match_type.getitem = match_getitem;
    match_type.methods = kMatchMethods;
    match_type.construct = construct_refused;  // only _sre makes these
    init_type(&match_type);
    add_class_getitem(&match_type);
    dict_set(match_type.dict, intern("__module__"), intern("re"));
    scanner_type.name = "SRE_Scanner";
    scanner_type.instance_size = sizeof(ScannerObject);
    scanner_type.dealloc = scanner_dealloc;
    scanner_type.getattr = scanner_getattr;
    scanner_type.methods = kScannerMethods;
    scanner_type.construct = construct_refused;
    init_type(&scanner_type);
    dict_set(scanner_type.dict, intern("__module__"), intern("_sre"));
}

}  // namespace minipy
