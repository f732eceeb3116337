// slots.cpp — __slots__: a class lists the attribute names its instances may have; each becomes a
// member descriptor on the class that reads and writes a fixed slot of the instance, and unless
// '__dict__' is listed (or a base has one) instances get no __dict__ (CPython's type_new_slots).
#include "objects/slots.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/getset_descriptor.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type member_descriptor_type;

namespace {

MemberDescriptor* as_member(Object* o) { return static_cast<MemberDescriptor*>(o); }

Ref member_new(Type* owner, Str* name, MemberKind kind) {
    auto* m = new MemberDescriptor();
    init_header(m, &member_descriptor_type);
    m->owner = static_cast<Type*>(newref(owner));
    m->name = static_cast<Str*>(newref(name));
    m->index = 0;
    m->kind = kind;
    return Ref::steal(m);
}

// Slot values of instances of classes derived from built-in types, whose layout has no room.
struct SideSlots {
    std::mutex lock;
    std::unordered_map<const Object*, SlotValues*> table;
};
SideSlots g_side_slots;

SlotValues* side_slots(Object* o, const Type* t) {
    std::lock_guard<std::mutex> guard(g_side_slots.lock);
    SlotValues*& s = g_side_slots.table[o];
    if (!s) s = slot_values_new(t);
    return s;
}

SlotValues* values_of(MemberDescriptor* m, Object* obj) {
    if (!is_instance(obj, m->owner))
        raise(&TypeError_type,
              format("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->name->utf8.c_str(),
                     m->owner->name.c_str(), type_of(obj)->name.c_str()));
    return m->kind == MemberKind::InInstance ? static_cast<Instance*>(obj)->slots
                                             : side_slots(obj, type_of(obj));
}

void member_dealloc(Object* o) {
    decref(as_member(o)->name);
    decref(as_member(o)->owner);
    delete as_member(o);
}

void member_traverse(Object* o, VisitProc visit, void* arg) { visit(as_member(o)->owner, arg); }

Ref member_repr(Object* o) {
    return str_new(format("<member '%s' of '%s' objects>", as_member(o)->name->utf8.c_str(),
                          as_member(o)->owner->name.c_str()));
}

Ref member_getattr(Object* o, Str* name) {
    MemberDescriptor* m = as_member(o);
    if (name->utf8 == "__name__") return Ref::borrow(m->name);
    if (name->utf8 == "__qualname__") return descriptor_qualname(m->owner, m->name);
    if (name->utf8 == "__objclass__") return Ref::borrow(m->owner);
    if (name->utf8 == "__doc__") return Ref::borrow(None);  // 3.11: inspect.getdoc reads __slots__
    return generic_getattr(o, name);
}

Ref member_get_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__get__", nargs, kw, 2, 3);
    if (args[1] == None) return Ref::borrow(args[0]);
    return member_get(args[0], args[1]);
}

Ref member_set_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__set__", nargs, kw, 3, 3);
    member_set(args[0], args[1], args[2]);
    return Ref::borrow(None);
}

Ref member_delete_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__delete__", nargs, kw, 2, 2);
    member_set(args[0], args[1], nullptr);
    return Ref::borrow(None);
}

const MethodDef kMemberMethods[] = {
    {"__get__", member_get_method, "Return an attribute of instance, which is of type owner."},
    {"__set__", member_set_method, "Set an attribute of instance to value."},
    {"__delete__", member_delete_method, "Delete an attribute of instance."},
    {nullptr, nullptr, nullptr},
};

// Private names in __slots__ are mangled as in the class body: __x in class C is _C__x.
std::string mangle(const std::string& class_name, const std::string& name) {
    if (name.size() < 3 || name.compare(0, 2, "__") != 0 || name.compare(name.size() - 2, 2, "__") == 0 ||
        name.find('.') != std::string::npos)
        return name;
    size_t skip = class_name.find_first_not_of('_');
    if (skip == std::string::npos) return name;
    std::string mangled = "_";
    mangled.append(class_name, skip, std::string::npos);
    mangled += name;
    return mangled;
}

// The names __slots__ lists: a single str, or any iterable of str.
std::vector<Ref> slot_names(Object* slots) {
    std::vector<Ref> names;
    if (is_str(slots)) {
        names.push_back(Ref::borrow(slots));
    } else {
        Ref it = get_iter(slots);
        while (Ref item = iter_next(it.get())) names.push_back(std::move(item));
    }
    for (const Ref& n : names) {
        if (!is_str(n.get()))
            raise(&TypeError_type,
                  format("__slots__ items must be strings, not '%s'", type_of(n.get())->name.c_str()));
        if (!is_true(call0(get_attr(n.get(), intern("isidentifier")).get()).get()))
            raise(&TypeError_type, "__slots__ must be identifiers");
    }
    return names;
}

// Whether instances of `base` carry a __dict__: classes made by `class` unless their slots said
// no; exceptions, classes, modules and the built-in types whose instances have one (OrderedDict's).
bool base_has_dict(Type* base) { return instances_have_dict(base); }

// Whether instances of `base` already have CPython's __weakref__ slot: a class in its mro made
// without __slots__, or naming __weakref__ there, gave it one.
bool base_has_weakref(Type* base) {
    static Str* const kSlots = intern("__slots__");
    for (Type* k : base->mro) {
        if (!is_heap_type(k)) continue;
        Object* slots = dict_get_str(k->dict, kSlots);
        if (!slots) return true;
        for (const Ref& n : slot_names(slots))
            if (str_utf8_of(n.get()) == "__weakref__") return true;
    }
    return false;
}

// The class that gave `t` its slot layout: the last in its mro with as many slots (`__slots__ = ()`
// subclasses share their base's layout, as pathlib's Path and PurePosixPath share PurePath's).
Type* slots_owner(Type* t) {
    Type* owner = t;
    for (Type* k : t->mro)
        if (k->slot_count == t->slot_count) owner = k;
    return owner;
}

// The base whose slots the new class extends; two bases whose slots come from different classes,
// neither derived from the other, conflict, as their values would need the same places.
Type* slotted_base(Tuple* bases) {
    Type* found = nullptr;
    for (size_t i = 0; i < bases->size; ++i) {
        auto* b = static_cast<Type*>(bases->items[i]);
        if (b->slot_count == 0) continue;
        if (!found || is_subtype(b, found)) {
            found = b;
        } else if (!is_subtype(found, b) && !is_subtype(slots_owner(found), slots_owner(b))) {
            if (!is_subtype(slots_owner(b), slots_owner(found)))
                raise(&TypeError_type, "multiple bases have instance lay-out conflict");
            found = b;
        }
    }
    return found;
}

}  // namespace

size_t slot_values_size(const Type* t) { return sizeof(SlotValues) + t->slot_count * sizeof(Object*); }

SlotValues* slot_values_init(void* memory, const Type* t) {
    auto* s = new (memory) SlotValues();
    s->count = t->slot_count;
    std::fill(s->begin(), s->end(), nullptr);
    return s;
}

SlotValues* slot_values_new(const Type* t) {
    if (t->slot_count == 0) return nullptr;
    return slot_values_init(::operator new(slot_values_size(t)), t);
}

void slot_values_destroy(SlotValues* s) {
    for (Object* v : *s) xdecref(v);
    s->~SlotValues();
}

void slot_values_free(SlotValues* s) {
    if (!s) return;
    slot_values_destroy(s);
    ::operator delete(s);
}

SlotValues* side_slots_if_any(const Object* o) {
    std::lock_guard<std::mutex> guard(g_side_slots.lock);
    auto it = g_side_slots.table.find(o);
    return it == g_side_slots.table.end() ? nullptr : it->second;
}

void release_side_slots(Object* o) {
    SlotValues* s = nullptr;
    {
        std::lock_guard<std::mutex> guard(g_side_slots.lock);
        auto it = g_side_slots.table.find(o);
        if (it == g_side_slots.table.end()) return;
        s = it->second;
        g_side_slots.table.erase(it);
    }
    slot_values_free(s);
}

Object* member_descriptor_for_field(Type* owner, Str* name) {
    Object* m = member_new(owner, name, MemberKind::Field).release();
    gc_untrack(m);
    make_immortal(m);
    return m;
}

bool is_field_member(const Object* o) {
    return type_of(o) == &member_descriptor_type &&
           static_cast<const MemberDescriptor*>(o)->kind == MemberKind::Field;
}

Ref member_get(Object* descr, Object* obj) {
    MemberDescriptor* m = as_member(descr);
    if (m->kind == MemberKind::Field) return builtin_attribute_read(m->owner, m->name, obj);
    SlotValues* s = values_of(m, obj);
    Ref v;
    {
        CriticalSection cs(s->mutex);
        v = Ref::borrow(s->values()[m->index]);
    }
    if (!v)
        raise(&AttributeError_type,
              format("'%s' object has no attribute '%s'", type_of(obj)->name.c_str(), m->name->utf8.c_str()));
    return v;
}

void member_set(Object* descr, Object* obj, Object* value) {
    MemberDescriptor* m = as_member(descr);
    if (m->kind == MemberKind::Field) return builtin_attribute_write(m->owner, m->name, obj, value, true);
    SlotValues* s = values_of(m, obj);
    Object* old;
    {
        CriticalSection cs(s->mutex);
        old = s->values()[m->index];
        // Deleting an unset slot: CPython's message is the bare name.
        if (!value && !old) raise(&AttributeError_type, m->name->utf8);
        s->values()[m->index] = value ? newref(value) : nullptr;
    }
    xdecref(old);
}

void setup_slots(Type* t, Tuple* bases) {
    static Str* const kSlots = intern("__slots__");
    bool has_dict = false;
    for (size_t i = 0; i < bases->size; ++i)
        has_dict = has_dict || base_has_dict(static_cast<Type*>(bases->items[i]));
    Type* slotted = slotted_base(bases);
    t->slot_count = slotted ? slotted->slot_count : 0;
    Object* slots = dict_get_str(t->dict, kSlots);
    if (!slots) {
        t->no_instance_dict = false;
        return;
    }
    std::vector<Ref> names = slot_names(slots);
    // int, tuple and bytes keep their items in the object (CPython's __itemsize__ != 0): no slot of
    // any kind fits after them, __dict__ and __weakref__ included.
    Type* nb = native_base(t);
    if (!names.empty() && nb && (nb == &int_type || nb == &tuple_type || nb == &bytes_type))
        raise(&TypeError_type,
              format("nonempty __slots__ not supported for subtype of '%s'", nb->name.c_str()));
    bool has_weakref = false;
    for (size_t i = 0; i < bases->size; ++i)
        has_weakref = has_weakref || base_has_weakref(static_cast<Type*>(bases->items[i]));
    bool add_dict = false, add_weakref = false;
    std::vector<std::string> members;
    for (const Ref& n : names) {
        const std::string& s = str_utf8_of(n.get());
        if (s == "__dict__") {
            if (has_dict || add_dict) raise(&TypeError_type, "__dict__ slot disallowed: we already got one");
            add_dict = true;
        } else if (s == "__weakref__") {
            if (has_weakref || add_weakref)
                raise(&TypeError_type,
                      "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
            add_weakref = true;
        } else {
            members.push_back(mangle(t->name, s));
        }
    }
    std::sort(members.begin(), members.end());  // CPython sorts them too: C.__dict__ lists them in order
    for (const std::string& name : members) {
        if (dict_get_str(t->dict, intern(name)))
            raise(&ValueError_type, format("'%s' in __slots__ conflicts with class variable", name.c_str()));
    }
    for (const std::string& name : members) {
        if (dict_get_str(t->dict, intern(name))) continue;  // a name listed twice
        Ref m = member_new(t, intern(name), nb ? MemberKind::SideTable : MemberKind::InInstance);
        as_member(m.get())->index = t->slot_count++;
        dict_set(t->dict, intern(name), m.get());
    }
    t->no_instance_dict = !has_dict && !add_dict;
}

void init_member_descriptor_type() {
    Type& t = member_descriptor_type;
    t.name = "member_descriptor";
    t.instance_size = sizeof(MemberDescriptor);
    t.dealloc = member_dealloc;
    t.traverse = member_traverse;
    t.repr = member_repr;
    t.getattr = member_getattr;
    t.methods = kMemberMethods;
    init_type(&t);
}

}  // namespace minipy
