// class.h — classes from `class` statements (heap types), their instances, and the attribute lookup
// they share (instance dict, class mro, descriptors).
#pragma once

#include <string>
#include <vector>

#include "objects/containers.h"

namespace minipy {

struct Function;

struct SlotValues;

// An instance of a class defined in Python: its attributes live in `dict`, the values of its
// class's __slots__ in `slots` (objects/slots.h).
struct Instance : Object {
    MINIPY_GC_ALLOCATED
    Dict* dict;                   // owned; null when __slots__ leave instances without a __dict__
    SlotValues* slots = nullptr;  // owned; null when the class has no slots
};

void init_class_support();  // called once at start-up

// Makes the class `name` from its bases and the namespace its body filled, as an instance of
// `metatype`; the class keywords (`class C(B, flag=1)`, values then names) go to the base's
// __init_subclass__.
Ref class_new(const std::string& name, Tuple* bases, Dict* ns, Object* const* kwargs = nullptr,
              Tuple* kwnames = nullptr, Type* metatype = &type_type);
// type.__new__(metatype, name, bases, namespace, **kwargs): checks the arguments, picks the most
// derived metaclass and makes the class.
Ref type_new(Type* metatype, Object* const* args, size_t nargs, Tuple* kwnames);
// builtins.__build_class__(body_function, name, *bases).
Ref build_class(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
// True for types made by a class statement.
bool is_heap_type(const Type* t);
// The collector's side of instances' untracked __dict__s (dict_new_untracked): o's __dict__ when o
// is a class instance whose __dict__ is untracked but referenced from elsewhere too, so that the
// collector tracks it before it counts (null otherwise); and, as an instance lets go of its
// __dict__, tracking it if something else still refers to it (it may be in a cycle of its own).
Dict* gc_owned_dict_escaped(Object* o);
void gc_track_escaped_dict(Dict* d);
// type.__subclasses__(): the classes made with t among their direct bases, oldest first.
std::vector<Type*> subclasses_of(Type* t);
// Lists a built-in type among its base's subclasses (init_type; class_new lists a class itself).
void add_builtin_subclass(Type* t);
// The getattr/setattr slots of class instances: data descriptors, the instance dict, then the mro
// (CPython's PyObject_GenericGetAttr). Null when missing.
Ref class_generic_getattr(Object* o, Str* name);
void class_generic_setattr(Object* o, Str* name, Object* value);
// isinstance's answer for a class `cls` with no __instancecheck__ of its own (CPython's
// recursive_isinstance): o's type derives from cls, or o's `__class__`, when a class overrides it
// (unittest.mock's Mock(spec=C) claims to be a C), names a subclass of cls.
bool instance_of_class(Object* o, Type* cls);
// The __instancecheck__ or __subclasscheck__ (`name`) of a class's metaclass when it has one of its
// own (ABCMeta's), as isinstance/issubclass must call it; null for a class whose metaclass has only
// type's, whose answer instance_of_class and is_subtype give without a call.
Ref metaclass_check(Object* cls, Str* name);
// isinstance(o, cls) and issubclass(derived, cls), as CPython's PyObject_IsInstance/IsSubclass:
// tuples and unions of classes, a metaclass's (or any object's type's) __instancecheck__ and
// __subclasscheck__, and the "abstract" classes that are no types but have a `__bases__` tuple.
bool object_isinstance(Object* o, Object* cls);
bool object_issubclass(Object* derived, Object* cls);
// True for the attribute lookup of plain class instances (LOAD_METHOD's fast path).
bool is_instance_getattr(GetAttrSlot s);
// True when t is a subclass of a built-in type (list, dict, str, ...) whose instances keep their
// attributes in a side dict and look them up generically: LOAD_METHOD may cache its methods.
bool has_side_dict_instances(const Type* t);
// `o.__dict__` through a class's `__dict__` descriptor (made on first use), and `o.__dict__ = value`
// (value null: `del o.__dict__`, which leaves an empty one).
Ref object_dict(Object* o);
void set_object_dict(Object* o, Object* value);
// Whether instances of t carry an attribute dict (CPython: tp_dictoffset != 0), so that a class
// deriving from t needs no `__dict__` descriptor of its own.
bool instances_have_dict(Type* t);
// Whether o, an instance of such a type, has `name` in its side dict. Most never get one: while no
// object in the process has a side dict, this costs a load (deltablue's OrderedCollection(list):
// 138k generic lookups in 20 rounds at 520 instructions each, callgrind).
bool side_dict_may_shadow(Object* o, Str* name);
// True when t's instances (class Instance) read attributes from their __dict__ first: no data
// descriptors in the mro, no __getattr__/__getattribute__ (LOAD_ATTR's fast path).
// Inline: LOAD_ATTR asks it at every read (a call took 10 instructions of it, 2.7 million times in
// 20 rounds of bench/pyperf/deltablue.py).
Ref instance_getattr_plain(Object* o, Str* name);
inline bool reads_instance_dict_first(const Type* t) { return t->getattr == instance_getattr_plain; }
// True when t's instances are plain class instances (class Instance) whose attribute reads and
// writes are the generic ones: no __getattr__, __getattribute__, __setattr__ or __delattr__ of their
// own (the interpreter's attribute caches, vm/attr_cache.h).
bool has_generic_instance_attrs(const Type* t);
// True when STORE_ATTR may write t's instances' __dict__ directly: no data descriptors in the mro,
// no __setattr__.
bool writes_instance_dict_first(const Type* t);
// o.__class__ = value, with CPython's checks.
void set_object_class(Object* o, Object* value);
// C.__bases__ = value, with CPython's checks: recomputes the mro of t and of its subclasses.
void set_type_bases(Type* t, Object* value);
// The exception type name a traceback prints: "KeyError", "MyError" (in __main__), "mod.MyError".
std::string qualified_type_name(const Type* t);
// The construct slot of a built-in type only its module makes: `T()` is CPython's "cannot create
// 'module.T' instances" (init_type would otherwise inherit object's constructor, which makes an
// instance without the native state), and T gets no __new__.
Ref construct_refused(Object* type, Object* const* args, size_t nargs, Tuple* kwnames);
// __qualname__: "Outer.Inner" for classes made by `class`, the name for built-in types.
std::string type_qualname(const Type* t);
// A class's __name__ (or, `qualified`, __qualname__) as the str object it was given, the same one
// at every read; null for a built-in type. Setting one also sets what t->name or type_qualname give.
Ref heap_type_text(const Type* t, bool qualified);
void set_heap_type_text(Type* t, Object* text, bool qualified);
// A class's name, qualname or doc as CPython's type checks them: a lone surrogate is a
// UnicodeEncodeError, and where `what` names it ("type name"), a NUL is a ValueError.
void check_type_text(Object* text, const char* what);
// Sets the slots of `t` whose dunder methods it or a base class defines (slot_wrappers.cpp).
void install_slots(Type* t);
// Whether a class gaining or losing the attribute `name` may change its slots: the dunders
// install_slots reads, and __new__ (which picks how instances are made).
bool is_slot_dunder(Str* name);
// What type computes for one of its special attributes (`__dict__`, `__mro__`, ...) of the class t,
// whatever t's metaclass defines: what the descriptors in type.__dict__ read. Null for other names.
Ref type_own_attr(Object* t, Str* name);

// ---- shared by class.cpp and class_methods.cpp ----
void init_class_methods();  // the methods of object, type and the built-in base types
// Adds the methods of `defs` that t's dict does not hold yet.
void add_methods(Type* t, const MethodDef* defs);
// Gives a built-in type with a construct slot of its own CPython's `__new__` static method.
void add_builtin_new(Type* t);
// object.__sizeof__ and the built-in types' own (objects/sizeof.cpp).
void init_sizeof_methods();
// The first built-in type other than object in t's mro (list for `class L(list)`), or null.
Type* native_base(Type* t);
// The Python __init__ that t or a base defines, or null.
Ref user_init(Type* t);
// Whether making an instance of t, the built-in type `base` or a class derived from it, refuses
// keyword arguments, for a base whose constructor takes none (map, filter, itertools.chain): CPython
// 3.11 refuses them unless the class defines an __init__ of its own, which then sees them
// (`type == base || type->tp_init == base->tp_init`).
bool refuses_keywords(Type* t, Type* base);
// The __new__ that a class statement gave t or a base, or null when a built-in type's makes the object.
Ref user_new(Type* t);
// A plain class instance with an empty __dict__.
Ref bare_instance(Type* t);
// The Python __init__ that calling t runs on a bare_instance(t), when that is all the call does
// (type is t's metaclass, no __new__, no built-in base), so the interpreter can run it as an
// ordinary frame of its own loop; null otherwise. *object_init is set when such a class has no
// __init__ but object's: `t()` is then bare_instance(t) and nothing more.
Ref inline_init(Type* t, bool* object_init);
// "__init__() should return None, not 'int'": the TypeError of an __init__ that returned a value.
[[noreturn]] void raise_init_returned(Object* result);
// What the built-in `base` of class t (null for object) makes for t(...): CPython's tp_new of the
// base. With `args_for_init`, a Python __init__ will see the arguments, so list, dict and set start
// empty, as their __new__ ignores arguments in CPython.
Ref native_new(Type* t, Type* base, Object* const* args, size_t nargs, Tuple* kwnames, bool args_for_init);
// base.__new__(cls, ...) for a built-in base type: checks cls as CPython's tp_new_wrapper does, then
// lets the base make the instance (list.__new__, map.__new__, ...).
Ref builtin_type_new(Type* base, Object* const* args, size_t nargs, Tuple* kwnames);
// "<__main__.C object at 0x...>".
Ref default_repr(Object* o);
// __bases__ of a class made by `class`; null for built-in types.
Tuple* type_bases(const Type* t);
// type.mro(t): C3's order over t's bases as they are now (a built-in type's own order).
std::vector<Type*> type_c3_order(Type* t);
// "mod." for a class defined in module mod, "" for built-in types.
std::string module_prefix(const Type* t);
// After t.name was rebound from old_value to new_value (either may be null): redoes the slots,
// attribute lookup and constructor of t and its subclasses when the change can affect them.
void class_attr_changed(Type* t, Str* name, Object* old_value, Object* new_value);

// PEP 442 for the cycle collector (slot_wrappers.cpp): whether o's __del__ has run, and running it
// once, on a live object, if its class defines one (it is not run again when o is freed).
bool finalizer_ran(Object* o);
void run_finalizer_once(Object* o);
// The finalize slot that runs `__del__` once (PEP 442): classes get it when one defines __del__, and a
// built-in type whose method table has a native __del__ sets it itself.
bool slot_finalize(Object* o);

}  // namespace minipy
