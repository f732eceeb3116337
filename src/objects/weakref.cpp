// weakref.cpp — weak references (CPython's weakref.ref and proxies): a table from each referent to the
// references to it, cleared (and their callbacks run) when the referent is freed. Instances of
// classes, functions and the built-in types CPython allows can be referred to weakly; types are
// immortal, so references to them never die.
#include "objects/weakref.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/generic_alias.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type weakref_type, weakproxy_type, weakcallableproxy_type;

namespace {

std::mutex g_lock;
std::unordered_map<Object*, std::vector<WeakRef*>> g_refs;  // referent -> its live weak references
std::atomic<bool> g_used{false};  // no lookups at all until the first weak reference is made

// The native types allow_weak_references named: few, set as modules start, read without a lock
// (the collector asks for every garbage object).
constexpr int kMaxWeakTypes = 32;
std::atomic<Type*> g_weak_types[kMaxWeakTypes];
std::atomic<int> g_weak_type_count{0};
std::mutex g_weak_types_lock;  // taken by writers only

bool allowed_native_type(Type* t) {
    int n = g_weak_type_count.load(std::memory_order_acquire);
    for (int i = 0; i < n; ++i)
        if (g_weak_types[i].load(std::memory_order_relaxed) == t) return true;
    return false;
}

// The built-in types CPython gives a weak reference list (tp_weaklistoffset), besides functions
// and classes; their deallocs clear the references.
bool weakly_referable_builtin(Type* t) {
    return t == &set_type || t == &frozenset_type || t == &generator_type || t == &coroutine_type ||
           t == &async_generator_type || t == &code_type || t == &method_type || t == &memoryview_type ||
           t == &module_type || t == &builtin_function_type || t == &generic_alias_type;
}

// A built-in type (not a class) whose instances may be referred to weakly.
bool builtin_allows_weakrefs(Type* t) {
    return t == &function_type || weakly_referable_builtin(t) || allowed_native_type(t);
}

bool supports_weakrefs(Object* o) {
    Type* t = type_of(o);
    return is_type(o) || is_heap_type(t) || builtin_allows_weakrefs(t);
}

// Each referent in g_refs is counted in one of these buckets, by its address: an object freed
// while its bucket counts none has no weak reference, known without the table's lock. Most objects
// freed in a program that made a few weak references (sets, bound methods, instances) stop there.
constexpr int kBucketBits = 14;
std::atomic<uint32_t> g_bucket_referents[size_t{1} << kBucketBits];

std::atomic<uint32_t>& bucket_of(const Object* o) {
    uint64_t h = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(o) >> 4) * 0x9E3779B97F4A7C15ull;
    return g_bucket_referents[h >> (64 - kBucketBits)];
}

bool may_have_weakrefs(const Object* o) { return bucket_of(o).load(std::memory_order_acquire) != 0; }

void forget(WeakRef* r) {
    std::lock_guard<std::mutex> guard(g_lock);
    if (!r->referent || is_immortal(r->referent)) return;
    auto it = g_refs.find(r->referent);
    if (it == g_refs.end()) return;
    auto& v = it->second;
    v.erase(std::remove(v.begin(), v.end(), r), v.end());
    if (v.empty()) {
        bucket_of(it->first).fetch_sub(1, std::memory_order_relaxed);
        g_refs.erase(it);
    }
}

void weakref_dealloc(Object* o) {
    auto* r = static_cast<WeakRef*>(o);
    forget(r);
    xdecref(r->callback);
    delete r;
}

void weakref_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* cb = static_cast<WeakRef*>(o)->callback) visit(cb, arg);
}

// The collector breaks a cycle through a reference's callback: the reference dies, without it.
void weakref_clear(Object* o) {
    auto* r = static_cast<WeakRef*>(o);
    forget(r);
    {
        std::lock_guard<std::mutex> guard(g_lock);
        r->referent = nullptr;
    }
    xdecref(std::exchange(r->callback, nullptr));
}

// Whether a class's __slots__ (a str or an iterable of them) lists __weakref__.
bool slots_list_weakref(Object* slots) {
    static Str* const kWeakref = intern("__weakref__");
    if (is_str(slots)) return str_utf8_of(slots) == kWeakref->utf8;
    bool listed = false;
    for_each_item(slots, [&](Object* name) {
        listed = listed || (is_str(name) && str_utf8_of(name) == kWeakref->utf8);
    });
    return listed;
}

// CPython gives a class a weak reference slot unless its __slots__ leave __weakref__ out (or its
// built-in base has items of variable size: int, tuple, bytes); a base's slot is inherited.
bool class_allows_weakrefs(Type* t) {
    static Str* const kSlots = intern("__slots__");
    for (Type* c : t->mro) {
        if (c == &object_type) continue;
        if (!is_heap_type(c)) return builtin_allows_weakrefs(c);
        Object* slots = dict_get_str(c->dict, kSlots);
        if (!slots || slots_list_weakref(slots)) {
            Type* nb = native_base(c);
            return !nb ||
                   (nb != &int_type && nb != &tuple_type && nb != &bytes_type && !is_subtype(nb, &int_type));
        }
    }
    return false;
}

Ref weakref_make(Type* t, Object* referent, Object* callback) {
    if (!supports_weakrefs(referent) ||
        (is_heap_type(type_of(referent)) && !is_type(referent) && !class_allows_weakrefs(type_of(referent))))
        raise(&TypeError_type,
              format("cannot create weak reference to '%s' object", type_of(referent)->name.c_str()));
    auto* r = new WeakRef();
    init_header(r, t);
    // The reference itself is taken back by refcount_try_inc when its referent dies.
    refcount_mark_maybe_shared(r->refcnt);
    r->referent = referent;  // not counted: that is what makes it weak
    r->callback = callback && callback != None ? newref(callback) : nullptr;
    if (!is_immortal(referent)) {
        refcount_mark_maybe_shared(referent->refcnt);
        g_used.store(true, std::memory_order_relaxed);
        std::lock_guard<std::mutex> guard(g_lock);
        std::vector<WeakRef*>& refs = g_refs[referent];
        if (refs.empty()) bucket_of(referent).fetch_add(1, std::memory_order_release);
        refs.push_back(r);
    }
    return Ref::steal(r);
}

// ref(obj[, callback]): `type` is ref or a class derived from it (weakref.KeyedRef, WeakMethod).
Ref weakref_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs < 1 || nargs > 2) raise_arg_count("__new__", 1, 2, nargs);
    (void)kw;
    return weakref_make(static_cast<Type*>(type), args[0], nargs > 1 ? args[1] : nullptr);
}

// A new reference to the referent, or null once it is gone or going. The table's lock keeps the
// referent's memory valid while its count is tested: freeing it clears this reference first, under
// the same lock. An object whose count reached zero may also wait in dealloc_object's deferred list
// (a long chain of deallocations) before its weak references are cleared, and must not be handed
// out again (test_weakref's test_trashcan_16602 revived such an object and freed it twice); in
// minipy-ft another thread may be dropping its last reference right now (refcount_try_inc decides).
Ref referent_of(Object* o) {
    std::lock_guard<std::mutex> guard(g_lock);
    Object* r = static_cast<WeakRef*>(o)->referent;
    return r && refcount_try_inc(r->refcnt) ? Ref::steal(r) : Ref();
}

Ref weakref_call(Object* o, Object* const*, size_t nargs, Tuple* kw) {
    check_positional("weakref", nargs, kw, 0, 0);
    Ref r = referent_of(o);
    return r ? r : Ref::borrow(None);
}

// A weak reference hashes as its referent, once known even after the referent is gone.
int64_t weakref_hash(Object* o) {
    auto* w = static_cast<WeakRef*>(o);
    {
        std::lock_guard<std::mutex> guard(g_lock);
        if (w->hash_known) return w->hash;
    }
    Ref r = referent_of(o);
    if (!r) raise(&TypeError_type, "weak object has gone away");
    int64_t h = hash(r.get());
    std::lock_guard<std::mutex> guard(g_lock);
    w->hash = h;
    w->hash_known = true;
    return h;
}

// Two live references compare as their referents; otherwise by identity.
Ref weakref_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance(b, &weakref_type))
        return Ref::borrow(NotImplemented);
    Ref x = referent_of(a), y = referent_of(b);
    if (!x || !y) return Ref::borrow(bool_obj((a == b) == (op == CompareOp::Eq)));
    return compare(x.get(), y.get(), op);
}

Ref weakref_repr(Object* o) {
    Ref r = referent_of(o);
    if (!r) return str_new(format("<weakref at %p; dead>", static_cast<void*>(o)));
    return str_new(format("<weakref at %p; to '%s' at %p>", static_cast<void*>(o),
                          type_of(r.get())->name.c_str(), static_cast<void*>(r.get())));
}

Ref weakref_getattr(Object* o, Str* name) {
    if (name->utf8 == "__callback__") {
        Object* cb = static_cast<WeakRef*>(o)->callback;
        return Ref::borrow(cb ? cb : None);
    }
    return generic_getattr(o, name);
}

// The referent of a proxy, or ReferenceError once it is gone.
Ref proxy_target(Object* o) {
    Ref r = referent_of(o);
    if (!r) raise(&ReferenceError_type, "weakly-referenced object no longer exists");
    return r;
}

Ref proxy_getattr(Object* o, Str* name) { return get_attr(proxy_target(o).get(), name); }
void proxy_setattr(Object* o, Str* name, Object* value) {
    if (value)
        set_attr(proxy_target(o).get(), name, value);
    else
        del_attr(proxy_target(o).get(), name);
}
Ref proxy_call(Object* o, Object* const* args, size_t nargs, Tuple* kw) {
    return call(proxy_target(o).get(), args, nargs, kw);
}
Ref proxy_repr(Object* o) {
    Ref r = proxy_target(o);
    return str_new(format("<weakproxy at %p; to '%s' at %p>", static_cast<void*>(o),
                          type_of(r.get())->name.c_str(), static_cast<void*>(r.get())));
}
Ref proxy_str(Object* o) { return str(proxy_target(o).get()); }
// The container protocol goes through to the referent too (len(p), iter(p), p[k], k in p, bool(p)).
int64_t proxy_len(Object* o) { return length(proxy_target(o).get()); }
Ref proxy_iter(Object* o) { return get_iter(proxy_target(o).get()); }
// next(p) as CPython's proxy_iternext: only for a referent that is an iterator.
Ref proxy_next(Object* o) {
    Ref target = proxy_target(o);
    NextSlot next = type_of(target.get())->next;
    if (!next) {
        raise(&TypeError_type, format("Weakref proxy referenced a non-iterator '%s' object",
                                      type_of(target.get())->name.c_str()));
    }
    return next(target.get());
}
Ref proxy_getitem(Object* o, Object* key) { return get_item(proxy_target(o).get(), key); }
void proxy_setitem(Object* o, Object* key, Object* value) {
    if (value)
        set_item(proxy_target(o).get(), key, value);
    else
        del_item(proxy_target(o).get(), key);
}
bool proxy_contains(Object* o, Object* item) { return contains(proxy_target(o).get(), item); }
bool proxy_truthy(Object* o) { return is_true(proxy_target(o).get()); }

Ref weakref_init(Object*, Object* const*, size_t, Tuple*) { return Ref::borrow(None); }

const MethodDef kWeakrefMethods[] = {
    {"__init__", weakref_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

bool instances_weakly_referable(Type* t) {
    if (is_heap_type(t)) return class_allows_weakrefs(t);
    return t == &type_type || builtin_allows_weakrefs(t);
}

void init_weakref_types() {
    Type& t = weakref_type;
    t.name = "weakref.ReferenceType";
    t.instance_size = sizeof(WeakRef);
    t.dealloc = weakref_dealloc;
    t.traverse = weakref_traverse;
    t.clear = weakref_clear;
    t.construct = weakref_construct;
    t.call = weakref_call;
    t.hash = weakref_hash;
    t.compare = weakref_compare;
    t.repr = weakref_repr;
    t.getattr = weakref_getattr;
    t.methods = kWeakrefMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    add_class_getitem(&t);
    for (Type* p : {&weakproxy_type, &weakcallableproxy_type}) {
        p->name = p == &weakproxy_type ? "weakref.ProxyType" : "weakref.CallableProxyType";
        p->instance_size = sizeof(WeakRef);
        p->dealloc = weakref_dealloc;
        p->traverse = weakref_traverse;
        p->clear = weakref_clear;
        p->getattr = proxy_getattr;
        p->setattr = proxy_setattr;
        p->repr = proxy_repr;
        p->str = proxy_str;
        p->len = proxy_len;
        p->iter = proxy_iter;
        p->next = proxy_next;
        p->getitem = proxy_getitem;
        p->setitem = proxy_setitem;
        p->contains = proxy_contains;
        p->truthy = proxy_truthy;
        if (p == &weakcallableproxy_type) p->call = proxy_call;
        init_type(p);
    }
}

Ref weakref_new(Object* referent, Object* callback) {
    return weakref_make(&weakref_type, referent, callback);
}

Ref weakproxy_new(Object* referent, Object* callback) {
    Type* t = type_of(referent)->call ? &weakcallableproxy_type : &weakproxy_type;
    return weakref_make(t, referent, callback);
}

bool weakref_is_dead(Object* ref) {
    std::lock_guard<std::mutex> guard(g_lock);
    return !static_cast<WeakRef*>(ref)->referent;
}

std::vector<Ref> weakrefs_to(Object* referent) {
    std::vector<Ref> out;
    if (is_immortal(referent) || !g_used.load(std::memory_order_relaxed)) return out;
    std::lock_guard<std::mutex> guard(g_lock);
    auto it = g_refs.find(referent);
    if (it != g_refs.end())
        for (WeakRef* r : it->second)
            if (refcount_get(r->refcnt) > 0) out.push_back(Ref::borrow(r));  // not one waiting to be freed
    return out;
}

std::vector<Ref> weakrefs_detach(Object* referent) {
    std::vector<Ref> out;
    // The collector asks for every garbage object; most (dicts, lists, tuples) cannot have any, and
    // the table's lock and lookup cost more than the check.
    if (!g_used.load(std::memory_order_relaxed) || !may_have_weakrefs(referent) ||
        !supports_weakrefs(referent))
        return out;
    std::lock_guard<std::mutex> guard(g_lock);
    auto it = g_refs.find(referent);
    if (it == g_refs.end()) return out;
    for (WeakRef* r : it->second) {
        r->referent = nullptr;
        // A reference whose own count reached zero waits in dealloc_object's deferred list (the
        // end of a long chain of deallocations, as OrderedDict's linked proxies make), or is being
        // freed by another thread (minipy-ft): taking it back here would free it a second time.
        // It needs no callback: CPython runs none for a weak reference that dies first.
        if (!refcount_try_inc(r->refcnt)) continue;
        out.push_back(Ref::steal(r));  // kept alive for its callback
    }
    bucket_of(referent).fetch_sub(1, std::memory_order_relaxed);
    g_refs.erase(it);
    return out;
}

int64_t weakrefs_run_callbacks(std::vector<Ref>& refs) {
    int64_t freed = 0;
    // CPython calls the callbacks newest first, each with its (now dead) reference.
    for (auto it = refs.rbegin(); it != refs.rend(); ++it) {
        WeakRef* r = it->as<WeakRef>();
        if (r->callback) {
            try {
                call1(r->callback, r);
            } catch (PyException& e) {
                weakref_callback_error(r->callback, e.take());
            }
            if (refcount_get(r->refcnt) == 1) ++freed;
        }
        *it = nullptr;
    }
    return freed;
}

void allow_weak_references(Type* t) {
    std::lock_guard<std::mutex> guard(g_weak_types_lock);
    if (allowed_native_type(t)) return;
    int n = g_weak_type_count.load(std::memory_order_relaxed);
    if (n == kMaxWeakTypes) raise(&RuntimeError_type, "minipy: too many weakly referable native types");
    g_weak_types[n].store(t, std::memory_order_relaxed);
    g_weak_type_count.store(n + 1, std::memory_order_release);
}

void weakrefs_clear(Object* referent) {
    if (!g_used.load(std::memory_order_relaxed)) return;
    std::vector<Ref> refs = weakrefs_detach(referent);
    weakrefs_run_callbacks(refs);
}

void (*weakref_callback_error)(Object* callback, Ref exc) = [](Object*, Ref) {};

}  // namespace minipy
