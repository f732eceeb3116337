// class.cpp — classes defined by `class` statements (heap types): __build_class__ picks the metaclass,
// runs the body into a namespace and makes a type from it with a C3 mro; instances keep their
// attributes in a dict; the dunder methods it defines fill the type's slots (objects/slot_wrappers.cpp).
#include "objects/class.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exception_group.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

// object.__init__ as found in object's dict: a class whose __init__ is this one takes no arguments,
// and `C()` makes the bare instance only.
Object* object_init_slot() {
    static Object* const slot = dict_get_str(object_type.dict, intern("__init__"));
    return slot;
}

// Changes that other threads' lock-free reads must never see half-made (an object's type or dict
// pointer, a class's slots) happen with the world stopped when threads run (minipy-ft), as around fork.
struct WorldStoppedIfThreads {
    bool on = object_locks_on();
    WorldStoppedIfThreads() {
        if (on) stop_the_world();
    }
    ~WorldStoppedIfThreads() {
        if (on) start_the_world();
    }
    WorldStoppedIfThreads(const WorldStoppedIfThreads&) = delete;
    WorldStoppedIfThreads& operator=(const WorldStoppedIfThreads&) = delete;
};

// What the class statement knows and the fixed Type struct has no field for.
struct HeapInfo {
    std::string qualname;
    Tuple* bases;  // owned
    // __name__ and __qualname__ as the str objects given (CPython's ht_name and ht_qualname), so
    // each read gives the same object (inspect.classify_class_attrs compares them with `is`); owned.
    Object* name_text = nullptr;
    Object* qualname_text = nullptr;
};

// Instance attribute dicts of subclasses of built-in types (list, str, ...), whose layout has no
// room for one.
struct SideDicts {
    std::mutex lock;
    std::unordered_map<const Object*, Dict*> dicts;
    // dicts.size(), read without the lock: while it is 0, no object needs looking up.
    std::atomic<size_t> count{0};
};

std::mutex g_heap_lock;
// Never destroyed: classes still alive at exit keep their entries (and the strs these own) reachable
// to the end, as the leak checker of the sanitizer builds sees them.
std::unordered_map<const Type*, HeapInfo>& g_heap_types = *new std::unordered_map<const Type*, HeapInfo>();
SideDicts g_side;

const HeapInfo* heap_info(const Type* t) {
    std::lock_guard<std::mutex> guard(g_heap_lock);
    auto it = g_heap_types.find(t);
    return it == g_heap_types.end() ? nullptr : &it->second;
}

bool has_instance_layout(Type* t) { return native_base(t) == nullptr; }

// The instance dict of `o`, created on first use when `create`; null when it has none.
Dict* instance_dict(Object* o, bool create) {
    Type* t = type_of(o);
    if (t->no_instance_dict) return nullptr;
    if (is_instance(o, &BaseException_type)) {
        auto* e = static_cast<BaseExceptionObject*>(o);
        if (!e->dict && create) e->dict = as_dict(dict_new().release());
        return e->dict;
    }
    if (!is_heap_type(t)) return nullptr;
    if (has_instance_layout(t)) return static_cast<Instance*>(o)->dict;
    if (Type* nb = native_base(t); nb && nb->instance_dict) return nb->instance_dict(o);
    if (!create && g_side.count.load(std::memory_order_acquire) == 0) return nullptr;
    std::lock_guard<std::mutex> guard(g_side.lock);
    auto it = g_side.dicts.find(o);
    if (it != g_side.dicts.end()) return it->second;
    if (!create) return nullptr;
    Dict* d = as_dict(dict_new().release());
    g_side.dicts[o] = d;
    g_side.count.store(g_side.dicts.size(), std::memory_order_release);
    return d;
}

// ---- instances ----

// Instance dicts start as large as the largest one freed so far (up to this many keys): bench/classes.py's
// Vec(x, y) grew each new dict's entries twice and built its index once (callgrind: resize took 21M of
// 926M instructions in 250 steps).
constexpr size_t kMaxExpectedAttributes = 16;

void instance_dealloc(Object* o) {
    weakrefs_clear(o);
    if (Dict* d = static_cast<Instance*>(o)->dict) {
        Type* t = type_of(o);
        size_t held = std::min(static_cast<size_t>(dict_size(d)), kMaxExpectedAttributes);
        if (held > t->expected_attributes.load(std::memory_order_relaxed))
            t->expected_attributes.store(static_cast<uint8_t>(held), std::memory_order_relaxed);
        gc_track_escaped_dict(d);
    }
    xdecref(static_cast<Instance*>(o)->dict);
    auto* inst = static_cast<Instance*>(o);
    if (inst->slots == reinterpret_cast<SlotValues*>(inst + 1))
        slot_values_destroy(inst->slots);  // in the instance's block (bare_instance)
    else
        slot_values_free(inst->slots);
    delete inst;
}

void slot_values_traverse(SlotValues* s, VisitProc visit, void* arg) {
    if (!s) return;
    for (Object* v : *s)
        if (v) visit(v, arg);
}

void slot_values_clear(SlotValues* s) {
    if (!s) return;
    std::vector<Object*> values;
    {
        CriticalSection cs(s->mutex);
        for (Object*& v : *s) values.push_back(std::exchange(v, nullptr));
    }
    for (Object* v : values) xdecref(v);
}

// An untracked __dict__ (dict_new_untracked) that only the instance refers to is read through, as
// part of the instance; one that something else holds too is an object of its own (the collector
// tracks it before it counts: gc_owned_dict_escaped).
void instance_traverse(Object* o, VisitProc visit, void* arg) {
    auto* inst = static_cast<Instance*>(o);
    if (inst->dict) {
        if (gc_is_tracked(inst->dict) || refcount_get(inst->dict->refcnt) != 1)
            visit(inst->dict, arg);
        else
            for (const DictEntry& e : inst->dict->entries) {
                // The names (exact strs) are not containers: CPython 3.11 shows only the values.
                if (e.key && !is_str(e.key)) visit(e.key, arg);
                if (e.key && e.value) visit(e.value, arg);
            }
    }
    slot_values_traverse(inst->slots, visit, arg);
}

// Empties the __dict__ rather than dropping it: the attribute code counts on its being there.
void instance_clear(Object* o) {
    auto* inst = static_cast<Instance*>(o);
    if (inst->dict) dict_clear(inst->dict);
    slot_values_clear(inst->slots);
}

// Takes o's side dict out of the side table, the reference with it; null when it has none.
Dict* take_side_dict(Object* o) {
    if (g_side.count.load(std::memory_order_acquire) == 0) return nullptr;
    std::lock_guard<std::mutex> guard(g_side.lock);
    auto it = g_side.dicts.find(o);
    if (it == g_side.dicts.end()) return nullptr;
    Dict* d = it->second;
    g_side.dicts.erase(it);
    g_side.count.store(g_side.dicts.size(), std::memory_order_release);
    return d;
}

// Subclasses of built-in types: drop the side dict, then free as the built-in base does.
void side_dict_dealloc(Object* o) {
    weakrefs_clear(o);
    xdecref(take_side_dict(o));
    if (type_of(o)->slot_count) release_side_slots(o);
    native_base(type_of(o))->dealloc(o);
}

Dict* side_dict_of(Object* o) {
    if (g_side.count.load(std::memory_order_acquire) == 0) return nullptr;
    std::lock_guard<std::mutex> guard(g_side.lock);
    auto it = g_side.dicts.find(o);
    return it == g_side.dicts.end() ? nullptr : it->second;
}

// Subclasses of built-in types: the side dict and slot values are the instance's own, then the
// base's references, if it has any.
void side_dict_traverse(Object* o, VisitProc visit, void* arg) {
    if (Dict* d = side_dict_of(o)) visit(d, arg);
    if (type_of(o)->slot_count) slot_values_traverse(side_slots_if_any(o), visit, arg);
    if (TraverseSlot traverse = native_base(type_of(o))->traverse) traverse(o, visit, arg);
}

// The side dict is let go, not emptied: it may be the instance itself (`self.__dict__ = self` in a
// dict subclass), which the side table's reference would otherwise keep alive.
void side_dict_clear(Object* o) {
    xdecref(take_side_dict(o));
    if (type_of(o)->slot_count) slot_values_clear(side_slots_if_any(o));
    if (ClearSlot clear = native_base(type_of(o))->clear) clear(o);
}

// callable(first, *args, **kwargs), the arguments given in vectorcall form.
Ref call_prepended(Object* callable, Object* first, Object* const* args, size_t nargs, Tuple* kwnames) {
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    std::vector<Object*> buf(total + 1);
    buf[0] = first;
    std::copy(args, args + total, buf.begin() + 1);
    return call(callable, buf.data(), nargs + 1, kwnames);
}

void run_init(Object* self, Object* init, Object* const* args, size_t nargs, Tuple* kwnames) {
    Ref r = call_prepended(init, self, args, nargs, kwnames);
    if (r.get() != None) raise_init_returned(r.get());
}

Ref instance_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    static Str* const kInit = intern("__init__");
    auto* t = static_cast<Type*>(type);
    Ref self = bare_instance(t);
    Ref init = type_lookup(t, kInit);
    if (init && is_function(init.get())) {
        run_init(self.get(), init.get(), args, nargs, kwnames);
    } else if (init && init.get() != object_init_slot()) {
        // Any other __init__ (a functools.partialmethod, a built-in function): bound as its __get__
        // says, or called as it is without one, as CPython's slot_tp_init.
        Ref bound = special_method(self.get(), kInit);
        Ref r = call(bound.get(), args, nargs, kwnames);
        if (r.get() != None) raise_init_returned(r.get());
    } else if (nargs || (kwnames && kwnames->size)) {
        raise(&TypeError_type, format("%s() takes no arguments", t->name.c_str()));
    }
    return self;
}

// After a class's own __new__, the __init__ that CPython's type_call runs: a Python one, or a
// built-in base's (list.__init__ fills what list.__new__ left empty); object's takes nothing.
Ref init_after_new(Type* t) {
    static Str* const kInit = intern("__init__");
    Ref init = type_lookup(t, kInit);
    return init.get() != object_init_slot() ? init : nullptr;
}

// `T(...)` for classes with a __new__ of their own or a built-in base, as CPython's type_call:
// __new__ makes the object, and __init__ runs on it when it is an instance of T.
Ref class_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(type);
    Ref init;
    Ref self;
    if (Ref new_fn = user_new(t)) {
        self = call_prepended(bind_class_attr(new_fn.get(), nullptr, t).get(), t, args, nargs, kwnames);
        if (!is_instance(self.get(), t)) return self;
        init = init_after_new(type_of(self.get()));
    } else {
        init = user_init(t);
        self = native_new(t, native_base(t), args, nargs, kwnames, static_cast<bool>(init));
    }
    if (init) run_init(self.get(), init.get(), args, nargs, kwnames);
    return self;
}

// list, dict, set and super take their contents in __init__ (CPython's list.__new__ ignores its
// arguments); the immutable types take theirs in __new__.
bool fills_in_init(Type* base) {
    return base == &list_type || base == &dict_type || base == &set_type || base == &bytearray_type ||
           base == &module_type || base == &super_type;
}

// ---- class creation ----

// CPython's C3 linearisation (Objects/typeobject.c, mro_implementation), with its error text.
std::vector<Type*> c3_mro(Type* t, Tuple* bases) {
    std::vector<std::vector<Type*>> seqs;
    std::vector<Type*> base_list;
    for (size_t i = 0; i < bases->size; ++i) {
        Type* b = static_cast<Type*>(bases->items[i]);
        if (std::find(base_list.begin(), base_list.end(), b) != base_list.end())
            raise(&TypeError_type, "duplicate base class " + b->name);
        seqs.push_back(b->mro);
        base_list.push_back(b);
    }
    seqs.push_back(base_list);
    std::vector<Type*> result{t};
    std::vector<size_t> pos(seqs.size(), 0);
    auto in_tail = [&](Type* c) {
        for (size_t i = 0; i < seqs.size(); ++i)
            if (std::find(seqs[i].begin() + pos[i] + 1, seqs[i].end(), c) != seqs[i].end()) return true;
        return false;
    };
    for (;;) {
        Type* next = nullptr;
        bool remaining = false;
        for (size_t i = 0; i < seqs.size() && !next; ++i) {
            if (pos[i] == seqs[i].size()) continue;
            remaining = true;
            if (!in_tail(seqs[i][pos[i]])) next = seqs[i][pos[i]];
        }
        if (!remaining) return result;
        if (!next) {
            std::vector<Type*> heads;
            for (size_t i = 0; i < seqs.size(); ++i)
                if (pos[i] < seqs[i].size() &&
                    std::find(heads.begin(), heads.end(), seqs[i][pos[i]]) == heads.end())
                    heads.push_back(seqs[i][pos[i]]);
            std::string names;
            for (Type* h : heads) names += (names.empty() ? "" : ", ") + h->name;
            raise(&TypeError_type,
                  "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
        }
        result.push_back(next);
        for (size_t i = 0; i < seqs.size(); ++i)
            if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == next) ++pos[i];
    }
}

// CPython's solid_base: the built-in type whose instance layout t's instances have (TypeError and
// ArithmeticError both have BaseException's, so a class may derive from both).
Type* solid_base(Type* t) {
    while (t->base && t->base->instance_size == t->instance_size) t = t->base;
    return t;
}

// The base whose layout instances share: the one that brings a built-in type, else the first.
Type* layout_base(Tuple* bases) {
    Type* found = nullptr;
    for (size_t i = 0; i < bases->size; ++i) {
        Type* b = static_cast<Type*>(bases->items[i]);
        Type* nb = native_base(b);
        if (!nb) continue;
        Type* a = solid_base(nb);
        Type* f = found ? solid_base(native_base(found)) : nullptr;
        if (found && a != f && !is_subtype(a, f) && !is_subtype(f, a))
            raise(&TypeError_type, "multiple bases have instance lay-out conflict");
        if (!found || is_subtype(nb, native_base(found))) found = b;
    }
    return found ? found : static_cast<Type*>(bases->items[0]);
}

// The built-in types a class may derive from: those whose constructor builds the subclass instance
// when passed the subclass (str, tuple, set, bytearray, ...: Type::constructs_subclasses), list,
// dict and module, whose constructors build a fresh exact object that native_new gives the
// subclass's type, type itself (metaclasses) and the exceptions.
bool is_supported_base(Type* nb) {
    return nb->constructs_subclasses || nb == &list_type || nb == &dict_type || nb == &module_type ||
           nb == &type_type || is_subtype(nb, &BaseException_type);
}

void check_bases(Tuple* bases) {
    for (size_t i = 0; i < bases->size; ++i) {
        Object* b = bases->items[i];
        if (!is_type(b)) raise(&TypeError_type, "bases must be types");
        auto* bt = static_cast<Type*>(b);
        if (!bt->is_basetype)
            raise(&TypeError_type, format("type '%s' is not an acceptable base type", bt->name.c_str()));
        Type* nb = native_base(bt);
        if (nb && !is_supported_base(nb))
            raise(&TypeError_type, format("minipy does not support subclassing '%s' yet", nb->name.c_str()));
    }
}

// True when a class in t's mro other than object defines `__class__` (unittest.mock's spec'd Mock makes it a
// property that names the spec): reads and writes of `o.__class__` then take the generic path. Else
// they mean object's own descriptor: the type, and __class__ assignment.
bool overrides_class_attribute(Type* t) {
    static Str* const kClass = intern("__class__");
    if (!is_heap_type(t)) return false;
    Ref found = type_lookup(t, kClass);
    return found && found.get() != dict_get_str(object_type.dict, kClass);
}

// Instances of classes without data descriptors (properties, objects with __set__) anywhere in
// their mro: the instance dict can be read first and written directly. A loop of instance attribute
// reads, writes and method calls took 0.48 s with the descriptor-aware lookup alone, 0.18 s with this.
// Outside the anonymous namespace: class.h's reads_instance_dict_first compares with it.
// Whether `o.__dict__` is the instance's own dict: no class of t's mro defines `__dict__` in its
// body (a property, a plain value), which CPython finds before the layout's descriptor.
bool dict_attribute_is_layout(Type* t) {
    static Str* const kDict = intern("__dict__");
    Ref found = type_lookup(t, kDict);
    return !found || is_instance_layout_descriptor(found.get());
}

}  // namespace

Ref instance_getattr_plain(Object* o, Str* name) {
    static Str* const kDict = intern("__dict__");
    static Str* const kClass = intern("__class__");
    auto* inst = static_cast<Instance*>(o);
    if (name == kClass && !overrides_class_attribute(type_of(o))) return Ref::borrow(type_of(o));
    // The reference is taken under the dict's lock: another thread may rebind the attribute.
    if (Ref v = dict_get_str_ref(inst->dict, name)) return v;
    if (name == kDict && dict_attribute_is_layout(type_of(o))) return Ref::borrow(inst->dict);
    if (Ref found = type_lookup(type_of(o), name)) return bind_class_attr(found.get(), o, type_of(o));
    return nullptr;
}

namespace {

// `o.__dict__ = value` (or `del o.__dict__`, which leaves an empty one) on an instance of a class
// whose instances carry their own dict: false when o has no such dict (the caller goes on).
// minipy-ft: other threads read an instance's dict pointer without a reference of their own, so the
// pointer changes while they are halted at their eval breaker (stop_the_world, as around fork): none
// can be part-way through a read of the old dict when it is released. Rare enough for the cost.
// The dict `o.__dict__ = value` installs (a fresh one for `del o.__dict__`).
Ref new_instance_dict(Object* value) {
    if (value && !is_instance(value, &dict_type))
        raise(&TypeError_type,
              format("__dict__ must be set to a dictionary, not a '%s'", type_of(value)->name.c_str()));
    return value ? Ref::borrow(value) : dict_new();
}

bool replace_instance_dict(Object* o, Object* value) {
    Type* t = type_of(o);
    if (t->no_instance_dict || !is_heap_type(t) || !has_instance_layout(t)) return false;
    Ref fresh = new_instance_dict(value);
    auto* inst = static_cast<Instance*>(o);
    Dict* old;
    {
        WorldStoppedIfThreads stopped;
        old = std::exchange(inst->dict, as_dict(fresh.release()));
    }
    // An untracked __dict__ that someone still holds becomes an object of its own, as at dealloc.
    if (old) gc_track_escaped_dict(old);
    xdecref(old);
    return true;
}

// The same for an instance of a class derived from a built-in type, whose dict is in the side table;
// a _thread._local's per-thread dicts cannot be replaced, as in CPython.
bool replace_side_dict(Object* o, Object* value) {
    Type* t = type_of(o);
    if (t->no_instance_dict || !is_heap_type(t)) return false;
    if (Type* nb = native_base(t); nb && nb->instance_dict)
        raise(&AttributeError_type, format("'%s' object attribute '__dict__' is read-only", t->name.c_str()));
    if (!has_side_dict_instances(t)) return false;
    Ref fresh = new_instance_dict(value);
    Dict* old = nullptr;
    {
        WorldStoppedIfThreads stopped;  // other threads read the side dict without a reference
        std::lock_guard<std::mutex> guard(g_side.lock);
        old = std::exchange(g_side.dicts[o], as_dict(fresh.release()));
        g_side.count.store(g_side.dicts.size(), std::memory_order_release);
    }
    xdecref(old);
    return true;
}

void instance_setattr_plain(Object* o, Str* name, Object* value) {
    static Str* const kClass = intern("__class__");
    static Str* const kDict = intern("__dict__");
    static Str* const kWeakref = intern("__weakref__");
    if (name == kClass && !overrides_class_attribute(type_of(o))) return set_object_class(o, value);
    if (name == kDict && replace_instance_dict(o, value)) return;
    if (name == kWeakref) return class_generic_setattr(o, name, value);  // the read-only descriptor
    auto* inst = static_cast<Instance*>(o);
    if (value) {
        dict_set(inst->dict, name, value);
    } else if (!dict_del(inst->dict, name)) {
        raise_no_attribute(o, name);
    }
}

bool has_data_descriptors(Type* t) {
    for (Type* k : t->mro) {
        if (!is_heap_type(k)) continue;
        Object *key, *v;
        for (size_t pos = 0; dict_next(k->dict, &pos, &key, &v);)
            if (is_data_descriptor(v) && !is_instance_layout_descriptor(v)) return true;
    }
    return false;
}

// Picks the plain or the descriptor-aware attribute slots for a plain class, leaving user hooks
// (__getattr__, __setattr__) in place.
void choose_attr_slots(Type* t) {
    if (!has_instance_layout(t)) return;
    bool plain = !t->no_instance_dict && !has_data_descriptors(t);
    if (t->getattr == class_generic_getattr || t->getattr == instance_getattr_plain)
        t->getattr = plain ? instance_getattr_plain : class_generic_getattr;
    if (t->setattr == class_generic_setattr || t->setattr == instance_setattr_plain)
        t->setattr = plain ? instance_setattr_plain : class_generic_setattr;
}

// Plain classes take the fast instance_construct; a __new__ or a built-in base needs class_construct.
void choose_construct(Type* t) {
    t->construct = native_base(t) || static_cast<bool>(user_new(t)) ? class_construct : instance_construct;
}

// The same lookup under another name, so LOAD_METHOD's fast path (which reads Instance::dict)
// can tell subclasses of built-in types from plain instances.
Ref native_subclass_getattr(Object* o, Str* name) { return class_generic_getattr(o, name); }

// A class derived from super reads attributes as super does (the mro after the super object's
// class), then as any instance, as CPython's super_getattro: methods it defines itself come second.
Ref super_subclass_getattr(Object* o, Str* name) {
    if (Ref found = super_attribute(o, name)) return found;
    return class_generic_getattr(o, name);
}

// Exceptions and metaclasses keep the slots of their built-in base (instances of a metaclass are
// classes); other subclasses of built-in types keep their attributes in a side dict.
void set_layout(Type* t) {
    Type* nb = native_base(t);
    choose_construct(t);
    if (nb && (is_subtype(nb, &BaseException_type) || nb == &type_type)) {
        if (t->slot_count) {  // the slot values live in the side table: freed and visited there too
            t->dealloc = side_dict_dealloc;
            t->traverse = side_dict_traverse;
            t->clear = side_dict_clear;
        }
        // An exception subclass's methods and properties bind to the instance (DecimalException's
        // handle()); its args and __traceback__ still come from BaseException's own lookup.
        if (nb != &type_type) {
            t->getattr = native_subclass_getattr;
            t->setattr = class_generic_setattr;
        }
        return;
    }
    t->getattr = class_generic_getattr;
    t->setattr = class_generic_setattr;
    if (nb) {
        t->getattr = nb == &super_type ? super_subclass_getattr : native_subclass_getattr;
        t->dealloc = side_dict_dealloc;
        // A base without a traverse slot gives its subclasses' instances a GcHead (objects/gc.h).
        if (nb->traverse || nb->heads_subclass_instances) {
            t->traverse = side_dict_traverse;
            t->clear = side_dict_clear;
        }
        return;
    }
    t->instance_size = sizeof(Instance);
    t->dealloc = instance_dealloc;
    t->traverse = instance_traverse;
    t->clear = instance_clear;
    t->repr = default_repr;
}

// Fills the `__class__` cell that zero-argument super() and `__class__` in methods read.
void fill_class_cell(Type* t) {
    Str* key = intern("__classcell__");
    Object* cell = dict_get_str(t->dict, key);
    if (!cell) return;
    if (type_of(cell) != &cell_type)
        raise(&TypeError_type, "__classcell__ must be a nonlocal cell, not " + repr_utf8(type_of(cell)));
    Cell* c = static_cast<Cell*>(cell);
    Object* old = c->ref;
    c->ref = newref(t);
    xdecref(old);
    dict_del(t->dict, key);
}

// CPython makes these implicit class and static methods when the body defines them as functions.
void wrap_implicit_methods(Type* t) {
    for (const char* n : {"__init_subclass__", "__class_getitem__", "__new__"}) {
        Object* fn = dict_get_str(t->dict, intern(n));
        if (!fn || !is_function(fn)) continue;
        Type* wrapper = n[2] == 'n' ? &staticmethod_type : &classmethod_type;
        Ref wrapped = call1(wrapper, fn);
        defer_definition(wrapped.get());
        dict_set(t->dict, intern(n), wrapped.get());
    }
}

// CPython's _PyType_CalculateMetaclass: the most derived of `meta` and the types of the bases.
Type* calculate_metaclass(Type* meta, Tuple* bases) {
    Type* winner = meta;
    for (size_t i = 0; i < bases->size; ++i) {
        Type* bt = type_of(bases->items[i]);
        if (is_subtype(winner, bt)) continue;
        if (is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        raise(&TypeError_type,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
    }
    return winner;
}

}  // namespace

// Every class statement gets one of these two constructors, so the check needs no lookup or lock
// (slot wrappers ask it on every operator call).
bool is_heap_type(const Type* t) {
    return t->construct == instance_construct || t->construct == class_construct;
}

Type* native_base(Type* t) {
    for (Type* k : t->mro) {
        if (k != &object_type && !is_heap_type(k)) return k;
    }
    return nullptr;
}

Ref user_init(Type* t) {
    static Str* const kInit = intern("__init__");
    Ref init = type_lookup(t, kInit);
    return init && is_function(init.get()) ? init : nullptr;
}

bool refuses_keywords(Type* t, Type* base) { return t == base || !user_init(t); }

Ref inline_init(Type* t, bool* object_init) {
    static Str* const kInit = intern("__init__");
    *object_init = false;
    if (type_of(t) != &type_type || t->construct != instance_construct) return nullptr;
    // The tag is read before the lookup: a change racing with it drops the tag afterwards, so what
    // the lookup found is never remembered under a tag that outlives the change.
    uint32_t tag = type_version(t);
    if (tag && t->object_init_tag.load(std::memory_order_relaxed) == tag) {
        *object_init = true;
        return nullptr;
    }
    Ref init = type_lookup(t, kInit);
    if (!init || !is_function(init.get())) {
        *object_init = init.get() == object_init_slot();
        if (*object_init) t->object_init_tag.store(tag, std::memory_order_relaxed);
        return nullptr;
    }
    return !(as_function(init.get())->code->flags & kCoResumable) ? init : nullptr;
}

void raise_init_returned(Object* result) {
    raise(&TypeError_type, format("__init__() should return None, not '%s'", type_of(result)->name.c_str()));
}

Ref user_new(Type* t) {
    static Str* const kNew = intern("__new__");
    for (Type* k : t->mro) {
        if (Ref f = dict_get_str_ref(k->dict, kNew)) return is_heap_type(k) ? f : nullptr;
    }
    return nullptr;
}

// CPython's object_new refuses a class whose __abstractmethods__ (set by abc.ABCMeta) is not empty.
void check_not_abstract(Type* t) {
    if (!t->is_abstract.load(std::memory_order_relaxed)) return;
    static Str* const kAbstract = intern("__abstractmethods__");
    Object* names = dict_get_str(t->dict, kAbstract);
    if (!names) return;
    Ref sorted = list_from_iterable(names);
    list_sort(sorted.get(), nullptr, false);
    std::string joined;
    for (Object* n : as_list(sorted.get())->items) joined += (joined.empty() ? "" : ", ") + str_utf8(n);
    bool one = as_list(sorted.get())->items.size() == 1;
    raise(&TypeError_type, format("Can't instantiate abstract class %s with abstract method%s %s",
                                  t->name.c_str(), one ? "" : "s", joined.c_str()));
}

Ref bare_instance(Type* t) {
    check_not_abstract(t);
    // The __slots__ values live in the instance's own block, right after it: one allocation, and
    // `self.x` reads memory next to the object. bench/pyperf/float.py (20,000 points, callgrind)
    // paid ~80 instructions per instance for the second block's allocation and free.
    Instance* inst;
    if (t->slot_count) {
        void* memory = gc_alloc(sizeof(Instance) + slot_values_size(t));
        inst = ::new (memory) Instance();
        inst->slots = slot_values_init(inst + 1, t);
    } else {
        inst = new Instance();
    }
    init_header(inst, t);
    inst->dict =
        t->no_instance_dict
            ? nullptr
            : as_dict(dict_new_untracked(t->expected_attributes.load(std::memory_order_relaxed)).release());
    return Ref::steal(inst);
}

Ref native_new(Type* t, Type* base, Object* const* args, size_t nargs, Tuple* kwnames, bool args_for_init) {
    if (!base) return bare_instance(t);
    // An exception group's constructor checks its arguments and fills .message/.exceptions.
    if (is_subtype(base, &BaseExceptionGroup_type)) return base->construct(t, args, nargs, kwnames);
    // A class derived from OSError without an __init__ of its own parses errno, strerror and
    // filename here, as CPython's OSError_new (args keep the first two).
    if (is_subtype(base, &OSError_type) && nargs >= 3 && nargs <= 5 && !(kwnames && kwnames->size)) {
        Ref init = type_lookup(t, intern("__init__"));
        if (!init || !is_function(init.get())) return base->construct(t, args, nargs, nullptr);
    }
    if (is_subtype(base, &BaseException_type)) return exception_new(t, tuple_from(args, nargs).get());
    if (base == &type_type) return type_new(t, args, nargs, kwnames);
    if (args_for_init && fills_in_init(base)) {
        nargs = 0;
        kwnames = nullptr;
    }
    // module.__new__ leaves the module nameless, with an empty dict, for __init__ to fill.
    Ref self =
        base == &module_type && args_for_init ? module_new_empty() : base->construct(t, args, nargs, kwnames);
    if (!base->constructs_subclasses)
        object_set_type(self.get(), t);  // a fresh list or dict (see is_supported_base)
    return self;
}

Ref default_repr(Object* o) {
    return str_new(format("<%s%s object at %p>", module_prefix(type_of(o)).c_str(),
                          type_qualname(type_of(o)).c_str(), static_cast<void*>(o)));
}

// Each class's direct subclasses, as plain pointers: a subclass removes itself as it is freed
// (heap_type_dealloc).
std::mutex g_subclasses_lock;
std::unordered_map<Type*, std::vector<Type*>> g_subclasses;

// A class whose count reached zero may still be listed until its dealloc runs (it waits in the
// deferred-free list while a __del__ runs): it is left out, never counted again.
std::vector<Type*> subclasses_of(Type* t) {
    std::lock_guard<std::mutex> guard(g_subclasses_lock);
    std::vector<Type*> out;
    if (auto it = g_subclasses.find(t); it != g_subclasses.end())
        for (Type* sub : it->second)
            if (refcount_get(sub->refcnt) > 0) out.push_back(sub);
    return out;
}

void add_builtin_subclass(Type* t) {
    std::lock_guard<std::mutex> guard(g_subclasses_lock);
    g_subclasses[t->base].push_back(t);
}

// A metaclass's own mro() (CPython's mro_internal), asked once t->mro holds C3's order (what
// type.mro() gives it back): what it returns becomes t's order, checked as CPython's mro_check.
// False where the metaclass keeps type's.
bool apply_custom_mro(Type* t) {
    Type* meta = type_of(t);
    if (meta == &type_type) return false;
    static Str* const kMro = intern("mro");
    Ref method = type_lookup(meta, kMro);
    if (!method || method.get() == dict_get_str(type_type.dict, kMro)) return false;
    Ref result = call(bind_class_attr(method.get(), t, meta).get(), nullptr, 0);
    Ref items = tuple_from_iterable(result.get());
    Tuple* order = as_tuple(items.get());
    // The built-in type whose instances t's extend (null for object): each class of the order must
    // have its instances' layout, as CPython's solid_base test.
    Type* solid = native_base(t);
    std::vector<Type*> mro;
    for (size_t i = 0; i < order->size; ++i) {
        Object* k = order->items[i];
        if (!is_type(k)) raise(&TypeError_type, "mro() returned a non-class ('" + type_of(k)->name + "')");
        Type* base = static_cast<Type*>(k);
        Type* needs = native_base(base);
        if (needs && (!solid || !is_subtype(solid, needs)))
            raise(&TypeError_type, "mro() returned base with unsuitable layout ('" + base->name + "')");
        mro.push_back(base);
    }
    t->mro = std::move(mro);
    return true;
}

Ref class_new(const std::string& name, Tuple* bases_in, Dict* ns, Object* const* kwargs, Tuple* kwnames,
              Type* metatype) {
    Ref bases =
        bases_in->size ? Ref::borrow(bases_in) : tuple_from(std::vector<Object*>{&object_type}.data(), 1);
    Tuple* b = as_tuple(bases.get());
    check_bases(b);
    // A class is a container the collector tracks (its dict holds functions, its instances may
    // refer back to it), counted like any object; init_type made it immortal as a built-in type.
    Type* t = new (gc_alloc_untracked(sizeof(Type))) Type();
    t->name = name;
    t->base = layout_base(b);
    t->is_basetype = true;
    t->construct = instance_construct;  // marks it a heap type at once; set_layout picks the real one
    init_type(t);
    refcount_init(t->refcnt, 1);
    Ref cls = Ref::steal(t);  // an error below frees it (heap_type_dealloc copes with a part-made one)
    object_set_type(t, metatype);
    t->mro = c3_mro(t, b);
    t->collection_flags.store(inherited_collection_flags(t->mro), std::memory_order_relaxed);
    {
        std::lock_guard<std::mutex> guard(g_subclasses_lock);
        for (size_t i = 0; i < b->size; ++i) g_subclasses[static_cast<Type*>(b->items[i])].push_back(t);
    }
    Object *k, *v;
    for (size_t pos = 0; dict_next(ns, &pos, &k, &v);) {
        if (str_utf8_of(k) == "__qualname__") continue;
        defer_definition(v);
        dict_set(t->dict, k, v);
    }
    Object* qualname = dict_get_str(ns, intern("__qualname__"));
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        Object* qualname_text = qualname && is_str(qualname) ? newref(qualname) : str_new(name).release();
        g_heap_types[t] = HeapInfo{str_utf8_of(qualname_text), as_tuple(bases.release()),
                                   str_new(name).release(), qualname_text};
    }
    wrap_implicit_methods(t);
    setup_slots(t, b);
    add_instance_layout_descriptors(t);
    // As CPython's type_new, every class has its own __doc__ (None without a docstring, unless
    // __slots__ named it), so neither it nor its instances show a base's (int's, object's).
    if (!dict_get_str(t->dict, intern("__doc__"))) dict_set(t->dict, intern("__doc__"), None);
    // __eq__ without __hash__ in the class body makes instances unhashable: __hash__ = None. Only
    // here, as CPython's type_new: `C.__eq__ = f` later leaves C hashable.
    if (dict_get_str(t->dict, intern("__eq__")) && !dict_get_str(t->dict, intern("__hash__")))
        dict_set(t->dict, intern("__hash__"), None);
    set_layout(t);
    install_slots(t);
    choose_attr_slots(t);
    // Complete from here on: Python code (__set_name__, __init_subclass__) may run a collection.
    gc_track(t);
    fill_class_cell(t);  // before __set_name__, which may call a method that reads __class__
    if (apply_custom_mro(t)) {
        t->collection_flags.store(inherited_collection_flags(t->mro), std::memory_order_relaxed);
        install_slots(t);
        choose_attr_slots(t);
    }
    for (size_t pos = 0; dict_next(ns, &pos, &k, &v);) {
        if (is_str(k)) descriptor_set_name(v, t, as_str(k));
    }
    // super(t, t).__init_subclass__(): the nearest base's hook sees the new class.
    Object* super_args[2] = {t, t};
    Ref sup = call(&super_type, super_args, 2);
    if (Ref hook = get_attr_opt(sup.get(), intern("__init_subclass__"))) call(hook.get(), kwargs, 0, kwnames);
    return cls;
}

void class_attr_changed(Type* t, Str* name, Object* old_value, Object* new_value) {
    // Only a dunder that has a slot (is_slot_dunder) or a data descriptor changes the slots of this
    // class and its subclasses. Plain values (`Config.count = 3`) leave them alone, so threads
    // reading the slots meanwhile never see them rewritten (ThreadSanitizer caught that in
    // tests/py/stress/class_module_attrs.py); so do other dunders (__doc__, __module__, __init__,
    // __match_args__...): recomputing the slots for each of them was 13 M of the 159 M
    // instructions of `import typing, dataclasses, re, json`.
    const std::string& n = name->utf8;
    // A class that gains or loses __set__ or __delete__ turns its instances into data descriptors
    // or back: any class holding one may need its other attribute slots.
    bool descriptor_protocol = n == "__set__" || n == "__delete__";
    if (!descriptor_protocol && !is_slot_dunder(name) && !(old_value && is_data_descriptor(old_value)) &&
        !(new_value && is_data_descriptor(new_value)))
        return;
    std::vector<Type*> affected;
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        for (const auto& [k, info] : g_heap_types)
            if ((descriptor_protocol || is_subtype(k, t)) && refcount_get(k->refcnt) > 0)
                affected.push_back(const_cast<Type*>(k));
    }
    // minipy-ft: every thread reads a type's slots without a lock, so they change with the world
    // stopped (CPython 3.14t updates type slots so too).
    WorldStoppedIfThreads stopped;
    for (Type* k : affected) {
        install_slots(k);
        choose_attr_slots(k);
        choose_construct(k);
    }
}

Ref type_new(Type* metatype, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs != 3)
        raise(&TypeError_type, format("type.__new__() takes exactly 3 arguments (%zu given)", nargs));
    const char* const kWant[] = {"str", "tuple", "dict"};
    const Type* const kTypes[] = {&str_type, &tuple_type, &dict_type};
    for (int i = 0; i < 3; ++i) {
        if (!is_instance(args[i], kTypes[i]))
            raise(&TypeError_type, format("type.__new__() argument %d must be %s, not %s", i + 1, kWant[i],
                                          type_of(args[i])->name.c_str()));
    }
    Type* winner = calculate_metaclass(metatype, as_tuple(args[1]));
    // A more derived metaclass with a __new__ of its own makes the class (CPython's type_new).
    if (winner != metatype) {
        if (Ref new_fn = user_new(winner))
            return call_prepended(bind_class_attr(new_fn.get(), nullptr, winner).get(), winner, args, nargs,
                                  kwnames);
    }
    check_type_text(args[0], "type name");
    Ref ns = dict_copy(as_dict(args[2]));
    if (Object* qualname = dict_get_str(as_dict(ns.get()), intern("__qualname__"));
        qualname && !is_str(qualname))
        raise(&TypeError_type,
              format("type __qualname__ must be a str, not %s", type_of(qualname)->name.c_str()));
    if (Object* doc = dict_get_str(as_dict(ns.get()), intern("__doc__")); doc && is_str(doc))
        check_type_text(doc, nullptr);
    if (!dict_get_str(as_dict(ns.get()), intern("__module__"))) {
        if (Object* m = dict_get_str(thread_state()->frame->globals, intern("__name__")))
            dict_set(as_dict(ns.get()), intern("__module__"), m);
    }
    return class_new(str_utf8_of(args[0]), as_tuple(args[1]), as_dict(ns.get()), args + nargs, kwnames,
                     winner);
}

bool instance_of_class(Object* o, Type* cls) {
    static Str* const kClass = intern("__class__");
    if (is_instance(o, cls)) return true;
    if (!overrides_class_attribute(type_of(o))) return false;
    Ref claimed = get_attr_opt(o, kClass);
    return claimed && claimed.get() != type_of(o) && is_type(claimed.get()) &&
           is_subtype(static_cast<Type*>(claimed.get()), cls);
}

Ref class_generic_getattr(Object* o, Str* name) {
    static Str* const kClass = intern("__class__");
    Type* t = type_of(o);
    if (name == kClass && !overrides_class_attribute(t)) return Ref::borrow(t);
    if (name->utf8 == "__dict__" && dict_attribute_is_layout(t)) {
        if (Dict* d = instance_dict(o, true)) return Ref::borrow(d);
    }
    Ref found = type_lookup(t, name);
    if (found && is_data_descriptor_with_get(found.get())) return bind_class_attr(found.get(), o, t);
    if (Dict* d = instance_dict(o, false)) {
        // The reference is taken under the dict's lock: another thread may rebind the attribute.
        if (Ref v = dict_get_str_ref(d, name)) return v;
    }
    if (found) return bind_class_attr(found.get(), o, t);
    // The built-in base's own attributes (an exception's args, a float's real).
    Type* nb = native_base(t);
    return nb && nb->getattr ? nb->getattr(o, name) : nullptr;
}

void class_generic_setattr(Object* o, Str* name, Object* value) {
    static Str* const kClass = intern("__class__");
    static Str* const kDict = intern("__dict__");
    if (name == kClass && !overrides_class_attribute(type_of(o))) return set_object_class(o, value);
    if (name == kDict && !type_lookup(type_of(o), name) &&
        (replace_instance_dict(o, value) || replace_side_dict(o, value)))
        return;
    Ref found = type_lookup(type_of(o), name);
    if (found && is_data_descriptor(found.get())) return data_descriptor_set(found.get(), o, value);
    if (is_instance(o, &BaseException_type)) return BaseException_type.setattr(o, name, value);
    Dict* d = instance_dict(o, value != nullptr);
    if (!d && type_of(o)->no_instance_dict && found) {
        raise(&AttributeError_type, format("'%s' object attribute '%s' is read-only",
                                           type_of(o)->name.c_str(), name->utf8.c_str()));
    }
    if (value) {
        if (!d) raise_no_attribute(o, name);
        dict_set(d, name, value);
    } else if (!d || !dict_del(d, name)) {
        raise_no_attribute(o, name);
    }
}

Ref object_dict(Object* o) {
    Dict* d = instance_dict(o, true);
    if (!d) raise(&AttributeError_type, "This object has no __dict__");
    return Ref::borrow(d);
}

void set_object_dict(Object* o, Object* value) {
    if (replace_instance_dict(o, value) || replace_side_dict(o, value)) return;
    raise(&AttributeError_type, "This object has no __dict__");
}

// The built-in types whose own instances have a dict: exceptions, classes, modules, and those that
// say so (Type::instances_have_dict: SimpleNamespace, staticmethod, OrderedDict, io's, ...).
bool instances_have_dict(Type* t) {
    if (is_heap_type(t)) return !t->no_instance_dict;
    for (Type* k = t; k; k = k->base)
        if (k->instances_have_dict || k == &BaseException_type || k == &type_type || k == &module_type)
            return true;
    return false;
}

bool is_instance_getattr(GetAttrSlot s) { return s == class_generic_getattr || s == instance_getattr_plain; }

bool has_side_dict_instances(const Type* t) {
    if (t->getattr != native_subclass_getattr || t->dealloc != side_dict_dealloc) return false;
    Type* nb = native_base(const_cast<Type*>(t));
    return !nb->instance_dict && !is_subtype(nb, &BaseException_type) && nb != &type_type;
}

bool side_dict_may_shadow(Object* o, Str* name) {
    Dict* d = side_dict_of(o);
    return d && dict_contains_str(d, name);
}

bool has_generic_instance_attrs(const Type* t) {
    return t->dealloc == instance_dealloc && is_instance_getattr(t->getattr) &&
           (t->setattr == instance_setattr_plain || t->setattr == class_generic_setattr);
}

bool writes_instance_dict_first(const Type* t) { return t->setattr == instance_setattr_plain; }

namespace {

// Whether instances of `a` may become instances of `b` and back: the same built-in base, the same
// slots and the same __dict__, so the object's memory fits either (CPython's
// compatible_for_assignment).
bool same_instance_layout(Type* a, Type* b) {
    return native_base(a) == native_base(b) && a->slot_count == b->slot_count &&
           a->no_instance_dict == b->no_instance_dict && a->dealloc == b->dealloc;
}

[[noreturn]] void raise_layout_differs(const char* attr, Type* to, Type* from) {
    raise(&TypeError_type, format("%s assignment: '%s' object layout differs from '%s'", attr,
                                  to->name.c_str(), from->name.c_str()));
}

}  // namespace

void set_object_class(Object* o, Object* value) {
    if (!value) raise(&TypeError_type, "can't delete __class__ attribute");
    if (!is_type(value))
        raise(&TypeError_type,
              format("__class__ must be set to a class, not '%s' object", type_of(value)->name.c_str()));
    Type* from = type_of(o);
    auto* to = static_cast<Type*>(value);
    // A module may become an instance of any ModuleType subclass without __slots__ and back: its
    // attributes stay in the module dict.
    bool modules = is_subtype(from, &module_type) && is_subtype(to, &module_type) && to->slot_count == 0 &&
                   from->slot_count == 0;
    if (!modules && (!is_heap_type(from) || !is_heap_type(to)))
        raise(&TypeError_type,
              "__class__ assignment only supported for mutable types or ModuleType subclasses");
    if (!modules && !same_instance_layout(from, to)) raise_layout_differs("__class__", to, from);
    // The attribute caches are keyed by the type's version tag, so they follow the new type. In
    // minipy-ft every thread reads an object's type without a lock, so the type changes while they
    // are halted at their eval breaker, as CPython 3.13t's object_set_class stops the world.
    // The object's reference moves to the new class; the old one's is dropped after the world
    // restarts (it may be the last, and freeing a class runs no Python code but takes locks).
    incref(to);
    {
        WorldStoppedIfThreads stopped;
        o->type = to;
    }
    decref(from);
}

void set_type_bases(Type* t, Object* value) {
    if (!value)
        raise(&TypeError_type,
              format("cannot delete '__bases__' attribute of immutable type '%s'", t->name.c_str()));
    if (!is_exact(value, &tuple_type))
        raise(&TypeError_type, format("can only assign tuple to %s.__bases__, not %s", t->name.c_str(),
                                      type_of(value)->name.c_str()));
    Tuple* bases = as_tuple(value);
    if (bases->size == 0)
        raise(&TypeError_type,
              format("can only assign non-empty tuple to %s.__bases__, not ()", t->name.c_str()));
    for (size_t i = 0; i < bases->size; ++i) {
        Object* b = bases->items[i];
        if (!is_type(b))
            raise(&TypeError_type, format("%s.__bases__ must be tuple of classes, not '%s'", t->name.c_str(),
                                          type_of(b)->name.c_str()));
        if (is_subtype(static_cast<Type*>(b), t))
            raise(&TypeError_type, "a __bases__ item causes an inheritance cycle");
    }
    check_bases(bases);
    Type* new_base = layout_base(bases);
    if (!same_instance_layout(t->base, new_base)) raise_layout_differs("__bases__", new_base, t->base);
    // As CPython's type_set_bases, the new bases are t's while the orders are computed, so that a
    // metaclass's mro() sees them. One that assigns __bases__ again meanwhile (test_descr's
    // MroTest) wins: this assignment then leaves the subclass lists as that one left them.
    Type* old_base = std::exchange(t->base, new_base);
    Ref old_bases;
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        old_bases = Ref::steal(std::exchange(g_heap_types[t].bases, as_tuple(newref(bases))));
    }
    // Every mro that runs through t changes: t's own and its subclasses'. An inconsistent order
    // puts back the ones already replaced, and the old bases.
    std::vector<Type*> affected{t};
    for (size_t i = 0; i < affected.size(); ++i)
        for (Type* sub : subclasses_of(affected[i]))
            if (std::find(affected.begin(), affected.end(), sub) == affected.end()) affected.push_back(sub);
    // In that order a class comes after the bases whose new mro its own is computed from.
    std::vector<std::vector<Type*>> saved;
    try {
        for (size_t i = 0; i < affected.size(); ++i) {
            std::vector<Type*> mro = c3_mro(affected[i], type_bases(affected[i]));
            saved.push_back(std::exchange(affected[i]->mro, std::move(mro)));
            apply_custom_mro(affected[i]);
        }
    } catch (...) {
        for (size_t i = 0; i < saved.size(); ++i) affected[i]->mro = std::move(saved[i]);
        if (type_bases(t) == bases) {
            t->base = old_base;
            std::lock_guard<std::mutex> guard(g_heap_lock);
            decref(std::exchange(g_heap_types[t].bases, as_tuple(old_bases.release())));
        }
        throw;
    }
    if (type_bases(t) == bases) {
        Tuple* old = as_tuple(old_bases.get());
        std::lock_guard<std::mutex> guard(g_subclasses_lock);
        for (size_t i = 0; i < old->size; ++i) {
            std::vector<Type*>& subs = g_subclasses[static_cast<Type*>(old->items[i])];
            subs.erase(std::remove(subs.begin(), subs.end(), t), subs.end());
        }
        for (size_t i = 0; i < bases->size; ++i)
            g_subclasses[static_cast<Type*>(bases->items[i])].push_back(t);
    }
    for (Type* k : affected) {
        install_slots(k);
        choose_attr_slots(k);
        choose_construct(k);
    }
    type_modified(t);
}

// Tracebacks leave out the module for __main__ and builtins, as CPython's print_exception does.
std::string qualified_type_name(const Type* t) {
    std::string prefix = module_prefix(t);
    return (prefix == "__main__." ? "" : prefix) + type_qualname(t);
}

Ref construct_refused(Object* type, Object* const*, size_t, Tuple*) {
    raise(&TypeError_type,
          format("cannot create '%s' instances", qualified_type_name(static_cast<Type*>(type)).c_str()));
}

std::string type_qualname(const Type* t) {
    std::lock_guard<std::mutex> guard(g_heap_lock);
    auto it = g_heap_types.find(t);
    return it == g_heap_types.end() ? t->name : it->second.qualname;
}

Ref heap_type_text(const Type* t, bool qualified) {
    std::lock_guard<std::mutex> guard(g_heap_lock);
    auto it = g_heap_types.find(t);
    if (it == g_heap_types.end()) return nullptr;
    Object* text = qualified ? it->second.qualname_text : it->second.name_text;
    return text ? Ref::borrow(text) : nullptr;
}

void set_heap_type_text(Type* t, Object* text, bool qualified) {
    Object* old = nullptr;
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        auto it = g_heap_types.find(t);
        if (it == g_heap_types.end()) return;
        (qualified ? it->second.qualname : t->name) = str_utf8_of(text);
        old = std::exchange(qualified ? it->second.qualname_text : it->second.name_text, newref(text));
    }
    xdecref(old);
}

void check_type_text(Object* text, const char* what) {
    const std::string& utf8 = str_utf8_of(text);
    if (what && utf8.find('\0') != std::string::npos)
        raise(&ValueError_type, format("%s must not contain null characters", what));
    str_encode(text, nullptr, nullptr);  // strict UTF-8: a lone surrogate raises CPython's error
}

std::vector<Type*> type_c3_order(Type* t) {
    Tuple* bases = type_bases(t);
    return bases ? c3_mro(t, bases) : t->mro;
}

Tuple* type_bases(const Type* t) {
    const HeapInfo* info = heap_info(t);
    return info ? info->bases : nullptr;
}

std::string module_prefix(const Type* t) {
    Object* m = dict_get_str(t->dict, intern("__module__"));
    return m && is_str(m) && str_utf8_of(m) != "builtins" ? str_utf8_of(m) + "." : "";
}

// ---- the class statement ----
namespace {

// The keywords of a class statement but `metaclass=`, which names the metaclass instead.
struct ClassKeywords {
    Object* metaclass = nullptr;  // borrowed
    std::vector<Object*> values;  // borrowed
    Ref names;                    // a tuple of str, or null when there are none
};

ClassKeywords split_class_keywords(Object* const* values, Tuple* kwnames) {
    ClassKeywords kw;
    std::vector<Object*> names;
    for (size_t i = 0; kwnames && i < kwnames->size; ++i) {
        if (str_utf8_of(kwnames->items[i]) == "metaclass") {
            kw.metaclass = values[i];
        } else {
            names.push_back(kwnames->items[i]);
            kw.values.push_back(values[i]);
        }
    }
    if (!names.empty()) kw.names = tuple_from(names.data(), names.size());
    return kw;
}

// The namespace the class body runs in: a new dict, or the one the metaclass's __prepare__ returns.
// A dict subclass (enum's _EnumDict) sees each name stored through its __setitem__; other mappings
// are refused, as minipy's class namespaces are dicts.
Ref prepare_namespace(Object* meta, Object* const* name_bases, const ClassKeywords& kw) {
    Ref prepare = meta == &type_type ? nullptr : get_attr_opt(meta, intern("__prepare__"));
    if (!prepare) return dict_new();
    std::vector<Object*> args{name_bases[0], name_bases[1]};
    args.insert(args.end(), kw.values.begin(), kw.values.end());
    Ref ns = call(prepare.get(), args.data(), 2, as_tuple(kw.names.get()));
    if (is_instance(ns.get(), &dict_type)) return ns;
    std::string meta_name = is_type(meta) ? static_cast<Type*>(meta)->name : "<metaclass>";
    if (!type_of(ns.get())->getitem)
        raise(&TypeError_type, format("%s.__prepare__() must return a mapping, not %s", meta_name.c_str(),
                                      type_of(ns.get())->name.c_str()));
    raise(&NotImplementedError_type, format("minipy runs class bodies in a dict only, not in the '%s' that "
                                            "%s.__prepare__() returned",
                                            type_of(ns.get())->name.c_str(), meta_name.c_str()));
}

// PEP 560 (CPython's update_bases): a base that is not a class but has __mro_entries__ (typing's
// List[int], Generic[T], Protocol[T]) is replaced by the classes that method returns; the class
// keeps the bases as written in __orig_bases__. Returns `bases` itself when nothing changes.
Ref resolve_mro_entries(Object* bases) {
    Tuple* t = as_tuple(bases);
    Ref out;
    for (size_t i = 0; i < t->size; ++i) {
        Object* base = t->items[i];
        Ref entries = is_type(base) ? Ref() : get_attr_opt(base, intern("__mro_entries__"));
        if (!entries) {
            if (out) list_append(out.get(), base);
            continue;
        }
        Ref replaced = call1(entries.get(), bases);
        if (type_of(replaced.get()) != &tuple_type)
            raise(&TypeError_type, "__mro_entries__ must return a tuple");
        if (!out) out = list_from(t->items, i);
        list_extend(out.get(), replaced.get());
    }
    return out ? tuple_from_iterable(out.get()) : Ref::borrow(bases);
}

}  // namespace

// CPython's builtins.__build_class__: the metaclass is `metaclass=` or the type of the bases, made
// the most derived of all their types; it is called as meta(name, bases, namespace, **keywords).
Ref build_class(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs < 2 || !is_function(args[0]) || !is_str(args[1]))
        raise(&TypeError_type, "__build_class__: bad arguments");
    Ref orig_bases = tuple_from(args + 2, nargs - 2);
    Ref bases = resolve_mro_entries(orig_bases.get());
    ClassKeywords kw = split_class_keywords(args + nargs, kwnames);
    Tuple* base_tuple = as_tuple(bases.get());
    Object* meta = kw.metaclass       ? kw.metaclass
                   : base_tuple->size ? type_of(base_tuple->items[0])
                                      : &type_type;
    if (is_type(meta)) meta = calculate_metaclass(static_cast<Type*>(meta), base_tuple);
    Object* call_args_head[2] = {args[1], bases.get()};
    Ref ns = prepare_namespace(meta, call_args_head, kw);
    if (bases.get() != orig_bases.get()) set_item(ns.get(), intern("__orig_bases__"), orig_bases.get());
    // A body whose methods read `__class__` (or call super()) returns its cell.
    Ref cell = run_class_body(as_function(args[0]), as_dict(ns.get()));
    Ref cls;
    if (meta == &type_type) {
        cls = class_new(str_utf8_of(args[1]), as_tuple(bases.get()), as_dict(ns.get()), kw.values.data(),
                        as_tuple(kw.names.get()));
    } else {
        std::vector<Object*> call_args{args[1], bases.get(), ns.get()};
        call_args.insert(call_args.end(), kw.values.begin(), kw.values.end());
        cls = call(meta, call_args.data(), 3, as_tuple(kw.names.get()));
    }
    if (type_of(cell.get()) == &cell_type && is_type(cls.get())) {
        Object* in_cell = static_cast<Cell*>(cell.get())->ref;
        if (!in_cell)
            raise(&RuntimeError_type, "__class__ not set defining " + repr_utf8(args[1]) + " as " +
                                          repr_utf8(cls.get()) +
                                          ". Was __classcell__ propagated to type.__new__?");
        if (in_cell != cls.get())
            raise(&TypeError_type, "__class__ set to " + repr_utf8(in_cell) + " defining " +
                                       repr_utf8(args[1]) + " as " + repr_utf8(cls.get()));
    }
    return cls;
}

namespace {

// type(x) returns the type of x; type(name, bases, dict) makes a class as a class statement does,
// and runs its metaclass's __init__ when a base brought one (CPython's type_call).
Ref type_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs == 1 && !(kwnames && kwnames->size)) return Ref::borrow(type_of(args[0]));
    if (nargs != 3) raise(&TypeError_type, "type() takes 1 or 3 arguments");
    Ref cls = type_new(&type_type, args, nargs, kwnames);
    if (!is_type(cls.get())) return cls;
    if (Ref init = user_init(type_of(cls.get()))) run_init(cls.get(), init.get(), args, nargs, kwnames);
    return cls;
}

}  // namespace

// ---- classes as objects the collector frees ----
namespace {

// What a class owns: its dict and its bases (its mro's classes are its bases' or theirs); its
// metaclass is visited as every object's type is (gc_traverse).
void heap_type_traverse(Object* o, VisitProc visit, void* arg) {
    auto* t = static_cast<Type*>(o);
    if (t->dict) visit(t->dict, arg);
    if (Tuple* bases = type_bases(t)) visit(bases, arg);
}

// Breaks the cycles through a class (its methods' __class__ cells, its __slots__' descriptors, a
// class attribute holding an instance) as CPython's type_clear does: the dict is emptied, never
// dropped, so lookups on the class's remaining instances still find a dict.
void heap_type_clear(Object* o) {
    auto* t = static_cast<Type*>(o);
    if (t->dict) dict_clear(t->dict);
}

// Frees a class once its last instance, subclass and reference are gone: first every table that
// names it by address (no lookup may find it once the memory is reused), then what it owns. May see
// a class that class_new gave up on part-way (not registered everywhere yet).
void heap_type_dealloc(Object* o) {
    auto* t = static_cast<Type*>(o);
    weakrefs_clear(t);
    Tuple* bases = nullptr;
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        if (auto it = g_heap_types.find(t); it != g_heap_types.end()) {
            bases = it->second.bases;
            xdecref(it->second.name_text);
            xdecref(it->second.qualname_text);
            g_heap_types.erase(it);
        }
    }
    {
        // Its direct bases are in its mro, which they keep alive until `bases` goes below.
        std::lock_guard<std::mutex> guard(g_subclasses_lock);
        for (Type* k : t->mro) {
            auto it = g_subclasses.find(k);
            if (it == g_subclasses.end()) continue;
            std::vector<Type*>& subs = it->second;
            subs.erase(std::remove(subs.begin(), subs.end(), t), subs.end());
            if (subs.empty()) g_subclasses.erase(it);
        }
        g_subclasses.erase(t);
    }
    type_freed();
    if (t->dict) {
        t->dict->of_type = nullptr;  // a mappingproxy may keep the dict
        decref(t->dict);
    }
    xdecref(bases);
    t->~Type();
    gc_free(t);
}

}  // namespace

void init_type_docs();  // objects/type_docs.cpp, once every built-in type has its dict

void init_class_support() {
    type_type.construct = type_construct;
    type_type.dealloc = heap_type_dealloc;
    type_type.traverse = heap_type_traverse;
    type_type.clear = heap_type_clear;
    init_class_methods();
    init_descriptor_types();
    init_type_docs();
}

Dict* gc_owned_dict_escaped(Object* o) {
    if (type_of(o)->dealloc != instance_dealloc) return nullptr;
    Dict* d = static_cast<Instance*>(o)->dict;
    if (!d || gc_is_tracked(d) || refcount_get(d->refcnt) == 1) return nullptr;
    return d;
}

// Any thread may get here for one dict (instances sharing a __dict__ die on two threads at once), and
// a thread nursery is only its own thread's: so the dict goes into generation 0, its tracked-or-not
// decided under the lists' lock (deciding it unlocked linked one dict into two nurseries; TSan).
void gc_track_escaped_dict(Dict* d) {
    if (refcount_get(d->refcnt) <= 1) return;
    GcState& s = gc_state();
    GcHead* h = gc_head(d);
    s.lists_lock.lock();
    if (!h->next) {
        gc_link(h, &s.gens[0].head);
        ++s.gens[0].count;
    }
    s.lists_lock.unlock();
}

}  // namespace minipy
