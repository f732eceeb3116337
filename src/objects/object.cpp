// object.cpp — type initialisation (mro, inherited slots, method dicts), deallocation, and the two
// root types: `object`, the base of everything, and `type`, the type of every type object.
#include "objects/object.h"

#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/generic_alias.h"
#include "objects/getset_descriptor.h"
#include "objects/mappingproxy.h"
#include "objects/memoryview.h"
#include "objects/namespace.h"
#include "objects/native_function.h"
#include "objects/slot_methods.h"
#include "objects/slots.h"
#include "objects/str.h"

namespace minipy {

Type object_type, type_type;

namespace {

// CPython's trashcan: freeing a list of a list of ... a million deep would nest a million dealloc
// calls and overflow the C stack. Past kMaxDeallocDepth nested deallocations an object waits in a
// per-thread list instead, and the outermost dealloc_object frees the waiting ones, one by one.
constexpr int kMaxDeallocDepth = 50;
thread_local int tl_dealloc_depth = 0;
thread_local std::vector<Object*>* tl_dealloc_later = nullptr;  // a plain pointer: no TLS guard

// Inlined into dealloc_object, as GCC did before the leaf test there (12.8M more instructions of
// 1057M in a round of pyperf's nqueens when it was called).
MINIPY_ALWAYS_INLINE void dealloc_now(Object* o) {
    struct Depth {
        Depth() { ++tl_dealloc_depth; }
        ~Depth() { --tl_dealloc_depth; }
    } depth;
    if (Type* t = o->type; t->finalize && t->finalize(o)) return;
    // Read after the finalizer: a __del__ may have assigned __class__.
    Type* t = o->type;
    // Out of the collector's sight before its references go: a __del__ that a release below runs
    // may start a collection, which must not visit a half-freed object.
    if (gc_has_head(o)) gc_untrack(o);
    t->dealloc(o);
    // The object's reference to its type (init_header) goes last: the dealloc slot read the type.
    if (refcount_dec(t->refcnt)) dealloc_object(t);
}

}  // namespace

namespace {

// Everything but a leaf's dealloc: a function of its own, so that dealloc_object's fast path is a
// test and a tail call, without this part's register saves (bench/pyperf/nbody.py: 8 instructions
// of prologue in each of 2.9M float deallocations, callgrind).
__attribute__((noinline)) void dealloc_object_slow(Object* o) {
    if (tl_dealloc_depth >= kMaxDeallocDepth) {
        if (!tl_dealloc_later) tl_dealloc_later = new std::vector<Object*>();
        tl_dealloc_later->push_back(o);
        return;
    }
    dealloc_now(o);
    if (tl_dealloc_depth == 0 && tl_dealloc_later) {
        while (!tl_dealloc_later->empty()) {
            Object* next = tl_dealloc_later->back();
            tl_dealloc_later->pop_back();
            dealloc_now(next);
        }
        delete std::exchange(tl_dealloc_later, nullptr);
    }
}

}  // namespace

void dealloc_object(Object* o) {
    // No finalizer, no collector head, no nested deallocations, an immortal type: the slot alone.
    // A float's dealloc took 43 instructions through dealloc_now, 9 this way (callgrind, a loop
    // of float additions: bench/threads_shared.py with 1 worker).
    if (o->type->leaf_dealloc) return o->type->dealloc(o);
    dealloc_object_slow(o);
}

// Walks the mro rather than the base chain, so classes with several bases count them all.
// The low bits of an address are always zero, so they are rotated away.
int64_t identity_hash(const Object* o) {
    auto p = reinterpret_cast<uint64_t>(o);
    auto h = static_cast<int64_t>((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
}

bool is_subtype(const Type* t, const Type* base) {
    for (const Type* p : t->mro)
        if (p == base) return true;
    return false;
}

namespace {

template <typename Slot>
void inherit(Slot& slot, Slot base_slot) {
    if (!slot) slot = base_slot;
}

// CPython's inherit_slots: a subtype gets every slot it leaves null from its base.
void inherit_slots(Type* t, const Type* b) {
    inherit(t->dealloc, b->dealloc);
    inherit(t->repr, b->repr);
    inherit(t->str, b->str);
    inherit(t->hash, b->hash);
    inherit(t->compare, b->compare);
    for (size_t i = 0; i < static_cast<size_t>(BinaryOp::Count); ++i) {
        inherit(t->binary[i], b->binary[i]);
        inherit(t->inplace[i], b->inplace[i]);
    }
    inherit(t->neg, b->neg);
    inherit(t->pos, b->pos);
    inherit(t->invert, b->invert);
    inherit(t->abs, b->abs);
    inherit(t->truthy, b->truthy);
    inherit(t->len, b->len);
    inherit(t->getitem, b->getitem);
    inherit(t->setitem, b->setitem);
    inherit(t->contains, b->contains);
    inherit(t->iter, b->iter);
    inherit(t->next, b->next);
    inherit(t->call, b->call);
    inherit(t->getattr, b->getattr);
    inherit(t->setattr, b->setattr);
    inherit(t->traverse, b->traverse);
    inherit(t->clear, b->clear);
    // object() makes a bare Object: a native type that defines no constructor of its own is not
    // instantiable (CPython's "cannot create 'list_iterator' instances"), rather than getting an
    // object too small for its layout. Classes set their constructor themselves (objects/class.cpp).
    if (b != &object_type) inherit(t->construct, b->construct);
    t->int_layout = t->int_layout || b->int_layout;
    if (t->instance_size == 0) t->instance_size = b->instance_size;
}

}  // namespace

uint8_t inherited_collection_flags(const std::vector<Type*>& mro) {
    for (size_t i = 1; i < mro.size(); ++i)
        if (uint8_t flags = mro[i]->collection_flags.load(std::memory_order_relaxed)) return flags;
    return 0;
}

void init_type(Type* t) {
    if (t->dict) return;
    make_immortal(t);
    t->type = &type_type;
    if (!t->base && t != &object_type) t->base = &object_type;
    t->mro.assign(1, t);
    if (t->base) {
        t->mro.insert(t->mro.end(), t->base->mro.begin(), t->base->mro.end());
        inherit_slots(t, t->base);
        if (!is_heap_type(t)) add_builtin_subclass(t);
    }
    if (!t->collection_flags.load(std::memory_order_relaxed))
        t->collection_flags.store(inherited_collection_flags(t->mro), std::memory_order_relaxed);
    t->dict = as_dict(dict_new().release());
    t->dict->of_type = t;
    for (const MethodDef* m = t->methods; m && m->name; ++m)
        dict_set(t->dict, intern(m->name), method_descriptor_new(t, m).get());
    add_slot_methods(t);
    // Every built-in type has its own __doc__, None until objects/type_docs.cpp gives it CPython's
    // text, so NoneType's does not come from object. A class gets its own in class_new.
    if (!is_heap_type(t)) dict_set(t->dict, intern("__doc__"), None);
}

// ---- object ----
namespace {

void object_dealloc(Object* o) { delete o; }

// A class's instances show its module and qualified name, as CPython's object_repr: `object.__repr__`
// found through a subclass's slot once its own __repr__ is deleted says `<__main__.B object at ...>`.
Ref object_repr(Object* o) { return default_repr(o); }

int64_t object_hash(Object* o) { return identity_hash(o); }

// Identity decides ==; != inverts what the object's own == says (object.__ne__ delegates to __eq__,
// so `__ne__ = object.__ne__` in a class follows that class's __eq__), unless that is NotImplemented;
// ordering is left to the other operand or a TypeError.
Ref object_compare(Object* a, Object* b, CompareOp op) {
    if (op == CompareOp::Eq) return Ref::borrow(a == b ? True : NotImplemented);
    if (op != CompareOp::Ne) return Ref::borrow(NotImplemented);
    CompareSlot own = type_of(a)->compare;
    Ref eq = own && own != object_compare ? own(a, b, CompareOp::Eq) : object_compare(a, b, CompareOp::Eq);
    if (eq.get() == NotImplemented) return eq;
    return Ref::borrow(bool_obj(!is_true(eq.get())));
}

Ref object_construct(Object* type, Object* const*, size_t nargs, Tuple* kwnames) {
    if (nargs || kwnames) raise(&TypeError_type, "object() takes no arguments");
    auto* o = new Object();
    init_header(o, static_cast<Type*>(type));
    return Ref::steal(o);
}

// ---- type ----
Ref type_repr(Object* o) { return str_new("<class '" + static_cast<Type*>(o)->name + "'>"); }

Ref type_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(callable);
    if (!t->construct) raise(&TypeError_type, format("cannot create '%s' instances", t->name.c_str()));
    return t->construct(callable, args, nargs, kwnames);
}

// Attribute lookup on a type object finds its own methods unbound (`list.append`) and binds class
// methods to it (`dict.fromkeys`).
Ref type_getattr(Object* o, Str* name) {
    auto* t = static_cast<Type*>(o);
    if (name->utf8 == "__name__" || name->utf8 == "__qualname__") return str_new(t->name);
    if (name->utf8 == "__base__") return Ref::borrow(t->base ? t->base : None);
    if (name->utf8 == "__mro__") {
        Ref mro = tuple_new(t->mro.size());
        for (size_t i = 0; i < t->mro.size(); ++i) as_tuple(mro.get())->items[i] = t->mro[i];
        return mro;
    }
    if (Ref found = type_lookup(t, name)) {
        if (is_method_descriptor(found.get())) {
            const MethodDef* def = found.as<MethodDescriptor>()->def;
            if (def->kind == MethodKind::Class) return native_function_new(def, t);
        }
        return found;
    }
    return generic_getattr(o, name);
}

}  // namespace

static void init_object_types() {
    Type& o = object_type;
    o.name = "object";
    o.instance_size = sizeof(Object);
    o.dealloc = object_dealloc;
    o.repr = object_repr;
    o.hash = object_hash;
    o.compare = object_compare;
    o.construct = object_construct;
    o.is_basetype = true;
    init_type(&o);

    Type& t = type_type;
    t.name = "type";
    t.instance_size = sizeof(Type);
    t.repr = type_repr;
    t.call = type_call;
    t.getattr = type_getattr;
    t.is_basetype = true;
    init_type(&t);
}

// Each file of src/objects initialises its own types.
void init_str_type();
void init_dict_types();
void init_native_function_types();
void init_none_bool_types();
void init_int_type();
void init_bool_type();
void init_float_type();
void init_tuple_type();
void init_list_type();
void init_set_types();
void init_range_type();
void init_slice_type();
void init_iterator_types();
void init_exception_types();
void init_bytes_types();
void init_bytearray_type();

void init_builtin_types() {
    // Only once: class support later replaces some of type's slots (objects/class_methods.cpp),
    // which a second run would undo.
    static bool done = false;
    if (done) return;
    done = true;
    // The free-threaded runtime frees objects whose counts it merged to zero through this.
    set_merged_dealloc([](RefCountField* rc) { dealloc_object(reinterpret_cast<Object*>(rc)); });
    // object and type first: init_type gives every other type their slots and header.
    init_object_types();
    init_str_type();
    init_dict_types();
    init_native_function_types();
    // Before the types whose dicts show descriptors for their computed attributes (int's real).
    init_getset_descriptor_type();
    init_member_descriptor_type();
    init_none_bool_types();
    init_int_type();
    init_bool_type();
    init_float_type();
    init_tuple_type();
    init_list_type();
    init_set_types();
    init_range_type();
    init_slice_type();
    init_iterator_types();
    init_exception_types();
    init_bytes_types();
    init_bytearray_type();
    init_generic_alias_types();
    init_memoryview_type();
    init_picklebuffer_type();
    init_complex_type();
    init_namespace_type();
    init_mappingproxy_type();
}

}  // namespace minipy
