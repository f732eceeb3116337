// class.cpp — classes defined by `class` statements (heap types): __build_class__ runs the body into a
// namespace and makes a type from it with a C3 mro; instances keep their attributes in a dict; the
// dunder methods it defines fill the type's slots (vm/slot_wrappers.cpp).
#include "vm/class.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "vm/descriptors.h"
#include "vm/function.h"
#include "vm/interp.h"
#include "vm/module.h"

namespace minipy {

namespace {

// What the class statement knows and the fixed Type struct has no field for.
struct HeapInfo {
    std::string qualname;
    Tuple* bases;  // owned
};

// Instance attribute dicts of list/dict/set subclasses, whose layout has no room for one.
struct SideDicts {
    std::mutex lock;
    std::unordered_map<const Object*, Dict*> dicts;
};

std::mutex g_heap_lock;
std::unordered_map<const Type*, HeapInfo> g_heap_types;
SideDicts g_side;

const HeapInfo* heap_info(const Type* t) {
    std::lock_guard<std::mutex> guard(g_heap_lock);
    auto it = g_heap_types.find(t);
    return it == g_heap_types.end() ? nullptr : &it->second;
}

// The first built-in type other than object in t's mro (list for `class L(list)`), or null.
Type* native_base(Type* t) {
    for (Type* k : t->mro) {
        if (k != &object_type && !is_heap_type(k)) return k;
    }
    return nullptr;
}

bool has_instance_layout(Type* t) { return native_base(t) == nullptr; }

// The instance dict of `o`, created on first use when `create`; null when it has none.
Dict* instance_dict(Object* o, bool create) {
    Type* t = type_of(o);
    if (is_instance(o, &BaseException_type)) {
        auto* e = static_cast<BaseExceptionObject*>(o);
        if (!e->dict && create) e->dict = as_dict(dict_new().release());
        return e->dict;
    }
    if (!is_heap_type(t)) return nullptr;
    if (has_instance_layout(t)) return static_cast<Instance*>(o)->dict;
    std::lock_guard<std::mutex> guard(g_side.lock);
    auto it = g_side.dicts.find(o);
    if (it != g_side.dicts.end()) return it->second;
    if (!create) return nullptr;
    Dict* d = as_dict(dict_new().release());
    g_side.dicts[o] = d;
    return d;
}

// ---- instances ----

void instance_dealloc(Object* o) {
    xdecref(static_cast<Instance*>(o)->dict);
    delete static_cast<Instance*>(o);
}

// list/dict/set subclasses: drop the side dict, then free as the built-in base does.
void side_dict_dealloc(Object* o) {
    Dict* d = nullptr;
    {
        std::lock_guard<std::mutex> guard(g_side.lock);
        auto it = g_side.dicts.find(o);
        if (it != g_side.dicts.end()) {
            d = it->second;
            g_side.dicts.erase(it);
        }
    }
    xdecref(d);
    native_base(type_of(o))->dealloc(o);
}

void run_init(Object* self, Object* init, Object* const* args, size_t nargs, Tuple* kwnames) {
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    std::vector<Object*> buf(total + 1);
    buf[0] = self;
    std::copy(args, args + total, buf.begin() + 1);
    Ref r = call(init, buf.data(), nargs + 1, kwnames);
    if (r.get() != None) {
        raise(&TypeError_type, format("__init__() should return None, not '%s'", type_of(r.get())->name.c_str()));
    }
}

// The Python __init__ a class or its bases define, or null.
Ref user_init(Type* t) {
    Ref init = type_lookup(t, intern("__init__"));
    return init && is_function(init.get()) ? init : nullptr;
}

Ref instance_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(type);
    auto* inst = new Instance();
    init_header(inst, t);
    inst->dict = as_dict(dict_new().release());
    Ref self = Ref::steal(inst);
    if (Ref init = user_init(t)) {
        run_init(self.get(), init.get(), args, nargs, kwnames);
    } else if (nargs || (kwnames && kwnames->size)) {
        raise(&TypeError_type, format("%s() takes no arguments", t->name.c_str()));
    }
    return self;
}

// Exceptions and list/dict/set subclasses: the built-in base makes the object, a Python __init__
// then runs on it (the base's own constructor consumes the arguments only when there is none).
Ref native_subclass_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* t = static_cast<Type*>(type);
    Type* base = native_base(t);
    Ref init = user_init(t);
    Ref self;
    if (is_subtype(base, &BaseException_type)) {
        self = exception_new(t, tuple_from(args, nargs).get());
    } else {
        self = init ? base->construct(base, nullptr, 0, nullptr) : base->construct(base, args, nargs, kwnames);
        self->type = t;
    }
    if (init) run_init(self.get(), init.get(), args, nargs, kwnames);
    return self;
}

std::string module_prefix(const Type* t) {
    Ref m = dict_get_str_ref(t->dict, intern("__module__"));
    return m && is_str(m.get()) && str_utf8_of(m.get()) != "builtins" ? str_utf8_of(m.get()) + "." : "";
}

Ref default_repr(Object* o) {
    return str_new(format("<%s%s object at %p>", module_prefix(type_of(o)).c_str(), type_qualname(type_of(o)).c_str(),
                          static_cast<void*>(o)));
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
                if (pos[i] < seqs[i].size() && std::find(heads.begin(), heads.end(), seqs[i][pos[i]]) == heads.end())
                    heads.push_back(seqs[i][pos[i]]);
            std::string names;
            for (Type* h : heads) names += (names.empty() ? "" : ", ") + h->name;
            raise(&TypeError_type, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
        }
        result.push_back(next);
        for (size_t i = 0; i < seqs.size(); ++i)
            if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == next) ++pos[i];
    }
}

// The base whose layout instances share: the one that brings a built-in type, else the first.
Type* layout_base(Tuple* bases) {
    Type* found = nullptr;
    for (size_t i = 0; i < bases->size; ++i) {
        Type* b = static_cast<Type*>(bases->items[i]);
        Type* nb = native_base(b);
        if (!nb) continue;
        if (found && native_base(found) != nb && !is_subtype(nb, native_base(found)) &&
            !is_subtype(native_base(found), nb))
            raise(&TypeError_type, "multiple bases have instance lay-out conflict");
        if (!found || is_subtype(nb, native_base(found))) found = b;
    }
    return found ? found : static_cast<Type*>(bases->items[0]);
}

void check_bases(Tuple* bases) {
    for (size_t i = 0; i < bases->size; ++i) {
        Object* b = bases->items[i];
        if (type_of(b) != &type_type) raise(&TypeError_type, "bases must be types");
        auto* bt = static_cast<Type*>(b);
        if (!bt->is_basetype) raise(&TypeError_type, format("type '%s' is not an acceptable base type", bt->name.c_str()));
        Type* nb = native_base(bt);
        if (nb && !is_subtype(nb, &BaseException_type) && nb != &list_type && nb != &dict_type && nb != &set_type)
            raise(&TypeError_type, format("minipy does not support subclassing '%s' yet", nb->name.c_str()));
    }
}

// Instances of classes without data descriptors (properties, objects with __set__) anywhere in
// their mro: the instance dict can be read first and written directly. A loop of instance attribute
// reads, writes and method calls took 0.48 s with the descriptor-aware lookup alone, 0.18 s with this.
Ref instance_getattr_plain(Object* o, Str* name) {
    static Str* const kDict = intern("__dict__");
    static Str* const kClass = intern("__class__");
    auto* inst = static_cast<Instance*>(o);
    // The reference is taken under the dict's lock: another thread may rebind the attribute.
    if (Ref v = dict_get_str_ref(inst->dict, name)) return v;
    if (name == kDict) return Ref::borrow(inst->dict);
    if (name == kClass) return Ref::borrow(type_of(o));
    if (Ref found = type_lookup(type_of(o), name)) return bind_class_attr(found.get(), o, type_of(o));
    return nullptr;
}

void instance_setattr_plain(Object* o, Str* name, Object* value) {
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
            if (is_data_descriptor(v)) return true;
    }
    return false;
}

// Picks the plain or the descriptor-aware attribute slots for a plain class, leaving user hooks
// (__getattr__, __setattr__) in place.
void choose_attr_slots(Type* t) {
    if (!has_instance_layout(t)) return;
    bool plain = !has_data_descriptors(t);
    if (t->getattr == class_generic_getattr || t->getattr == instance_getattr_plain)
        t->getattr = plain ? instance_getattr_plain : class_generic_getattr;
    if (t->setattr == class_generic_setattr || t->setattr == instance_setattr_plain)
        t->setattr = plain ? instance_setattr_plain : class_generic_setattr;
}

// The same lookup under another name, so LOAD_METHOD's fast path (which reads Instance::dict)
// can tell list/dict/set subclasses from plain instances.
Ref native_subclass_getattr(Object* o, Str* name) { return class_generic_getattr(o, name); }

void set_layout(Type* t) {
    Type* nb = native_base(t);
    t->construct = nb ? native_subclass_construct : instance_construct;
    if (nb && is_subtype(nb, &BaseException_type)) return;
    t->getattr = class_generic_getattr;
    t->setattr = class_generic_setattr;
    if (nb) {
        t->getattr = native_subclass_getattr;
        t->dealloc = side_dict_dealloc;
        return;
    }
    t->instance_size = sizeof(Instance);
    t->dealloc = instance_dealloc;
    t->repr = default_repr;
}

// Fills the `__class__` cell that zero-argument super() and `__class__` in methods read.
void fill_class_cell(Type* t) {
    Str* key = intern("__classcell__");
    Object* cell = dict_get_str(t->dict, key);
    if (!cell) return;
    if (type_of(cell) == &cell_type) {
        Cell* c = static_cast<Cell*>(cell);
        xdecref(c->ref);
        c->ref = newref(t);
    }
    dict_del(t->dict, key);
}

}  // namespace

// Every class statement gets one of these two constructors, so the check needs no lookup or lock
// (slot wrappers ask it on every operator call).
bool is_heap_type(const Type* t) {
    return t->construct == instance_construct || t->construct == native_subclass_construct;
}

Ref class_new(const std::string& name, Tuple* bases_in, Dict* ns, Object* const* kwargs, Tuple* kwnames) {
    Ref bases = bases_in->size ? Ref::borrow(bases_in) : tuple_from(std::vector<Object*>{&object_type}.data(), 1);
    Tuple* b = as_tuple(bases.get());
    check_bases(b);
    Type* t = new Type();
    t->name = name;
    t->base = layout_base(b);
    t->is_basetype = true;
    t->construct = instance_construct;  // marks it a heap type at once; set_layout picks the real one
    init_type(t);
    t->mro = c3_mro(t, b);
    Object *k, *v;
    for (size_t pos = 0; dict_next(ns, &pos, &k, &v);) {
        if (str_utf8_of(k) != "__qualname__") dict_set(t->dict, k, v);
    }
    Object* qualname = dict_get_str(ns, intern("__qualname__"));
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        g_heap_types[t] = HeapInfo{qualname && is_str(qualname) ? str_utf8_of(qualname) : name,
                                   as_tuple(bases.release())};
    }
    set_layout(t);
    install_slots(t);
    choose_attr_slots(t);
    for (size_t pos = 0; dict_next(ns, &pos, &k, &v);) {
        if (is_str(k)) descriptor_set_name(v, t, as_str(k));
    }
    fill_class_cell(t);
    // CPython makes these two implicit classmethods.
    for (const char* n : {"__init_subclass__", "__class_getitem__"}) {
        Object* fn = dict_get_str(t->dict, intern(n));
        if (fn && is_function(fn)) dict_set(t->dict, intern(n), call1(&classmethod_type, fn).get());
    }
    Ref cls = Ref::borrow(t);
    // super(t, t).__init_subclass__(): the nearest base's hook sees the new class.
    Object* super_args[2] = {t, t};
    Ref sup = call(&super_type, super_args, 2);
    if (Ref hook = get_attr_opt(sup.get(), intern("__init_subclass__"))) call(hook.get(), kwargs, 0, kwnames);
    return cls;
}

Ref class_generic_getattr(Object* o, Str* name) {
    Type* t = type_of(o);
    if (name->utf8 == "__class__") return Ref::borrow(t);
    if (name->utf8 == "__dict__") {
        if (Dict* d = instance_dict(o, true)) return Ref::borrow(d);
    }
    Ref found = type_lookup(t, name);
    if (found && is_data_descriptor(found.get())) return bind_class_attr(found.get(), o, t);
    if (Dict* d = instance_dict(o, false)) {
        // The reference is taken under the dict's lock: another thread may rebind the attribute.
        if (Ref v = dict_get_str_ref(d, name)) return v;
    }
    if (found) return bind_class_attr(found.get(), o, t);
    if (is_instance(o, &BaseException_type)) return BaseException_type.getattr(o, name);
    return nullptr;
}

void class_generic_setattr(Object* o, Str* name, Object* value) {
    Ref found = type_lookup(type_of(o), name);
    if (found && is_data_descriptor(found.get())) return data_descriptor_set(found.get(), o, value);
    if (is_instance(o, &BaseException_type)) return BaseException_type.setattr(o, name, value);
    Dict* d = instance_dict(o, value != nullptr);
    if (value) {
        dict_set(d, name, value);
    } else if (!d || !dict_del(d, name)) {
        raise_no_attribute(o, name);
    }
}

bool is_instance_getattr(GetAttrSlot s) { return s == class_generic_getattr || s == instance_getattr_plain; }

// Tracebacks leave out the module for __main__ and builtins, as CPython's print_exception does.
std::string qualified_type_name(const Type* t) {
    std::string prefix = module_prefix(t);
    return (prefix == "__main__." ? "" : prefix) + type_qualname(t);
}

std::string type_qualname(const Type* t) {
    const HeapInfo* info = heap_info(t);
    return info ? info->qualname : t->name;
}

Tuple* type_bases(const Type* t) {
    const HeapInfo* info = heap_info(t);
    return info ? info->bases : nullptr;
}

Ref build_class(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (nargs < 2 || !is_function(args[0]) || !is_str(args[1])) raise(&TypeError_type, "__build_class__: bad arguments");
    Ref ns = dict_new();
    run_class_body(as_function(args[0]), as_dict(ns.get()));
    Ref bases = tuple_from(args + 2, nargs - 2);
    return class_new(str_utf8_of(args[1]), as_tuple(bases.get()), as_dict(ns.get()), args + nargs, kwnames);
}


// ---- attributes of classes, and the methods every class inherits ----
namespace {

GetAttrSlot g_builtin_type_getattr;

Ref tuple_of_types(const std::vector<Type*>& types) {
    Ref t = tuple_new(types.size());
    for (size_t i = 0; i < types.size(); ++i) as_tuple(t.get())->items[i] = newref(types[i]);
    return t;
}

Ref type_special_attr(Type* t, const std::string& n) {
    if (n == "__name__") return str_new(t->name);
    if (n == "__qualname__") return str_new(type_qualname(t));
    if (n == "__mro__") return tuple_of_types(t->mro);
    if (n == "__base__") return Ref::borrow(t->base ? t->base : None);
    if (n == "__bases__") {
        if (Tuple* b = type_bases(t)) return Ref::borrow(b);
        return t->base ? tuple_of_types({t->base}) : tuple_new(0);
    }
    if (n == "__dict__") return dict_copy(t->dict);
    if (n == "__module__") {
        Object* m = dict_get_str(t->dict, intern("__module__"));
        return m ? Ref::borrow(m) : str_new("builtins");
    }
    if (n == "__doc__") {
        Object* d = dict_get_str(t->dict, intern("__doc__"));
        return Ref::borrow(d ? d : None);
    }
    return nullptr;
}

// Attribute lookup on a class: its special attributes, then its mro with descriptors applied
// (`C.f` is the plain function, `C.cm` a method bound to C, `C.prop` the property itself).
Ref class_type_getattr(Object* o, Str* name) {
    auto* t = static_cast<Type*>(o);
    if (Ref r = type_special_attr(t, name->utf8)) return r;
    if (Ref found = type_lookup(t, name)) return bind_class_attr(found.get(), nullptr, t);
    return g_builtin_type_getattr(o, name);
}

// Class attributes can be set on classes made by `class`, not on built-in types.
void type_setattr(Object* o, Str* name, Object* value) {
    auto* t = static_cast<Type*>(o);
    if (!is_heap_type(t)) {
        raise(&TypeError_type, format("cannot set '%s' attribute of immutable type '%s'", name->utf8.c_str(),
                                      t->name.c_str()));
    }
    Ref old = dict_get_str_ref(t->dict, name);
    if (value) {
        dict_set(t->dict, name, value);
    } else if (!dict_del(t->dict, name)) {
        raise_no_attribute(o, name);
    }
    // Only a dunder or a data descriptor changes the slots of this class and its subclasses. Plain
    // values (`Config.count = 3`) leave them alone, so threads reading the slots meanwhile never
    // see them rewritten (ThreadSanitizer caught that in tests/py/stress/class_module_attrs.py).
    const std::string& n = name->utf8;
    bool dunder = n.size() > 4 && n.compare(0, 2, "__") == 0 && n.compare(n.size() - 2, 2, "__") == 0;
    if (!dunder && !(value && is_data_descriptor(value)) && !(old && is_data_descriptor(old.get()))) return;
    std::vector<Type*> affected;
    {
        std::lock_guard<std::mutex> guard(g_heap_lock);
        for (const auto& [k, info] : g_heap_types)
            if (is_subtype(k, t)) affected.push_back(const_cast<Type*>(k));
    }
    for (Type* k : affected) {
        install_slots(k);
        choose_attr_slots(k);
    }
}

// "<class '__main__.A'>" for classes made by `class`, "<class 'int'>" for built-in ones.
Ref type_repr_with_module(Object* o) {
    auto* t = static_cast<Type*>(o);
    return str_new("<class '" + module_prefix(t) + type_qualname(t) + "'>");
}

using Args = Object* const*;

Ref object_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1 || (kw && kw->size))
        raise(&TypeError_type, type_qualname(type_of(args[0])) + ".__init__() takes exactly one argument (the instance to initialize)");
    return Ref::borrow(None);
}

Str* attr_name_arg(Object* o) {
    if (!is_str(o))
        raise(&TypeError_type, format("attribute name must be string, not '%s'", type_of(o)->name.c_str()));
    return intern(str_utf8_of(o));
}

// object.__setattr__ and friends: the lookup that user hooks fall back on.
Ref object_setattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__setattr__", nargs, kw, 3, 3);
    class_generic_setattr(args[0], attr_name_arg(args[1]), args[2]);
    return Ref::borrow(None);
}

Ref object_delattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__delattr__", nargs, kw, 2, 2);
    class_generic_setattr(args[0], attr_name_arg(args[1]), nullptr);
    return Ref::borrow(None);
}

Ref object_getattribute(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__getattribute__", nargs, kw, 2, 2);
    Str* name = attr_name_arg(args[1]);
    Ref r = is_heap_type(type_of(args[0])) ? class_generic_getattr(args[0], name) : get_attr_opt(args[0], name);
    if (!r) raise_no_attribute(args[0], name);
    return r;
}

Ref object_init_subclass(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs > 1 || (kw && kw->size))
        raise(&TypeError_type, type_qualname(static_cast<Type*>(args[0])) + ".__init_subclass__() takes no keyword arguments");
    return Ref::borrow(None);
}

Ref object_repr_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__repr__", nargs, kw, 1, 1);
    return is_heap_type(type_of(args[0])) && has_instance_layout(type_of(args[0])) ? default_repr(args[0])
                                                                                  : object_type.repr(args[0]);
}

Ref object_str_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__str__", nargs, kw, 1, 1);
    return repr(args[0]);
}

Ref object_eq(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__eq__", nargs, kw, 2, 2);
    return Ref::borrow(args[0] == args[1] ? True : NotImplemented);
}

Ref object_hash_method(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__hash__", nargs, kw, 1, 1);
    return int_from_i64(object_type.hash(args[0]));
}

Ref object_format(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__format__", nargs, kw, 2, 2);
    if (!is_str(args[1]) || !str_utf8_of(args[1]).empty())
        raise(&TypeError_type, format("unsupported format string passed to %s.__format__", type_of(args[0])->name.c_str()));
    return str(args[0]);
}

const MethodDef kObjectMethods[] = {
    {"__init__", object_init, "Initialize self."},
    {"__setattr__", object_setattr, "Implement setattr(self, name, value)."},
    {"__delattr__", object_delattr, "Implement delattr(self, name)."},
    {"__getattribute__", object_getattribute, "Return getattr(self, name)."},
    {"__init_subclass__", object_init_subclass, "Called when a class is subclassed.", MethodKind::Class},
    {"__repr__", object_repr_method, "Return repr(self)."},
    {"__str__", object_str_method, "Return str(self)."},
    {"__eq__", object_eq, "Return self==value."},
    {"__hash__", object_hash_method, "Return hash(self)."},
    {"__format__", object_format, "Default object formatter."},
    {nullptr, nullptr, nullptr},
};

Ref exception_init(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("BaseException");
    Ref t = tuple_from(args + 1, nargs - 1);
    BaseException_type.setattr(args[0], intern("args"), t.get());
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
    {"__init__", exception_init, "Initialize self."},
    {"__str__", exception_str_method, "Return str(self)."},
    {"__repr__", exception_repr_method, "Return repr(self)."},
    {nullptr, nullptr, nullptr},
};

// list.__init__(self, iterable) and dict.__init__(self, ...), for super().__init__ in subclasses.
template <const char* Method>
Ref container_init(Object*, Args args, size_t nargs, Tuple* kw) {
    Ref fill = get_attr(args[0], intern(Method));
    if (nargs > 1 || (kw && kw->size)) call(fill.get(), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}
constexpr char kExtend[] = "extend", kUpdate[] = "update";
const MethodDef kListInit[] = {{"__init__", container_init<kExtend>, "Initialize self."}, {nullptr, nullptr, nullptr}};
const MethodDef kDictInit[] = {{"__init__", container_init<kUpdate>, "Initialize self."}, {nullptr, nullptr, nullptr}};
const MethodDef kSetInit[] = {{"__init__", container_init<kUpdate>, "Initialize self."}, {nullptr, nullptr, nullptr}};

void add_methods(Type* t, const MethodDef* defs) {
    for (const MethodDef* m = defs; m->name; ++m) {
        if (!dict_get_str(t->dict, intern(m->name))) dict_set(t->dict, intern(m->name), method_descriptor_new(t, m).get());
    }
}

}  // namespace

void init_class_support() {
    g_builtin_type_getattr = type_type.getattr;
    type_type.getattr = class_type_getattr;
    type_type.setattr = type_setattr;
    type_type.repr = type_repr_with_module;
    add_methods(&object_type, kObjectMethods);
    add_methods(&BaseException_type, kExceptionMethods);
    add_methods(&list_type, kListInit);
    add_methods(&dict_type, kDictInit);
    add_methods(&set_type, kSetInit);
    init_descriptor_types();
    init_slot_wrapper_types();
}

}  // namespace minipy
