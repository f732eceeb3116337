// object.h — the header every minipy object starts with, the type object with its slot table, and the
// owning handle `Ref`. Modelled on CPython's PyObject/PyTypeObject and clox's Obj: plain structs, behaviour
// in per-type slot functions, no virtual hierarchy.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "runtime/flavor.h"
#include "runtime/operators.h"

namespace minipy {

struct Type;
struct Str;
struct Dict;
struct Tuple;

// Every heap object begins with this header.
struct Object {
    RefCountField refcnt;
    Type* type;
    // `delete` of any object runs its destructor at once (a file closes, a lock's memory is done
    // with), but gives the memory back only once no other thread can still be testing the count of
    // an object it read from a list or dict without the lock (refcount_try_inc; QSBR in
    // runtime/flavor.h). Containers allocated by the collector free through gc_free likewise.
    static void operator delete(void* p) { delete_after_readers(p); }
};

// ---- value representation ----
// An `Object*` whose low bit is set is not a pointer but a small int (63 bits, two's complement),
// so int arithmetic in loops allocates nothing. Small ints are thereby immortal. Code outside this
// header and objects/int.* uses only these accessors, so the representation can change in one place.
MINIPY_ALWAYS_INLINE bool is_small_int(const Object* o) { return (reinterpret_cast<uintptr_t>(o) & 1) != 0; }
inline int64_t small_int_value(const Object* o) {
    return static_cast<int64_t>(reinterpret_cast<intptr_t>(o)) >> 1;
}
inline constexpr int64_t kSmallIntMax = (int64_t{1} << 61) - 1;
inline constexpr int64_t kSmallIntMin = -(int64_t{1} << 61);
inline bool fits_small_int(int64_t v) { return v >= kSmallIntMin && v <= kSmallIntMax; }
// Only for values that fit_small_int; use int_from_i64 (objects/int.h) for any int64.
inline Object* make_small_int(int64_t v) {
    return reinterpret_cast<Object*>((static_cast<uintptr_t>(v) << 1) | 1);
}

extern Type int_type;
inline Type* type_of(const Object* o) { return is_small_int(o) ? &int_type : o->type; }

// ---- reference counting ----
void dealloc_object(Object* o);  // calls the type's dealloc slot

inline bool is_immortal(const Object* o) { return is_small_int(o) || refcount_is_immortal(o->refcnt); }
// Immortal objects other than small ints are recognised inside refcount_inc/refcount_dec, where
// each flavor tests it in the cheapest order.
MINIPY_ALWAYS_INLINE void incref(Object* o) {
    if (!is_small_int(o)) refcount_inc(o->refcnt);
}
MINIPY_ALWAYS_INLINE void decref(Object* o) {
    if (!is_small_int(o) && refcount_dec(o->refcnt)) dealloc_object(o);
}
MINIPY_ALWAYS_INLINE void xincref(Object* o) {
    if (o) incref(o);
}
MINIPY_ALWAYS_INLINE void xdecref(Object* o) {
    if (o) decref(o);
}
inline Object* newref(Object* o) {
    incref(o);
    return o;
}
// Marks an object as never to be freed (statics, interned names, types).
inline void make_immortal(Object* o) { refcount_init(o->refcnt, kImmortalInitialCount); }
// Deferred objects (runtime/flavor.h, kDefinedFunctionsDeferred) are freed by the collector only.
inline bool is_deferred(const Object* o) { return !is_small_int(o) && refcount_is_deferred(o->refcnt); }
inline void make_deferred(Object* o) {
    if (!is_small_int(o)) refcount_make_deferred(o->refcnt);
}
// Whether `o` is freed, if ever, only with the world stopped (immortal or deferred): a cache may hand
// it to a thread that read it without a lock, and that thread may count it at leisure.
inline bool freed_only_by_collector(const Object* o) { return is_immortal(o) || is_deferred(o); }

// An owning reference: the handle that native code holds objects in, so an exception thrown
// between acquiring and releasing a reference cannot leak it.
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    // Takes over a reference the caller already owns.
    static Ref steal(Object* o) { return Ref(o); }
    // Adds a reference of its own to a borrowed object.
    static Ref borrow(Object* o) {
        xincref(o);
        return Ref(o);
    }
    Ref(const Ref& other) : p_(other.p_) { xincref(p_); }
    Ref(Ref&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
    Ref& operator=(Ref other) noexcept {
        std::swap(p_, other.p_);
        return *this;
    }
    ~Ref() { xdecref(p_); }

    Object* get() const { return p_; }
    Object* operator->() const { return p_; }
    explicit operator bool() const { return p_ != nullptr; }
    // Hands the reference to the caller.
    Object* release() { return std::exchange(p_, nullptr); }
    template <typename T>
    T* as() const {
        return static_cast<T*>(p_);
    }

private:
    explicit Ref(Object* o) : p_(o) {}
    Object* p_ = nullptr;
};

// ---- slots ----
// Both enumerations follow runtime/operators.h, the one list of the operators.
#define MINIPY_OPERATOR_ENUMERATOR(name, ...) name,
enum class BinaryOp : uint8_t { MINIPY_BINARY_OPERATORS(MINIPY_OPERATOR_ENUMERATOR) Count };
enum class CompareOp : uint8_t { MINIPY_COMPARE_OPERATORS(MINIPY_OPERATOR_ENUMERATOR) };
#undef MINIPY_OPERATOR_ENUMERATOR

// Calling convention for everything callable ("vectorcall"): `args` points at `nargs` positional
// values followed by one value per name in `kwnames` (a tuple of str, or null). Arguments are
// borrowed; the result is a new reference. Errors are thrown as PyException (objects/errors.h).
using CallSlot = Ref (*)(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames);
using UnarySlot = Ref (*)(Object*);
// Called as slot(left, right) in source order, first on the left operand's type and then on the
// right's (CPython's nb_* convention), so a slot must check which operand is its own. Returns
// NotImplemented (not an error) when it does not handle the operand types.
using BinarySlot = Ref (*)(Object*, Object*);
// Called as slot(self, other, op); the reflected try swaps the operands and the operator.
using CompareSlot = Ref (*)(Object*, Object*, CompareOp);
using HashSlot = int64_t (*)(Object*);
using LenSlot = int64_t (*)(Object*);
using BoolSlot = bool (*)(Object*);
using GetItemSlot = Ref (*)(Object*, Object* key);
// value == nullptr deletes the item.
using SetItemSlot = void (*)(Object*, Object* key, Object* value);
using ContainsSlot = bool (*)(Object*, Object* item);
// Returns the next item, or null when the iterator is exhausted. It may instead throw StopIteration,
// as CPython's tp_iternext may leave one set (enumerate handing on its iterator's):
// iter_next (objects/abstract.h) turns that into null, iter_next_raising passes it on.
using NextSlot = Ref (*)(Object*);
// Returns null when the attribute is missing; the caller raises AttributeError.
using GetAttrSlot = Ref (*)(Object*, Str* name);
using SetAttrSlot = void (*)(Object*, Str* name, Object* value);
using DeallocSlot = void (*)(Object*);
// The cycle collector's slots (objects/gc.h), set on container types only: traverse calls
// visit(referent, arg) once for each reference the object owns (and no other); clear drops them.
using VisitProc = void (*)(Object* referent, void* arg);
using TraverseSlot = void (*)(Object*, VisitProc visit, void* arg);
using ClearSlot = void (*)(Object*);

// How a method in a type's table binds: like CPython's METH_CLASS / METH_STATIC.
enum class MethodKind : uint8_t {
    Instance,  // args[0] is self
    Class,     // args[0] is the type it was looked up on (dict.fromkeys)
    Static,    // no implicit first argument
};

// A native function or method as declared in a type's or module's method table.
struct MethodDef {
    const char* name;
    CallSlot fn;  // for methods, args[0] is self
    const char* doc;
    MethodKind kind = MethodKind::Instance;
};

// A type object. Slots left null mean "not supported"; the generic operations in
// objects/abstract.h turn that into CPython's TypeError messages.
struct Type : Object {
    std::string name;  // __name__ ("int", "list", ...)
    Type* base = nullptr;
    Dict* dict = nullptr;    // methods and class attributes
    std::vector<Type*> mro;  // this type first, object last
    size_t instance_size = 0;

    DeallocSlot dealloc = nullptr;
    UnarySlot repr = nullptr;
    UnarySlot str = nullptr;  // null: use repr
    HashSlot hash = nullptr;  // null: unhashable
    CompareSlot compare = nullptr;
    BinarySlot binary[static_cast<size_t>(BinaryOp::Count)] = {};
    BinarySlot inplace[static_cast<size_t>(BinaryOp::Count)] = {};  // null: use binary
    UnarySlot neg = nullptr, pos = nullptr, invert = nullptr, abs = nullptr;
    BoolSlot truthy = nullptr;  // null: true unless len() == 0
    LenSlot len = nullptr;
    GetItemSlot getitem = nullptr;
    SetItemSlot setitem = nullptr;
    ContainsSlot contains = nullptr;
    UnarySlot iter = nullptr;
    NextSlot next = nullptr;
    CallSlot call = nullptr;
    GetAttrSlot getattr = nullptr;  // null: generic lookup in instance and type dicts
    SetAttrSlot setattr = nullptr;
    CallSlot construct = nullptr;  // `T(...)`: args exclude the type itself
    // Runs before an instance is freed (a class's __del__); true when dealloc_object must not free
    // it now: the finalizer freed it already, or brought it back to life.
    bool (*finalize)(Object*) = nullptr;
    // Instances are containers the cycle collector tracks; they are allocated with a GcHead.
    TraverseSlot traverse = nullptr;
    ClearSlot clear = nullptr;
    // A built-in type whose dealloc slot releases no other object and runs no code (float, str,
    // bytes, big ints): dealloc_object calls the slot and nothing else. Not inherited.
    bool leaf_dealloc = false;

    const MethodDef* methods = nullptr;  // terminated by an entry with a null name
    bool is_basetype = false;            // may be subclassed
    // Instances are ints (objects/int.h): int itself, bool, and classes derived from int, whose
    // instances are BigInts carrying the subclass as their type. Inherited, so is_int is one test.
    bool int_layout = false;
    // Classes with __slots__ (objects/slots.cpp): how many slot values an instance keeps (its class's and
    // its bases'), and whether the slots leave instances without a __dict__.
    uint32_t slot_count = 0;
    bool no_instance_dict = false;
    // CPython's Py_TPFLAGS_IS_ABSTRACT: set when `__abstractmethods__` is assigned a true value through
    // the type's __setattr__ (abc.ABCMeta does), not by the name in a class body. Instances of such a
    // class are refused (objects/class.cpp, check_not_abstract) without a dict lookup per instance.
    // Atomic: minipy-ft may instantiate the class on one thread while another assigns it.
    std::atomic<bool> is_abstract{false};
    // CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING bits (kTypeSequence, kTypeMapping): what the
    // match statement's sequence and mapping patterns accept (vm/pattern_match.cpp). Built-in types
    // set them before init_type; a type without either takes the first one along its mro (init_type,
    // class_new); _abc's _abc_init and _abc_register set them on classes. Atomic: minipy-ft may match
    // on one thread while another registers the class.
    std::atomic<uint8_t> collection_flags{0};
    // Classes: the most attributes an instance's __dict__ held when freed (capped), so that the next
    // instances' dicts start that large (CPython 3.11 sizes shared keys from the first instances).
    std::atomic<uint8_t> expected_attributes{0};
    // `construct(sub, ...)` for a subclass `sub` makes a fresh instance of it, so classes made by
    // `class` can derive from this type (objects/class.cpp).
    bool constructs_subclasses = false;
    // The type's own objects carry no GcHead, but it allocates one for an instance of a class derived
    // from it (objects/gc.h, new_object_of), whose attributes may form a cycle: str, int, float,
    // complex, bytes, bytearray. set_layout gives such a class a traverse slot.
    bool heads_subclass_instances = false;
    // A built-in type whose own instances have an attribute dict (CPython's tp_dictoffset), so that
    // a class deriving from it gets no `__dict__` descriptor (objects/class.cpp, instances_have_dict).
    bool instances_have_dict = false;
    // Where an instance keeps its attributes when the type holds them itself (a _thread._local
    // keeps one dict per thread); null: instances of subclasses use the VM's side table.
    Dict* (*instance_dict)(Object*) = nullptr;
    // CPython's tp_version_tag: a number no other type state ever had, which changes whenever an
    // attribute lookup on the type could answer differently (its dict or a base's changes, its mro
    // is recomputed). 0: none assigned yet; type_version() (objects/abstract.h) assigns one. The
    // interpreter's attribute caches remember the tag they were filled under.
    std::atomic<uint32_t> version_tag{0};
    // The version tag under which `__init__` was found to be object's (objects/class.cpp,
    // inline_init): while the tag is unchanged, `C()` makes the bare instance without a lookup.
    std::atomic<uint32_t> object_init_tag{0};
};

// Type::collection_flags, with CPython's bit values (as `__flags__` shows them).
inline constexpr uint8_t kTypeSequence = 1 << 5;
inline constexpr uint8_t kTypeMapping = 1 << 6;
inline constexpr uint8_t kTypeCollectionFlags = kTypeSequence | kTypeMapping;
// The flags a new type without its own inherits: the first base along `mro` (past the type itself)
// that has either, as CPython's inherit_patma_flags.
uint8_t inherited_collection_flags(const std::vector<Type*>& mro);

// Initialises the header of a freshly allocated object with one reference. The object owns a
// reference to its type, as in CPython: a class lives while any instance does (dealloc_object
// drops it after the dealloc slot). Built-in types are immortal, so for them nothing is written.
MINIPY_ALWAYS_INLINE void init_header(Object* o, Type* t) {
    refcount_init(o->refcnt, 1);
    refcount_inc(t->refcnt);
    o->type = t;
}

// Gives `o`, made as an instance of a built-in type, the class `t` instead (a fresh list or str
// becoming an instance of a subclass), or a new class (`__class__` assignment): the reference
// moves from the old type to the new one.
inline void object_set_type(Object* o, Type* t) {
    refcount_inc(t->refcnt);
    Type* old = o->type;
    o->type = t;
    if (refcount_dec(old->refcnt)) dealloc_object(old);
}

// `object`, the root of every mro, and `type`, the type of every type object (object.cpp).
// The VM may set further slots on type_type (class creation, attribute access on classes).
extern Type object_type, type_type;

inline bool is_exact(const Object* o, const Type* t) { return type_of(o) == t; }
bool is_subtype(const Type* t, const Type* base);
// CPython's _Py_HashPointer: object.__hash__, and the hash of a float NaN (3.11 hashes a NaN by identity).
int64_t identity_hash(const Object* o);
inline bool is_instance(const Object* o, const Type* t) {
    return type_of(o) == t || is_subtype(type_of(o), t);
}
// A class object: an instance of type or of a metaclass derived from it.
inline bool is_type(const Object* o) { return is_instance(o, &type_type); }

// Fills in a statically defined type: header, mro, slots its base provides and it does not,
// and a dict built from its method table. The base must be initialised first.
void init_type(Type* t);

// Initialises every built-in type of src/objects in dependency order; later calls do nothing.
void init_builtin_types();

}  // namespace minipy
