// ordered_dict.cpp — the native OrderedDict that CPython's collections/__init__.py takes from
// _collections: a dict (whose entries keep insertion order already) that can move a key to either
// end, pop from either end, compares order-sensitively with another OrderedDict, and whose iterators
// and views raise CPython's "OrderedDict mutated during iteration" when a key is added, removed or
// moved under them.
#include "modules/ordered_dict.h"

#include <atomic>
#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/format.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type odict_type, odict_iterator_type, odict_keys_type, odict_values_type, odict_items_type;

struct ODict : Dict {
    // Bumped by every change of the keys or their order made through the OrderedDict (not a new
    // value for a key): its iterators compare it, as CPython's od_state. Atomic: threads of
    // minipy-ft bump it without a lock.
    std::atomic<uint64_t> state{0};
    Dict* attrs = nullptr;  // owned: the instance __dict__, made on first use
};

ODict* as_odict(Object* o) { return static_cast<ODict*>(o); }
bool is_odict(Object* o) { return is_instance(o, &odict_type); }
void changed(Object* o) { as_odict(o)->state.fetch_add(1, std::memory_order_relaxed); }

[[noreturn]] void raise_empty() { raise(&KeyError_type, "dictionary is empty"); }

// ---- iteration ----

struct ODictIter : Object {
    MINIPY_GC_ALLOCATED
    Object* od = nullptr;  // owned; null once exhausted
    size_t pos = 0;        // the dict entry to look at next (dict_next / dict_prev)
    uint64_t state = 0;
    int64_t size = 0;
    DictIterKind kind = DictIterKind::Keys;
    bool reverse = false;
};

ODictIter* as_iter(Object* o) { return static_cast<ODictIter*>(o); }

Ref odict_iter_new(Object* od, DictIterKind kind, bool reverse) {
    auto* it = new ODictIter();
    init_header(it, &odict_iterator_type);
    it->od = newref(od);
    it->kind = kind;
    it->reverse = reverse;
    it->state = as_odict(od)->state.load(std::memory_order_relaxed);
    it->size = dict_size(as_dict(od));
    it->pos = reverse ? dict_entry_end(as_dict(od)) : 0;
    return Ref::steal(it);
}

Ref odict_iter_next(Object* o) {
    ODictIter* it = as_iter(o);
    if (!it->od) return Ref();
    Dict* d = as_dict(it->od);
    if (as_odict(d)->state.load(std::memory_order_relaxed) != it->state)
        raise(&RuntimeError_type, "OrderedDict mutated during iteration");
    if (dict_size(d) != it->size) raise(&RuntimeError_type, "OrderedDict changed size during iteration");
    Object *k, *v;
    if (!(it->reverse ? dict_prev : dict_next)(d, &it->pos, &k, &v)) {
        Ref done = Ref::steal(std::exchange(it->od, nullptr));
        return Ref();
    }
    if (it->kind == DictIterKind::Keys) return Ref::borrow(k);
    if (it->kind == DictIterKind::Values) return Ref::borrow(v);
    Object* pair[] = {k, v};
    return tuple_from(pair, 2);
}

// (iter, ([the items not yet produced],)), as CPython's odictiter_reduce.
Ref odict_iter_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    ODictIter* it = as_iter(args[0]);
    Ref rest = list_new();
    if (it->od) {
        size_t pos = it->pos;
        for (Object *k, *v; (it->reverse ? dict_prev : dict_next)(as_dict(it->od), &pos, &k, &v);) {
            Object* pair[] = {k, v};
            Ref item = it->kind == DictIterKind::Items ? tuple_from(pair, 2)
                                                       : Ref::borrow(it->kind == DictIterKind::Keys ? k : v);
            list_append(rest.get(), item.get());
        }
    }
    Object* list_arg[] = {rest.get()};
    return reduce_value(builtin_iter(), tuple_from(list_arg, 1));
}

void odict_iter_dealloc(Object* o) {
    xdecref(std::exchange(as_iter(o)->od, nullptr));
    delete as_iter(o);
}

void odict_iter_traverse(Object* o, VisitProc visit, void* arg) {
    if (as_iter(o)->od) visit(as_iter(o)->od, arg);
}

// ---- views: odict_keys, odict_values, odict_items, dict views whose iterators are the above ----

DictIterKind view_kind(Object* view) {
    Type* t = type_of(view);
    return is_subtype(t, &odict_keys_type)     ? DictIterKind::Keys
           : is_subtype(t, &odict_values_type) ? DictIterKind::Values
                                               : DictIterKind::Items;
}

Ref odict_view_iter(Object* view) { return odict_iter_new(view_dict(view), view_kind(view), false); }

Ref odict_view_reversed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reversed__", nargs - 1, kw, 0, 0);
    return odict_iter_new(view_dict(args[0]), view_kind(args[0]), true);
}

const MethodDef kViewMethods[] = {
    {"__reversed__", odict_view_reversed, "Return a reverse iterator over the view."},
    {nullptr, nullptr, nullptr},
};

// ---- filling ----

// One (key, value) pair of an iterable given to update(): CPython's unpacking errors.
void add_pair(Object* self, Object* pair) {
    Ref items = tuple_from_iterable(pair);
    size_t n = as_tuple(items.get())->size;
    if (n < 2) raise(&ValueError_type, format("need more than %zu value%s to unpack", n, n == 1 ? "" : "s"));
    if (n > 2) raise(&ValueError_type, "too many values to unpack (expected 2)");
    set_item(self, as_tuple(items.get())->items[0], as_tuple(items.get())->items[1]);
}

// MutableMapping.update's reading of `other`: a dict, anything with keys(), or (key, value) pairs.
// Every item goes through self[key] = value, so a subclass's __setitem__ sees it.
void update_from(Object* self, Object* other) {
    if (type_of(other) == &dict_type) {
        Object *k, *v;
        for (size_t pos = 0; dict_next(as_dict(other), &pos, &k, &v);) {
            Ref key = Ref::borrow(k), value = Ref::borrow(v);
            set_item(self, key.get(), value.get());
        }
        return;
    }
    if (Ref keys = find_attr(other, intern("keys"))) {
        Ref listed = call0(keys.get());
        for_each_item(listed.get(), [&](Object* key) {
            Ref value = get_item(other, key);
            set_item(self, key, value.get());
        });
        return;
    }
    for_each_item(other, [&](Object* pair) { add_pair(self, pair); });
}

void update_with(const char* fname, Object* self, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1)
        raise(&TypeError_type, format("%s expected at most 1 argument%s, got %zu", fname, "", nargs));
    if (nargs == 1) update_from(self, args[0]);
    for (size_t k = 0; kw && k < kw->size; ++k) set_item(self, kw->items[k], args[nargs + k]);
}

// OrderedDict(other=(), /, **kwargs), its __init__.
void fill(Object* self, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1) raise(&TypeError_type, format("expected at most 1 arguments, got %zu", nargs));
    update_with("update", self, args, nargs, kw);
}

Ref odict_init(Object*, Args args, size_t nargs, Tuple* kw) {
    fill(args[0], args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref odict_update(Object*, Args args, size_t nargs, Tuple* kw) {
    update_with("update", args[0], args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

Ref odict_alloc(Type* t) {
    auto* od = new ODict();
    init_header(od, t);
    return Ref::steal(od);
}

Ref odict_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    Ref self = odict_alloc(t);
    Ref init = t == &odict_type ? nullptr : type_lookup(t, intern("__init__"));
    bool own_init = t == &odict_type || (init && is_method_descriptor(init.get()) &&
                                         static_cast<MethodDescriptor*>(init.get())->def->fn == odict_init);
    if (own_init) fill(self.get(), args, nargs, kw);
    return self;
}

// ---- the slots ----

// od[key] = value and del od[key]: a new key or a removed one changes the order's state.
void odict_setitem(Object* o, Object* key, Object* value) {
    Dict* d = as_dict(o);
    if (!value) {
        if (!dict_del(d, key)) raise_key_error(key);
        changed(o);
        return;
    }
    int64_t before = dict_size(d);
    dict_set(d, key, value);
    if (dict_size(d) != before) changed(o);
}

std::string shown_name(Object* o) {
    std::string name = type_of(o)->name;
    if (size_t dot = name.rfind('.'); dot != std::string::npos && !is_heap_type(type_of(o)))
        name = name.substr(dot + 1);
    return name;
}

// OrderedDict([('a', 1)]), as 3.11 writes it; "..." for an OrderedDict inside itself.
Ref odict_repr(Object* o) {
    std::string name = shown_name(o);
    if (dict_size(as_dict(o)) == 0) return str_new(name + "()");
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("...");
    std::string out = name + "([";
    Object *k, *v;
    bool first = true;
    for (size_t pos = 0; dict_next(as_dict(o), &pos, &k, &v);) {
        Object* pair[] = {k, v};
        Ref item = tuple_from(pair, 2);
        out += (first ? "" : ", ") + repr_utf8(item.get());
        first = false;
    }
    return str_new(out + "])");
}

// Two OrderedDicts are equal when their items are, in the same order; with a plain dict, order
// does not matter.
Ref odict_compare(Object* a, Object* b, CompareOp op) {
    Ref result = dict_type.compare(a, b, op);
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_odict(a) || !is_odict(b) ||
        result.get() == NotImplemented)
        return result;
    bool equal = (result.get() == True) == (op == CompareOp::Eq);
    if (equal) {
        size_t pa = 0, pb = 0;
        Object *ka, *va, *kb, *vb;
        while (equal && dict_next(as_dict(a), &pa, &ka, &va) && dict_next(as_dict(b), &pb, &kb, &vb)) {
            Ref hold_a = Ref::borrow(ka), hold_b = Ref::borrow(kb);
            equal = equals(ka, kb);
        }
    }
    return Ref::borrow(bool_obj(equal == (op == CompareOp::Eq)));
}

Ref odict_iter(Object* o) { return odict_iter_new(o, DictIterKind::Keys, false); }

// left | right: type(the OrderedDict)(left), updated from right.
Ref odict_or(Object* a, Object* b) {
    Object* od = is_odict(a) ? a : b;
    Object* other = od == a ? b : a;
    if (!is_instance(other, &dict_type)) return Ref::borrow(NotImplemented);
    Ref result = call1(type_of(od), a);
    update_from(result.get(), b);
    return result;
}

Ref odict_inplace_or(Object* a, Object* b) {
    update_from(a, b);
    return Ref::borrow(a);
}

// Instance attributes of OrderedDict itself (CPython's has a __dict__); subclasses use the same.
Dict* odict_attrs(Object* o) {
    ODict* od = as_odict(o);
    if (!od->attrs) od->attrs = as_dict(dict_new().release());
    return od->attrs;
}

Ref odict_getattr(Object* o, Str* name) {
    if (name->utf8 == "__dict__") return Ref::borrow(odict_attrs(o));
    if (ODict* od = as_odict(o); od->attrs)
        if (Ref v = dict_get_ref(od->attrs, name)) return v;
    return generic_getattr(o, name);
}

void odict_setattr(Object* o, Str* name, Object* value) {
    if (value) {
        dict_set(odict_attrs(o), name, value);
    } else if (!as_odict(o)->attrs || !dict_del(as_odict(o)->attrs, name)) {
        raise_no_attribute(o, name);
    }
}

void odict_dealloc(Object* o) {
    weakrefs_clear(o);
    xdecref(std::exchange(as_odict(o)->attrs, nullptr));
    dict_type.dealloc(o);
}

void odict_traverse(Object* o, VisitProc visit, void* arg) {
    if (as_odict(o)->attrs) visit(as_odict(o)->attrs, arg);
    dict_type.traverse(o, visit, arg);
}

void odict_clear_slot(Object* o) {
    xdecref(std::exchange(as_odict(o)->attrs, nullptr));
    dict_type.clear(o);
}

// ---- the methods ----

// move_to_end(key, last=True): the dict makes the entry last in one step (dict_move_to_end), so
// another thread never finds the key missing.
Ref odict_move_to_end(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "last"};
    Object* bound[2];
    bind_args("move_to_end", args + 1, nargs - 1, kw, kNames, 2, 0, bound);
    if (!bound[0]) raise(&TypeError_type, "move_to_end() missing required argument 'key' (pos 1)");
    Dict* d = as_dict(args[0]);
    Object* key = bound[0];
    if (!dict_contains_key(d, key)) raise_key_error(key);
    bool last = !bound[1] || is_true(bound[1]);
    if (last) {
        dict_move_to_end(d, key);
    } else {
        // To the front: every other key, in order, goes to the end after it. O(n), where CPython's
        // linked list is O(1); no key added meanwhile by another thread is lost.
        Ref keys = dict_keys_list(d);
        for_each_item(keys.get(), [&](Object* k) {
            if (k != key && !equals(k, key)) dict_move_to_end(d, k);
        });
    }
    changed(args[0]);
    return Ref::borrow(None);
}

Ref odict_popitem(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"last"};
    Object* bound[1];
    bind_args("popitem", args + 1, nargs - 1, kw, kNames, 1, 0, bound);
    bool last = !bound[0] || is_true(bound[0]);
    Dict* d = as_dict(args[0]);
    for (;;) {
        size_t pos = last ? dict_entry_end(d) : 0;
        Object *k, *v;
        if (!(last ? dict_prev : dict_next)(d, &pos, &k, &v)) raise_empty();
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        if (!dict_del_trimming(d, key.get())) continue;  // another thread took it first
        changed(args[0]);
        Object* pair[] = {key.get(), value.get()};
        return tuple_from(pair, 2);
    }
}

Ref odict_pop(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "default"};
    Object* bound[2];
    bind_args("pop", args + 1, nargs - 1, kw, kNames, 2, 1, bound);
    Dict* d = as_dict(args[0]);
    Ref value = dict_get_ref(d, bound[0]);
    if (value && dict_del(d, bound[0])) {
        changed(args[0]);
        return value;
    }
    if (bound[1]) return Ref::borrow(bound[1]);
    raise_key_error(bound[0]);
}

Ref odict_setdefault(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "default"};
    Object* bound[2];
    bind_args("setdefault", args + 1, nargs - 1, kw, kNames, 2, 1, bound);
    if (Ref value = dict_get_ref(as_dict(args[0]), bound[0])) return value;
    Object* value = bound[1] ? bound[1] : None;
    set_item(args[0], bound[0], value);
    return Ref::borrow(value);
}

Ref odict_clear(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("clear", nargs - 1, kw, 0, 0);
    dict_clear(as_dict(args[0]));
    return Ref::borrow(None);
}

// A shallow copy of the same class: type(od)() filled item by item, as CPython's odict_copy.
Ref odict_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    Object* self = args[0];
    Ref copy = type_of(self) == &odict_type ? odict_alloc(&odict_type) : call0(type_of(self));
    Object *k, *v;
    for (size_t pos = 0; dict_next(as_dict(self), &pos, &k, &v);) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        set_item(copy.get(), key.get(), value.get());
    }
    return copy;
}

// OrderedDict.fromkeys(iterable, value=None): cls() filled key by key.
Ref odict_fromkeys(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"iterable", "value"};
    Object* bound[2];
    bind_args("fromkeys", args + 1, nargs - 1, kw, kNames, 2, 1, bound);
    Ref self = call0(args[0]);
    Object* value = bound[1] ? bound[1] : None;
    for_each_item(bound[0], [&](Object* key) { set_item(self.get(), key, value); });
    return self;
}

Ref odict_reversed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reversed__", nargs - 1, kw, 0, 0);
    return odict_iter_new(args[0], DictIterKind::Keys, true);
}

Ref odict_keys(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("keys", nargs - 1, kw, 0, 0);
    return dict_view_new(&odict_keys_type, args[0]);
}
Ref odict_values(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("values", nargs - 1, kw, 0, 0);
    return dict_view_new(&odict_values_type, args[0]);
}
Ref odict_items(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("items", nargs - 1, kw, 0, 0);
    return dict_view_new(&odict_items_type, args[0]);
}

// (class, (), state, None, iterator of the items): pickle and copy rebuild the OrderedDict item by
// item, in order. The state is what __getstate__ gives (CPython's _PyObject_GetState): the
// instance __dict__ or None, paired with a subclass's __slots__ values where it has some.
Ref odict_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Object* self = args[0];
    Ref state = call0(get_attr(self, intern("__getstate__")).get());
    Ref no_args = tuple_from(nullptr, 0);
    Ref items = odict_iter_new(self, DictIterKind::Items, false);
    Object* parts[] = {type_of(self), no_args.get(), state.get(), None, items.get()};
    return tuple_from(parts, 5);
}

// The dict's tables and the OrderedDict's own fields, in bytes.
Ref odict_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__sizeof__", nargs - 1, kw, 0, 0);
    Dict* d = as_dict(args[0]);
    size_t bytes =
        sizeof(ODict) + d->entries.capacity() * sizeof(DictEntry) + d->index_size * sizeof(int32_t);
    return int_from_i64(static_cast<int64_t>(bytes));
}

const MethodDef kODictMethods[] = {
    {"__sizeof__", odict_sizeof, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"__init__", odict_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"move_to_end", odict_move_to_end,
     "Move an existing element to the end (or beginning if last is false).\n\n"
     "Raise KeyError if the element does not exist."},
    {"popitem", odict_popitem,
     "Remove and return a (key, value) pair from the dictionary.\n\n"
     "Pairs are returned in LIFO order if last is true or FIFO order if false."},
    {"pop", odict_pop,
     "od.pop(key[,default]) -> v, remove specified key and return the corresponding value."},
    {"setdefault", odict_setdefault, "Insert key with a value of default if key is not in the dictionary."},
    {"update", odict_update, "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."},
    {"clear", odict_clear, "od.clear() -> None.  Remove all items from od."},
    {"copy", odict_copy, "od.copy() -> a shallow copy of od"},
    {"keys", odict_keys, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", odict_values, "D.values() -> an object providing a view on D's values"},
    {"items", odict_items, "D.items() -> a set-like object providing a view on D's items"},
    {"__reversed__", odict_reversed, "od.__reversed__() <==> reversed(od)"},
    {"fromkeys", odict_fromkeys,
     "Create a new ordered dictionary with keys from iterable and values set to value.", MethodKind::Class},
    {"__reduce__", odict_reduce, "Return state information for pickling"},
    {nullptr, nullptr, nullptr},
};

const MethodDef kIterMethods[] = {
    {"__reduce__", odict_iter_reduce, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

void init_odict_types() {
    Type& t = odict_type;
    t.name = "collections.OrderedDict";
    t.instances_have_dict = true;
    t.base = &dict_type;
    t.instance_size = sizeof(ODict);
    t.dealloc = odict_dealloc;
    t.traverse = odict_traverse;
    t.clear = odict_clear_slot;
    t.repr = odict_repr;
    t.compare = odict_compare;
    t.setitem = odict_setitem;
    t.iter = odict_iter;
    t.getattr = odict_getattr;
    t.setattr = odict_setattr;
    t.construct = odict_construct;
    t.instance_dict = odict_attrs;
    t.binary[static_cast<size_t>(BinaryOp::Or)] = odict_or;
    t.inplace[static_cast<size_t>(BinaryOp::Or)] = odict_inplace_or;
    t.methods = kODictMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    allow_weak_references(&t);

    Type& it = odict_iterator_type;
    it.name = "odict_iterator";
    it.instance_size = sizeof(ODictIter);
    it.dealloc = odict_iter_dealloc;
    it.traverse = odict_iter_traverse;
    it.iter = [](Object* o) { return Ref::borrow(o); };
    it.next = odict_iter_next;
    it.methods = kIterMethods;
    init_type(&it);

    std::pair<Type*, Type*> views[] = {{&odict_keys_type, &dict_keys_type},
                                       {&odict_values_type, &dict_values_type},
                                       {&odict_items_type, &dict_items_type}};
    const char* names[] = {"odict_keys", "odict_values", "odict_items"};
    for (size_t i = 0; i < 3; ++i) {
        Type* v = views[i].first;
        v->name = names[i];
        v->base = views[i].second;
        v->instance_size = views[i].second->instance_size;
        v->iter = odict_view_iter;
        v->methods = kViewMethods;
        init_type(v);
    }
}

}  // namespace

Type* ordered_dict_type() {
    if (!odict_type.dict) init_odict_types();
    return &odict_type;
}

}  // namespace minipy
