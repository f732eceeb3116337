// namespace.cpp — types.SimpleNamespace (the type of sys.implementation): attributes from keyword
// arguments, CPython's "namespace(a=1, b='x')" repr and equality by attributes.
#include "objects/namespace.h"

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type namespace_type;

namespace {

struct Namespace : Object {
    MINIPY_GC_ALLOCATED
    Dict* dict;  // owned
};

Namespace* as_ns(Object* o) { return static_cast<Namespace*>(o); }

void ns_dealloc(Object* o) {
    decref(as_ns(o)->dict);
    delete as_ns(o);
}

// A subclass's instances keep their attributes in the namespace's own dict (class.cpp's
// instance_dict), so vars() and the repr see the same ones.
Dict* ns_instance_dict(Object* o) { return as_ns(o)->dict; }

// Tracked, as CPython's: its attributes may refer back to it. Clearing the dict breaks a cycle.
void ns_traverse(Object* o, VisitProc visit, void* arg) { visit(as_ns(o)->dict, arg); }

Ref ns_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs > 1)
        raise(&TypeError_type, format("SimpleNamespace expected at most 1 argument, got %zu", nargs));
    Ref ns = namespace_new(static_cast<Type*>(type));
    if (nargs == 1) dict_update(as_ns(ns.get())->dict, args[0]);
    for (size_t i = 0; kw && i < kw->size; ++i)
        dict_set(as_ns(ns.get())->dict, kw->items[i], args[nargs + i]);
    return ns;
}

Ref ns_getattr(Object* o, Str* name) {
    if (name->utf8 == "__dict__") return Ref::borrow(as_ns(o)->dict);
    if (Ref v = dict_get_str_ref(as_ns(o)->dict, name)) return v;
    return generic_getattr(o, name);
}

void ns_setattr(Object* o, Str* name, Object* value) {
    if (value) return dict_set(as_ns(o)->dict, name, value);
    if (!dict_del(as_ns(o)->dict, name)) raise_no_attribute(o, name);
}

Ref ns_repr(Object* o) {
    std::string name = type_of(o) == &namespace_type ? std::string("namespace") : type_of(o)->name;
    ReprGuard guard(o);
    if (!guard.entered()) return str_new(name + "(...)");  // a namespace holding itself
    std::string s = name + "(";
    Object *k, *v;
    bool first = true;
    for (size_t pos = 0; dict_next(as_ns(o)->dict, &pos, &k, &v);) {
        if (!first) s += ", ";
        first = false;
        s += str_utf8(k) + "=" + repr_utf8(v);
    }
    return str_new(s + ")");
}

Ref ns_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance(b, &namespace_type))
        return Ref::borrow(NotImplemented);
    return compare(as_ns(a)->dict, as_ns(b)->dict, op);
}

// __reduce__(): (type(ns), (), its attributes), so pickle and copy rebuild it as CPython's.
Ref ns_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Object* parts[3] = {type_of(args[0]), tuple_new(0).release(), nullptr};
    Ref empty = Ref::steal(parts[1]);
    parts[2] = as_ns(args[0])->dict;
    return tuple_from(parts, 3);
}

const MethodDef kNamespaceMethods[] = {{"__reduce__", ns_reduce, "Return state information for pickling"},
                                       {}};

}  // namespace

Ref namespace_new(Type* t) {
    auto* ns = new Namespace();
    init_header(ns, t);
    ns->dict = as_dict(dict_new().release());
    return Ref::steal(ns);
}

void namespace_set(Object* ns, const char* name, Object* value) {
    dict_set(as_ns(ns)->dict, intern(name), value);
}

void init_namespace_type() {
    Type& t = namespace_type;
    t.name = "types.SimpleNamespace";
    t.instances_have_dict = true;
    t.instance_size = sizeof(Namespace);
    t.dealloc = ns_dealloc;
    t.traverse = ns_traverse;
    t.construct = ns_construct;
    t.getattr = ns_getattr;
    t.setattr = ns_setattr;
    t.repr = ns_repr;
    t.compare = ns_compare;
    t.methods = kNamespaceMethods;
    t.instance_dict = ns_instance_dict;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
}

}  // namespace minipy
