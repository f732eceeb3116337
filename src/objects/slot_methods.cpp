// slot_methods.cpp — the dunder methods a built-in type shows for the slots it fills (`int.__add__`,
// `list.__len__`, `frozenset().__contains__`), as CPython's slotdefs add wrapper descriptors to each
// static type's dict. Each calls the slot of the type that defines it, not of the object's class.
#include "objects/slot_methods.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

enum class SlotKind : uint8_t {
    Repr,
    Str,
    Hash,
    Compare,
    Binary,
    Reflected,
    Inplace,
    Neg,
    Pos,
    Invert,
    Abs,
    Bool,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    Iter,
    Next,
    Call,
    GetAttribute,
    SetAttr,
    DelAttr,
};

// A MethodDef that also remembers which type's slot it calls; all of them share one `fn`, which
// finds its SlotDef through the descriptor or bound method it was called as.
struct SlotDef : MethodDef {
    Type* owner;
    SlotKind kind;
    uint8_t op;  // the BinaryOp or CompareOp
};

const SlotDef* slot_def_of(Object* callable) {
    const MethodDef* def = is_method_descriptor(callable) ? static_cast<MethodDescriptor*>(callable)->def
                                                          : static_cast<NativeFunction*>(callable)->def;
    return static_cast<const SlotDef*>(def);
}

Ref none() { return Ref::borrow(None); }

// A binary, reflected or in-place operator slot. A sequence's `+` and `*` wrap CPython's sq_concat
// and sq_repeat, which raise where the operator returns NotImplemented: 'abc'.__mul__('') is
// "'str' object cannot be interpreted as an integer", [].__add__(1) "can only concatenate ...".
Ref call_binary_slot(const SlotDef& d, Object* self, Object* other) {
    Type* t = d.owner;
    auto op = static_cast<BinaryOp>(d.op);
    bool sequence = t->len != nullptr;
    if (sequence && op == BinaryOp::Mul && !is_index_like(other))
        raise(&TypeError_type,
              format("'%s' object cannot be interpreted as an integer", type_of(other)->name.c_str()));
    Ref r = d.kind == SlotKind::Binary      ? t->binary[d.op](self, other)
            : d.kind == SlotKind::Reflected ? t->binary[d.op](other, self)
                                            : t->inplace[d.op](self, other);
    bool concatenates = t == &str_type || t == &list_type || t == &tuple_type;
    if (op == BinaryOp::Add && concatenates && r.get() == NotImplemented)
        raise(&TypeError_type, format("can only concatenate %s (not \"%s\") to %s", t->name.c_str(),
                                      type_of(other)->name.c_str(), t->name.c_str()));
    return r;
}

// Runs the slot for the arguments after self (args[0]), checking their count first.
Ref call_slot(const SlotDef& d, Args args, size_t nargs) {
    Object* self = args[0];
    Type* t = d.owner;
    switch (d.kind) {
        case SlotKind::Repr:
            return t->repr(self);
        case SlotKind::Str:
            return t->str(self);
        case SlotKind::Hash:
            return int_from_i64(t->hash(self));
        case SlotKind::Compare:
            return t->compare(self, args[1], static_cast<CompareOp>(d.op));
        case SlotKind::Binary:
        case SlotKind::Reflected:
        case SlotKind::Inplace:
            return call_binary_slot(d, self, args[1]);
        case SlotKind::Neg:
            return t->neg(self);
        case SlotKind::Pos:
            return t->pos(self);
        case SlotKind::Invert:
            return t->invert(self);
        case SlotKind::Abs:
            return t->abs(self);
        case SlotKind::Bool:
            return Ref::borrow(bool_obj(t->truthy(self)));
        case SlotKind::Len:
            return int_from_i64(t->len(self));
        case SlotKind::GetItem:
            return t->getitem(self, args[1]);
        case SlotKind::SetItem:
            t->setitem(self, args[1], args[2]);
            return none();
        case SlotKind::DelItem:
            t->setitem(self, args[1], nullptr);
            return none();
        case SlotKind::Contains:
            return Ref::borrow(bool_obj(t->contains(self, args[1])));
        case SlotKind::Iter:
            return t->iter(self);
        case SlotKind::Next: {
            Ref r = t->next(self);
            if (!r) raise_object(exception_new(&StopIteration_type, empty_tuple()));
            return r;
        }
        case SlotKind::Call:
            break;
        case SlotKind::GetAttribute: {
            if (!is_str(args[1]))
                raise(&TypeError_type,
                      format("attribute name must be string, not '%s'", type_of(args[1])->name.c_str()));
            Ref r = t->getattr(self, as_str(args[1]));
            if (!r) raise_no_attribute(self, as_str(args[1]));
            return r;
        }
        case SlotKind::SetAttr:
            t->setattr(self, as_str(args[1]), args[2]);
            return none();
        case SlotKind::DelAttr:
            t->setattr(self, as_str(args[1]), nullptr);
            return none();
    }
    (void)nargs;
    return none();
}

size_t arity(SlotKind k) {
    switch (k) {
        case SlotKind::Compare:
        case SlotKind::Binary:
        case SlotKind::Reflected:
        case SlotKind::Inplace:
        case SlotKind::GetItem:
        case SlotKind::DelItem:
        case SlotKind::Contains:
        case SlotKind::GetAttribute:
        case SlotKind::DelAttr:
            return 1;
        case SlotKind::SetItem:
        case SlotKind::SetAttr:
            return 2;
        default:
            return 0;
    }
}

Ref slot_method(Object* callable, Args args, size_t nargs, Tuple* kwnames) {
    const SlotDef& d = *slot_def_of(callable);
    if (d.kind == SlotKind::Call) return d.owner->call(args[0], args + 1, nargs - 1, kwnames);
    size_t want = arity(d.kind);
    if (kwnames && kwnames->size) raise_no_kwargs(d.name);
    if (nargs - 1 != want) raise_wrapper_arg_count(want, nargs - 1);
    if ((d.kind == SlotKind::SetAttr || d.kind == SlotKind::DelAttr) && !is_str(args[1]))
        raise(&TypeError_type,
              format("attribute name must be string, not '%s'", type_of(args[1])->name.c_str()));
    return call_slot(d, args, nargs);
}

// The docstring CPython's slot wrapper of that name carries ("Return self+value."); null for none.
const char* slot_doc(const std::string& name) {
    static const std::unordered_map<std::string, const char*> docs = [] {
        std::unordered_map<std::string, const char*> m = {
            {"__repr__", "Return repr(self)."},
            {"__str__", "Return str(self)."},
            {"__hash__", "Return hash(self)."},
            {"__call__", "Call self as a function."},
            {"__getattribute__", "Return getattr(self, name)."},
            {"__setattr__", "Implement setattr(self, name, value)."},
            {"__delattr__", "Implement delattr(self, name)."},
            {"__iter__", "Implement iter(self)."},
            {"__next__", "Implement next(self)."},
            {"__len__", "Return len(self)."},
            {"__getitem__", "Return self[key]."},
            {"__setitem__", "Set self[key] to value."},
            {"__delitem__", "Delete self[key]."},
            {"__contains__", "Return key in self."},
            {"__neg__", "-self"},
            {"__pos__", "+self"},
            {"__invert__", "~self"},
            {"__abs__", "abs(self)"},
            {"__bool__", "True if self else False"},
            {"__divmod__", "Return divmod(self, value)."},
            {"__rdivmod__", "Return divmod(value, self)."},
            {"__pow__", "Return pow(self, value, mod)."},
            {"__rpow__", "Return pow(value, self, mod)."},
            // The sequence types' in-place concatenation and repetition.
            {"__iadd__", "Implement self+=value."},
            {"__imul__", "Implement self*=value."},
        };
        static const std::pair<const char*, const char*> compare[] = {
            {"lt", "<"}, {"le", "<="}, {"eq", "=="}, {"ne", "!="}, {"gt", ">"}, {"ge", ">="}};
        static std::vector<std::string> texts;  // the docs made below, alive for good
        texts.reserve(64);
        auto put = [&](const std::string& key, const std::string& text) {
            if (m.count(key)) return;
            texts.push_back(text);
            m.emplace(key, texts.back().c_str());
        };
        for (const auto& [n, op] : compare)
            put(std::string("__") + n + "__", std::string("Return self") + op + "value.");
        static const std::pair<const char*, const char*> binary[] = {
            {"add", "+"},       {"sub", "-"}, {"mul", "*"},  {"matmul", "@"},  {"truediv", "/"},
            {"floordiv", "//"}, {"mod", "%"}, {"pow", "**"}, {"lshift", "<<"}, {"rshift", ">>"},
            {"and", "&"},       {"xor", "^"}, {"or", "|"}};
        for (const auto& [n, op] : binary) {
            put(std::string("__") + n + "__", std::string("Return self") + op + "value.");
            put(std::string("__r") + n + "__", std::string("Return value") + op + "self.");
            put(std::string("__i") + n + "__", std::string("Return self") + op + "=value.");
        }
        return m;
    }();
    auto it = docs.find(name);
    return it == docs.end() ? nullptr : it->second;
}

// Puts one wrapper in t's dict unless the type's method table already has that name. The defs live
// as long as the (immortal) built-in type.
void add(Type* t, const std::string& name, SlotKind kind, uint8_t op = 0) {
    Str* key = intern(name);
    if (dict_get_str(t->dict, key)) return;
    auto* d = new SlotDef();
    d->name = key->utf8.c_str();
    d->fn = slot_method;
    // list and dict define __getitem__ as a method of their own in CPython, with an older doc.
    bool own_getitem = name == "__getitem__" && (t == &list_type || t == &dict_type);
    d->doc = own_getitem ? "x.__getitem__(y) <==> x[y]" : slot_doc(name);
    d->owner = t;
    d->kind = kind;
    d->op = op;
    dict_set(t->dict, key, method_descriptor_new(t, d).get());
}

// True when t fills `slot` itself rather than inheriting its base's.
template <typename Slot>
bool own(Type* t, Slot Type::*slot) {
    return t->*slot && (!t->base || t->base->*slot != t->*slot);
}

}  // namespace

bool is_slot_method(const MethodDef* def) { return def->fn == slot_method; }

void add_slot_methods(Type* t) {
    if (own(t, &Type::repr)) add(t, "__repr__", SlotKind::Repr);
    if (own(t, &Type::str)) add(t, "__str__", SlotKind::Str);
    if (own(t, &Type::hash)) {
        if (t->hash == hash_not_implemented) {
            if (!dict_get_str(t->dict, intern("__hash__"))) dict_set(t->dict, intern("__hash__"), None);
        } else {
            add(t, "__hash__", SlotKind::Hash);
        }
    }
    if (own(t, &Type::compare)) {
        for (uint8_t op = 0; op < kCompareOpCount; ++op) add(t, kCompareOpDunders[op], SlotKind::Compare, op);
    }
    for (size_t i = 0; i < static_cast<size_t>(BinaryOp::Count); ++i) {
        std::string n = kBinaryOpStems[i];
        auto op = static_cast<uint8_t>(i);
        if (t->binary[i] && (!t->base || t->base->binary[i] != t->binary[i])) {
            add(t, "__" + n + "__", SlotKind::Binary, op);
            // Sequences concatenate but have no reflected `+` (CPython's sq_concat).
            if (!(t->len && static_cast<BinaryOp>(i) == BinaryOp::Add))
                add(t, "__r" + n + "__", SlotKind::Reflected, op);
        }
        if (t->inplace[i] && (!t->base || t->base->inplace[i] != t->inplace[i]))
            add(t, "__i" + n + "__", SlotKind::Inplace, op);
    }
    if (own(t, &Type::neg)) add(t, "__neg__", SlotKind::Neg);
    if (own(t, &Type::pos)) add(t, "__pos__", SlotKind::Pos);
    if (own(t, &Type::invert)) add(t, "__invert__", SlotKind::Invert);
    if (own(t, &Type::abs)) add(t, "__abs__", SlotKind::Abs);
    if (own(t, &Type::truthy)) add(t, "__bool__", SlotKind::Bool);
    if (own(t, &Type::len)) add(t, "__len__", SlotKind::Len);
    if (own(t, &Type::getitem)) add(t, "__getitem__", SlotKind::GetItem);
    if (own(t, &Type::setitem)) {
        add(t, "__setitem__", SlotKind::SetItem);
        add(t, "__delitem__", SlotKind::DelItem);
    }
    if (own(t, &Type::contains)) add(t, "__contains__", SlotKind::Contains);
    if (own(t, &Type::iter)) add(t, "__iter__", SlotKind::Iter);
    if (own(t, &Type::next)) add(t, "__next__", SlotKind::Next);
    if (own(t, &Type::call)) add(t, "__call__", SlotKind::Call);
    if (own(t, &Type::getattr)) add(t, "__getattribute__", SlotKind::GetAttribute);
    if (own(t, &Type::setattr)) {
        add(t, "__setattr__", SlotKind::SetAttr);
        add(t, "__delattr__", SlotKind::DelAttr);
    }
    // (object.__new__ is object_new, which checks its arguments against __init__.)
    if (own(t, &Type::construct) && t->construct != construct_refused && t != &object_type &&
        !is_heap_type(t))
        add_builtin_new(t);
}

}  // namespace minipy
