// iterators.cpp — iterator objects for the built-in containers, plus enumerate, zip and reversed.
// Each keeps a position into its container and returns null from `next` when exhausted.
#include "objects/iterators.h"

#include <algorithm>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type getitem_iterator_type, list_iterator_type, list_reverseiterator_type, tuple_iterator_type,
    str_iterator_type, range_iterator_type, dict_keyiterator_type, dict_valueiterator_type,
    dict_itemiterator_type, dict_reversekeyiterator_type, dict_reversevalueiterator_type,
    dict_reverseitemiterator_type, enumerate_type, zip_type, reversed_type;

namespace {

Type str_unicode_iterator_type;

// SeqIter's layout is shared with the interpreter loop's inline list iteration (iterators.h), so its
// storage comes from the collector here: the iterator is tracked, as CPython's (a list may hold its
// own iterator); the range iterator holds no objects and is not.
Ref seq_iter_new(Type* t, Object* seq, int64_t pos) {
    auto* it = new (gc_alloc(sizeof(SeqIter))) SeqIter();
    init_header(it, t);
    it->seq = newref(seq);
    it->pos = pos;
    return Ref::steal(it);
}

SeqIter* as_seq_iter(Object* o) { return static_cast<SeqIter*>(o); }

void seq_iter_dealloc(Object* o) {
    xdecref(as_seq_iter(o)->seq);
    as_seq_iter(o)->~SeqIter();
    gc_free(o);
}

void seq_iter_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* seq = as_seq_iter(o)->seq) visit(seq, arg);
}

// A cleared iterator acts exhausted: every `next` slot checks for a null container.
void seq_iter_clear(Object* o) { xdecref(std::exchange(as_seq_iter(o)->seq, nullptr)); }

// Drops the container at the end, so an exhausted iterator stays exhausted and frees memory early.
Ref finish(SeqIter* it) {
    Object* seq = std::exchange(it->seq, nullptr);
    xdecref(seq);
    return nullptr;
}

Ref self_iter(Object* o) { return Ref::borrow(o); }

Ref list_iter_next(Object* o) { return Ref::steal(list_iter_next_inline(o)); }

Ref list_reverse_next(Object* o) {
    SeqIter* it = as_seq_iter(o);
    if (!it->seq || it->pos < 0) return finish(it);
    Ref item = list_get_opt(it->seq, static_cast<size_t>(it->pos));
    if (!item) return finish(it);
    --it->pos;
    return item;
}

Ref tuple_iter_next(Object* o) {
    SeqIter* it = as_seq_iter(o);
    if (!it->seq) return nullptr;
    Tuple* t = as_tuple(it->seq);
    if (static_cast<size_t>(it->pos) < t->size) return Ref::borrow(t->items[it->pos++]);
    return finish(it);
}

Ref str_iter_next(Object* o) {
    SeqIter* it = as_seq_iter(o);
    if (!it->seq) return nullptr;
    const Str* s = as_str(it->seq);
    if (static_cast<size_t>(it->pos) >= s->utf8.size()) return finish(it);
    if (s->ascii) return str_char_at(s, it->pos++);
    const char* start = s->utf8.data() + it->pos;
    const char* p = start;
    uint32_t cp = utf8_decode(p);
    it->pos += p - start;
    return str_from_codepoint(cp);
}

// Old-style iteration: a class with __getitem__ and no __iter__ is iterated by indexing from 0
// until IndexError or StopIteration (CPython's `iterator` type).
Ref getitem_iter_next(Object* o) {
    SeqIter* it = as_seq_iter(o);
    if (!it->seq) return nullptr;
    try {
        return get_item(it->seq, int_from_i64(it->pos++).get());
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &IndexError_type) && !is_instance(e.exception(), &StopIteration_type))
            throw;
    }
    return finish(it);
}

// Walks any sequence with __len__ and __getitem__ backwards (reversed() of a tuple, str, ...); an
// IndexError or StopIteration from __getitem__ ends it, as CPython's.
Ref reversed_next(Object* o) {
    SeqIter* it = as_seq_iter(o);
    if (!it->seq || it->pos < 0) return finish(it);
    Ref index = int_from_i64(it->pos--);
    try {
        return get_item(it->seq, index.get());
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &IndexError_type) && !is_instance(e.exception(), &StopIteration_type))
            throw;
    }
    return finish(it);
}

// ---- range ----
void range_iter_dealloc(Object* o) { delete static_cast<RangeIter*>(o); }

Ref range_iter_next(Object* o) { return Ref::steal(range_iter_next_inline(o)); }

// ---- dict ----
struct DictIter : Object {
    MINIPY_GC_ALLOCATED
    Dict* dict;  // owned
    size_t pos;
    int64_t expected_size;
    int64_t remaining;  // items not yet produced, for __length_hint__
    DictIterKind kind;
    bool reverse;        // reversed(): `pos` counts down from the end of the entries
    bool ended = false;  // it stopped on "keys changed": exhausted from then on, as CPython's
};

DictIter* as_dict_iter(Object* o) { return static_cast<DictIter*>(o); }

void dict_iter_dealloc(Object* o) {
    decref(as_dict_iter(o)->dict);
    delete as_dict_iter(o);
}

// No clear slot (as CPython's): the dict is never null, and clearing the dict breaks any cycle.
void dict_iter_traverse(Object* o, VisitProc visit, void* arg) { visit(as_dict_iter(o)->dict, arg); }

Ref dict_iter_next(Object* o) {
    DictIter* it = as_dict_iter(o);
    if (it->ended) return nullptr;
    if (dict_size(it->dict) != it->expected_size) {
        it->expected_size = -1;  // keep failing, as CPython does
        raise(&RuntimeError_type, "dictionary changed size during iteration");
    }
    Object *k, *v;
    if (!(it->reverse ? dict_prev : dict_next)(it->dict, &it->pos, &k, &v)) return nullptr;
    // One more key than the dict held, with its size unchanged: a key was deleted and another
    // added (`del d[0]; d[0] = 0` while iterating).
    if (it->remaining <= 0) {
        it->ended = true;
        raise(&RuntimeError_type, "dictionary keys changed during iteration");
    }
    --it->remaining;
    if (it->kind == DictIterKind::Keys) return Ref::borrow(k);
    if (it->kind == DictIterKind::Values) return Ref::borrow(v);
    Object* pair[] = {k, v};
    return tuple_from(pair, 2);
}

Ref dict_iter_alloc(Type* t, Dict* d, DictIterKind kind, bool reverse) {
    auto* it = new DictIter();
    init_header(it, t);
    it->dict = as_dict(newref(d));
    it->pos = reverse ? dict_entry_end(d) : 0;
    it->expected_size = dict_size(d);
    it->remaining = it->expected_size;
    it->kind = kind;
    it->reverse = reverse;
    return Ref::steal(it);
}

// ---- enumerate and zip ----
struct Enumerate : Object {
    MINIPY_GC_ALLOCATED
    Object* iterator;  // owned
    int64_t count;
    Object* big_count = nullptr;  // owned or null: the count once it is past int64 (CPython's en_longindex)
};

void enumerate_dealloc(Object* o) {
    auto* e = static_cast<Enumerate*>(o);
    decref(e->iterator);
    xdecref(e->big_count);
    delete e;
}

// The count to hand out next (a new reference), moving on to the next one; past int64's range it
// is kept as an int object.
Ref enumerate_take_count(Enumerate* e) {
    if (!e->big_count && e->count == INT64_MAX) e->big_count = int_from_i64(INT64_MAX).release();
    if (!e->big_count) return int_from_i64(e->count++);
    Ref current = Ref::borrow(e->big_count);
    Ref one = int_from_i64(1);
    e->big_count = int_binary(current.get(), one.get(), BinaryOp::Add).release();
    decref(current.get());
    return current;
}

void enumerate_traverse(Object* o, VisitProc visit, void* arg) {
    visit(static_cast<Enumerate*>(o)->iterator, arg);
}

// Iterators that wrap iterators recurse through iter_next: zip(zip(...)) nested 100,000 deep would
// overflow the C stack, so each level counts against the recursion limit (tests/py/robust/010).
// They hand on the StopIteration of what they wrap (iter_next_raising), as CPython's: next() of
// enumerate(it) raises it's StopIteration(value).
Ref enumerate_next(Object* o) {
    RecursionGuard guard;
    auto* e = static_cast<Enumerate*>(o);
    Ref item = iter_next_raising(e->iterator);
    if (!item) return nullptr;
    Ref index = enumerate_take_count(e);
    Object* pair[] = {index.get(), item.get()};
    return tuple_from(pair, 2);
}

// enumerate, zip and reversed may be subclassed: `type` is the class being instantiated.
Ref enumerate_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    static const char* const names[] = {"iterable", "start"};
    Object* bound[2];
    bind_args("enumerate", args, nargs, kwnames, names, 2, 0, bound);
    // Without Argument Clinic's "(pos 1)", as CPython's enumerate_new.
    if (!bound[0]) raise(&TypeError_type, "enumerate() missing required argument 'iterable'");
    Ref it = get_iter(bound[0]);
    auto* e = new Enumerate();
    init_header(e, static_cast<Type*>(type));
    e->iterator = it.release();
    Ref owned = Ref::steal(e);
    e->count = 0;
    if (bound[1]) {
        Ref start = is_int(bound[1]) ? Ref::borrow(bound[1]) : index_value(bound[1]);
        if (!start) as_index(bound[1]);  // raises CPython's TypeError
        if (!int_to_i64(start.get(), &e->count)) e->big_count = int_exact(start.get()).release();
    }
    return owned;
}

struct Zip : Object {
    MINIPY_GC_ALLOCATED
    std::vector<Object*> iterators;  // owned
    bool strict = false;             // zip(..., strict=True): unequal lengths raise ValueError
};

void zip_traverse(Object* o, VisitProc visit, void* arg) {
    for (Object* it : static_cast<Zip*>(o)->iterators) visit(it, arg);
}

void zip_dealloc(Object* o) {
    auto* z = static_cast<Zip*>(o);
    for (Object* it : z->iterators) decref(it);
    delete z;
}

// "argument 2 is shorter than argument 1", "argument 3 is longer than arguments 1-2": CPython's
// texts when a strict zip finds iterator i (0-based) ending at a different place than those before.
[[noreturn]] void raise_zip_length(size_t i, const char* how) {
    raise(&ValueError_type,
          format("zip() argument %zu is %s than argument%s%zu", i + 1, how, i == 1 ? " " : "s 1-", i));
}

// A strict zip whose iterator i ran out: the others must run out at the same time.
void check_zip_lengths(Zip* z, size_t i) {
    if (i > 0) raise_zip_length(i, "shorter");
    for (i = 1; i < z->iterators.size(); ++i)
        if (Ref extra = iter_next(z->iterators[i])) raise_zip_length(i, "longer");
}

Ref zip_next(Object* o) {
    RecursionGuard guard;  // as enumerate_next
    auto* z = static_cast<Zip*>(o);
    if (z->iterators.empty()) return nullptr;
    Ref result = tuple_new(z->iterators.size());
    for (size_t i = 0; i < z->iterators.size(); ++i) {
        // A strict zip checks the lengths and then ends plainly, as CPython's.
        Ref item = z->strict ? iter_next(z->iterators[i]) : iter_next_raising(z->iterators[i]);
        if (!item) {
            if (z->strict) check_zip_lengths(z, i);
            return nullptr;
        }
        as_tuple(result.get())->items[i] = item.release();
    }
    return result;
}

// zip(*iterables, strict=False): strict is keyword-only, as CPython's.
Ref zip_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    bool strict = false;
    for (size_t k = 0; kwnames && k < kwnames->size; ++k) {
        const std::string& name = str_utf8_of(kwnames->items[k]);
        if (name != "strict")
            raise(&TypeError_type, format("'%s' is an invalid keyword argument for zip()", name.c_str()));
        strict = is_true(args[nargs + k]);
    }
    auto* z = new Zip();
    init_header(z, static_cast<Type*>(type));
    Ref result = Ref::steal(z);
    z->strict = strict;
    for (size_t i = 0; i < nargs; ++i) z->iterators.push_back(get_iter(args[i]).release());
    return result;
}

// As CPython, a sequence's own __reversed__ (and a list's reverse iterator) is returned as it is,
// even when a subclass of reversed was called.
Ref reversed_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("reversed");
    if (nargs != 1) raise_arg_count("reversed", 1, 1, nargs);
    Object* seq = args[0];
    if (type_of(seq) == &list_type) return list_reverse_iter_new(seq);
    static Str* const kReversed = intern("__reversed__");
    if (Ref method = special_method(seq, kReversed)) return call0(method.get());
    Type* t = type_of(seq);
    if (!t->len || !t->getitem)
        raise(&TypeError_type, format("'%s' object is not reversible", t->name.c_str()));
    return seq_iter_new(static_cast<Type*>(type), seq, length(seq) - 1);
}

// ---- __length_hint__: how many items are left, as CPython's iterators say (operator.length_hint,
// list(it) sizing). Each takes no arguments. ----

Ref hint(int64_t n) { return int_from_i64(std::max<int64_t>(n, 0)); }

void check_no_args(Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional(type_of(args[0])->name.c_str(), "__length_hint__", nargs - 1, kw, 0, 0);
}

Ref list_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    return hint(it->seq ? length(it->seq) - it->pos : 0);
}

// Counts down to index 0; 0 once the list shrank below the position.
Ref list_reverse_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    return hint(it->seq && it->pos < length(it->seq) ? it->pos + 1 : 0);
}

// A str iterator's position is a byte offset: the characters left are the bytes that start one.
Ref str_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    if (!it->seq) return hint(0);
    const std::string& text = as_str(it->seq)->utf8;
    int64_t left = 0;
    for (size_t i = static_cast<size_t>(it->pos); i < text.size(); ++i)
        left += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return hint(left);
}

Ref range_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    return hint(static_cast<RangeIter*>(args[0])->remaining);
}

// 0 once the dict changed size, as CPython's (the next step raises).
Ref dict_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    DictIter* it = as_dict_iter(args[0]);
    return hint(dict_size(it->dict) == it->expected_size ? it->remaining : 0);
}

// The old-style iterator knows only what its sequence's len() says; without one, NotImplemented.
Ref getitem_iter_length_hint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_no_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    if (!it->seq) return hint(0);
    if (!type_of(it->seq)->len) return Ref::borrow(NotImplemented);
    return hint(length(it->seq) - it->pos);
}

// ---- pickling: __reduce__ gives what rebuilds the iterator where it stands, __setstate__ moves a
// rebuilt one there (CPython's forms, so pickles travel between the two) ----

Object* g_builtin_iter = nullptr;
Object* g_builtin_next = nullptr;
Object* g_builtin_getattr = nullptr;

void check_reduce_args(Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional(type_of(args[0])->name.c_str(), "__reduce__", nargs - 1, kw, 0, 0);
}

// list, tuple and the old-style iterator: (iter, (seq,), index).
Ref seq_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    return reduce_iter_at(it->seq, it->pos, type_of(args[0]) == &list_iterator_type);
}

Ref seq_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    SeqIter* it = as_seq_iter(args[0]);
    bool bounded = type_of(args[0]) != &getitem_iterator_type;
    int64_t index = setstate_index(args, nargs, kw, 0, it->seq && bounded ? length(it->seq) : INT64_MAX);
    if (it->seq) it->pos = index;
    return Ref::borrow(None);
}

// reversed(seq) and a list's reverse iterator: (reversed, (seq,), index), index counting down.
Ref reverse_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    bool is_list = type_of(args[0]) == &list_reverseiterator_type;
    Object* callable = is_list ? &reversed_type : type_of(args[0]);
    // Only once next() has let go of the sequence; a reverse iterator whose index ran below 0
    // keeps it until then, and pickles with that index, as CPython's.
    if (!it->seq) {
        if (is_list) return reduce_iter_at(nullptr, 0, true);
        Object* empty[] = {empty_tuple()};
        return reduce_value(callable, tuple_from(empty, 1));
    }
    Object* seq[] = {it->seq};
    Ref index = int_from_i64(it->pos);
    return reduce_value(callable, tuple_from(seq, 1), index.get());
}

Ref reverse_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    SeqIter* it = as_seq_iter(args[0]);
    int64_t index = setstate_index(args, nargs, kw, -1, it->seq ? length(it->seq) - 1 : -1);
    if (it->seq) it->pos = index;
    return Ref::borrow(None);
}

// A str iterator's position is a byte offset; pickles count characters.
Ref str_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    SeqIter* it = as_seq_iter(args[0]);
    if (!it->seq) return reduce_iter_at(nullptr, 0, false);
    const std::string& text = as_str(it->seq)->utf8;
    int64_t chars = 0;
    for (int64_t i = 0; i < it->pos; ++i) chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return reduce_iter_at(it->seq, chars, false);
}

Ref str_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    SeqIter* it = as_seq_iter(args[0]);
    int64_t chars = setstate_index(args, nargs, kw, 0, it->seq ? as_str(it->seq)->length : 0);
    if (!it->seq) return Ref::borrow(None);
    const std::string& text = as_str(it->seq)->utf8;
    size_t at = 0;
    for (int64_t seen = 0; at < text.size(); ++at) {
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && seen++ == chars) break;
    }
    it->pos = static_cast<int64_t>(at);
    return Ref::borrow(None);
}

// (iter, (range(start, stop, step),), index): the range the iterator was made from.
Ref range_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    auto* it = static_cast<RangeIter*>(args[0]);
    int64_t done = it->step ? (it->next - it->start) / it->step : 0;
    int64_t total = done + std::max<int64_t>(it->remaining, 0);
    // stop = start + total * step, in ints: it may lie outside int64 (range(1, 2, 2**63 - 1)).
    Ref start = int_from_i64(it->start), step = int_from_i64(it->step), count = int_from_i64(total);
    Ref span = int_binary(count.get(), step.get(), BinaryOp::Mul);
    Ref stop = int_binary(start.get(), span.get(), BinaryOp::Add);
    Object* range_args[] = {start.get(), stop.get(), step.get()};
    Ref range = call(&range_type, range_args, 3);
    return reduce_iter_at(range.get(), done, false);
}

Ref range_iter_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    auto* it = static_cast<RangeIter*>(args[0]);
    int64_t done = it->step ? (it->next - it->start) / it->step : 0;
    int64_t total = done + std::max<int64_t>(it->remaining, 0);
    int64_t index = setstate_index(args, nargs, kw, 0, total);
    it->next = it->start + index * it->step;
    it->remaining = total - index;
    return Ref::borrow(None);
}

// (iter, ([the items not yet produced],)).
Ref dict_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    DictIter* it = as_dict_iter(args[0]);
    if (dict_size(it->dict) != it->expected_size)
        raise(&RuntimeError_type, "dictionary changed size during iteration");
    Ref items = list_new();
    size_t pos = it->pos;
    for (Object *k, *v; (it->reverse ? dict_prev : dict_next)(it->dict, &pos, &k, &v);) {
        if (it->kind == DictIterKind::Items) {
            Object* pair[] = {k, v};
            list_append(items.get(), tuple_from(pair, 2).get());
        } else {
            list_append(items.get(), it->kind == DictIterKind::Keys ? k : v);
        }
    }
    Object* list_arg[] = {items.get()};
    return reduce_value(g_builtin_iter, tuple_from(list_arg, 1));
}

// (enumerate, (iterator, count)).
Ref enumerate_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    auto* e = static_cast<Enumerate*>(args[0]);
    Ref count = e->big_count ? Ref::borrow(e->big_count) : int_from_i64(e->count);
    Object* items[] = {e->iterator, count.get()};
    return reduce_value(type_of(args[0]), tuple_from(items, 2));
}

// (zip, (iterator, ...)), and True after them for a strict zip.
Ref zip_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_reduce_args(args, nargs, kw);
    auto* z = static_cast<Zip*>(args[0]);
    return reduce_value(type_of(args[0]), tuple_from(z->iterators.data(), z->iterators.size()),
                        z->strict ? True : nullptr);
}

// __setstate__(strict): what unpickling a strict zip calls.
Ref zip_setstate(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_clinic_positional("zip", "__setstate__", nargs - 1, kw, 1, 1);
    static_cast<Zip*>(args[0])->strict = is_true(args[1]);
    return Ref::borrow(None);
}

constexpr const char* kReduceDoc = "Return state information for pickling.";
constexpr const char* kSetStateDoc = "Set state information for unpickling.";
constexpr const char* kLengthHintDoc = "Private method returning an estimate of len(list(it)).";
const MethodDef kListIterMethods[] = {{"__length_hint__", list_iter_length_hint, kLengthHintDoc},
                                      {"__reduce__", seq_iter_reduce, kReduceDoc},
                                      {"__setstate__", seq_iter_setstate, kSetStateDoc},
                                      {}};
const MethodDef kListReverseMethods[] = {{"__length_hint__", list_reverse_length_hint, kLengthHintDoc},
                                         {"__reduce__", reverse_iter_reduce, kReduceDoc},
                                         {"__setstate__", reverse_iter_setstate, kSetStateDoc},
                                         {}};
const MethodDef kStrIterMethods[] = {{"__length_hint__", str_iter_length_hint, kLengthHintDoc},
                                     {"__reduce__", str_iter_reduce, kReduceDoc},
                                     {"__setstate__", str_iter_setstate, kSetStateDoc},
                                     {}};
const MethodDef kRangeIterMethods[] = {{"__length_hint__", range_iter_length_hint, kLengthHintDoc},
                                       {"__reduce__", range_iter_reduce, kReduceDoc},
                                       {"__setstate__", range_iter_setstate, kSetStateDoc},
                                       {}};
const MethodDef kDictIterMethods[] = {{"__length_hint__", dict_iter_length_hint, kLengthHintDoc},
                                      {"__reduce__", dict_iter_reduce, kReduceDoc},
                                      {}};
const MethodDef kGetitemIterMethods[] = {{"__length_hint__", getitem_iter_length_hint, kLengthHintDoc},
                                         {"__reduce__", seq_iter_reduce, kReduceDoc},
                                         {"__setstate__", seq_iter_setstate, kSetStateDoc},
                                         {}};
const MethodDef kEnumerateMethods[] = {{"__reduce__", enumerate_reduce, kReduceDoc}, {}};
const MethodDef kZipMethods[] = {
    {"__reduce__", zip_reduce, kReduceDoc}, {"__setstate__", zip_setstate, kSetStateDoc}, {}};

}  // namespace

void set_reduce_builtins(Object* iter_function, Object* next_function, Object* getattr_function) {
    g_builtin_iter = iter_function;
    g_builtin_next = next_function;
    g_builtin_getattr = getattr_function;
}

Object* builtin_iter() { return g_builtin_iter; }

Object* builtin_next() { return g_builtin_next; }

Object* builtin_getattr() { return g_builtin_getattr; }

Ref reduce_as_getattr(Object* owner, Object* name) {
    Object* pair[2] = {owner, name};
    return reduce_value(g_builtin_getattr, tuple_from(pair, 2));
}

Ref reduce_value(Object* callable, Ref args, Object* state) {
    Object* items[] = {callable, args.get(), state};
    return tuple_from(items, state ? 3 : 2);
}

Ref reduce_iter_at(Object* seq, int64_t index, bool empty_list) {
    if (!seq) {
        Ref empty = empty_list ? list_new() : Ref::borrow(empty_tuple());
        Object* items[] = {empty.get()};
        return reduce_value(g_builtin_iter, tuple_from(items, 1));
    }
    Object* items[] = {seq};
    Ref state = int_from_i64(index);
    return reduce_value(g_builtin_iter, tuple_from(items, 1), state.get());
}

int64_t setstate_index(Object* const* args, size_t nargs, Tuple* kw, int64_t low, int64_t high) {
    check_clinic_positional(type_of(args[0])->name.c_str(), "__setstate__", nargs - 1, kw, 1, 1);
    if (!is_int(args[1])) raise(&TypeError_type, "an integer is required");
    return std::clamp(as_index(args[1]), low, std::max(low, high));
}

void init_iterator_type(Type& t, const char* name, size_t size, DeallocSlot dealloc, NextSlot next) {
    t.name = name;
    t.instance_size = size;
    t.dealloc = dealloc;
    t.iter = self_iter;
    t.next = next;
    init_type(&t);
}

Ref getitem_iter_new(Object* seq) { return seq_iter_new(&getitem_iterator_type, seq, 0); }
Ref list_iter_new(Object* list) { return seq_iter_new(&list_iterator_type, list, 0); }
Ref list_reverse_iter_new(Object* list) {
    return seq_iter_new(&list_reverseiterator_type, list, length(list) - 1);
}
Ref tuple_iter_new(Object* tuple) { return seq_iter_new(&tuple_iterator_type, tuple, 0); }
// CPython has two: str_ascii_iterator for an ASCII str, str_iterator for any other.
Ref str_iter_new(Object* str) {
    return seq_iter_new(as_str(str)->ascii ? &str_iterator_type : &str_unicode_iterator_type, str, 0);
}

Ref range_iter_new(int64_t start, int64_t step, int64_t length) {
    auto* it = new RangeIter();
    init_header(it, &range_iterator_type);
    it->next = start;
    it->step = step;
    it->remaining = length;
    it->start = start;
    return Ref::steal(it);
}

Ref dict_iter_new(Object* dict, DictIterKind kind) {
    Type* t = kind == DictIterKind::Keys     ? &dict_keyiterator_type
              : kind == DictIterKind::Values ? &dict_valueiterator_type
                                             : &dict_itemiterator_type;
    return dict_iter_alloc(t, as_dict(dict), kind, false);
}

Ref dict_reverse_iter_new(Object* dict, DictIterKind kind) {
    Type* t = kind == DictIterKind::Keys     ? &dict_reversekeyiterator_type
              : kind == DictIterKind::Values ? &dict_reversevalueiterator_type
                                             : &dict_reverseitemiterator_type;
    return dict_iter_alloc(t, as_dict(dict), kind, true);
}

void init_iterator_types() {
    // A tuple iterator counts as a list's does; reversed() over a sequence as a list's reverse one.
    list_iterator_type.methods = tuple_iterator_type.methods = kListIterMethods;
    list_reverseiterator_type.methods = reversed_type.methods = kListReverseMethods;
    str_iterator_type.methods = str_unicode_iterator_type.methods = kStrIterMethods;
    enumerate_type.methods = kEnumerateMethods;
    zip_type.methods = kZipMethods;
    range_iterator_type.methods = kRangeIterMethods;
    getitem_iterator_type.methods = kGetitemIterMethods;
    for (Type* t :
         {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type,
          &dict_reversekeyiterator_type, &dict_reversevalueiterator_type, &dict_reverseitemiterator_type})
        t->methods = kDictIterMethods;
    init_iterator_type(getitem_iterator_type, "iterator", sizeof(SeqIter), seq_iter_dealloc,
                       getitem_iter_next);
    init_iterator_type(list_iterator_type, "list_iterator", sizeof(SeqIter), seq_iter_dealloc,
                       list_iter_next);
    init_iterator_type(list_reverseiterator_type, "list_reverseiterator", sizeof(SeqIter), seq_iter_dealloc,
                       list_reverse_next);
    init_iterator_type(tuple_iterator_type, "tuple_iterator", sizeof(SeqIter), seq_iter_dealloc,
                       tuple_iter_next);
    init_iterator_type(str_unicode_iterator_type, "str_iterator", sizeof(SeqIter), seq_iter_dealloc,
                       str_iter_next);
    init_iterator_type(str_iterator_type, "str_ascii_iterator", sizeof(SeqIter), seq_iter_dealloc,
                       str_iter_next);
    init_iterator_type(range_iterator_type, "range_iterator", sizeof(RangeIter), range_iter_dealloc,
                       range_iter_next);
    init_iterator_type(dict_keyiterator_type, "dict_keyiterator", sizeof(DictIter), dict_iter_dealloc,
                       dict_iter_next);
    init_iterator_type(dict_valueiterator_type, "dict_valueiterator", sizeof(DictIter), dict_iter_dealloc,
                       dict_iter_next);
    init_iterator_type(dict_itemiterator_type, "dict_itemiterator", sizeof(DictIter), dict_iter_dealloc,
                       dict_iter_next);
    init_iterator_type(dict_reversekeyiterator_type, "dict_reversekeyiterator", sizeof(DictIter),
                       dict_iter_dealloc, dict_iter_next);
    init_iterator_type(dict_reversevalueiterator_type, "dict_reversevalueiterator", sizeof(DictIter),
                       dict_iter_dealloc, dict_iter_next);
    init_iterator_type(dict_reverseitemiterator_type, "dict_reverseitemiterator", sizeof(DictIter),
                       dict_iter_dealloc, dict_iter_next);
    enumerate_type.construct = enumerate_construct;
    init_iterator_type(enumerate_type, "enumerate", sizeof(Enumerate), enumerate_dealloc, enumerate_next);
    add_class_getitem(&enumerate_type);
    zip_type.construct = zip_construct;
    init_iterator_type(zip_type, "zip", sizeof(Zip), zip_dealloc, zip_next);
    reversed_type.construct = reversed_construct;
    init_iterator_type(reversed_type, "reversed", sizeof(SeqIter), seq_iter_dealloc, reversed_next);
    for (Type* t : {&getitem_iterator_type, &list_iterator_type, &list_reverseiterator_type,
                    &tuple_iterator_type, &str_iterator_type, &str_unicode_iterator_type, &reversed_type}) {
        t->traverse = seq_iter_traverse;
        t->clear = seq_iter_clear;
    }
    for (Type* t :
         {&dict_keyiterator_type, &dict_valueiterator_type, &dict_itemiterator_type,
          &dict_reversekeyiterator_type, &dict_reversevalueiterator_type, &dict_reverseitemiterator_type})
        t->traverse = dict_iter_traverse;
    enumerate_type.traverse = enumerate_traverse;
    zip_type.traverse = zip_traverse;
    for (Type* t : {&enumerate_type, &zip_type, &reversed_type}) {
        t->is_basetype = true;
        t->constructs_subclasses = true;
    }
}

}  // namespace minipy
