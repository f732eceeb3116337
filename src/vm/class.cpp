// class.cpp — classes defined by `class` statements: __build_class__ runs the body into a namespace
// and makes a heap type from it; instances keep their attributes in a dict; dunder methods in the
// class fill the type's slots so the generic operations (repr, ==, +, len, iteration...) find them.
#include "vm/class.h"

#include <unordered_set>

#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "vm/function.h"
#include "vm/interp.h"
#include "vm/module.h"

namespace minipy {

namespace {

std::unordered_set<const Type*> g_heap_types;

bool is_heap_type(const Type* t) { return g_heap_types.count(t) > 0; }

// The Python function `name` defined on the instance's class (or a base class), else null.
Object* user_method(Object* self, const char* name) {
    Object* m = type_lookup(type_of(self), intern(name));
    return m && is_function(m) ? m : nullptr;
}

Ref call_method(Object* func, Object* self, Object* const* args, size_t nargs) {
    Object* buf[4] = {self};
    for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return call(func, buf, nargs + 1);
}

Ref call_dunder(Object* self, const char* name, Object* const* args = nullptr, size_t nargs = 0) {
    Object* m = user_method(self, name);
    if (!m) raise_no_attribute(self, intern(name));
    return call_method(m, self, args, nargs);
}

// ---- instances ----

void instance_dealloc(Object* o) {
    xdecref(static_cast<Instance*>(o)->dict);
    delete static_cast<Instance*>(o);
}

Ref instance_getattr(Object* o, Str* name) {
    auto* inst = static_cast<Instance*>(o);
    if (name->utf8 == "__dict__") return Ref::borrow(inst->dict);
    if (name->utf8 == "__class__") return Ref::borrow(type_of(o));
    if (Object* v = dict_get_str(inst->dict, name)) return Ref::borrow(v);
    Object* found = type_lookup(type_of(o), name);
    if (!found) return nullptr;
    if (is_function(found)) return method_new(found, o);
    return Ref::borrow(found);
}

void instance_setattr(Object* o, Str* name, Object* value) {
    auto* inst = static_cast<Instance*>(o);
    if (value) {
        dict_set(inst->dict, name, value);
    } else if (!dict_del(inst->dict, name)) {
        raise_no_attribute(o, name);
    }
}

void run_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
    Object* init = user_method(self, "__init__");
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    if (!init) {
        if (total && !is_instance(self, &BaseException_type)) {
            raise(&TypeError_type, format("%s() takes no arguments", type_of(self)->name.c_str()));
        }
        return;
    }
    std::vector<Object*> buf(total + 1);
    buf[0] = self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    Ref r = call(init, buf.data(), nargs + 1, kwnames);
    if (r.get() != None) {
        raise(&TypeError_type, format("__init__() should return None, not '%s'", type_of(r.get())->name.c_str()));
    }
}

Ref instance_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* inst = new Instance();
    init_header(inst, static_cast<Type*>(type));
    inst->dict = as_dict(dict_new().release());
    Ref self = Ref::steal(inst);
    run_init(self.get(), args, nargs, kwnames);
    return self;
}

// Exception subclasses keep BaseException's layout; a Python __init__ runs after it is made.
Ref exception_subclass_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    Ref self = exception_new(static_cast<Type*>(type), tuple_from(args, nargs).get());
    run_init(self.get(), args, nargs, kwnames);
    return self;
}

// Methods defined on an exception subclass bind like any others; the rest is BaseException's.
Ref exception_subclass_getattr(Object* o, Str* name) {
    Object* found = type_lookup(type_of(o), name);
    if (found && is_function(found)) return method_new(found, o);
    return BaseException_type.getattr(o, name);
}

std::string module_prefix(const Type* t) {
    Object* m = dict_get_str(t->dict, intern("__module__"));
    return m && is_str(m) && str_utf8_of(m) != "builtins" ? str_utf8_of(m) + "." : "";
}

Ref default_repr(Object* o) {
    return str_new(format("<%s%s object at %p>", module_prefix(type_of(o)).c_str(), type_of(o)->name.c_str(),
                          static_cast<void*>(o)));
}

// ---- slots that call dunder methods ----

Ref slot_repr(Object* o) { return call_dunder(o, "__repr__"); }
Ref slot_str(Object* o) { return call_dunder(o, "__str__"); }
int64_t slot_hash(Object* o) { return as_index(call_dunder(o, "__hash__").get()); }
int64_t slot_len(Object* o) { return as_index(call_dunder(o, "__len__").get()); }
bool slot_bool(Object* o) { return is_true(call_dunder(o, "__bool__").get()); }
Ref slot_getitem(Object* o, Object* k) { return call_dunder(o, "__getitem__", &k, 1); }
void slot_setitem(Object* o, Object* k, Object* v) {
    Object* args[2] = {k, v};
    if (v) call_dunder(o, "__setitem__", args, 2);
    else call_dunder(o, "__delitem__", &k, 1);
}
bool slot_contains(Object* o, Object* k) { return is_true(call_dunder(o, "__contains__", &k, 1).get()); }
Ref slot_iter(Object* o) { return call_dunder(o, "__iter__"); }
Ref slot_next(Object* o) {
    try {
        return call_dunder(o, "__next__");
    } catch (PyException& e) {
        if (is_instance(e.exception(), &StopIteration_type)) return nullptr;
        throw;
    }
}
Ref slot_neg(Object* o) { return call_dunder(o, "__neg__"); }
Ref slot_call(Object* o, Object* const* args, size_t nargs, Tuple* kwnames) {
    Object* m = user_method(o, "__call__");
    if (!m) raise_not_callable(o);
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    std::vector<Object*> buf(total + 1);
    buf[0] = o;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    return call(m, buf.data(), nargs + 1, kwnames);
}

const char* const kCompareNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

Ref slot_compare(Object* a, Object* b, CompareOp op) {
    Object* m = user_method(a, kCompareNames[static_cast<int>(op)]);
    if (m) return call_method(m, a, &b, 1);
    if (op == CompareOp::Ne && (m = user_method(a, "__eq__"))) {
        Ref eq = call_method(m, a, &b, 1);
        if (eq.get() == NotImplemented) return eq;
        return Ref::borrow(bool_obj(!is_true(eq.get())));
    }
    if (op == CompareOp::Eq || op == CompareOp::Ne) {
        return Ref::borrow(bool_obj((a == b) == (op == CompareOp::Eq)));
    }
    return Ref::borrow(NotImplemented);
}

const char* const kBinaryNames[] = {"add", "sub", "mul", "matmul", "truediv", "floordiv", "mod",
                                    "pow", "lshift", "rshift", "and", "or", "xor"};

// a OP b through __op__ on a's class, or __rop__ on b's (the caller tries both types).
template <BinaryOp Op>
Ref slot_binary(Object* a, Object* b) {
    std::string name = kBinaryNames[static_cast<int>(Op)];
    if (is_heap_type(type_of(a))) {
        if (Object* m = user_method(a, ("__" + name + "__").c_str())) return call_method(m, a, &b, 1);
    }
    if (is_heap_type(type_of(b))) {
        if (Object* m = user_method(b, ("__r" + name + "__").c_str())) return call_method(m, b, &a, 1);
    }
    return Ref::borrow(NotImplemented);
}

template <size_t... I>
void set_binary_slots(Type* t, std::index_sequence<I...>) {
    ((t->binary[I] = slot_binary<static_cast<BinaryOp>(I)>), ...);
}

// Fills the slots whose dunder methods the class body defined.
void install_slots(Type* t, Dict* ns) {
    auto has = [&](const char* n) { return dict_get_str(ns, intern(n)) != nullptr; };
    if (has("__repr__")) t->repr = slot_repr;
    if (has("__str__")) t->str = slot_str;
    if (has("__hash__")) t->hash = slot_hash;
    else if (has("__eq__")) t->hash = nullptr;  // __eq__ without __hash__ makes instances unhashable
    if (has("__len__")) t->len = slot_len;
    if (has("__bool__")) t->truthy = slot_bool;
    if (has("__getitem__")) t->getitem = slot_getitem;
    if (has("__setitem__") || has("__delitem__")) t->setitem = slot_setitem;
    if (has("__contains__")) t->contains = slot_contains;
    if (has("__iter__")) t->iter = slot_iter;
    if (has("__next__")) t->next = slot_next;
    if (has("__neg__")) t->neg = slot_neg;
    if (has("__call__")) t->call = slot_call;
    for (const char* n : kCompareNames) {
        if (has(n)) t->compare = slot_compare;
    }
    set_binary_slots(t, std::make_index_sequence<static_cast<size_t>(BinaryOp::Count)>());
}

// Class attributes can be set on classes made by `class`, not on built-in types.
void type_setattr(Object* o, Str* name, Object* value) {
    auto* t = static_cast<Type*>(o);
    if (!is_heap_type(t)) {
        raise(&TypeError_type, format("cannot set '%s' attribute of immutable type '%s'", name->utf8.c_str(),
                                      t->name.c_str()));
    }
    if (value) {
        dict_set(t->dict, name, value);
    } else if (!dict_del(t->dict, name)) {
        raise_no_attribute(o, name);
    }
}

}  // namespace

Ref class_new(const std::string& name, Tuple* bases, Dict* ns) {
    if (bases->size > 1) raise(&TypeError_type, "minipy does not support multiple inheritance yet");
    Type* base = &object_type;
    if (bases->size == 1) {
        Object* b = bases->items[0];
        if (type_of(b) != &type_type) raise(&TypeError_type, "bases must be types");
        base = static_cast<Type*>(b);
    }
    bool exception = is_subtype(base, &BaseException_type) || base == &BaseException_type;
    if (!exception && base != &object_type && !is_heap_type(base)) {
        raise(&TypeError_type, format("minipy does not support subclassing '%s' yet", base->name.c_str()));
    }
    Type* t = new Type();
    t->name = name;
    t->base = base;
    t->is_basetype = true;
    if (!exception) {
        t->instance_size = sizeof(Instance);
        t->dealloc = instance_dealloc;
        t->getattr = instance_getattr;
        t->setattr = instance_setattr;
        t->construct = instance_construct;
        t->repr = default_repr;
    } else {
        t->construct = exception_subclass_construct;
        t->getattr = exception_subclass_getattr;
    }
    init_type(t);
    install_slots(t, ns);
    Object *k, *v;
    for (size_t pos = 0; dict_next(ns, &pos, &k, &v);) dict_set(t->dict, k, v);
    g_heap_types.insert(t);
    return Ref::borrow(t);
}

bool is_instance_getattr(GetAttrSlot s) { return s == instance_getattr; }

std::string qualified_type_name(const Type* t) { return module_prefix(t) + t->name; }

Ref build_class(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise(&TypeError_type, "minipy does not support class keywords yet");
    if (nargs < 2 || !is_function(args[0]) || !is_str(args[1])) raise(&TypeError_type, "__build_class__: bad arguments");
    Ref ns = dict_new();
    run_class_body(as_function(args[0]), as_dict(ns.get()));
    Ref bases = tuple_from(args + 2, nargs - 2);
    return class_new(str_utf8_of(args[1]), as_tuple(bases.get()), as_dict(ns.get()));
}

// "<class '__main__.A'>" for classes made by `class`, "<class 'int'>" for built-in ones.
Ref type_repr_with_module(Object* o) {
    return str_new("<class '" + qualified_type_name(static_cast<Type*>(o)) + "'>");
}

void init_class_support() {
    type_type.setattr = type_setattr;
    type_type.repr = type_repr_with_module;
}

}  // namespace minipy
