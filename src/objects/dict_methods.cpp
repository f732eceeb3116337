// dict_methods.cpp — the methods of dict (get, pop, update, ...) and its three views, dict_keys,
// dict_values and dict_items, which read the live dict; keys and items views act as sets.
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/iterators.h"
#include "objects/mappingproxy.h"
#include "objects/set.h"
#include "objects/str.h"

namespace minipy {

Type dict_keys_type, dict_values_type, dict_items_type;

namespace {

struct DictView : Object {
    MINIPY_GC_ALLOCATED
    Dict* dict;  // owned
};

}  // namespace

Dict* view_dict(Object* o) { return static_cast<DictView*>(o)->dict; }

Ref dict_view_new(Type* t, Object* dict) {
    auto* v = new DictView();
    init_header(v, t);
    v->dict = as_dict(newref(dict));
    return Ref::steal(v);
}

namespace {

void view_dealloc(Object* o) {
    decref(view_dict(o));
    delete static_cast<DictView*>(o);
}

// Tracked as CPython's views, which hold their dict; the dict's own clear breaks a cycle.
void view_traverse(Object* o, VisitProc visit, void* arg) { visit(view_dict(o), arg); }

int64_t view_len(Object* o) { return dict_size(view_dict(o)); }

// A view's kind from its type, or the built-in view type it derives from (collections.OrderedDict's
// odict_keys, odict_values, odict_items).
DictIterKind view_kind(Object* o) {
    Type* t = type_of(o);
    return is_subtype(t, &dict_keys_type)     ? DictIterKind::Keys
           : is_subtype(t, &dict_values_type) ? DictIterKind::Values
                                              : DictIterKind::Items;
}

Ref view_iter(Object* o) { return dict_iter_new(view_dict(o), view_kind(o)); }

Ref view_repr(Object* o) {
    ReprGuard guard(o);
    if (!guard.entered()) return str_new("...");
    Ref items = list_from_iterable(o);
    return str_new(type_of(o)->name + "(" + repr_utf8(items.get()) + ")");
}

bool view_contains(Object* o, Object* item) {
    Dict* d = view_dict(o);
    switch (view_kind(o)) {
        case DictIterKind::Keys:
            return dict_get(d, item) != nullptr;
        case DictIterKind::Items: {
            if (type_of(item) != &tuple_type || as_tuple(item)->size != 2) return false;
            Object* v = dict_get(d, as_tuple(item)->items[0]);
            if (!v) return false;
            Ref keep = Ref::borrow(v);
            return equals(v, as_tuple(item)->items[1]);
        }
        case DictIterKind::Values:
            break;
    }
    Ref it = view_iter(o);
    while (Ref x = iter_next(it.get()))
        if (equals(x.get(), item)) return true;
    return false;
}

Ref to_set(Object* o) {
    Ref s = set_new(&set_type);
    set_update(s.get(), o);
    return s;
}

bool is_set_like_view(Object* o) {
    return is_instance(o, &dict_keys_type) || is_instance(o, &dict_items_type);
}

// The set operations of keys and items views, as CPython's dictviews_sub, _or, _xor and
// _PyDictView_Intersect: the left operand (even when not the view) becomes a set, a keys view's
// straight from its dict, and is then updated from the right one; the result's order follows.
Ref view_operand_set(Object* o) {
    if (type_of(o) == &dict_keys_type && type_of(view_dict(o)) == &dict_type) return to_set(view_dict(o));
    return to_set(o);
}

Ref view_sub(Object* a, Object* b) {
    Ref r = view_operand_set(a);
    set_difference_update(r.get(), b);
    return r;
}

Ref view_or(Object* a, Object* b) {
    Ref r = view_operand_set(a);
    set_update(r.get(), b);
    return r;
}

// items ^ items: pairs of the right view missing from (or different in) the left, then the left's
// pairs not matched.
Ref items_xor(Dict* left, Dict* right) {
    Ref rest = dict_copy(left);
    Ref r = set_new(&set_type);
    Object *k, *v;
    for (size_t pos = 0; dict_next(right, &pos, &k, &v);) {
        Ref key = Ref::borrow(k), value = Ref::borrow(v);
        Object* mine = dict_get(as_dict(rest.get()), k);
        Ref keep = Ref::borrow(mine);
        if (mine && equals(mine, v)) {
            dict_del(as_dict(rest.get()), k);
        } else {
            Object* pair[] = {k, v};
            set_add(r.get(), tuple_from(pair, 2).get());
        }
    }
    Ref rest_items = dict_view_new(&dict_items_type, rest.get());
    set_update(r.get(), rest_items.get());
    return r;
}

Ref view_xor(Object* a, Object* b) {
    if (type_of(a) == &dict_items_type && type_of(b) == &dict_items_type)
        return items_xor(view_dict(a), view_dict(b));
    Ref r = view_operand_set(a);
    set_symmetric_difference_update(r.get(), b);
    return r;
}

// Iterates the smaller operand, testing membership in the view; a larger set does the work itself.
Ref view_and(Object* a, Object* b) {
    Object* self = a;
    Object* other = b;
    if (!is_set_like_view(self)) std::swap(self, other);
    int64_t self_len = view_len(self);
    if (type_of(other) == &set_type && self_len <= length(other)) return set_intersection(other, self);
    if (is_set_like_view(other) && view_len(other) > self_len) std::swap(self, other);
    Ref r = set_new(&set_type);
    for_each_item(other, [&](Object* item) {
        if (view_contains(self, item)) set_add(r.get(), item);
    });
    return r;
}

// Whether every item of `part` is `in` whole (items views compare values with ==, never hash them).
bool all_contained_in(Object* part, Object* whole) {
    Ref it = get_iter(part);
    while (Ref item = iter_next(it.get()))
        if (!contains(whole, item.get())) return false;
    return true;
}

// As CPython's dictview_richcompare: sizes first, then containment one way or the other.
Ref view_compare(Object* a, Object* b, CompareOp op) {
    bool set_like = is_instance(b, &set_type) || is_instance(b, &frozenset_type) ||
                    type_of(b) == &dict_keys_type || type_of(b) == &dict_items_type;
    if (!set_like) return Ref::borrow(NotImplemented);
    int64_t size_a = length(a), size_b = length(b);
    bool result = false;
    switch (op) {
        case CompareOp::Eq:
        case CompareOp::Ne:
            result = size_a == size_b && all_contained_in(a, b);
            if (op == CompareOp::Ne) result = !result;
            break;
        case CompareOp::Lt:
            result = size_a < size_b && all_contained_in(a, b);
            break;
        case CompareOp::Le:
            result = size_a <= size_b && all_contained_in(a, b);
            break;
        case CompareOp::Gt:
            result = size_a > size_b && all_contained_in(b, a);
            break;
        case CompareOp::Ge:
            result = size_a >= size_b && all_contained_in(b, a);
            break;
        default:
            return Ref::borrow(NotImplemented);
    }
    return Ref::borrow(result ? True : False);
}

Ref view_reversed(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__reversed__");
    if (nargs != 1) raise_arg_count("__reversed__", 0, 0, nargs - 1);
    return dict_reverse_iter_new(view_dict(args[0]), view_kind(args[0]));
}

Ref view_isdisjoint(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("isdisjoint");
    if (nargs != 2) raise_arg_count("isdisjoint", 1, 1, nargs - 1);
    bool disjoint = true;
    Ref it = get_iter(args[1]);
    while (Ref item = iter_next(it.get()))
        if (view_contains(args[0], item.get())) {
            disjoint = false;
            break;
        }
    return Ref::borrow(bool_obj(disjoint));
}

// `view.mapping`: a read-only proxy of the dict the view reads.
Ref view_getattr(Object* o, Str* name) {
    if (name->utf8 == "mapping") return mappingproxy_new(view_dict(o));
    return generic_getattr(o, name);
}

const MethodDef set_like_view_methods[] = {
    {"__reversed__", view_reversed, "Return a reverse iterator over the dict keys."},
    {"isdisjoint", view_isdisjoint,
     "Return True if the view and the given iterable have a null intersection."},
    {nullptr, nullptr, nullptr},
};
const MethodDef values_view_methods[] = {
    {"__reversed__", view_reversed, "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, nullptr},
};

void init_view(Type& t, const char* name, bool set_like) {
    t.name = name;
    t.instance_size = sizeof(DictView);
    t.dealloc = view_dealloc;
    t.traverse = view_traverse;
    t.len = view_len;
    t.iter = view_iter;
    t.repr = view_repr;
    t.contains = view_contains;
    // keys() and items() compare as sets and so are unhashable; values() hashes by identity (object's).
    if (set_like) t.hash = hash_not_implemented;
    t.getattr = view_getattr;
    t.methods = set_like ? set_like_view_methods : values_view_methods;
    if (set_like) {
        t.compare = view_compare;
        t.binary[static_cast<size_t>(BinaryOp::And)] = view_and;
        t.binary[static_cast<size_t>(BinaryOp::Or)] = view_or;
        t.binary[static_cast<size_t>(BinaryOp::Sub)] = view_sub;
        t.binary[static_cast<size_t>(BinaryOp::Xor)] = view_xor;
    }
    init_type(&t);
    add_attribute_descriptors(&t, {"mapping"});
}

// ---- methods ----
Dict* self_dict(const char* name, Object* const* args, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
    if (kwnames && kwnames->size) raise_no_kwargs(name);
    if (nargs - 1 < min || nargs - 1 > max) {
        if (max == 0)
            raise(&TypeError_type, format("dict.%s() takes no arguments (%zu given)", name, nargs - 1));
        raise_arg_count(name, min, max, nargs - 1);
    }
    return as_dict(args[0]);
}

Ref dict_get_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    Dict* d = self_dict("get", args, nargs, kw, 1, 2);
    if (Ref v = dict_get_ref(d, args[1])) return v;
    return Ref::borrow(nargs > 2 ? args[2] : None);
}

Ref dict_setdefault(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    Dict* d = self_dict("setdefault", args, nargs, kw, 1, 2);
    return dict_setdefault_ref(d, args[1], nargs > 2 ? args[2] : None);
}

Ref dict_pop(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    Dict* d = self_dict("pop", args, nargs, kw, 1, 2);
    Object* v = dict_get(d, args[1]);
    if (!v) {
        if (nargs > 2) return Ref::borrow(args[2]);
        raise_key_error(args[1]);
    }
    Ref value = Ref::borrow(v);
    dict_del(d, args[1]);
    return value;
}

Ref dict_popitem(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    Dict* d = self_dict("popitem", args, nargs, kw, 0, 0);
    Ref key, value;
    {
        CriticalSection cs(d->mutex);
        for (auto e = d->entries.end(); e != d->entries.begin();)
            if ((--e)->key) {
                key = Ref::borrow(e->key);
                value = Ref::borrow(e->value);
                break;
            }
    }
    if (!key) raise(&KeyError_type, "popitem(): dictionary is empty");
    dict_del_trimming(d, key.get());
    Object* items[] = {key.get(), value.get()};
    return tuple_from(items, 2);
}

Ref dict_keys(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_dict("keys", args, nargs, kw, 0, 0);
    return dict_view_new(&dict_keys_type, args[0]);
}

Ref dict_values(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_dict("values", args, nargs, kw, 0, 0);
    return dict_view_new(&dict_values_type, args[0]);
}

Ref dict_items(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_dict("items", args, nargs, kw, 0, 0);
    return dict_view_new(&dict_items_type, args[0]);
}

Ref dict_update_method(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs > 2) raise_arg_count("update", 0, 1, nargs - 1);
    Dict* d = as_dict(args[0]);
    if (nargs == 2) dict_update(d, args[1]);
    for (size_t k = 0; kwnames && k < kwnames->size; ++k) dict_set(d, kwnames->items[k], args[nargs + k]);
    return Ref::borrow(None);
}

Ref dict_clear_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    dict_clear(self_dict("clear", args, nargs, kw, 0, 0));
    return Ref::borrow(None);
}

Ref dict_copy_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    return dict_copy(self_dict("copy", args, nargs, kw, 0, 0));
}

// A class method: args[0] is the class it was called on.
Ref dict_fromkeys(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("fromkeys");
    if (nargs < 2 || nargs > 3) raise_arg_count("fromkeys", 1, 2, nargs - 1);
    Ref d = call0(args[0]);
    Object* value = nargs > 2 ? args[2] : None;
    // Into an exact dict, from a dict, set or frozenset: their stored hashes, without calling
    // __hash__ again (CPython's _PyDict_FromKeys).
    if (type_of(d.get()) == &dict_type && (type_of(args[1]) == &dict_type || is_exact_any_set(args[1]))) {
        auto add = [&](Object* key, int64_t hash) { dict_set_hashed(as_dict(d.get()), key, hash, value); };
        if (type_of(args[1]) == &dict_type) {
            for_each_dict_key(as_dict(args[1]), add);
        } else {
            Ref key;
            int64_t hash = 0;
            for (size_t pos = 0; set_next_entry(args[1], &pos, &key, &hash);) add(key.get(), hash);
        }
        return d;
    }
    for_each_item(args[1], [&](Object* key) { set_item(d.get(), key, value); });
    return d;
}

}  // namespace

Ref dict_iter_slot(Object* o) { return dict_iter_new(o, DictIterKind::Keys); }

namespace {

Ref dict_reversed(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    self_dict("__reversed__", args, nargs, kw, 0, 0);
    return dict_reverse_iter_new(args[0], DictIterKind::Keys);
}

}  // namespace

extern const MethodDef dict_methods[] = {
    {"get", dict_get_method, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault, "Insert key with a value of default if key is not present."},
    {"pop", dict_pop, "Remove specified key and return the corresponding value."},
    {"popitem", dict_popitem, "Remove and return a (key, value) pair in LIFO order."},
    {"keys", dict_keys, "A set-like object providing a view on the keys."},
    {"values", dict_values, "An object providing a view on the values."},
    {"items", dict_items, "A set-like object providing a view on the items."},
    {"update", dict_update_method, "Update the dict from a mapping or iterable, and keywords."},
    {"clear", dict_clear_method, "Remove all items."},
    {"copy", dict_copy_method, "A shallow copy."},
    {"__reversed__", dict_reversed, "Return a reverse iterator over the dict keys."},
    {"fromkeys", dict_fromkeys, "Create a new dictionary with keys from iterable.", MethodKind::Class},
    {nullptr, nullptr, nullptr},
};

void init_dict_view_types() {
    init_view(dict_keys_type, "dict_keys", true);
    init_view(dict_values_type, "dict_values", false);
    init_view(dict_items_type, "dict_items", true);
}

}  // namespace minipy
