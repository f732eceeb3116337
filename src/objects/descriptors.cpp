// descriptors.cpp — the descriptor types class bodies use (property, staticmethod, classmethod), super,
// and bind_class_attr: CPython's tp_descr_get step of attribute lookup, in one place.
#include "objects/descriptors.h"

#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/frame.h"
#include "objects/function.h"
#include "objects/getset_descriptor.h"
#include "objects/native_function.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

Type property_type, staticmethod_type, classmethod_type, super_type;

namespace {

using Args = Object* const*;

// property, staticmethod, classmethod and super are tracked by the cycle collector, as CPython's:
// a property's getter may be a closure over its class, a super object holds an instance.
struct Property : Object {
    MINIPY_GC_ALLOCATED
    Object* fget;  // each owned or null
    Object* fset;
    Object* fdel;
    Object* doc;
    Object* name;  // owned or null: the attribute it was assigned to in a class body (__set_name__)
    bool getter_doc = false;  // doc came from the getter: a copy with a new getter takes the new one's
};

// staticmethod and classmethod share this layout: the wrapped callable.
struct Wrapper : Object {
    MINIPY_GC_ALLOCATED
    Object* func;          // owned
    Dict* dict = nullptr;  // owned or null: its __dict__ (CPython 3.10+ gives them one)
};

struct Super : Object {
    MINIPY_GC_ALLOCATED
    Type* type;      // owned: the class whose successors in the mro are searched; null: empty
    Object* obj;     // owned: the instance (or class) that found methods bind to; null: unbound
    Type* obj_type;  // owned: whose mro is used; null: unbound (`super(C)`, bound by its __get__)
};

// ---- property ----

// property.__init__'s work, as CPython 3.11's property_init: the accessors, and the doc given or
// else the getter's. An instance of a class derived from property keeps a getter's doc in its own
// __dict__, where the class's docstring does not shadow it (a __slots__ class without one raises
// AttributeError); a doc given explicitly stays in the field, behind the class's docstring.
void property_fill(Property* p, Object* fget, Object* fset, Object* fdel, Object* doc) {
    auto own = [](Object* o) { return o && o != None ? newref(o) : nullptr; };
    xdecref(std::exchange(p->fget, own(fget)));
    xdecref(std::exchange(p->fset, own(fset)));
    xdecref(std::exchange(p->fdel, own(fdel)));
    xdecref(std::exchange(p->doc, own(doc)));
    p->getter_doc = false;
    if (p->doc || !p->fget) return;
    Ref getter_doc = get_attr_opt(p->fget, intern("__doc__"));
    if (!getter_doc || getter_doc.get() == None) return;
    if (type_of(p) == &property_type)
        p->doc = getter_doc.release();
    else
        set_attr(p, intern("__doc__"), getter_doc.get());
    p->getter_doc = true;
}

Ref property_make(Object* fget, Object* fset, Object* fdel, Object* doc, Type* type = &property_type) {
    auto* p = new Property();
    init_header(p, type);
    p->fget = p->fset = p->fdel = p->doc = p->name = nullptr;
    Ref result = Ref::steal(p);
    property_fill(p, fget, fset, fdel, doc);
    return result;
}

void property_dealloc(Object* o) {
    auto* p = static_cast<Property*>(o);
    xdecref(p->fget);
    xdecref(p->fset);
    xdecref(p->fdel);
    xdecref(p->doc);
    xdecref(p->name);
    delete p;
}

void property_traverse(Object* o, VisitProc visit, void* arg) {
    auto* p = static_cast<Property*>(o);
    for (Object* field : {p->fget, p->fset, p->fdel, p->doc, p->name})
        if (field) visit(field, arg);
}

// Every field may be null: a cleared property acts as one made with no arguments.
void property_clear(Object* o) {
    auto* p = static_cast<Property*>(o);
    for (Object** field : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name})
        xdecref(std::exchange(*field, nullptr));
}

Ref property_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
    Object* a[4];
    bind_args("property", args, nargs, kw, kNames, 4, 0, a);
    return property_make(a[0], a[1], a[2], a[3], static_cast<Type*>(type));
}

// property.__init__, which a subclass's __init__ reaches through super(): sets the accessors again.
Ref property_init(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
    Object* a[4];
    bind_args("property", args + 1, nargs - 1, kw, kNames, 4, 0, a);
    property_fill(static_cast<Property*>(args[0]), a[0], a[1], a[2], a[3]);
    return Ref::borrow(None);
}

// property.__set_name__(owner, name): the name its errors give.
Ref property_set_name(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("__set_name__");
    if (nargs != 3)
        raise(&TypeError_type,
              format("__set_name__() takes 2 positional arguments but %zu were given", nargs - 1));
    auto* p = static_cast<Property*>(args[0]);
    xdecref(std::exchange(p->name, newref(args[2])));
    return Ref::borrow(None);
}

// True when the getter, setter or deleter is abstract (abc.abstractmethod).
Ref property_isabstract(Property* p) {
    for (Object* f : {p->fget, p->fset, p->fdel}) {
        if (!f) continue;
        Ref v = get_attr_opt(f, intern("__isabstractmethod__"));
        if (v && is_true(v.get())) return Ref::borrow(True);
    }
    return Ref::borrow(False);
}

// x.setter(f) and friends return a copy of the property with one accessor replaced.
template <int Which>
Ref property_with(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(Which == 0 ? "getter" : Which == 1 ? "setter" : "deleter", nargs, kw, 2, 2);
    auto* p = static_cast<Property*>(args[0]);
    Object* fget = Which == 0 ? args[1] : p->fget;
    // A doc taken from the old getter gives way to the new getter's (CPython's property_copy).
    Object* doc = p->getter_doc && fget && fget != None ? None : p->doc;
    if (type_of(p) == &property_type) {
        Ref copy = property_make(fget, Which == 1 ? args[1] : p->fset, Which == 2 ? args[1] : p->fdel, doc);
        static_cast<Property*>(copy.get())->name = p->name ? newref(p->name) : nullptr;
        return copy;
    }
    // A derived class is called as it is, whatever its __new__ returns.
    Object* call_args[4] = {fget ? fget : None,
                            Which == 1 ? args[1]
                            : p->fset  ? p->fset
                                       : None,
                            Which == 2 ? args[1]
                            : p->fdel  ? p->fdel
                                       : None,
                            doc ? doc : None};
    Ref copy = call(type_of(p), call_args, 4);
    if (is_instance(copy.get(), &property_type)) {
        auto* made = static_cast<Property*>(copy.get());
        xdecref(std::exchange(made->name, p->name ? newref(p->name) : nullptr));
    }
    return copy;
}

// "property 'x' of 'P' object has no setter": the name comes from __set_name__, so a property
// assigned to a class after its creation stays nameless, as in CPython 3.11.
std::string property_label(Property* p) {
    return p->name ? "property " + repr_utf8(p->name) : std::string("property");
}

Ref property_getattr(Object* o, Str* name) {
    auto* p = static_cast<Property*>(o);
    auto field = [](Object* f) { return Ref::borrow(f ? f : None); };
    if (name->utf8 == "fget") return field(p->fget);
    if (name->utf8 == "fset") return field(p->fset);
    if (name->utf8 == "fdel") return field(p->fdel);
    if (name->utf8 == "__doc__") return field(p->doc);
    if (Ref v = generic_getattr(o, name)) return v;
    if (name->utf8 == "__isabstractmethod__") return property_isabstract(p);
    return nullptr;
}

// Only __doc__ may be set (CPython's writable member): namedtuple's fields are properties whose
// docs code rewrites (dis.py sets `_Instruction.opname.__doc__`).
void property_setattr(Object* o, Str* name, Object* value) {
    const std::string& n = name->utf8;
    if (n == "fget" || n == "fset" || n == "fdel") raise(&AttributeError_type, "readonly attribute");
    if (n != "__doc__") raise_no_attribute(o, name);
    auto* p = static_cast<Property*>(o);
    xdecref(std::exchange(p->doc, value && value != None ? newref(value) : nullptr));
}

const MethodDef kPropertyMethods[] = {
    {"getter", property_with<0>, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_with<1>, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_with<2>, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__init__", property_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__set_name__", property_set_name, "Method to set name of a property."},
    {nullptr, nullptr, nullptr},
};

// ---- staticmethod, classmethod ----

void wrapper_dealloc(Object* o) {
    decref(static_cast<Wrapper*>(o)->func);
    xdecref(static_cast<Wrapper*>(o)->dict);
    delete static_cast<Wrapper*>(o);
}

// No clear slot: `func` is never null (calls read it unchecked); clearing what it refers to breaks
// a cycle through it, and the dict clears itself.
void wrapper_traverse(Object* o, VisitProc visit, void* arg) {
    auto* w = static_cast<Wrapper*>(o);
    visit(w->func, arg);
    if (w->dict) visit(w->dict, arg);
}

Dict* wrapper_dict(Wrapper* w) {
    if (!w->dict) w->dict = static_cast<Dict*>(dict_new().release());
    return w->dict;
}

// CPython 3.10's functools_wraps: a staticmethod or classmethod copies these attributes of the
// callable it wraps into its own __dict__ (those the callable lacks are left out).
void wrapper_copy_attrs(Wrapper* w) {
    for (const char* n : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
        Str* name = intern(n);
        if (Ref v = get_attr_opt(w->func, name)) dict_set(wrapper_dict(w), name, v.get());
    }
}

// `type` is staticmethod or classmethod, or a class derived from one.
template <Type* T>
Ref wrapper_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs(T->name.c_str());
    if (nargs != 1) raise(&TypeError_type, format("%s expected 1 argument, got %zu", T->name.c_str(), nargs));
    auto* w = new Wrapper();
    init_header(w, static_cast<Type*>(type));
    w->func = newref(args[0]);
    Ref result = Ref::steal(w);
    wrapper_copy_attrs(w);
    return result;
}

}  // namespace

Ref staticmethod_new(Object* func) {
    return wrapper_construct<&staticmethod_type>(&staticmethod_type, &func, 1, nullptr);
}

namespace {

// __init__(callable), which a subclass's __init__ reaches through super().
Ref wrapper_init(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__init__", nargs - 1, kw, 1, 1);
    auto* w = static_cast<Wrapper*>(args[0]);
    xdecref(std::exchange(w->func, newref(args[1])));
    wrapper_copy_attrs(w);
    return Ref::borrow(None);
}

const MethodDef kWrapperMethods[] = {
    {"__init__", wrapper_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr},
};

// <staticmethod(<function C.f at 0x...>)>, as CPython 3.10+ (a subclass's instances too).
Ref wrapper_repr(Object* o) {
    auto* w = static_cast<Wrapper*>(o);
    Object* func = w->func ? w->func : None;
    const char* kind = is_instance(o, &staticmethod_type) ? "staticmethod" : "classmethod";
    return str_new(std::string("<") + kind + "(" + repr_utf8(func) + ")>");
}

Ref wrapper_getattr(Object* o, Str* name) {
    auto* w = static_cast<Wrapper*>(o);
    Object* func = w->func;
    if (name->utf8 == "__func__" || name->utf8 == "__wrapped__") return Ref::borrow(func);
    if (name->utf8 == "__dict__") return Ref::borrow(wrapper_dict(w));
    // As CPython's classmethod/staticmethod: this comes from the wrapped callable.
    if (name->utf8 == "__isabstractmethod__") {
        Ref v = get_attr_opt(func, name);
        return Ref::borrow(bool_obj(v && is_true(v.get())));
    }
    if (w->dict)
        if (Ref v = dict_get_ref(w->dict, name)) return v;
    if (Ref v = generic_getattr(o, name)) return v;
    // As CPython's classmethod/staticmethod: these come from the wrapped callable.
    if (name->utf8 == "__doc__" || name->utf8 == "__name__" || name->utf8 == "__qualname__" ||
        name->utf8 == "__module__" || name->utf8 == "__annotations__")
        return get_attr_opt(func, name);
    return nullptr;
}

// Attributes go to its __dict__; __func__, __wrapped__, __dict__ and __isabstractmethod__ are
// read-only as CPython's members and getsets are.
void wrapper_setattr(Object* o, Str* name, Object* value) {
    auto* w = static_cast<Wrapper*>(o);
    const std::string& n = name->utf8;
    if (n == "__func__" || n == "__wrapped__" || n == "__isabstractmethod__")
        raise(&AttributeError_type, "readonly attribute");
    if (n == "__dict__") return assign_dict_attribute(w->dict, value);
    if (value) return dict_set(wrapper_dict(w), name, value);
    if (!w->dict || !dict_del(w->dict, name)) raise_no_attribute(o, name);
}

Ref staticmethod_call(Object* o, Args args, size_t nargs, Tuple* kw) {
    return call(static_cast<Wrapper*>(o)->func, args, nargs, kw);
}

// ---- super ----

void super_dealloc(Object* o) {
    auto* s = static_cast<Super*>(o);
    xdecref(s->type);
    xdecref(s->obj);
    xdecref(s->obj_type);
    delete s;
}

// The classes too: a class is freed by the collector when nothing else holds it, and `super(C)`
// alone (unbound) holds C.
void super_traverse(Object* o, VisitProc visit, void* arg) {
    auto* s = static_cast<Super*>(o);
    for (Object* field : {static_cast<Object*>(s->type), s->obj, static_cast<Object*>(s->obj_type)})
        if (field) visit(field, arg);
}

// The `self` and `__class__` cell of the calling method, as CPython's super_init_without_args finds them.
void super_from_frame(Type** type, Object** obj) {
    Frame* f = thread_state()->frame;
    Code* co = f ? f->code : nullptr;
    if (!co || co->argcount == 0) raise(&RuntimeError_type, "super(): no arguments");
    Object* first = f->localsplus()[0];
    for (size_t i = 0; i < co->cellvars.size(); ++i)
        if (co->cell2arg[i] == 0) first = static_cast<Cell*>(f->localsplus()[co->nlocals() + i])->ref;
    if (!first) raise(&RuntimeError_type, "super(): arg[0] deleted");
    for (size_t i = 0; i < co->freevars.size(); ++i) {
        if (co->freevars[i]->utf8 != "__class__") continue;
        auto* cell = static_cast<Cell*>(f->localsplus()[co->nlocals() + co->cellvars.size() + i]);
        if (!cell->ref) raise(&RuntimeError_type, "super(): empty __class__ cell");
        if (!is_type(cell->ref)) raise(&RuntimeError_type, "super(): __class__ is not a type");
        *type = static_cast<Type*>(cell->ref);
        *obj = first;
        return;
    }
    raise(&RuntimeError_type, "super(): __class__ cell not found");
}

// Binds s to (type, obj) from super's arguments, or to the calling method's class and first
// argument when there are none. An object of a class derived from super is bound again by
// super.__init__, as CPython's super_init. `exact`: a call of super itself, whose wrong first
// argument CPython 3.11 words "must be a type" (super_vectorcall) where super_init says "must be type".
void super_fill(Super* s, Args args, size_t nargs, bool exact) {
    Type* type;
    Object* obj;
    if (nargs == 0) {
        super_from_frame(&type, &obj);
    } else {
        if (!is_type(args[0]))
            raise(&TypeError_type, format("super() argument 1 must be %s, not %s", exact ? "a type" : "type",
                                          type_of(args[0])->name.c_str()));
        type = static_cast<Type*>(args[0]);
        obj = nargs == 2 && args[1] != None ? args[1] : nullptr;
    }
    Type* obj_type = nullptr;
    if (!obj) {
        // super(C): unbound, until its __get__ binds it (a class attribute read through an instance)
    } else if (is_type(obj) && is_subtype(static_cast<Type*>(obj), type)) {
        obj_type = static_cast<Type*>(obj);
    } else if (is_instance(obj, type)) {
        obj_type = type_of(obj);
    } else {
        raise(&TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
    }
    xdecref(std::exchange(s->type, static_cast<Type*>(newref(type))));
    xdecref(std::exchange(s->obj, obj ? newref(obj) : nullptr));
    xdecref(std::exchange(s->obj_type, obj_type ? static_cast<Type*>(newref(obj_type)) : nullptr));
}

// Whether a class derived from super has an __init__ other than super's, which binds the object.
bool defines_init(Type* t) {
    static Str* const kInit = intern("__init__");
    return type_lookup(t, kInit).get() != type_lookup(&super_type, kInit).get();
}

// super(...), and the object of a class derived from super: bound here when it is given
// arguments, else left empty (no type) for its __init__ to bind, as CPython's super.__new__ does.
Ref super_construct(Object* cls, Args args, size_t nargs, Tuple* kw) {
    check_positional("super", nargs, kw, 0, 2);
    auto* s = new Super();
    init_header(s, static_cast<Type*>(cls));
    s->type = nullptr;
    s->obj = nullptr;
    s->obj_type = nullptr;
    Ref made = Ref::steal(s);
    bool exact = cls == &super_type;
    if (exact || nargs > 0 || !defines_init(static_cast<Type*>(cls))) super_fill(s, args, nargs, exact);
    return made;
}

Ref super_init(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("super", nargs - 1, kw, 0, 2);
    super_fill(static_cast<Super*>(args[0]), args + 1, nargs - 1, false);
    return Ref::borrow(None);
}

// CPython's super_descr_get: an unbound super object read through an instance binds to it; a bound
// one, or one read through its class, stays as it is.
Ref super_bind(Object* o, Object* obj) {
    auto* s = static_cast<Super*>(o);
    if (!obj || s->obj) return Ref::borrow(o);
    Object* args[2] = {s->type, obj};
    if (type_of(o) != &super_type) return call(type_of(o), args, 2);
    return super_construct(&super_type, args, 2, nullptr);
}

Ref super_get_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__get__", nargs - 1, kw, 1, 2);
    return super_bind(args[0], args[1] == None ? nullptr : args[1]);
}

const MethodDef kSuperMethods[] = {
    {"__get__", super_get_method, "Return an attribute of instance, which is of type owner."},
    {"__init__", super_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr},
};

// What super object s finds for `name` in the mro of obj's type after `type`, unbound; null when
// the search does not apply (__class__ is the super object's own) or finds nothing.
Ref super_find(Super* s, Str* name) {
    if (name->utf8 == "__class__" || !s->obj_type) return nullptr;
    const std::vector<Type*>& mro = s->obj_type->mro;
    size_t i = 0;
    while (i < mro.size() && mro[i] != s->type) ++i;
    for (++i; i < mro.size(); ++i) {
        if (Ref found = dict_get_str_ref(mro[i]->dict, name)) return found;
    }
    return nullptr;
}

// Searches the mro of obj's type after `type`, binding what it finds to obj.
Ref super_getattr(Object* o, Str* name) {
    auto* s = static_cast<Super*>(o);
    if (Ref found = super_attribute(o, name)) return found;
    if (name->utf8 == "__thisclass__") return Ref::borrow(s->type ? s->type : None);
    if (name->utf8 == "__self__") return Ref::borrow(s->obj ? s->obj : None);
    if (name->utf8 == "__self_class__") return Ref::borrow(s->obj_type ? s->obj_type : None);
    return generic_getattr(o, name);
}

Ref super_repr(Object* o) {
    auto* s = static_cast<Super*>(o);
    if (!s->obj_type)
        return str_new(format("<super: <class '%s'>, NULL>", s->type ? s->type->name.c_str() : "NULL"));
    return str_new(
        format("<super: <class '%s'>, <%s object>>", s->type->name.c_str(), s->obj_type->name.c_str()));
}

void init_simple(Type& t, const char* name, size_t size, DeallocSlot dealloc, CallSlot construct) {
    t.name = name;
    t.instance_size = size;
    t.dealloc = dealloc;
    t.construct = construct;
    t.is_basetype = true;
    t.constructs_subclasses = true;
}

bool is_native_descriptor_method(Object* m);

// The __get__, __set__, __delete__ or __set_name__ that a class derived from object or from a native
// descriptor type defines itself (any object, not only a function, as CPython's slot_tp_descr_get
// finds it), unbound; null when it has none, or only the native one of property & co.
Ref user_dunder(Object* attr, const char* name) {
    Type* t = type_of(attr);
    if (!is_heap_type(t)) return nullptr;
    Ref m = type_lookup(t, intern(name));
    return m && !is_native_descriptor_method(m.get()) ? m : nullptr;
}

// Calls the descriptor method `name` that user_dunder found, bound to `attr` as a special method
// is (a function gets `attr` first; a staticmethod does not), with `args`.
Ref call_user_dunder(Object* attr, Object* m, Object* const* args, size_t nargs) {
    Ref bound = bind_class_attr(m, attr, type_of(attr));
    return call(bound.get(), args, nargs);
}

}  // namespace

namespace {

// How an instance of the native descriptor type `t` (or of a class derived from it) binds.
Ref bind_native(Type* t, Object* attr, Object* obj, Object* owner) {
    if (t == &function_type) return obj ? method_new(attr, obj) : Ref::borrow(attr);
    if (is_method_descriptor(attr)) {
        const MethodDef* def = static_cast<MethodDescriptor*>(attr)->def;
        if (def->kind == MethodKind::Class) return native_function_new(def, owner);
        return obj ? method_descriptor_bind(attr, obj) : Ref::borrow(attr);
    }
    if (t == &staticmethod_type) return Ref::borrow(static_cast<Wrapper*>(attr)->func);
    if (t == &super_type) return super_bind(attr, obj);
    if (t == &member_descriptor_type) return obj ? member_get(attr, obj) : Ref::borrow(attr);
    if (is_attribute_descriptor(attr)) return obj ? attribute_descriptor_get(attr, obj) : Ref::borrow(attr);
    if (t == &classmethod_type) {
        // 3.11 binds a wrapped descriptor to the class (`@classmethod @property`, CPython's
        // cm_descr_get); a function becomes a method of the class.
        Object* func = static_cast<Wrapper*>(attr)->func;
        if (!is_function(func) &&
            (is_instance(func, &property_type) || is_instance(func, &classmethod_type) ||
             is_instance(func, &staticmethod_type) || user_dunder(func, "__get__")))
            return bind_class_attr(func, owner, is_type(owner) ? static_cast<Type*>(owner) : type_of(owner));
        return method_new(func, owner);
    }
    if (t == &property_type) {
        auto* p = static_cast<Property*>(attr);
        if (!obj) return Ref::borrow(attr);
        if (!p->fget)
            raise(&AttributeError_type, format("%s of '%s' object has no getter", property_label(p).c_str(),
                                               type_qualname(type_of(obj)).c_str()));
        return call1(p->fget, obj);
    }
    return Ref::borrow(attr);
}

// `obj.name = value` (value null: del) through a property, whatever class derives from it.
void property_set(Property* p, Object* obj, Object* value) {
    Object* fn = value ? p->fset : p->fdel;
    if (!fn)
        raise(&AttributeError_type,
              format("%s of '%s' object has no %s", property_label(p).c_str(),
                     type_qualname(type_of(obj)).c_str(), value ? "setter" : "deleter"));
    if (value) {
        Object* args[2] = {obj, value};
        call(fn, args, 2);
    } else {
        call1(fn, obj);
    }
}

// The native type an object's class derives from (itself for a native object).
Type* native_base(Object* o) {
    for (Type* k : type_of(o)->mro) {
        if (!is_heap_type(k)) return k;
    }
    return &object_type;
}

// __get__(instance, owner=None) of function, property, classmethod, staticmethod and method
// descriptors, as CPython's: what `type(d).__get__(d, obj, cls)` and super().__get__ reach.
Ref native_get_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__get__", nargs - 1, kw, 1, 2);
    Object* obj = args[1] == None ? nullptr : args[1];
    Object* owner = nargs > 2 && args[2] != None ? args[2] : nullptr;
    if (!obj && !owner) raise(&TypeError_type, "__get__(None, None) is invalid");
    return bind_native(native_base(args[0]), args[0], obj, owner ? owner : type_of(obj));
}

Ref property_set_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__set__", nargs - 1, kw, 2, 2);
    property_set(static_cast<Property*>(args[0]), args[1], args[2]);
    return Ref::borrow(None);
}

Ref property_delete_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__delete__", nargs - 1, kw, 1, 1);
    property_set(static_cast<Property*>(args[0]), args[1], nullptr);
    return Ref::borrow(None);
}

const MethodDef kGetDef = {"__get__", native_get_method,
                           "Return an attribute of instance, which is of type owner."};
const MethodDef kSetDef = {"__set__", property_set_method, "Set an attribute of instance to value."};
const MethodDef kDeleteDef = {"__delete__", property_delete_method, "Delete an attribute of instance."};

}  // namespace

namespace {

bool is_native_descriptor_method(Object* m) {
    if (!is_method_descriptor(m)) return false;
    const MethodDef* def = static_cast<MethodDescriptor*>(m)->def;
    return def == &kGetDef || def == &kSetDef || def == &kDeleteDef;
}

void add_method(Type* t, const MethodDef* def) {
    dict_set(t->dict, intern(def->name), method_descriptor_new(t, def).get());
}

}  // namespace

Ref bind_class_attr(Object* attr, Object* obj, Type* owner) {
    Type* t = type_of(attr);
    // A class derived from staticmethod, classmethod or property binds as its base unless it
    // defines __get__ itself.
    if (is_heap_type(t) && !user_dunder(attr, "__get__")) {
        if (is_subtype(t, &staticmethod_type))
            t = &staticmethod_type;
        else if (is_subtype(t, &classmethod_type))
            t = &classmethod_type;
        else if (is_subtype(t, &property_type))
            t = &property_type;
    }
    if (!is_heap_type(t)) return bind_native(t, attr, obj, owner);
    if (Ref get = user_dunder(attr, "__get__")) {
        // CPython's slot_tp_descr_get calls what it finds unbound, the descriptor first.
        Object* args[3] = {attr, obj ? obj : None, owner};
        return call(get.get(), args, 3);
    }
    return Ref::borrow(attr);
}

void descriptor_set_name(Object* attr, Type* owner, Str* name) {
    Ref m = user_dunder(attr, "__set_name__");
    if (!m && is_instance(attr, &property_type)) {
        auto* p = static_cast<Property*>(attr);
        xdecref(std::exchange(p->name, newref(name)));
    } else if (m) {
        Object* args[2] = {owner, name};
        call_user_dunder(attr, m.get(), args, 2);
    }
}

bool is_data_descriptor_with_get(Object* attr) {
    if (!is_heap_type(type_of(attr))) return is_data_descriptor(attr);
    return is_data_descriptor(attr) && (is_instance(attr, &property_type) || user_dunder(attr, "__get__"));
}

bool is_data_descriptor(Object* attr) {
    return is_instance(attr, &property_type) || type_of(attr) == &member_descriptor_type ||
           is_attribute_descriptor(attr) || static_cast<bool>(user_dunder(attr, "__set__")) ||
           static_cast<bool>(user_dunder(attr, "__delete__"));
}

void data_descriptor_set(Object* attr, Object* obj, Object* value) {
    if (type_of(attr) == &member_descriptor_type) return member_set(attr, obj, value);
    if (is_attribute_descriptor(attr)) return attribute_descriptor_set(attr, obj, value);
    if (is_instance(attr, &property_type) && !user_dunder(attr, value ? "__set__" : "__delete__")) {
        return property_set(static_cast<Property*>(attr), obj, value);
    }
    const char* name = value ? "__set__" : "__delete__";
    Ref m = user_dunder(attr, name);
    if (!m) raise(&AttributeError_type, name);
    Object* args[2] = {obj, value};
    call_user_dunder(attr, m.get(), args, value ? 2 : 1);
}

Ref super_attribute(Object* super, Str* name) {
    auto* s = static_cast<Super*>(super);
    Ref found = super_find(s, name);
    if (!found) return nullptr;
    Object* self = s->obj == s->obj_type ? nullptr : s->obj;
    return bind_class_attr(found.get(), self, s->obj_type);
}

Ref super_method(Object* super, Str* name, Object** self) {
    auto* s = static_cast<Super*>(super);
    if (!s->obj || s->obj == s->obj_type) return nullptr;
    Ref found = super_find(s, name);
    if (!found || !is_function(found.get())) return nullptr;
    *self = s->obj;
    return found;
}

void init_descriptor_types() {
    init_simple(property_type, "property", sizeof(Property), property_dealloc, property_construct);
    property_type.getattr = property_getattr;
    property_type.setattr = property_setattr;
    property_type.traverse = property_traverse;
    property_type.clear = property_clear;
    property_type.methods = kPropertyMethods;
    init_type(&property_type);
    add_attribute_descriptors(&property_type, {"fget", "fset", "fdel"}, true);
    init_simple(staticmethod_type, "staticmethod", sizeof(Wrapper), wrapper_dealloc,
                wrapper_construct<&staticmethod_type>);
    staticmethod_type.getattr = wrapper_getattr;
    staticmethod_type.instances_have_dict = true;
    staticmethod_type.repr = wrapper_repr;
    staticmethod_type.setattr = wrapper_setattr;
    staticmethod_type.traverse = wrapper_traverse;
    staticmethod_type.call = staticmethod_call;
    staticmethod_type.methods = kWrapperMethods;
    init_type(&staticmethod_type);
    add_attribute_descriptors(&staticmethod_type, {"__isabstractmethod__"});
    add_attribute_descriptors(&staticmethod_type, {"__func__", "__wrapped__"}, true);
    init_simple(classmethod_type, "classmethod", sizeof(Wrapper), wrapper_dealloc,
                wrapper_construct<&classmethod_type>);
    classmethod_type.getattr = wrapper_getattr;
    classmethod_type.instances_have_dict = true;
    classmethod_type.repr = wrapper_repr;
    classmethod_type.setattr = wrapper_setattr;
    classmethod_type.traverse = wrapper_traverse;
    classmethod_type.methods = kWrapperMethods;
    init_type(&classmethod_type);
    add_attribute_descriptors(&classmethod_type, {"__isabstractmethod__"});
    add_attribute_descriptors(&classmethod_type, {"__func__", "__wrapped__"}, true);
    for (Type* t : {&function_type, &property_type, &staticmethod_type, &classmethod_type,
                    &method_descriptor_type, &classmethod_descriptor_type, &wrapper_descriptor_type})
        add_method(t, &kGetDef);
    add_method(&property_type, &kSetDef);
    add_method(&property_type, &kDeleteDef);
    init_simple(super_type, "super", sizeof(Super), super_dealloc, super_construct);
    super_type.getattr = super_getattr;
    super_type.repr = super_repr;
    super_type.traverse = super_traverse;
    super_type.methods = kSuperMethods;
    init_type(&super_type);
    add_attribute_descriptors(&super_type, {"__thisclass__", "__self__", "__self_class__"}, true);
}

}  // namespace minipy
