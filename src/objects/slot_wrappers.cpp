// slot_wrappers.cpp — the slot functions a class gets for the dunder methods it (or a base) defines:
// each looks the method up on the instance's class and calls it, as CPython's typeobject.c slotdefs do.
// Slots are only set for dunders that exist, so built-in types keep their fast native slots.
#include <algorithm>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/str.h"

namespace minipy {

namespace {

// The dunder `name` as found on the class of `self`: a Python function, or any other callable
// class attribute (a staticmethod, a native method); null when the class has none.
Ref find_dunder(Object* self, Str* name) { return type_lookup(type_of(self), name); }

Ref call_found(Object* found, Object* self, Object* const* args, size_t nargs) {
    if (is_function(found)) {
        Object* buf[4] = {self};
        for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
        return call(found, buf, nargs + 1);
    }
    Ref bound = bind_class_attr(found, self, type_of(self));
    return call(bound.get(), args, nargs);
}

// A string literal as a template argument: interned<"__len__">() interns the name once, where it is
// first used, rather than looking it up in the intern table at every call (a class's __next__,
// __len__ or __getitem__ paid that at each call).
template <size_t N>
struct Literal {
    char text[N];
    constexpr Literal(const char (&s)[N]) { std::copy_n(s, N, text); }
};
template <Literal name>
Str* interned() {
    static Str* const s = intern(name.text);
    return s;
}

Ref call_dunder(Object* self, Str* name, Object* const* args = nullptr, size_t nargs = 0) {
    Ref m = find_dunder(self, name);
    if (!m) raise_no_attribute(self, name);
    return call_found(m.get(), self, args, nargs);
}

// The dunder `found` on self's class bound to self, or null where binding raises (a property whose
// getter raises): CPython's lookup_maybe_method, whose callers then clear the error.
Ref bind_or_null(Object* found, Object* self) {
    try {
        return bind_class_attr(found, self, type_of(self));
    } catch (PyException&) {
        return nullptr;
    }
}

// As CPython's slot_tp_repr: a __repr__ that cannot be bound leaves the default text.
Ref slot_repr(Object* o) {
    Str* name = interned<"__repr__">();
    Ref m = find_dunder(o, name);
    if (!m) raise_no_attribute(o, name);
    if (is_function(m.get())) return call(m.get(), &o, 1);
    if (Ref bound = bind_or_null(m.get(), o)) return call(bound.get(), nullptr, 0);
    return str_new(format("<%s object at %p>", type_of(o)->name.c_str(), static_cast<void*>(o)));
}
Ref slot_str(Object* o) { return call_dunder(o, interned<"__str__">()); }
// As CPython's slot_tp_hash: an int that fits a machine word is the hash itself, a bigger one is
// reduced as hash() of that int would be; -1 (the C error value) becomes -2. A __hash__ that cannot
// be bound makes the object unhashable.
int64_t slot_hash(Object* o) {
    Str* name = interned<"__hash__">();
    Ref m = find_dunder(o, name);
    if (!m) raise_no_attribute(o, name);
    Ref r;
    if (is_function(m.get()))
        r = call(m.get(), &o, 1);
    else if (Ref bound = bind_or_null(m.get(), o))
        r = call(bound.get(), nullptr, 0);
    else
        raise_unhashable(o);
    if (!is_int(r.get())) raise(&TypeError_type, "__hash__ method should return an integer");
    int64_t h;
    if (!int_to_i64(r.get(), &h)) h = int_hash(r.get());
    return h == -1 ? -2 : h;
}
int64_t slot_len(Object* o) {
    // As CPython's slot_sq_length: any __index__ object; a negative one is a ValueError however
    // large, a positive one past a machine word an OverflowError.
    Ref result = call_dunder(o, interned<"__len__">());
    Ref n = is_int(result.get()) ? std::move(result) : index_value(result.get());
    if (!n) return as_index(result.get());  // raises: "'float' object cannot be interpreted as an integer"
    if (int_compare(n.get(), make_small_int(0)) < 0) raise(&ValueError_type, "__len__() should return >= 0");
    return as_index(n.get());
}
bool slot_bool(Object* o) {
    Ref r = call_dunder(o, interned<"__bool__">());
    if (type_of(r.get()) != &bool_type)
        raise(&TypeError_type,
              format("__bool__ should return bool, returned %s", type_of(r.get())->name.c_str()));
    return r.get() == True;
}
Ref slot_getitem(Object* o, Object* k) { return call_dunder(o, interned<"__getitem__">(), &k, 1); }
void slot_setitem(Object* o, Object* k, Object* v) {
    Object* args[2] = {k, v};
    if (v)
        call_dunder(o, interned<"__setitem__">(), args, 2);
    else
        call_dunder(o, interned<"__delitem__">(), &k, 1);
}
bool slot_contains(Object* o, Object* k) {
    return is_true(call_dunder(o, interned<"__contains__">(), &k, 1).get());
}
Ref slot_iter(Object* o) { return call_dunder(o, interned<"__iter__">()); }
Ref slot_next(Object* o) {
    try {
        return call_dunder(o, interned<"__next__">());
    } catch (PyException& e) {
        if (is_instance(e.exception(), &StopIteration_type)) return nullptr;
        throw;
    }
}
}  // namespace

Ref iter_next_raising(Object* it) {
    NextSlot s = type_of(it)->next;
    if (s == slot_next) return call_dunder(it, interned<"__next__">());
    if (!s) return iter_next(it);  // its TypeError
    Ref v = s(it);
    if (!v && type_of(it) == &generator_type) {
        // A generator's `return x` ends it as StopIteration(x), as CPython's gen_iternext.
        Ref value = generator_take_return(it);
        Object* x = value.get();
        if (x != None) raise_object(exception_new(&StopIteration_type, tuple_from(&x, 1).get()));
    }
    return v;
}

namespace {
template <const char* Name>
Ref slot_unary(Object* o) {
    static Str* const name = intern(Name);
    return call_dunder(o, name);
}
constexpr char kNeg[] = "__neg__", kPos[] = "__pos__", kInvert[] = "__invert__", kAbs[] = "__abs__";

Ref slot_call(Object* o, Object* const* args, size_t nargs, Tuple* kwnames) {
    static Str* const kCall = intern("__call__");
    Ref m = find_dunder(o, kCall);
    if (!m) raise_not_callable(o);
    // A __call__ that is itself an instance of the class calls this again, with no frame between.
    RecursionGuard guard(" while calling a Python object");
    Ref bound = bind_class_attr(m.get(), o, type_of(o));
    return call(bound.get(), args, nargs, kwnames);
}

// `__getattr__` runs when normal lookup fails; `__getattribute__` replaces normal lookup.
Ref slot_getattr_hook(Object* o, Str* name) {
    static Str* const kGetAttribute = intern("__getattribute__");
    static Str* const kGetAttr = intern("__getattr__");
    Type* t = type_of(o);
    Ref r;
    Object* arg = name;
    // An AttributeError from either lookup (the user's __getattribute__, or a property getter
    // during the normal one) hands over to __getattr__ when there is one.
    try {
        if (Ref ga = type_lookup(t, kGetAttribute); ga && is_function(ga.get()))
            r = call_found(ga.get(), o, &arg, 1);
        else
            r = is_type(o) ? type_type.getattr(o, name)
                           : class_generic_getattr(o, name);  // a metaclass's hook
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &AttributeError_type) || !type_lookup(t, kGetAttr)) throw;
    }
    if (r) return r;
    if (Ref hook = type_lookup(t, kGetAttr)) return call_found(hook.get(), o, &arg, 1);
    return nullptr;
}

void slot_setattr_hook(Object* o, Str* name, Object* value) {
    Object* args[2] = {name, value};
    if (value)
        call_dunder(o, interned<"__setattr__">(), args, 2);
    else
        call_dunder(o, interned<"__delattr__">(), args, 1);
}

// One side of a rich comparison, found on the mro as CPython finds the dunder: a class's own
// method, else a built-in base's comparison (str, list, ...), else object's. The reflected try comes
// back through this slot with the operands swapped, as compare() in objects/abstract.cpp arranges.
// a.<m>(b) for the comparison method `m` found on a's class. Binding it may fail (a property whose
// getter raises): CPython's slot_tp_richcompare then answers NotImplemented, whatever was raised.
Ref compare_with(Object* m, Object* a, Object* b) {
    if (is_function(m)) return call_found(m, a, &b, 1);
    Ref bound = bind_or_null(m, a);
    return bound ? call(bound.get(), &b, 1) : Ref::borrow(NotImplemented);
}

Ref slot_compare(Object* a, Object* b, CompareOp op) {
    static Str* const kNames[] = {intern(kCompareOpDunders[0]), intern(kCompareOpDunders[1]),
                                  intern(kCompareOpDunders[2]), intern(kCompareOpDunders[3]),
                                  intern(kCompareOpDunders[4]), intern(kCompareOpDunders[5])};
    Str* name = kNames[static_cast<int>(op)];
    for (Type* k : type_of(a)->mro) {
        if (!is_heap_type(k)) {
            if (k != &object_type && k->compare) return k->compare(a, b, op);
            continue;
        }
        // The reference is taken under the dict's lock: another thread may rebind the method.
        if (Ref m = dict_get_str_ref(k->dict, name)) {
            // `__eq__ = None` blocks the comparison, as in CPython, where the None is called.
            if (m.get() == None) raise(&TypeError_type, "'NoneType' object is not callable");
            return compare_with(m.get(), a, b);
        }
    }
    // object.__ne__ inverts __eq__ unless it is NotImplemented.
    if (op == CompareOp::Ne) {
        if (Ref m = find_dunder(a, kNames[static_cast<int>(CompareOp::Eq)])) {
            Ref eq = compare_with(m.get(), a, b);
            if (eq.get() == NotImplemented) return eq;
            return Ref::borrow(bool_obj(!is_true(eq.get())));
        }
    }
    return Ref::borrow(NotImplemented);
}

// CPython's SLOT1BINFULL: this slot is called once for `a op b` when both operand types share it;
// it tries a.__op__, then b.__rop__ (first when b's class is a subclass of a's).
template <BinaryOp Op>
Ref slot_binary(Object* a, Object* b) {
    constexpr auto i = static_cast<size_t>(Op);
    static Str* const lname = intern(std::string("__") + kBinaryOpStems[i] + "__");
    static Str* const rname = intern(std::string("__r") + kBinaryOpStems[i] + "__");
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    bool do_left = ta->binary[i] == slot_binary<Op>;
    bool do_right = ta != tb && tb->binary[i] == slot_binary<Op>;
    Ref lm = do_left ? type_lookup(ta, lname) : nullptr;
    Ref rm = do_right ? type_lookup(tb, rname) : nullptr;
    if (rm && is_subtype(tb, ta) && rm.get() != type_lookup(ta, rname).get()) {
        Ref r = call_found(rm.get(), b, &a, 1);
        if (r.get() != NotImplemented) return r;
        rm = nullptr;
    }
    if (lm) {
        Ref r = call_found(lm.get(), a, &b, 1);
        if (r.get() != NotImplemented) return r;
    }
    if (rm) return call_found(rm.get(), b, &a, 1);
    // A built-in base (int, list, ...) handles what the class does not.
    for (Type* k : (do_left ? ta : tb)->mro) {
        if (!is_heap_type(k) && k->binary[i]) return k->binary[i](a, b);
    }
    return Ref::borrow(NotImplemented);
}

template <BinaryOp Op>
Ref slot_inplace(Object* a, Object* b) {
    static Str* const name = intern(std::string("__i") + kBinaryOpStems[static_cast<size_t>(Op)] + "__");
    if (Ref m = find_dunder(a, name)) return call_found(m.get(), a, &b, 1);
    return Ref::borrow(NotImplemented);
}

template <size_t... I>
void set_binary_slots(Type* t, const bool* defined, std::index_sequence<I...>) {
    auto one = [&](size_t i, BinarySlot binary, BinarySlot inplace) {
        if (defined[3 * i] || defined[3 * i + 1]) t->binary[i] = binary;
        if (defined[3 * i + 2]) t->inplace[i] = inplace;
    };
    (one(I, slot_binary<static_cast<BinaryOp>(I)>, slot_inplace<static_cast<BinaryOp>(I)>), ...);
}

// __del__, as CPython runs it (PEP 442): once per object, when its count reaches zero, with the
// object brought back to life for the call. An exception in it is reported and ignored. Objects
// still alive when the program ends are not finalized (CPython does not promise it either, though
// it clears modules at exit and so often does).
std::mutex g_finalized_lock;
std::unordered_set<Object*> g_finalized;  // finalized, and not freed yet

}  // namespace

bool slot_finalize(Object* o) {
    {
        // Dying after its __del__ ran: the release at the end of the call below, or a later one
        // if __del__ stored a reference to it.
        std::lock_guard<std::mutex> guard(g_finalized_lock);
        if (g_finalized.erase(o)) return false;
    }
    static Str* const kDel = intern("__del__");
    refcount_init(o->refcnt, 1);
    if (Ref del = find_dunder(o, kDel)) {
        try {
            call_found(del.get(), o, nullptr, 0);
        } catch (PyException& e) {
            Ref exc = e.take();
            embedding_hooks().report_unraisable_in(del.get(), exc.get());
        }
    }
    {
        std::lock_guard<std::mutex> guard(g_finalized_lock);
        g_finalized.insert(o);
    }
    decref(o);
    return true;
}

bool finalizer_ran(Object* o) {
    std::lock_guard<std::mutex> guard(g_finalized_lock);
    return g_finalized.count(o) != 0;
}

void run_finalizer_once(Object* o) {
    if (type_of(o)->finalize != slot_finalize || finalizer_ran(o)) return;
    static Str* const kDel = intern("__del__");
    Ref self = Ref::borrow(o);
    {
        // Marked first: a collection that the call starts must not call it again.
        std::lock_guard<std::mutex> guard(g_finalized_lock);
        g_finalized.insert(o);
    }
    if (Ref del = find_dunder(o, kDel)) {
        try {
            call_found(del.get(), o, nullptr, 0);
        } catch (PyException& e) {
            Ref exc = e.take();
            embedding_hooks().report_unraisable_in(del.get(), exc.get());
        }
    }
}

namespace {

// The dunders whose presence gives a class a slot, each interned once: __add__, __radd__ and
// __iadd__ for each binary operator (BinaryOp's order), then the others. Building the names and
// interning them for every class was 38 K instructions a class, a sixth of
// `import typing, dataclasses, re, json` (callgrind: 26.9 M of 159 M).
enum SlotName : size_t {
    kHasDel = 3 * kBinaryOpCount,
    kHasRepr,
    kHasStr,
    kHasHash,
    kHasLen,
    kHasBool,
    kHasGetitem,
    kHasSetitem,
    kHasDelitem,
    kHasContains,
    kHasIter,
    kHasNext,
    kHasNeg,
    kHasPos,
    kHasInvert,
    kHasAbs,
    kHasCall,
    kHasGetattr,
    kHasGetattribute,
    kHasSetattr,
    kHasDelattr,
    kCompareFirst,
    kSlotNameCount = kCompareFirst + kCompareOpCount
};

const std::vector<Str*>& slot_names() {
    static const std::vector<Str*> names = [] {
        std::vector<Str*> v;
        for (const char* stem : kBinaryOpStems) {
            for (const char* prefix : {"__", "__r", "__i"})
                v.push_back(intern(std::string(prefix) + stem + "__"));
        }
        for (const char* n :
             {"__del__",          "__repr__",    "__str__",     "__hash__",     "__len__",  "__bool__",
              "__getitem__",      "__setitem__", "__delitem__", "__contains__", "__iter__", "__next__",
              "__neg__",          "__pos__",     "__invert__",  "__abs__",      "__call__", "__getattr__",
              "__getattribute__", "__setattr__", "__delattr__"})
            v.push_back(intern(n));
        for (const char* n : kCompareOpDunders) v.push_back(intern(n));
        return v;
    }();
    return names;
}

// Which slot dunders the classes in t's mro that a class statement made define (has[i] for
// slot_names()[i]). Each class's own names are looked up among the dunders, not each of the 78
// dunders in each class: a class defines a few (`import typing, dataclasses, re, json`: 76 K dict
// probes for 369 classes, 6.0 M instructions in install_slots; 1.7 M now).
void find_slot_dunders(Type* t, bool* has) {
    static const std::unordered_map<std::string_view, size_t> index = [] {
        std::unordered_map<std::string_view, size_t> map;
        const std::vector<Str*>& names = slot_names();
        for (size_t i = 0; i < names.size(); ++i) map.emplace(names[i]->utf8, i);
        return map;
    }();
    std::fill(has, has + kSlotNameCount, false);
    for (Type* k : t->mro) {
        if (!is_heap_type(k)) continue;
        Object* key;
        for (size_t pos = 0; dict_next(k->dict, &pos, &key, nullptr);) {
            if (!is_str(key) && !is_instance(key, &str_type)) continue;
            std::string_view name = as_str(key)->utf8;
            if (name.size() < 5 || !name.starts_with("__") || !name.ends_with("__")) continue;
            auto it = index.find(name);
            if (it != index.end()) has[it->second] = true;
        }
    }
}

}  // namespace

bool is_slot_dunder(Str* name) {
    static const std::unordered_set<std::string_view> names = [] {
        std::unordered_set<std::string_view> set;
        for (Str* n : slot_names()) set.insert(n->utf8);
        // choose_construct picks class_construct for a class with a __new__ of its own.
        set.insert("__new__");
        return set;
    }();
    return names.count(name->utf8) != 0;
}

void install_slots(Type* t) {
    const std::vector<Str*>& names = slot_names();
    bool has[kSlotNameCount];
    find_slot_dunders(t, has);
    // A built-in base with a native __del__ (asyncio's Future) finalizes its subclasses too.
    Type* nb = native_base(t);
    t->finalize = has[kHasDel] || (nb && nb->finalize == slot_finalize) ? slot_finalize : nullptr;
    if (has[kHasRepr]) t->repr = slot_repr;
    if (has[kHasStr]) t->str = slot_str;
    if (has[kHasHash])
        t->hash = type_lookup(t, names[kHasHash]).get() == None ? hash_not_implemented : slot_hash;
    if (has[kHasLen]) t->len = slot_len;
    if (has[kHasBool]) t->truthy = slot_bool;
    if (has[kHasGetitem]) t->getitem = slot_getitem;
    if (has[kHasSetitem] || has[kHasDelitem]) t->setitem = slot_setitem;
    if (has[kHasContains]) t->contains = slot_contains;
    if (has[kHasIter])
        t->iter = slot_iter;
    else if (has[kHasGetitem] && !t->iter)
        t->iter = getitem_iter_new;
    if (has[kHasNext]) t->next = slot_next;
    if (has[kHasNeg]) t->neg = slot_unary<kNeg>;
    if (has[kHasPos]) t->pos = slot_unary<kPos>;
    if (has[kHasInvert]) t->invert = slot_unary<kInvert>;
    if (has[kHasAbs]) t->abs = slot_unary<kAbs>;
    if (has[kHasCall]) t->call = slot_call;
    if (has[kHasGetattr] || has[kHasGetattribute]) t->getattr = slot_getattr_hook;
    if (has[kHasSetattr] || has[kHasDelattr]) t->setattr = slot_setattr_hook;
    for (size_t i = kCompareFirst; i < kSlotNameCount; ++i) {
        if (has[i]) t->compare = slot_compare;
    }
    set_binary_slots(t, has, std::make_index_sequence<static_cast<size_t>(BinaryOp::Count)>());
}

}  // namespace minipy
