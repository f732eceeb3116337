// class_methods.cpp — what class objects answer to: attribute lookup on a class (its mro, then its
// metaclass), setting class attributes, and the methods every class inherits from object, type,
// BaseException and the built-in base types (__new__, __init__, __setattr__, ...).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <mutex>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generic_alias.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/mappingproxy.h"
#include "objects/native_function.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

const char* type_text_signature(const Type* t);  // objects/type_docs.cpp

namespace {

GetAttrSlot g_builtin_type_getattr;

Ref tuple_of_types(const std::vector<Type*>& types) {
    Ref t = tuple_new(types.size());
    for (size_t i = 0; i < types.size(); ++i) as_tuple(t.get())->items[i] = newref(types[i]);
    return t;
}

// A built-in type's name may carry its module, as CPython's tp_name does ("_thread.RLock"): its
// __name__ is the part after the last dot and its __module__ the part before. A class's name is
// its own, dots and all.
size_t module_dot(const Type* t) { return is_heap_type(t) ? std::string::npos : t->name.rfind('.'); }

// __text_signature__: a built-in type's own (object's "()"), or the "(...)" its docstring starts with
// ("name(sig)\n--\n\n"), else None.
Ref text_signature(Type* t) {
    if (const char* own = type_text_signature(t)) return str_new(own);
    Object* doc = dict_get_str(t->dict, intern("__doc__"));
    if (!doc || !is_str(doc)) return Ref::borrow(None);
    const std::string& text = str_utf8_of(doc);
    size_t end = text.find(")\n--\n\n");
    size_t open = text.find('(');
    if (end == std::string::npos || open == std::string::npos || open > end ||
        text.compare(0, open, t->name.substr(t->name.rfind('.') + 1)) != 0)
        return Ref::borrow(None);
    return str_new(text.substr(open, end + 1 - open));
}

// __annotations__ of a class: its own dict's, created empty on first use (3.10); built-in types
// have none.
Ref class_annotations(Type* t) {
    Str* key = intern("__annotations__");
    if (!is_heap_type(t))
        raise(&AttributeError_type,
              format("type object '%s' has no attribute '__annotations__'", t->name.c_str()));
    if (Ref a = dict_get_str_ref(t->dict, key)) {
        if (Ref get = type_lookup(type_of(a.get()), intern("__get__"))) {
            Object* args[3] = {a.get(), None, t};
            return call(get.get(), args, 3);
        }
        return a;
    }
    Ref fresh = dict_new();
    dict_set(t->dict, key, fresh.get());
    type_modified(t);
    return fresh;
}

// The layout numbers CPython's type reports: minipy's own instance size; instances of classes
// with a __dict__ (kept in a side table here) report it after their fields, as CPython's do.
Ref layout_number(Type* t, const std::string& n) {
    if (n == "__basicsize__") return int_from_i64(static_cast<int64_t>(t->instance_size));
    if (n == "__itemsize__") {
        // CPython's variable-size objects, whose items live in the object (and their subclasses):
        // an int's 30-bit digits, a tuple's pointers, a bytes' bytes, a class's slot entries.
        int64_t item = is_subtype(t, &int_type)     ? 4
                       : is_subtype(t, &tuple_type) ? 8
                       : is_subtype(t, &bytes_type) ? 1
                       : is_subtype(t, &type_type)  ? 40
                                                    : 0;
        return int_from_i64(item);
    }
    bool has_dict = is_heap_type(t) && !t->no_instance_dict;
    return int_from_i64(has_dict ? static_cast<int64_t>(t->instance_size) : 0);
}

}  // namespace

Ref metaclass_check(Object* cls, Str* name) {
    if (!is_type(cls) || !is_heap_type(type_of(cls))) return nullptr;
    Ref hook = type_lookup(type_of(cls), name);
    if (hook && hook.get() == dict_get_str(type_type.dict, name)) return nullptr;
    return hook;
}

namespace {

// cls.__bases__ when it is a tuple (CPython's abstract_get_bases): what makes an object that is no
// type count as a class to isinstance and issubclass. An AttributeError means "not a class"; any
// other error propagates.
Ref abstract_bases(Object* cls) {
    static Str* const kBases = intern("__bases__");
    Ref bases = get_attr_opt(cls, kBases);
    return bases && is_instance(bases.get(), &tuple_type) ? bases : Ref();
}

// derived is cls or reaches it through __bases__; single inheritance is walked in a loop, several
// bases recurse (a cycle of them ends in RecursionError).
bool abstract_subclass(Object* derived, Object* cls) {
    Ref bases;
    while (true) {
        if (derived == cls) return true;
        bases = abstract_bases(derived);
        if (!bases) return false;
        Tuple* t = as_tuple(bases.get());
        if (t->size == 0) return false;
        if (t->size > 1) break;
        derived = t->items[0];  // `bases` keeps it alive
    }
    RecursionGuard guard(" in __issubclass__");
    Tuple* t = as_tuple(bases.get());
    for (size_t i = 0; i < t->size; ++i)
        if (abstract_subclass(t->items[i], cls)) return true;
    return false;
}

void check_class(Object* cls, const char* message) {
    if (!abstract_bases(cls)) raise(&TypeError_type, message);
}

// isinstance without any __instancecheck__ (CPython's object_isinstance).
bool real_isinstance(Object* o, Object* cls) {
    static Str* const kClass = intern("__class__");
    if (is_type(cls)) return instance_of_class(o, static_cast<Type*>(cls));
    check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    Ref claimed = get_attr_opt(o, kClass);
    return claimed && abstract_subclass(claimed.get(), cls);
}

// issubclass without any __subclasscheck__ (CPython's recursive_issubclass).
bool real_issubclass(Object* derived, Object* cls) {
    if (is_type(cls) && is_type(derived))
        return is_subtype(static_cast<Type*>(derived), static_cast<Type*>(cls));
    check_class(derived, "issubclass() arg 1 must be a class");
    if (type_of(cls) != &union_type)
        check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return abstract_subclass(derived, cls);
}

// A tuple's (or a union's) members, any of which may match.
template <typename Check>
bool any_member(Object* classes, Check check, const char* where) {
    RecursionGuard guard(where);
    const Tuple* t = type_of(classes) == &union_type ? union_args(classes) : as_tuple(classes);
    for (size_t i = 0; i < t->size; ++i)
        if (check(t->items[i])) return true;
    return false;
}

// The steps isinstance and issubclass share (CPython's object_recursive_isinstance and
// object_issubclass): a class's metaclass hook, the members of a tuple or union, the hook of any
// other object's type (`hook`: __instancecheck__ or __subclasscheck__), else `plain`. The hook's
// name comes interned: interning it on each call was a tenth of an isinstance of an ABC.
bool check_relation(Object* x, Object* cls, Str* hook, bool (*plain)(Object*, Object*),
                    bool (*recurse)(Object*, Object*)) {
    const char* where = hook->utf8[2] == 'i' ? " in __instancecheck__" : " in __subclasscheck__";
    if (is_type(cls)) {
        Ref check = metaclass_check(cls, hook);
        if (!check) return plain(x, cls);
        RecursionGuard guard(where);
        Object* args[2] = {cls, x};
        return is_true(call(check.get(), args, 2).get());
    }
    if (type_of(cls) == &union_type || is_instance(cls, &tuple_type))
        return any_member(
            cls, [x, recurse](Object* c) { return recurse(x, c); }, where);
    if (Ref check = special_method(cls, hook)) {
        RecursionGuard guard(where);
        return is_true(call1(check.get(), x).get());
    }
    return plain(x, cls);
}

}  // namespace

bool object_isinstance(Object* o, Object* cls) {
    static Str* const kInstanceCheck = intern("__instancecheck__");
    if (type_of(o) == cls) return true;
    return check_relation(o, cls, kInstanceCheck, real_isinstance, object_isinstance);
}

bool object_issubclass(Object* derived, Object* cls) {
    static Str* const kSubclassCheck = intern("__subclasscheck__");
    return check_relation(derived, cls, kSubclassCheck, real_issubclass, object_issubclass);
}

namespace {

Ref type_special_attr(Type* t, const std::string& n) {
    if (n == "__name__" || n == "__qualname__") {
        if (Ref text = heap_type_text(t, n == "__qualname__")) return text;
    }
    if (n == "__name__" || (n == "__qualname__" && !is_heap_type(t))) {
        size_t dot = module_dot(t);
        return str_new(dot == std::string::npos ? t->name : t->name.substr(dot + 1));
    }
    if (n == "__qualname__") return str_new(type_qualname(t));
    if (n == "__mro__") return tuple_of_types(t->mro);
    if (n == "__class__") return Ref::borrow(type_of(t));
    if (n == "__base__") return Ref::borrow(t->base ? t->base : None);
    if (n == "__bases__") {
        if (Tuple* b = type_bases(t)) return Ref::borrow(b);
        return t->base ? tuple_of_types({t->base}) : tuple_new(0);
    }
    if (n == "__dict__") return mappingproxy_new(t->dict);
    // CPython's Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_BASETYPE and Py_TPFLAGS_IS_ABSTRACT bits: copyreg
    // tells classes from built-in types by the first when it pickles instances of their subclasses;
    // inspect.isabstract reads the last. Py_TPFLAGS_SEQUENCE and _MAPPING are collection_flags.
    if (n == "__flags__")
        return int_from_i64((is_heap_type(t) ? 1 << 9 : 0) | (t->is_basetype ? 1 << 10 : 0) |
                            (t->is_abstract.load(std::memory_order_relaxed) ? 1 << 20 : 0) |
                            t->collection_flags.load(std::memory_order_relaxed));
    if (n == "__module__") {
        Ref m = t != &type_type ? dict_get_str_ref(t->dict, intern("__module__")) : Ref();
        if (m) return m;
        size_t dot = module_dot(t);
        return str_new(dot == std::string::npos ? "builtins" : t->name.substr(0, dot));
    }
    if (n == "__doc__") {
        Ref d = dict_get_str_ref(t->dict, intern("__doc__"));
        if (!d) return Ref::borrow(None);
        // A class's __doc__ may be a descriptor (`@classmethod @property def __doc__`): bound to
        // the class, as CPython's type_get_doc.
        return is_heap_type(t) ? bind_class_attr(d.get(), nullptr, t) : d;
    }
    // Every name with a descriptor in type's dict is answered here: those descriptors read through
    // this function, so a metaclass's lookup must never reach them.
    if (n == "__text_signature__") return text_signature(t);
    if (n == "__annotations__") return class_annotations(t);
    if (n == "__abstractmethods__") {
        // Only a class's own entry (ABCMeta sets one on each class); type itself has none.
        Ref own = t != &type_type ? dict_get_str_ref(t->dict, intern("__abstractmethods__")) : Ref();
        if (!own) raise(&AttributeError_type, "__abstractmethods__");
        return own;
    }
    if (n == "__basicsize__" || n == "__itemsize__" || n == "__dictoffset__" || n == "__weakrefoffset__")
        return layout_number(t, n);
    return nullptr;
}

// Whether the first class in t's mro whose dict has `name` was made by a class statement.
bool defined_by_class_statement(Type* t, Str* name) {
    for (Type* k : t->mro)
        if (dict_get_str(k->dict, name)) return is_heap_type(k);
    return false;
}

// Attribute lookup on a class: its special attributes, then its mro with descriptors applied
// (`C.f` is the plain function, `C.cm` a method bound to C, `C.prop` the property itself). For a
// class with a metaclass, the metaclass's attributes come next, bound to the class, and its data
// descriptors first (CPython's type_getattro).
Ref class_type_getattr(Object* o, Str* name) {
    auto* t = static_cast<Type*>(o);
    // Every special name is a dunder: other names skip the comparisons (they were a tenth of
    // bench/pyperf/deltablue.py's time, which reads class attributes such as Strength.REQUIRED).
    const std::string& n = name->utf8;
    Type* meta = type_of(o);
    Ref meta_attr = meta != &type_type ? type_lookup(meta, name) : nullptr;
    bool meta_data = meta_attr && is_data_descriptor_with_get(meta_attr.get());
    // type computes the special names, unless a metaclass's own data descriptor says otherwise (a
    // property __module__ that raises makes inspect.getfile refuse the class, as in CPython).
    if (n.size() > 4 && n[0] == '_' && n[1] == '_' && !(meta_data && defined_by_class_statement(meta, name)))
        if (Ref r = type_special_attr(t, n)) return r;
    if (meta_data) return bind_class_attr(meta_attr.get(), o, meta);
    if (Ref found = type_lookup(t, name)) return bind_class_attr(found.get(), nullptr, t);
    if (meta_attr) return bind_class_attr(meta_attr.get(), o, meta);
    return g_builtin_type_getattr(o, name);
}

// Class attributes can be set on classes made by `class`, not on built-in types.
void type_setattr(Object* o, Str* name, Object* value) {
    auto* t = static_cast<Type*>(o);
    if (!is_heap_type(t)) {
        raise(&TypeError_type, format("cannot set '%s' attribute of immutable type '%s'", name->utf8.c_str(),
                                      t->name.c_str()));
    }
    // __name__ is the type's own field, not an entry of its __dict__ (CPython's type_set_name);
    // typing renames its deprecated `io`/`re` namespaces this way.
    if ((name->utf8 == "__name__" || name->utf8 == "__qualname__") && value) {
        if (!is_instance(value, &str_type))
            raise(&TypeError_type, format("can only assign string to %s.%s, not '%s'", t->name.c_str(),
                                          name->utf8.c_str(), type_of(value)->name.c_str()));
        if (name->utf8 == "__name__") check_type_text(value, "type name");
        return set_heap_type_text(t, value, name->utf8 == "__qualname__");
    }
    if (name->utf8 == "__bases__") return set_type_bases(t, value);
    if (name->utf8 == "__class__") return set_object_class(t, value);
    // type's own `__dict__` descriptor has no setter (the mappingproxy stays the class's).
    if (name->utf8 == "__dict__")
        raise(&AttributeError_type, "attribute '__dict__' of 'type' objects is not writable");
    Ref old = dict_get_str_ref(t->dict, name);
    // As CPython's type_set_abstractmethods: deleting a missing entry raises before the flag changes.
    if (name->utf8 == "__abstractmethods__") {
        if (!value && !old) raise(&AttributeError_type, "__abstractmethods__");
        t->is_abstract.store(value && is_true(value), std::memory_order_relaxed);
    }
    if (value) {
        defer_definition(value);
        dict_set(t->dict, name, value);
    } else if (!dict_del(t->dict, name)) {
        raise_no_attribute(o, name);
    }
    class_attr_changed(t, name, old.get(), value);
}

// "<class '__main__.A'>" for classes made by `class`, "<class 'int'>" for built-in ones.
Ref type_repr_with_module(Object* o) {
    auto* t = static_cast<Type*>(o);
    return str_new("<class '" + module_prefix(t) + type_qualname(t) + "'>");
}

using Args = Object* const*;

// Extra arguments are refused, as CPython 3.11's object_init words it: when the class has an
// __init__ of its own (super().__init__(x) reached object's), or when neither __init__ nor __new__
// is the class's own; a class with only a __new__ of its own passes them to it.
Ref object_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1 || (kw && kw->size)) {
        Type* t = type_of(args[0]);
        auto is_objects = [t](const char* name) {
            Str* key = intern(name);
            return type_lookup(t, key).get() == dict_get_str(object_type.dict, key);
        };
        if (!is_objects("__init__"))
            raise(&TypeError_type,
                  "object.__init__() takes exactly one argument (the instance to initialize)");
        if (is_objects("__new__"))
            raise(&TypeError_type,
                  t->name + ".__init__() takes exactly one argument (the instance to initialize)");
    }
    return Ref::borrow(None);
}

Str* attr_name_arg(Object* o) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type, format("attribute name must be string, not '%s'", type_of(o)->name.c_str()));
    return intern(str_utf8_of(o));
}

// object.__setattr__ and __delattr__ (over class_generic_setattr), and type's (over type_setattr):
// what user hooks fall back on.
template <SetAttrSlot Set>
Ref setattr_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__setattr__", nargs, kw, 3, 3);
    Set(args[0], attr_name_arg(args[1]), args[2]);
    return Ref::borrow(None);
}

template <SetAttrSlot Set>
Ref delattr_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__delattr__", nargs, kw, 2, 2);
    Set(args[0], attr_name_arg(args[1]), nullptr);
    return Ref::borrow(None);
}

Ref object_getattribute(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getattribute__", nargs, kw, 2, 2);
    Str* name = attr_name_arg(args[1]);
    Object* o = args[0];
    Ref r = is_heap_type(type_of(o)) && !is_type(o) ? class_generic_getattr(o, name)
            : type_of(o) == &generic_alias_type     ? alias_own_attribute(o, name)
                                                    : get_attr_opt(o, name);
    if (r) return r;
    try {
        raise_no_attribute(o, name);
    } catch (PyException& e) {
        set_attribute_error_context(e.exception(), o, name);  // as CPython's generic getattr
        throw;
    }
}

Ref object_init_subclass(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1 || (kw && kw->size))
        raise(&TypeError_type,
              type_qualname(static_cast<Type*>(args[0])) + ".__init_subclass__() takes no keyword arguments");
    return Ref::borrow(None);
}

Ref object_repr_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__repr__", nargs, kw, 1, 1);
    Type* t = type_of(args[0]);
    return is_heap_type(t) && !native_base(t) ? default_repr(args[0]) : object_type.repr(args[0]);
}

Ref object_str_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__str__", nargs, kw, 1, 1);
    return repr(args[0]);
}

Ref object_eq(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__eq__", nargs, kw, 2, 2);
    return Ref::borrow(args[0] == args[1] ? True : NotImplemented);
}

// What object.__getstate__ gives (CPython 3.11's object_getstate_default): the instance's __dict__
// (None when it has none or it is empty) and, when its class's slots hold values, the pair of that
// and {slot name: value}.
Ref default_state(Object* self) {
    Ref state = Ref::borrow(None);
    if (Ref d = get_attr_opt(self, intern("__dict__"));
        d && is_instance(d.get(), &dict_type) && dict_size(as_dict(d.get())))
        state = d;
    // copyreg._slotnames(cls) keeps its answer in cls.__slotnames__: read there first, as CPython's
    // _PyType_GetSlotNames, so that pickling or copying many instances calls no Python code for it.
    Ref names = dict_get_str_ref(type_of(self)->dict, intern("__slotnames__"));
    if (!names) {
        Ref copyreg = import_name(intern("copyreg"), None, 0);
        names = call1(get_attr(copyreg.get(), intern("_slotnames")).get(), type_of(self));
    }
    if (!is_instance(names.get(), &list_type) || !length(names.get())) return state;
    Ref slots = dict_new();
    for_each_item(names.get(), [&](Object* name) {
        if (Ref value = get_attr_opt(self, attr_name_arg(name)))
            dict_set(as_dict(slots.get()), name, value.get());
    });
    if (!dict_size(as_dict(slots.get()))) return state;
    Object* pair[2] = {state.get(), slots.get()};
    return tuple_from(pair, 2);
}

// (cls, *args): copyreg.__newobj__'s arguments.
Ref class_then(Object* cls, Object* args) {
    const Tuple* rest = as_tuple(args);
    Ref all = tuple_new(rest->size + 1);
    as_tuple(all.get())->items[0] = newref(cls);
    for (size_t i = 0; i < rest->size; ++i) as_tuple(all.get())->items[i + 1] = newref(rest->items[i]);
    return all;
}

// object.__reduce_ex__(protocol), as CPython's: a class's own __reduce__ if it has one; otherwise
// copyreg's protocol 0/1 reduction, or for 2 and up (copyreg.__newobj__, (cls,), state, list
// items, dict items), state being the instance's __dict__ (None when empty).
Ref object_reduce_ex(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce_ex__", nargs, kw, 2, 2);
    Object* self = args[0];
    static Str* const kReduce = intern("__reduce__");
    Ref reduce = type_lookup(type_of(self), kReduce);
    if (reduce && reduce.get() != dict_get_str(object_type.dict, kReduce)) {
        Ref bound = get_attr(self, kReduce);
        return call0(bound.get());
    }
    int64_t protocol = as_index(args[1]);
    Ref copyreg = import_name(intern("copyreg"), None, 0);
    if (protocol < 2) {
        Ref fn = get_attr(copyreg.get(), intern("_reduce_ex"));
        Object* a[2] = {self, args[1]};
        return call(fn.get(), a, 2);
    }
    Ref newobj = get_attr(copyreg.get(), intern("__newobj__"));
    Object* cls = type_of(self);
    // A type with its own __getstate__ (io.BytesIO's, a class's) says what its state is, the
    // built-in part included.
    static Str* const kGetState = intern("__getstate__");
    Ref class_getstate = type_lookup(type_of(self), kGetState);
    bool own_getstate = class_getstate && class_getstate.get() != dict_get_str(object_type.dict, kGetState);
    Ref cls_args = tuple_from(&cls, 1);
    if (Ref getnewargs_ex = special_method(self, intern("__getnewargs_ex__"))) {
        // (args, kwargs): copyreg.__newobj_ex__(cls, args, kwargs) when there are keywords.
        Ref pair = call0(getnewargs_ex.get());
        if (!is_instance(pair.get(), &tuple_type))
            raise(&TypeError_type, format("__getnewargs_ex__ should return a tuple, not '%s'",
                                          type_of(pair.get())->name.c_str()));
        if (as_tuple(pair.get())->size != 2)
            raise(&ValueError_type, format("__getnewargs_ex__ should return a tuple of length 2, not %zu",
                                           as_tuple(pair.get())->size));
        Object* args_part = as_tuple(pair.get())->items[0];
        Object* kwargs_part = as_tuple(pair.get())->items[1];
        if (!is_instance(args_part, &tuple_type))
            raise(&TypeError_type,
                  format("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                         type_of(args_part)->name.c_str()));
        if (!is_instance(kwargs_part, &dict_type))
            raise(&TypeError_type,
                  format("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                         type_of(kwargs_part)->name.c_str()));
        if (dict_size(as_dict(kwargs_part))) {
            newobj = get_attr(copyreg.get(), intern("__newobj_ex__"));
            Object* triple[3] = {cls, args_part, kwargs_part};
            cls_args = tuple_from(triple, 3);
        } else {
            cls_args = class_then(cls, args_part);
        }
    } else if (Ref getnewargs = get_attr_opt(self, intern("__getnewargs__"))) {
        Ref extra = call0(getnewargs.get());
        if (!is_instance(extra.get(), &tuple_type))
            raise(&TypeError_type, format("__getnewargs__ should return a tuple, not '%s'",
                                          type_of(extra.get())->name.c_str()));
        cls_args = class_then(cls, extra.get());
    } else if (Type* layout = native_base(type_of(self))) {
        // The built-in part of an instance must travel too. Immutable values are rebuilt from their
        // plain value (CPython's int.__getnewargs__, str's, ...), lists and dicts from their items;
        // anything else is CPython's "cannot pickle" (generators, locks, ...).
        static Type* const kByValue[] = {&int_type, &float_type, &complex_type,
                                         &str_type, &bytes_type, &tuple_type};
        if (std::find(std::begin(kByValue), std::end(kByValue), layout) != std::end(kByValue)) {
            Ref plain = call(layout, &self, 1);
            Object* pair[2] = {cls, plain.get()};
            cls_args = tuple_from(pair, 2);
        } else if (layout != &list_type && layout != &dict_type && !own_getstate) {
            raise(&TypeError_type, format("cannot pickle '%s' object", type_of(self)->name.c_str()));
        }
    }
    Ref state;
    if (Ref getstate = get_attr_opt(self, kGetState);
        getstate &&
        (own_getstate || (!is_method_descriptor(getstate.get()) && !is_native_function(getstate.get())))) {
        state = call0(getstate.get());
    } else {
        state = default_state(self);
    }
    Ref items = Ref::borrow(None), pairs = Ref::borrow(None);
    if (is_instance(self, &list_type)) items = get_iter(self);
    if (is_instance(self, &dict_type)) pairs = call0(get_attr(self, intern("items")).get());
    Object* out[5] = {newobj.get(), cls_args.get(), state.get(), items.get(), pairs.get()};
    return tuple_from(out, 5);
}

// object.__getstate__() (new in 3.11; copyreg compares classes' with it): default_state.
Ref object_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getstate__", nargs, kw, 1, 1);
    return default_state(args[0]);
}

Ref object_reduce(Object* callable, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs, kw, 1, 1);
    Object* a[2] = {args[0], make_small_int(0)};
    Ref copyreg = import_name(intern("copyreg"), None, 0);
    Ref fn = get_attr(copyreg.get(), intern("_reduce_ex"));
    (void)callable;
    return call(fn.get(), a, 2);
}

// object.__subclasshook__ and __dir__, __sizeof__: what abc and dir() build on.
Ref object_subclasshook(Object*, Args, size_t, Tuple*) { return Ref::borrow(NotImplemented); }

void add_dir_keys(Dict* names, Object* mapping) {
    if (!mapping || type_of(mapping) != &dict_type) return;
    Object *k, *v;
    for (size_t pos = 0; dict_next(as_dict(mapping), &pos, &k, &v);) dict_set(names, k, None);
}

// object.__dir__ (an instance's dict and its class's attributes) and type.__dir__ (the attributes
// of the class and its bases): the unsorted list dir() sorts, which a class's own __dir__ can
// extend through super().__dir__().
Ref object_dir(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__dir__", nargs, kw, 1, 1);
    Object* o = args[0];
    Ref names = dict_new();
    Dict* out = as_dict(names.get());
    if (is_type(o)) {
        dict_set(out, intern("__class__"), None);
        for (Type* k : static_cast<Type*>(o)->mro) add_dir_keys(out, k->dict);
        return list_from_iterable(names.get());
    }
    Ref d = get_attr_opt(o, intern("__dict__"));
    add_dir_keys(out, d.get());
    // The class as `__class__` answers, as CPython's: an object whose __class__ slot is unset (or
    // whose __class__ property raises AttributeError) lists its __dict__ alone. The two names that
    // CPython's classes list as descriptors (some of minipy's built-in types lack them) come with it.
    if (Ref cls = get_attr_opt(o, intern("__class__")); cls && is_type(cls.get())) {
        dict_set(out, intern("__class__"), None);
        if (d) dict_set(out, intern("__dict__"), None);
        for (Type* k : static_cast<Type*>(cls.get())->mro) add_dir_keys(out, k->dict);
    }
    return list_from_iterable(names.get());
}

Ref object_hash_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__hash__", nargs, kw, 1, 1);
    return int_from_i64(object_type.hash(args[0]));
}

Ref object_format(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__format__", nargs, kw, 2, 2);
    if (!is_str(args[1]) || !str_utf8_of(args[1]).empty())
        raise(&TypeError_type,
              format("unsupported format string passed to %s.__format__", type_of(args[0])->name.c_str()));
    return str(args[0]);
}

// The class that X.__new__(cls, ...) is asked to make, checked as CPython's tp_new_wrapper does:
// X must be the built-in type that makes the layout of cls's instances.
Type* new_target(Type* base, Args args, size_t nargs) {
    const char* b = base->name.c_str();
    if (nargs < 1) raise(&TypeError_type, format("%s.__new__(): not enough arguments", b));
    if (!is_type(args[0]))
        raise(&TypeError_type,
              format("%s.__new__(X): X is not a type object (%s)", b, type_of(args[0])->name.c_str()));
    auto* cls = static_cast<Type*>(args[0]);
    const char* c = cls->name.c_str();
    if (!is_subtype(cls, base))
        raise(&TypeError_type, format("%s.__new__(%s): %s is not a subtype of %s", b, c, c, b));
    Type* layout = native_base(cls) ? native_base(cls) : &object_type;
    if (layout != base && !(base == &BaseException_type && is_subtype(layout, base))) {
        Type* maker = cls;  // the nearest class without a __new__ of its own
        while (is_heap_type(maker) && dict_get_str(maker->dict, intern("__new__"))) maker = maker->base;
        raise(&TypeError_type,
              format("%s.__new__(%s) is not safe, use %s.__new__()", b, c, maker->name.c_str()));
    }
    return cls;
}

// object.__new__(cls): a bare instance; extra arguments are an error unless an __init__ takes them.
Ref object_new(Object*, Args args, size_t nargs, Tuple* kw) {
    Type* cls = new_target(&object_type, args, nargs);
    if (nargs > 1 || (kw && kw->size)) {
        if (user_new(cls))
            raise(&TypeError_type, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!user_init(cls)) raise(&TypeError_type, format("%s() takes no arguments", cls->name.c_str()));
    }
    return cls == &object_type ? object_type.construct(cls, nullptr, 0, nullptr) : bare_instance(cls);
}

// str.__new__(cls, ...), tuple.__new__, type.__new__ and the others: the built-in base makes the
// instance of cls, as super().__new__(cls, ...) in a class's own __new__ asks.
template <Type* Base>
Ref builtin_new(Object*, Args args, size_t nargs, Tuple* kw) {
    return builtin_type_new(Base, args, nargs, kw);
}

// The same for any other built-in type that constructs its instances (complex, range, property,
// io's classes...): the type is the static method's __self__.
Ref builtin_new_of_owner(Object* self, Args args, size_t nargs, Tuple* kw) {
    return builtin_type_new(static_cast<Type*>(static_cast<NativeFunction*>(self)->self), args, nargs, kw);
}

const MethodDef kObjectMethods[] = {
    {"__new__", object_new, "Create and return a new object.", MethodKind::Static},
    {"__init__", object_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__setattr__", setattr_method<class_generic_setattr>, "Implement setattr(self, name, value)."},
    {"__delattr__", delattr_method<class_generic_setattr>, "Implement delattr(self, name)."},
    {"__getattribute__", object_getattribute, "Return getattr(self, name)."},
    {"__init_subclass__", object_init_subclass, "Called when a class is subclassed.", MethodKind::Class},
    {"__repr__", object_repr_method, "Return repr(self)."},
    {"__str__", object_str_method, "Return str(self)."},
    {"__eq__", object_eq, "Return self==value."},
    {"__hash__", object_hash_method, "Return hash(self)."},
    {"__format__", object_format, "Default object formatter."},
    {"__reduce_ex__", object_reduce_ex, "Helper for pickle."},
    {"__reduce__", object_reduce, "Helper for pickle."},
    {"__getstate__", object_getstate, "Helper for pickle."},
    {"__subclasshook__", object_subclasshook, "Abstract classes can override this to customize issubclass().",
     MethodKind::Class},
    {"__dir__", object_dir, "Default dir() implementation."},
    {nullptr, nullptr, nullptr},
};

Ref exception_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("BaseException");
    size_t n = nargs - 1;
    // OSError's details, also from a derived class's __init__ (CPython's OSError_init).
    if (is_instance(args[0], &OSError_type) && n >= 3 && n <= 5) {
        set_os_error_details(args[0], args + 1, n);
        return Ref::borrow(None);
    }
    Ref t = tuple_from(args + 1, n);
    BaseException_type.setattr(args[0], intern("args"), t.get());
    unicode_error_init(args[0], args + 1, n);
    return Ref::borrow(None);
}

Ref exception_str_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__str__", nargs, kw, 1, 1);
    return BaseException_type.str(args[0]);
}

Ref exception_repr_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__repr__", nargs, kw, 1, 1);
    return BaseException_type.repr(args[0]);
}

const MethodDef kExceptionMethods[] = {
    {"__new__", builtin_new<&BaseException_type>, "Create and return a new object.", MethodKind::Static},
    {"__init__", exception_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__str__", exception_str_method, "Return str(self)."},
    {"__repr__", exception_repr_method, "Return repr(self)."},
    {nullptr, nullptr, nullptr},
};

// list.__init__(self, iterable=(), /): empties the list, then extends it, through list's own
// methods rather than a subclass's (CPython's list___init___impl). Keywords are ignored where a
// subclass's own __new__ takes them.
Ref list_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size && !user_new(type_of(args[0]))) raise_no_kwargs("list");
    if (nargs > 2) raise_arg_count("list", 0, 1, nargs - 1);
    list_type.clear(args[0]);
    if (nargs == 2) list_extend(args[0], args[1]);
    return Ref::borrow(None);
}
// dict.__init__(self, mapping_or_iterable=(), /, **kwargs): adds to the dict, as dict's own update.
Ref dict_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 2) raise_arg_count("dict", 0, 1, nargs - 1);
    Dict* d = as_dict(args[0]);
    if (nargs == 2) dict_update(d, args[1]);
    for (size_t k = 0; kw && k < kw->size; ++k) dict_set(d, kw->items[k], args[nargs + k]);
    return Ref::borrow(None);
}
constexpr const char* kNewDoc = "Create and return a new object.";
Ref list_reversed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reversed__", nargs - 1, kw, 0, 0);
    return list_reverse_iter_new(args[0]);
}

// __getnewargs__ of the immutable built-in values: (the plain value,), what pickle's protocol 2
// passes to cls.__new__ for an instance of a subclass. The value is copied from the object's own
// storage, never through an overridden __int__/__str__, as CPython's _PyLong_Copy/_PyUnicode_Copy.
Ref one_tuple(Ref value) {
    Object* item = value.get();
    return tuple_from(&item, 1);
}

Ref int_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getnewargs__", nargs - 1, kw, 0, 0);
    mpz_t m;
    mpz_init(m);
    int_to_mpz(args[0], m);
    Ref plain = int_from_mpz(m);
    mpz_clear(m);
    return one_tuple(std::move(plain));
}

Ref float_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getnewargs__", nargs - 1, kw, 0, 0);
    return one_tuple(float_new(float_value(args[0])));
}

Ref str_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getnewargs__", nargs - 1, kw, 0, 0);
    return one_tuple(str_new(str_utf8_of(args[0])));
}

Ref tuple_getnewargs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getnewargs__", nargs - 1, kw, 0, 0);
    Tuple* t = as_tuple(args[0]);
    return one_tuple(tuple_from(t->items, t->size));
}

template <CallSlot Fn>
const MethodDef kGetNewArgs[] = {{"__getnewargs__", Fn, nullptr}, {nullptr, nullptr, nullptr}};

const MethodDef kListMethods[] = {
    {"__new__", builtin_new<&list_type>, kNewDoc, MethodKind::Static},
    {"__reversed__", list_reversed, "Return a reverse iterator over the list."},
    {"__init__", list_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr}};
const MethodDef kDictMethods[] = {
    {"__new__", builtin_new<&dict_type>, kNewDoc, MethodKind::Static},
    {"__init__", dict_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr}};
// set.__init__(self, iterable=()): empties the set, then adds the iterable's items (CPython's set_init).
Ref set_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("set");
    if (nargs > 2) raise_arg_count(type_of(args[0])->name.c_str(), 0, 1, nargs - 1);
    set_clear_all(args[0]);
    if (nargs == 2) set_update(args[0], args[1]);
    return Ref::borrow(None);
}
const MethodDef kSetMethods[] = {
    {"__new__", builtin_new<&set_type>, kNewDoc, MethodKind::Static},
    {"__init__", set_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr}};

// bytearray.__init__(self, source, encoding, errors): the contents bytearray(...) would have. An
// iterable of ints (not a str, count or buffer) is read into the emptied bytearray item by item,
// as CPython's bytearray_init, so a generator feeding it sees it grow.
Ref bytearray_init(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* source = nargs == 2 && !(kw && kw->size) ? args[1] : nullptr;
    bool item_by_item = source && !is_instance(source, &str_type) && !is_index_like(source) &&
                        !exports_buffer(source) && type_of(source)->iter;
    if (!item_by_item) {
        Ref fresh = bytearray_type.construct(&bytearray_type, args + 1, nargs - 1, kw);
        bytearray_assign(args[0], bytes_like_data(fresh.get()));
        return Ref::borrow(None);
    }
    auto* self = static_cast<ByteArray*>(args[0]);
    bytearray_assign(self, "");
    for_each_item(source, [&](Object* item) {
        char byte = static_cast<char>(byte_value(item));
        CriticalSection cs(self->mutex);
        check_resize(self, self->data.size() + 1);
        self->data.push_back(byte);
    });
    return Ref::borrow(None);
}
const MethodDef kBytearrayMethods[] = {
    {"__new__", builtin_new<&bytearray_type>, kNewDoc, MethodKind::Static},
    {"__init__", bytearray_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr}};

// The immutable bases: their __new__ is all there is (their __init__ is object's).
template <Type* Base>
const MethodDef kNewOnly[] = {{"__new__", builtin_new<Base>, kNewDoc, MethodKind::Static},
                              {nullptr, nullptr, nullptr}};

// ---- type's own methods, which metaclasses inherit and call through super() ----

// type.__init__(cls, name, bases, namespace, **kwargs): the class is complete by now.
Ref type_init(Object*, Args, size_t nargs, Tuple* kw) {
    if (nargs == 2 && kw && kw->size) raise(&TypeError_type, "type.__init__() takes no keyword arguments");
    if (nargs != 2 && nargs != 4) raise(&TypeError_type, "type.__init__() takes 1 or 3 arguments");
    return Ref::borrow(None);
}

// type.__call__(cls, ...): what calling a class does, for a metaclass's own __call__ to end in.
Ref type_call_method(Object*, Args args, size_t nargs, Tuple* kw) {
    return type_type.call(args[0], args + 1, nargs - 1, kw);
}

// type.mro(cls): C3's method resolution order over cls's bases, a fresh list (what __mro__ holds
// unless a metaclass's mro() said otherwise).
Ref type_mro_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("mro", nargs, kw, 1, 1);
    Ref result = list_new();
    for (Type* k : type_c3_order(static_cast<Type*>(args[0]))) list_append(result.get(), k);
    return result;
}

// type.__prepare__(name, bases, **kwargs): the namespace a class body runs in.
Ref type_prepare(Object*, Args, size_t, Tuple*) { return dict_new(); }

// type.__instancecheck__(cls, obj) and type.__subclasscheck__(cls, sub): the checks without any
// metaclass hook (a metaclass's own hook calls these through super()).
Ref type_instancecheck(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__instancecheck__", nargs - 1, kw, 1, 1);
    return Ref::borrow(bool_obj(real_isinstance(args[1], args[0])));
}

Ref type_subclasscheck(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__subclasscheck__", nargs - 1, kw, 1, 1);
    return Ref::borrow(bool_obj(real_issubclass(args[1], args[0])));
}

const MethodDef kTypeMethods[] = {
    {"__instancecheck__", type_instancecheck, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, "Check if a class is a subclass."},
    {"__new__", builtin_new<&type_type>, kNewDoc, MethodKind::Static},
    {"__init__", type_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__call__", type_call_method, "Call self as a function."},
    {"mro", type_mro_method, "Return a type's method resolution order."},
    {"__prepare__", type_prepare, "Create the namespace for the class statement.", MethodKind::Class},
    {"__setattr__", setattr_method<type_setattr>, "Implement setattr(self, name, value)."},
    {"__delattr__", delattr_method<type_setattr>, "Implement delattr(self, name)."},
    {"__dir__", object_dir, "Specialized __dir__ implementation for types."},
    {nullptr, nullptr, nullptr},
};

Ref type_or(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__or__", nargs - 1, kw, 1, 1);
    return union_or(args[0], args[1]);
}

Ref type_ror(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__ror__", nargs - 1, kw, 1, 1);
    return union_or(args[1], args[0]);
}

Ref type_subclasses(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__subclasses__", nargs - 1, kw, 0, 0);
    Ref list = list_new();
    for (Type* sub : subclasses_of(static_cast<Type*>(args[0]))) list_append(list.get(), sub);
    return list;
}

const MethodDef kTypeOrMethods[] = {
    {"__or__", type_or, "Return self|value."},
    {"__ror__", type_ror, "Return value|self."},
    {"__subclasses__", type_subclasses, "Return a list of immediate subclasses."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void add_builtin_new(Type* t) {
    static const MethodDef kNew[] = {{"__new__", builtin_new_of_owner, kNewDoc, MethodKind::Static}, {}};
    add_methods(t, kNew);
}

Ref type_own_attr(Object* t, Str* name) { return type_special_attr(static_cast<Type*>(t), name->utf8); }

void add_methods(Type* t, const MethodDef* defs) {
    for (const MethodDef* m = defs; m->name; ++m) {
        if (!dict_get_str(t->dict, intern(m->name)))
            dict_set(t->dict, intern(m->name), method_descriptor_new(t, m).get());
    }
}

Ref builtin_type_new(Type* base, Object* const* args, size_t nargs, Tuple* kwnames) {
    Type* cls = new_target(base, args, nargs);
    return native_new(cls, native_base(cls), args + 1, nargs - 1, kwnames, true);
}

// The number protocol's conversions on int and float (operator.index, math.floor, round, ...).
Ref int_self(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__index__", nargs - 1, kw, 0, 0);
    return is_exact(args[0], &int_type) ? Ref::borrow(args[0])
                                        : int_binary(args[0], make_small_int(0), BinaryOp::Add);
}

Ref int_to_float(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__float__", nargs - 1, kw, 0, 0);
    return float_new(int_to_double(args[0]));
}

const MethodDef kIntNumberMethods[] = {
    {"__index__", int_self,
     "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__int__", int_self, "int(self)"},
    {"__trunc__", int_self, "Truncating an Integral returns itself."},
    {"__floor__", int_self, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, "Ceiling of an Integral returns itself."},
    {"__float__", int_to_float, "float(self)"},
    {nullptr, nullptr, nullptr},
};

template <double (*Round)(double)>
Ref float_to_int(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__int__", nargs - 1, kw, 0, 0);
    return int_from_double(Round(to_double(args[0])));
}

Ref float_self(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__float__", nargs - 1, kw, 0, 0);
    return is_exact(args[0], &float_type) ? Ref::borrow(args[0]) : float_new(to_double(args[0]));
}

double trunc_double(double d) { return std::trunc(d); }
double floor_double(double d) { return std::floor(d); }
double ceil_double(double d) { return std::ceil(d); }

const MethodDef kFloatNumberMethods[] = {
    {"__int__", float_to_int<trunc_double>, "int(self)"},
    {"__trunc__", float_to_int<trunc_double>, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_to_int<floor_double>, "Return the floor as an Integral."},
    {"__ceil__", float_to_int<ceil_double>, "Return the ceiling as an Integral."},
    {"__float__", float_self, "float(self)"},
    {nullptr, nullptr, nullptr},
};

void init_class_methods() {
    add_methods(&int_type, kIntNumberMethods);
    add_methods(&float_type, kFloatNumberMethods);
    add_methods(&generic_alias_type, kNewOnly<&generic_alias_type>);
    add_methods(&weakref_type, kNewOnly<&weakref_type>);
    type_type.binary[static_cast<size_t>(BinaryOp::Or)] = union_or;
    add_methods(&type_type, kTypeOrMethods);
    // type[int] is a GenericAlias without type.__class_getitem__ (get_item special-cases type, as
    // CPython's PyObject_GetItem).
    for (Type* t : {&list_type, &dict_type, &tuple_type, &set_type, &frozenset_type}) add_class_getitem(t);
    g_builtin_type_getattr = type_type.getattr;
    type_type.getattr = class_type_getattr;
    type_type.setattr = type_setattr;
    type_type.repr = type_repr_with_module;
    add_methods(&object_type, kObjectMethods);
    // object.__dict__ lists `__class__` (inspect.classify_class_attrs finds it there).
    add_attribute_descriptors(&object_type, {"__class__"});
    set_attribute_doc(&object_type, "__class__", "the object's class");
    add_methods(&type_type, kTypeMethods);
    // CPython's type shows its attributes as descriptors; type_special_attr computes them all.
    add_attribute_descriptors(
        &type_type, {"__name__", "__qualname__", "__bases__", "__module__", "__abstractmethods__", "__dict__",
                     "__doc__", "__text_signature__", "__annotations__"});
    add_attribute_descriptors(&type_type,
                              {"__basicsize__", "__itemsize__", "__flags__", "__weakrefoffset__", "__base__",
                               "__dictoffset__", "__mro__"},
                              true);
    // Built-in functions and method descriptors list the attributes their getattr slots compute.
    for (Type* t : {&method_descriptor_type, &classmethod_descriptor_type, &wrapper_descriptor_type})
        add_attribute_descriptors(t, {"__name__", "__qualname__", "__objclass__"});
    for (Type* t : {&builtin_function_type, &method_wrapper_type})
        add_attribute_descriptors(t, {"__name__", "__qualname__", "__self__"});
    add_attribute_descriptors(&builtin_function_type, {"__module__"}, true);
    add_methods(&BaseException_type, kExceptionMethods);
    add_methods(&list_type, kListMethods);
    add_methods(&dict_type, kDictMethods);
    add_methods(&set_type, kSetMethods);
    add_methods(&frozenset_type, kNewOnly<&frozenset_type>);
    add_methods(&str_type, kNewOnly<&str_type>);
    add_methods(&tuple_type, kNewOnly<&tuple_type>);
    add_methods(&float_type, kNewOnly<&float_type>);
    add_methods(&int_type, kNewOnly<&int_type>);
    add_methods(&bool_type, kNewOnly<&bool_type>);
    add_methods(&enumerate_type, kNewOnly<&enumerate_type>);
    add_methods(&zip_type, kNewOnly<&zip_type>);
    add_methods(&reversed_type, kNewOnly<&reversed_type>);
    add_methods(&bytearray_type, kBytearrayMethods);
    add_methods(&bytes_type, kNewOnly<&bytes_type>);
    add_methods(&int_type, kGetNewArgs<int_getnewargs>);
    add_methods(&float_type, kGetNewArgs<float_getnewargs>);
    add_methods(&str_type, kGetNewArgs<str_getnewargs>);
    add_methods(&tuple_type, kGetNewArgs<tuple_getnewargs>);
    init_sizeof_methods();
}

}  // namespace minipy
