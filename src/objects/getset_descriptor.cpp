// getset_descriptor.cpp — descriptors for attributes a built-in type's getattr slot computes: reading
// one through the class gives the descriptor; its __get__/__set__ reach the instance's slot.
#include "objects/getset_descriptor.h"

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/native_function.h"
#include "objects/slots.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type getset_descriptor_type;

namespace {

enum class DescriptorKind : uint8_t {
    BuiltinAttribute,  // computed by the owner's getattr/setattr slots; immortal, as the owner is
    InstanceDict,      // a class's `__dict__`: its instances' attribute dict; owns its class
    InstanceWeakref,   // a class's `__weakref__`: the first weak reference to an instance; owns it
};

struct AttributeDescriptor : Object {
    Type* owner;
    Str* name;  // interned
    DescriptorKind kind = DescriptorKind::BuiltinAttribute;
    const char* doc = nullptr;  // __doc__, or null for None
};

AttributeDescriptor* as_attr(Object* o) { return static_cast<AttributeDescriptor*>(o); }

void check_owner(Type* owner, Str* name, Object* obj) {
    if (!is_instance(obj, owner))
        raise(&TypeError_type, format("descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                                      name->utf8.c_str(), owner->name.c_str(), type_of(obj)->name.c_str()));
}

Ref attr_get(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__get__", nargs - 1, kw, 1, 2);
    AttributeDescriptor* d = as_attr(args[0]);
    if (args[1] == None) return Ref::borrow(args[0]);
    return attribute_descriptor_get(d, args[1]);
}

Ref attr_set(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__set__", nargs - 1, kw, 2, 2);
    attribute_descriptor_set(args[0], args[1], args[2]);
    return Ref::borrow(None);
}

Ref attr_delete(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__delete__", nargs - 1, kw, 1, 1);
    attribute_descriptor_set(args[0], args[1], nullptr);
    return Ref::borrow(None);
}

const MethodDef kAttrMethods[] = {
    {"__get__", attr_get, "Return an attribute of instance, which is of type owner."},
    {"__set__", attr_set, "Set an attribute of instance to value."},
    {"__delete__", attr_delete, "Delete an attribute of instance."},
    {nullptr, nullptr, nullptr},
};

// A class's own descriptors refer to their class, as CPython's do (d_type): a class is part of a
// cycle, freed by the collector.
void attr_traverse(Object* o, VisitProc visit, void* arg) {
    if (as_attr(o)->kind != DescriptorKind::BuiltinAttribute) visit(as_attr(o)->owner, arg);
}

// Only a class's own descriptors are ever freed (the others are immortal, as their type is).
void attr_dealloc(Object* o) {
    decref(as_attr(o)->owner);
    delete_object_of(as_attr(o));
}

Ref instance_attribute_get(AttributeDescriptor* d, Object* obj) {
    check_owner(d->owner, d->name, obj);
    if (d->kind == DescriptorKind::InstanceWeakref) {
        std::vector<Ref> refs = weakrefs_to(obj);
        return refs.empty() ? Ref::borrow(None) : std::move(refs.front());
    }
    return object_dict(obj);
}

void instance_attribute_set(AttributeDescriptor* d, Object* obj, Object* value) {
    check_owner(d->owner, d->name, obj);
    if (d->kind == DescriptorKind::InstanceWeakref)
        raise(&AttributeError_type,
              format("attribute '__weakref__' of '%s' objects is not writable", d->owner->name.c_str()));
    set_object_dict(obj, value);
}

Ref attr_repr(Object* o) {
    return str_new(format("<attribute '%s' of '%s' objects>", as_attr(o)->name->utf8.c_str(),
                          as_attr(o)->owner->name.c_str()));
}

Ref attr_getattr(Object* o, Str* name) {
    if (name->utf8 == "__name__") return Ref::borrow(as_attr(o)->name);
    if (name->utf8 == "__qualname__") return descriptor_qualname(as_attr(o)->owner, as_attr(o)->name);
    if (name->utf8 == "__objclass__") return Ref::borrow(as_attr(o)->owner);
    if (name->utf8 == "__doc__") {
        switch (as_attr(o)->kind) {
            case DescriptorKind::InstanceDict:
                return str_new("dictionary for instance variables (if defined)");
            case DescriptorKind::InstanceWeakref:
                return str_new("list of weak references to the object (if defined)");
            case DescriptorKind::BuiltinAttribute:
                if (as_attr(o)->doc) return str_new(as_attr(o)->doc);
                break;
        }
    }
    return generic_getattr(o, name);
}

}  // namespace

// The owner's own slots compute the attribute: an instance of a class derived from the owner
// would otherwise find the descriptor again through its class (`class P(property)`'s fget).
Ref builtin_attribute_read(Type* owner, Str* name, Object* obj) {
    check_owner(owner, name, obj);
    if (owner == &object_type) return Ref::borrow(type_of(obj));  // object.__class__
    Ref value = owner == &type_type ? type_own_attr(obj, name)
                : owner->getattr    ? owner->getattr(obj, name)
                                    : nullptr;
    if (!value) raise_no_attribute(obj, name);
    return value;
}

// Without a setattr slot the attribute is read-only, in CPython's words for each kind.
void builtin_attribute_write(Type* owner, Str* name, Object* obj, Object* value, bool member) {
    check_owner(owner, name, obj);
    if (owner == &object_type) return set_object_class(obj, value);  // object.__class__
    if (!owner->setattr) {
        if (member) raise(&AttributeError_type, "readonly attribute");
        raise(&AttributeError_type, format("attribute '%s' of '%s' objects is not writable",
                                           name->utf8.c_str(), owner->name.c_str()));
    }
    owner->setattr(obj, name, value);
}

Ref descriptor_qualname(Type* owner, Str* name) {
    Ref owner_name = get_attr(owner, intern("__qualname__"));
    return str_new(str_utf8_of(owner_name.get()) + "." + name->utf8);
}

bool is_attribute_descriptor(const Object* o) {
    return type_of(o) == &getset_descriptor_type || is_field_member(o);
}

Ref attribute_descriptor_get(Object* descriptor, Object* obj) {
    if (is_field_member(descriptor)) return member_get(descriptor, obj);
    AttributeDescriptor* d = as_attr(descriptor);
    if (d->kind != DescriptorKind::BuiltinAttribute) return instance_attribute_get(d, obj);
    return builtin_attribute_read(d->owner, d->name, obj);
}

void attribute_descriptor_set(Object* descriptor, Object* obj, Object* value) {
    if (is_field_member(descriptor)) return member_set(descriptor, obj, value);
    AttributeDescriptor* d = as_attr(descriptor);
    if (d->kind != DescriptorKind::BuiltinAttribute) return instance_attribute_set(d, obj, value);
    builtin_attribute_write(d->owner, d->name, obj, value, false);
}

bool is_instance_layout_descriptor(const Object* o) {
    return type_of(o) == &getset_descriptor_type &&
           static_cast<const AttributeDescriptor*>(o)->kind != DescriptorKind::BuiltinAttribute;
}

// CPython's type_new gives a class its own `__dict__` and `__weakref__` descriptors when its
// instances gain a dict, or weak references, that instances of its (layout) base lack.
void add_instance_layout_descriptors(Type* t) {
    Type* base = t->base;
    auto add = [t](const char* name, DescriptorKind kind) {
        Str* key = intern(name);
        if (dict_get_str(t->dict, key)) return;  // __slots__ named it, or the body set it
        auto* d = new_object_of<AttributeDescriptor>(&getset_descriptor_type);
        d->owner = static_cast<Type*>(newref(t));
        d->name = key;
        d->kind = kind;
        Ref owned = Ref::steal(d);
        dict_set(t->dict, key, d);
    };
    if (!t->no_instance_dict && !instances_have_dict(base)) add("__dict__", DescriptorKind::InstanceDict);
    if (instances_weakly_referable(t) && !instances_weakly_referable(base))
        add("__weakref__", DescriptorKind::InstanceWeakref);
}

void init_getset_descriptor_type() {
    Type& t = getset_descriptor_type;
    t.name = "getset_descriptor";
    t.instance_size = sizeof(AttributeDescriptor);
    t.repr = attr_repr;
    t.getattr = attr_getattr;
    t.traverse = attr_traverse;
    t.dealloc = attr_dealloc;
    t.methods = kAttrMethods;
    init_type(&t);
    add_attribute_descriptors(&t, {"__name__", "__qualname__", "__objclass__"});
}

void add_attribute_descriptors(Type* t, std::initializer_list<const char*> names, bool member) {
    add_attribute_descriptors(t, names.begin(), names.size(), member);
}

void set_attribute_doc(Type* t, const char* name, const char* doc) {
    Object* d = dict_get_str(t->dict, intern(name));
    if (d && type_of(d) == &getset_descriptor_type) as_attr(d)->doc = doc;
}

void add_attribute_descriptors(Type* t, const char* const* names, size_t count, bool member) {
    for (size_t i = 0; i < count; ++i) {
        Str* key = intern(names[i]);
        if (dict_get_str(t->dict, key)) continue;
        if (member) {
            dict_set(t->dict, key, member_descriptor_for_field(t, key));
            continue;
        }
        auto* d = new AttributeDescriptor();
        init_header(d, &getset_descriptor_type);
        make_immortal(d);  // lives as long as the (immortal) type
        d->owner = t;
        d->name = key;
        dict_set(t->dict, key, d);
    }
}

}  // namespace minipy
