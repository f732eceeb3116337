// abstract.cpp — the generic object protocol: each operation dispatches on the operands' type slots,
// tries the reflected operand as CPython does, and raises CPython's TypeError when nothing applies.
#include "objects/abstract.h"

#include <algorithm>
#include <atomic>

#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/sequence.h"
#include "objects/str.h"
#include "runtime/thread_state.h"

namespace minipy {

namespace {

const char* tname(Object* o) { return type_of(o)->name.c_str(); }

Ref check_str_result(Ref r, const char* method) {
    if (!is_instance(r.get(), &str_type))
        raise(&TypeError_type, format("%s returned non-string (type %s)", method, tname(r.get())));
    return r;
}

thread_local std::vector<Object*> repr_stack;

}  // namespace

ReprGuard::ReprGuard(Object* o) : o_(o) {
    entered_ = std::find(repr_stack.begin(), repr_stack.end(), o) == repr_stack.end();
    if (entered_) repr_stack.push_back(o);
}

ReprGuard::~ReprGuard() {
    if (entered_) repr_stack.pop_back();
}

// ---- text ----
Ref repr(Object* o) {
    RecursionGuard guard(" while getting the repr of an object");
    Type* t = type_of(o);
    return check_str_result(t->repr(o), "__repr__");
}

Ref str(Object* o) {
    Type* t = type_of(o);
    if (t == &str_type) return Ref::borrow(o);
    if (!t->str) return repr(o);
    RecursionGuard guard(" while getting the str of an object");
    return check_str_result(t->str(o), "__str__");
}

std::string repr_utf8(Object* o) { return str_utf8_of(repr(o).get()); }
std::string str_utf8(Object* o) { return str_utf8_of(str(o).get()); }

// ---- hashing, truth, comparison ----
int64_t hash(Object* o) {
    if (is_small_int(o)) return int_hash(o);
    Type* t = type_of(o);
    if (!t->hash) raise_unhashable(o);
    return t->hash(o);
}

int64_t hash_not_implemented(Object* o) { raise_unhashable(o); }

bool is_true(Object* o) {
    if (o == True) return true;
    if (o == False || o == None) return false;
    if (is_small_int(o)) return small_int_value(o) != 0;
    Type* t = type_of(o);
    if (t->truthy) return t->truthy(o);
    if (t->len) return t->len(o) != 0;
    return true;
}

static CompareOp swapped(CompareOp op) {
#define MINIPY_REFLECTED(name, ast, symbol, dunder, reflected) CompareOp::reflected,
    static constexpr CompareOp kReflected[] = {MINIPY_COMPARE_OPERATORS(MINIPY_REFLECTED)};
#undef MINIPY_REFLECTED
    return kReflected[static_cast<int>(op)];
}

Ref compare(Object* a, Object* b, CompareOp op) {
    RecursionGuard guard(" in comparison");
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    bool reflected_done = false;
    // A subclass on the right gets the first try, so it can override its base's comparison: even
    // through the same slot (two Python classes), as CPython's do_richcompare.
    if (ta != tb && tb->compare && is_subtype(tb, ta)) {
        Ref r = tb->compare(b, a, swapped(op));
        if (r.get() != NotImplemented) return r;
        reflected_done = true;
    }
    if (ta->compare) {
        Ref r = ta->compare(a, b, op);
        if (r.get() != NotImplemented) return r;
    }
    if (!reflected_done && tb->compare) {
        Ref r = tb->compare(b, a, swapped(op));
        if (r.get() != NotImplemented) return r;
    }
    if (op == CompareOp::Eq) return Ref::borrow(bool_obj(a == b));
    if (op == CompareOp::Ne) return Ref::borrow(bool_obj(a != b));
    raise(&TypeError_type, format("'%s' not supported between instances of '%s' and '%s'",
                                  kCompareOpSymbols[static_cast<int>(op)], tname(a), tname(b)));
}

bool compare_bool(Object* a, Object* b, CompareOp op) {
    if (is_small_int(a) && is_small_int(b)) return compare_values(small_int_value(a), small_int_value(b), op);
    Ref r = compare(a, b, op);
    if (r.get() == True) return true;
    if (r.get() == False) return false;
    return is_true(r.get());
}

bool equals(Object* a, Object* b) {
    if (a == b) return true;
    if (is_small_int(a) && is_small_int(b)) return false;
    if (is_str(a) && is_str(b)) return str_equal(as_str(a), as_str(b));
    return compare_bool(a, b, CompareOp::Eq);
}

// ---- arithmetic ----
const char* binary_op_symbol(BinaryOp op) { return kBinaryOpSymbols[static_cast<int>(op)]; }

namespace {

// Tries both operands' slots in CPython's order; null when neither handles the pair.
Ref binary_try(Object* a, Object* b, BinaryOp op) {
    auto i = static_cast<size_t>(op);
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    BinarySlot sa = ta->binary[i];
    BinarySlot sb = tb != ta ? tb->binary[i] : nullptr;
    if (sb == sa) sb = nullptr;
    if (sb && is_subtype(tb, ta)) {
        Ref r = sb(a, b);
        if (r.get() != NotImplemented) return r;
        sb = nullptr;
    }
    if (sa) {
        Ref r = sa(a, b);
        if (r.get() != NotImplemented) return r;
    }
    if (sb) {
        Ref r = sb(a, b);
        if (r.get() != NotImplemented) return r;
    }
    return nullptr;
}

// The types that repeat with `*` (CPython's sq_repeat): the sequences, bytes, bytearray, array and
// deque, subclasses included; each has a length and a `*` of its own.
bool repeats(Object* o) {
    Type* t = type_of(o);
    return t->len && t->binary[static_cast<size_t>(BinaryOp::Mul)];
}

// The base whose concatenation error a str, list or tuple (or a subclass's instance) gives; the
// other sequences raise their own.
const char* concatenating_base(Object* o) {
    if (is_instance(o, &str_type)) return "str";
    if (is_instance(o, &list_type)) return "list";
    if (is_instance(o, &tuple_type)) return "tuple";
    return nullptr;
}

// CPython's sq_repeat: `seq * n` where n is not an int but has __index__ repeats by its value.
Ref repeat_by_index(Object* a, Object* b, BinaryOp op) {
    if (op != BinaryOp::Mul) return nullptr;
    if (repeats(a) && !is_int(b)) {
        if (Ref n = index_value(b)) return binary_op(a, n.get(), op);
    } else if (repeats(b) && !is_int(a)) {
        if (Ref n = index_value(a)) return binary_op(n.get(), b, op);
    }
    return nullptr;
}

// CPython falls back to the sequence protocol (sq_concat, sq_repeat) and words its errors from it.
[[noreturn]] void raise_binary_error(Object* a, Object* b, BinaryOp op, bool inplace) {
    if (const char* base = op == BinaryOp::Add ? concatenating_base(a) : nullptr)
        raise(&TypeError_type, format("can only concatenate %s (not \"%s\") to %s", base, tname(b), base));
    if (op == BinaryOp::Mul && (repeats(a) || repeats(b)))
        raise(&TypeError_type,
              format("can't multiply sequence by non-int of type '%s'", tname(repeats(a) ? b : a)));
    std::string symbol = binary_op_symbol(op);
    if (inplace) symbol += "=";
    if (op == BinaryOp::Pow && !inplace) symbol = "** or pow()";
    raise_unsupported_operands(symbol.c_str(), a, b);
}

}  // namespace

Ref binary_op(Object* a, Object* b, BinaryOp op) {
    if (Ref r = binary_try(a, b, op)) return r;
    if (Ref r = repeat_by_index(a, b, op)) return r;
    raise_binary_error(a, b, op, false);
}

Ref inplace_op(Object* a, Object* b, BinaryOp op) {
    if (BinarySlot slot = type_of(a)->inplace[static_cast<size_t>(op)]) {
        Ref r = slot(a, b);
        if (r.get() != NotImplemented) return r;
    }
    if (Ref r = binary_try(a, b, op)) return r;
    if (Ref r = repeat_by_index(a, b, op)) return r;
    raise_binary_error(a, b, op, true);
}

Ref unary_neg(Object* a) {
    if (UnarySlot s = type_of(a)->neg) return s(a);
    raise_bad_unary_operand("-", a);
}

Ref unary_pos(Object* a) {
    if (UnarySlot s = type_of(a)->pos) return s(a);
    raise_bad_unary_operand("+", a);
}

Ref unary_invert(Object* a) {
    if (UnarySlot s = type_of(a)->invert) return s(a);
    raise_bad_unary_operand("~", a);
}

Ref number_abs(Object* a) {
    if (UnarySlot s = type_of(a)->abs) return s(a);
    raise(&TypeError_type, format("bad operand type for abs(): '%s'", tname(a)));
}

// ---- containers ----
int64_t length(Object* o) {
    if (LenSlot s = type_of(o)->len) return s(o);
    raise(&TypeError_type, format("object of type '%s' has no len()", tname(o)));
}

int64_t length_hint(Object* o, int64_t fallback) {
    if (type_of(o)->len) {
        try {
            return length(o);
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &TypeError_type)) throw;
        }
    }
    static Str* const kLengthHint = intern("__length_hint__");
    Ref hint = special_method(o, kLengthHint);
    if (!hint) return fallback;
    Ref value;
    try {
        value = call0(hint.get());
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
        return fallback;
    }
    if (value.get() == NotImplemented) return fallback;
    if (!is_int(value.get()))
        raise(&TypeError_type, format("__length_hint__ must be an integer, not %s", tname(value.get())));
    int64_t n = as_index(value.get());
    if (n < 0) raise(&ValueError_type, "__length_hint__() should return >= 0");
    return n;
}

Ref get_item(Object* o, Object* key) {
    if (GetItemSlot s = type_of(o)->getitem) return s(o, key);
    // C[item] on a class without a metaclass __getitem__: the class's __class_getitem__ (PEP 560).
    if (is_type(o)) {
        if (o == &type_type) return generic_alias_new(o, key);
        static Str* const kClassGetItem = intern("__class_getitem__");
        // Only the class's own mro counts: `type[int]` works, but a plain class does not inherit it
        // from its metaclass.
        if (type_lookup(static_cast<Type*>(o), kClassGetItem)) {
            if (Ref hook = get_attr_opt(o, kClassGetItem)) return call1(hook.get(), key);
        }
        raise(&TypeError_type, format("type '%s' is not subscriptable", static_cast<Type*>(o)->name.c_str()));
    }
    raise_not_subscriptable(o);
}

void set_item(Object* o, Object* key, Object* value) {
    if (SetItemSlot s = type_of(o)->setitem) return s(o, key, value);
    raise(&TypeError_type, format("'%s' object does not support item assignment", tname(o)));
}

void del_item(Object* o, Object* key) {
    if (SetItemSlot s = type_of(o)->setitem) return s(o, key, nullptr);
    raise(&TypeError_type, format("'%s' object doesn't support item deletion", tname(o)));
}

bool contains(Object* container, Object* item) {
    Type* t = type_of(container);
    if (t->contains) return t->contains(container, item);
    if (!t->iter) raise(&TypeError_type, format("argument of type '%s' is not iterable", t->name.c_str()));
    Ref it = get_iter(container);
    while (Ref x = iter_next(it.get()))
        if (equals(x.get(), item)) return true;
    return false;
}

Ref get_iter(Object* o) {
    UnarySlot s = type_of(o)->iter;
    if (!s) raise_not_iterable(o);
    Ref it = s(o);
    if (!type_of(it.get())->next)
        raise(&TypeError_type, format("iter() returned non-iterator of type '%s'", tname(it.get())));
    return it;
}

// A StopIteration that the slot raises ends the iteration too, as CPython's PyIter_Next and FOR_ITER
// clear one: `list(map(f, xs))` stops where f raises it.
Ref iter_next(Object* iterator) {
    NextSlot s = type_of(iterator)->next;
    if (!s) raise(&TypeError_type, format("'%s' object is not an iterator", tname(iterator)));
    // Native loops over an endless iterator (any(iter(int, 1)), {*itertools.repeat(0)}) run no
    // bytecode, so the loop's own checks never come: let Ctrl-C, signals and the GIL in here, as a
    // Python __next__ may at this point.
    if (eval_breaker.raised()) handle_eval_breaker(thread_state());
    try {
        return s(iterator);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
    }
    return nullptr;
}

// ---- calls ----
Ref call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (CallSlot s = type_of(callable)->call) return s(callable, args, nargs, kwnames);
    raise_not_callable(callable);
}

Ref call0(Object* callable) { return call(callable, nullptr, 0); }
Ref call1(Object* callable, Object* arg) { return call(callable, &arg, 1); }

// ---- attributes ----

// The type attribute cache. Walking the mro costs a hash probe and a lock round trip per class on
// every method call, and in minipy-ft threads calling methods of the same type fought over the lock
// of that type's dict (bench/threads_alloc.py ran no faster on 2 threads than on 1). So each thread
// remembers what its lookups found: (type, name) -> value, or null for "not there", stamped with
// g_type_epoch, which every change to any type's dict bumps. CPython keeps one cache for all
// threads, keyed by per-type version tags; one per thread means a hit shares nothing with other
// threads: no lock, no counter, no cache line written.
//
// The cache holds no references (sys.getrefcount and the moment a replaced class attribute is freed
// stay CPython's). That is safe where unlocked reads keep values alive (runtime/flavor.h: minipy,
// where the epoch moves before a replaced value is released and no other thread runs in between,
// and minipy-ft while one thread runs); otherwise only values that die only in the collector are
// served (freed_only_by_collector), which covers methods (functions bound in classes are deferred in
// minipy-ft: kDefinedFunctionsDeferred) and the method descriptors of built-in types. Only interned
// (immortal) names are cached, so a name's address is never reused.
namespace {

struct TypeCacheEntry {
    uint64_t epoch;  // 0: empty
    Type* type;
    Str* name;
    Object* value;  // borrowed; null when the lookup found nothing
    bool immortal;  // whether `value` is null or freed_only_by_collector (served in any case)
};
constexpr size_t kTypeCacheSize = 512;  // a power of two
// Trivially constructed, so reaching it costs no TLS wrapper call.
thread_local TypeCacheEntry tl_type_cache[kTypeCacheSize];
std::atomic<uint64_t> g_type_epoch{1};

Ref type_lookup_uncached(Type* t, Str* name) {
    for (Type* k : t->mro)
        if (k->dict)
            if (Ref v = dict_get_str_ref(k->dict, name)) return v;
    return nullptr;
}

size_t type_cache_slot(const Type* t, const Str* name) {
    uint64_t h = (reinterpret_cast<uintptr_t>(t) >> 4) * 0x9E3779B97F4A7C15u ^
                 (reinterpret_cast<uintptr_t>(name) >> 4);
    return static_cast<size_t>(h ^ (h >> 29)) & (kTypeCacheSize - 1);
}

}  // namespace

void type_cache_invalidate() { g_type_epoch.fetch_add(1, std::memory_order_release); }

namespace {
std::atomic<uint32_t> g_types_freed{0};
}  // namespace

void type_freed() {
    g_types_freed.fetch_add(1, std::memory_order_release);
    type_cache_invalidate();
}
uint32_t types_freed() { return g_types_freed.load(std::memory_order_acquire); }

// Version tags: 0 means "none yet". A type whose tag was dropped gets a fresh one at its next
// cached lookup, so a cache entry filled under an old tag never matches again. A tag is dropped
// after the change is complete: a lookup racing with the change may fill an entry under the old
// tag, which the drop then makes stale.
namespace {
std::atomic<uint32_t> g_next_version_tag{1};

void drop_version_tags(Type* t) {
    t->version_tag.store(0, std::memory_order_release);
    for (Type* sub : subclasses_of(t)) drop_version_tags(sub);
}
}  // namespace

void type_modified(Type* t) {
    drop_version_tags(t);
    type_cache_invalidate();
}

uint32_t type_version(Type* t) {
    uint32_t tag = t->version_tag.load(std::memory_order_acquire);
    if (tag) return tag;
    uint32_t fresh = g_next_version_tag.load(std::memory_order_relaxed);
    do {
        if (fresh == 0) return 0;  // wrapped around: every tag was handed out once
    } while (!g_next_version_tag.compare_exchange_weak(fresh, fresh + 1, std::memory_order_relaxed));
    // Another thread may have assigned one meanwhile; either tag is as good.
    if (t->version_tag.compare_exchange_strong(tag, fresh, std::memory_order_acq_rel)) return fresh;
    return tag;
}

Ref type_lookup(Type* t, Str* name) {
    uint64_t epoch = g_type_epoch.load(std::memory_order_acquire);
    TypeCacheEntry& e = tl_type_cache[type_cache_slot(t, name)];
    if (e.epoch == epoch && e.type == t && e.name == name &&
        (e.immortal || unlocked_reads_keep_values_alive()))
        return Ref::borrow(e.value);
    Ref found = type_lookup_uncached(t, name);
    // Stored only if no type changed during the lookup (it may have run a key's __eq__).
    bool immortal = !found || freed_only_by_collector(found.get());
    if ((immortal || unlocked_reads_keep_values_alive()) && is_immortal(name) &&
        g_type_epoch.load(std::memory_order_acquire) == epoch)
        e = TypeCacheEntry{epoch, t, name, found.get(), immortal};
    return found;
}

Ref generic_getattr(Object* o, Str* name) {
    Type* t = type_of(o);
    if (name->utf8 == "__class__") return Ref::borrow(t);
    Ref found = type_lookup(t, name);
    // Every CPython type has __doc__ (None without a docstring), so any object's __doc__ resolves:
    // types.DynamicClassAttribute (enum) reads `fget.__doc__` with fget None.
    if (!found) return name->utf8 == "__doc__" ? Ref::borrow(None) : nullptr;
    if (is_method_descriptor(found.get())) {
        auto* d = found.as<MethodDescriptor>();
        if (d->def->kind == MethodKind::Class) return native_function_new(d->def, t);
        return method_descriptor_bind(d, o);
    }
    // A built-in type's static method other than __new__ (`"a".maketrans`) is a staticmethod.
    if (type_of(found.get()) == &staticmethod_type) return bind_class_attr(found.get(), o, t);
    return found;
}

Ref find_attr(Object* o, Str* name) {
    if (GetAttrSlot s = type_of(o)->getattr) return s(o, name);
    return generic_getattr(o, name);
}

// An AttributeError raised by the lookup (a class's __getattr__) also means "missing", as
// CPython's _PyObject_LookupAttr; get_attr lets it through with its own message.
Ref get_attr_opt(Object* o, Str* name) {
    try {
        return find_attr(o, name);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &AttributeError_type)) throw;
        return nullptr;
    }
}

void set_attribute_error_context(Object* exc, Object* o, Str* name) {
    if (!is_instance(exc, &AttributeError_type)) return;
    // Set by an inner lookup already (a __getattribute__ reading another object's attribute): that
    // one's name is the one to suggest a correction for, as CPython keeps it.
    Dict* d = static_cast<BaseExceptionObject*>(exc)->dict;
    if (d && (dict_get_str(d, intern("name")) || dict_get_str(d, intern("obj")))) return;
    set_attr(exc, intern("name"), name);
    set_attr(exc, intern("obj"), o);
}

// CPython's PyObject_GetAttr: an AttributeError on the way out, whoever raised it (the lookup, a
// __getattr__, a property), carries the name and the object, for the traceback's "Did you mean"
// suggestion.
Ref get_attr(Object* o, Str* name) {
    try {
        if (Ref r = find_attr(o, name)) return r;
        raise_missing_attribute(o, name);
    } catch (PyException& e) {
        set_attribute_error_context(e.exception(), o, name);
        throw;
    }
}

void set_attr(Object* o, Str* name, Object* value) {
    static Str* const kClass = intern("__class__");
    // Instances of built-in types refuse a new class with CPython's message (classes check it in
    // their own slots; modules keep theirs).
    if (name == kClass && !is_heap_type(type_of(o)) && !is_type(o) && type_of(o) != &module_type)
        return set_object_class(o, value);
    if (SetAttrSlot s = type_of(o)->setattr) return s(o, name, value);
    builtin_generic_setattr(o, name, value);
}

void builtin_generic_setattr(Object* o, Str* name, Object* value) {
    if (Ref found = type_lookup(type_of(o), name)) {
        if (is_attribute_descriptor(found.get())) return attribute_descriptor_set(found.get(), o, value);
        raise(&AttributeError_type, format("'%s' object attribute '%s' is read-only",
                                           type_of(o)->name.c_str(), name->utf8.c_str()));
    }
    raise_no_attribute(o, name);
}

void del_attr(Object* o, Str* name) { set_attr(o, name, nullptr); }

Ref special_method(Object* o, Str* name) {
    Ref found = type_lookup(type_of(o), name);
    return found ? bind_class_attr(found.get(), o, type_of(o)) : nullptr;
}

// ---- arguments ----
Ref index_value(Object* o) {
    static Str* const kIndex = intern("__index__");
    Ref method = special_method(o, kIndex);
    if (!method) return nullptr;
    Ref v = call(method.get(), nullptr, 0);
    if (!is_int(v.get()))
        raise(&TypeError_type, format("__index__ returned non-int (type %s)", tname(v.get())));
    if (type_of(v.get()) != &int_type) {
        warn(&DeprecationWarning_type,
             format("__index__ returned non-int (type %s).  The ability to return an instance of a strict "
                    "subclass of int is deprecated, and may be removed in a future version of Python.",
                    tname(v.get())));
        return int_exact(v.get());
    }
    return v;
}

bool is_index_like(Object* o) {
    static Str* const kIndex = intern("__index__");
    return is_int(o) || type_lookup(type_of(o), kIndex);
}

int64_t as_index(Object* o) {
    if (is_small_int(o)) return small_int_value(o);
    if (!is_int(o)) {
        if (Ref v = index_value(o)) return as_index(v.get());
        raise_not_an_integer(o);
    }
    int64_t v;
    if (!int_to_i64(o, &v))
        raise(&OverflowError_type, format("cannot fit '%s' into an index-sized integer", tname(o)));
    return v;
}

int as_c_int(Object* o) {
    Ref value = is_int(o) ? Ref::borrow(o) : index_value(o);
    if (!value) raise_not_an_integer(o);
    int64_t v;
    if (!int_to_i64(value.get(), &v) || v < INT32_MIN || v > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    return static_cast<int>(v);
}

int64_t as_index_clamped(Object* o) {
    if (is_small_int(o)) return small_int_value(o);
    Ref v = is_int(o) ? Ref::borrow(o) : index_value(o);
    if (!v) raise_not_an_integer(o);
    int64_t out;
    if (int_to_i64(v.get(), &out)) return out;
    return int_compare(v.get(), make_small_int(0)) < 0 ? INT64_MIN : INT64_MAX;
}

int64_t as_subscript_index(Object* o) {
    if (is_small_int(o)) return small_int_value(o);
    try {
        return as_index(o);
    } catch (PyException& e) {
        Ref exc = e.take();
        if (!is_instance(exc.get(), &OverflowError_type)) raise_object(std::move(exc));
        raise(&IndexError_type, format("cannot fit '%s' into an index-sized integer", tname(o)));
    }
}

void bind_args(const char* fname, Object* const* args, size_t nargs, Tuple* kwnames, const char* const* names,
               size_t n_names, size_t required, Object** out) {
    size_t nkw = kwnames ? kwnames->size : 0;
    if (nargs + nkw > n_names)
        raise(&TypeError_type, format("%s() takes at most %zu argument%s (%zu given)", fname, n_names,
                                      n_names == 1 ? "" : "s", nargs + nkw));
    std::fill(out, out + n_names, nullptr);
    std::copy(args, args + nargs, out);
    // Errors in Argument Clinic's order: a missing argument first, then one given twice, then an
    // unknown keyword.
    const std::string* unknown = nullptr;
    const std::string* twice = nullptr;
    size_t twice_at = 0;
    for (size_t k = 0; k < nkw; ++k) {
        const std::string& key = str_utf8_of(kwnames->items[k]);
        size_t i = 0;
        while (i < n_names && key != names[i]) ++i;
        if (i == n_names) {
            if (!unknown) unknown = &key;
        } else if (out[i]) {
            if (!twice) twice = &key, twice_at = i;
        } else {
            out[i] = args[nargs + k];
        }
    }
    for (size_t i = 0; i < required; ++i)
        if (!out[i])
            raise(&TypeError_type,
                  format("%s() missing required argument '%s' (pos %zu)", fname, names[i], i + 1));
    if (twice)
        raise(&TypeError_type, format("argument for %s() given by name ('%s') and position (%zu)", fname,
                                      twice->c_str(), twice_at + 1));
    if (unknown)
        raise(&TypeError_type,
              format("'%s' is an invalid keyword argument for %s()", unknown->c_str(), fname));
}

}  // namespace minipy
