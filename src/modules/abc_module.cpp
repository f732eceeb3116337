// abc_module.cpp — the native `_abc` that abc.py builds ABCMeta on, as CPython 3.11's Modules/_abc.c:
// each ABC's weakly held registry and caches of virtual subclasses, and isinstance/issubclass over
// them. Without it abc.py falls back to _py_abc, slower, and importing _weakrefset and types.
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type abc_data_type;

// CPython's abc_invalidation_counter (get_cache_token): every register() on any ABC moves it on,
// which tells each ABC that its negative cache may be stale.
std::atomic<uint64_t> g_invalidation_counter{0};

// One of an ABC's sets of classes. CPython keeps a set of weak references, which compare as their
// classes do; here each class, not counted, is a key by identity (as every class compares unless
// its metaclass defines __eq__ and __hash__) mapping to the weak reference (owned) that stands for
// it, whose callback takes the entry out as the class dies, before its memory can be reused. So a
// lookup makes no weak reference, where CPython makes one for each probe.
using WeakClassSet = std::unordered_map<Object*, Object*>;

// The `_abc_impl` object of an ABC (CPython's _abc_data). `mutex` guards the three sets and the
// version: minipy-ft may check and register on several threads at once. Nothing under it runs
// Python code or frees anything; references leave the sets first and are dropped after.
struct AbcData : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;
    WeakClassSet registry;
    WeakClassSet cache;
    WeakClassSet negative_cache;
    uint64_t negative_cache_version = 0;
};

AbcData* as_data(Object* o) { return static_cast<AbcData*>(o); }

// Empties a set, handing its references to the caller, who drops them outside the lock.
std::vector<Ref> take_all(WeakClassSet& set) {
    std::vector<Ref> refs;
    refs.reserve(set.size());
    for (auto& [cls, ref] : set) refs.push_back(Ref::steal(ref));
    set.clear();
    return refs;
}

void data_dealloc(Object* o) {
    weakrefs_clear(o);
    AbcData* d = as_data(o);
    take_all(d->registry);
    take_all(d->cache);
    take_all(d->negative_cache);
    delete d;
}

void data_traverse(Object* o, VisitProc visit, void* arg) {
    AbcData* d = as_data(o);
    for (WeakClassSet* set : {&d->registry, &d->cache, &d->negative_cache})
        for (auto& [cls, ref] : *set) visit(ref, arg);
}

void data_clear(Object* o) {
    AbcData* d = as_data(o);
    std::vector<Ref> dropped[3];
    CriticalSection cs(d->mutex);
    dropped[0] = take_all(d->registry);
    dropped[1] = take_all(d->cache);
    dropped[2] = take_all(d->negative_cache);
}

Ref data_new() {
    auto* d = new AbcData();
    init_header(d, &abc_data_type);
    d->negative_cache_version = g_invalidation_counter.load(std::memory_order_relaxed);
    return Ref::steal(d);
}

// _abc_data(...) ignores its arguments, as CPython's tp_new does.
Ref data_construct(Object*, Args, size_t, Tuple*) { return data_new(); }

// cls._abc_impl, which must be an _abc_data. Every isinstance of an ABC reads it: where the
// metaclass keeps type's attribute lookup and has no `_abc_impl` of its own, that lookup answers
// with the entry of the class or a base, as found here in two cached mro lookups. The general path
// took 370 of an isinstance's 1600 instructions (callgrind, bench of collections.abc checks).
Ref impl_of(Object* cls) {
    static Str* const kImpl = intern("_abc_impl");
    Type* meta = type_of(cls);
    Ref impl;
    if (is_type(cls) && meta->getattr == type_type.getattr && !type_lookup(meta, kImpl))
        impl = type_lookup(static_cast<Type*>(cls), kImpl);
    if (!impl || type_of(impl.get()) != &abc_data_type) impl = get_attr(cls, kImpl);
    if (type_of(impl.get()) != &abc_data_type) raise(&TypeError_type, "_abc_impl is set to a wrong type");
    return impl;
}

bool set_has(AbcData* d, const WeakClassSet& set, Object* cls) {
    CriticalSection cs(d->mutex);
    return set.count(cls) != 0;
}

// The callback of every weak reference in the sets (CPython's _destroy): `args[0]` is a weak
// reference to the AbcData, which may have died first; `args[1]` the reference whose class died.
Ref abc_destroy(Object*, Args args, size_t, Tuple*) {
    Ref data = call(args[0], nullptr, 0);
    if (data.get() == None) return data;
    AbcData* d = as_data(data.get());
    std::vector<Ref> dropped;
    CriticalSection cs(d->mutex);
    for (WeakClassSet* set : {&d->registry, &d->cache, &d->negative_cache}) {
        for (auto it = set->begin(); it != set->end(); ++it) {
            if (it->second != args[1]) continue;
            dropped.push_back(Ref::steal(it->second));
            set->erase(it);
            break;
        }
    }
    return Ref::borrow(None);
}

const MethodDef kDestroyDef = {"_destroy", abc_destroy, nullptr};

// Adds `cls` to one of d's sets (CPython's _add_to_weak_set); nothing changes if it is there.
void set_add_class(AbcData* d, WeakClassSet& set, Object* cls) {
    Ref data_ref = weakref_new(d, nullptr);
    Ref destroy = native_function_new(&kDestroyDef, data_ref.get());
    Ref ref = weakref_new(cls, destroy.get());
    CriticalSection cs(d->mutex);
    if (set.emplace(cls, ref.get()).second) ref.release();
}

void set_clear(AbcData* d, WeakClassSet& set) {
    std::vector<Ref> dropped;
    CriticalSection cs(d->mutex);
    dropped = take_all(set);
}

// The weak references of a set, as a new set (what _get_dump shows).
Ref set_copy(AbcData* d, const WeakClassSet& set) {
    std::vector<Ref> refs;
    {
        CriticalSection cs(d->mutex);
        refs.reserve(set.size());
        for (auto& [cls, ref] : set) refs.push_back(Ref::borrow(ref));
    }
    Ref copy = set_new(&set_type);
    for (Ref& ref : refs) set_add(copy.get(), ref.get());
    return copy;
}

// The classes registered with d, alive now, in a list of their own: a callback may change the
// registry while issubclass runs on them.
std::vector<Ref> registered_classes(AbcData* d) {
    std::vector<Ref> refs;
    {
        CriticalSection cs(d->mutex);
        refs.reserve(d->registry.size());
        for (auto& [cls, ref] : d->registry) refs.push_back(Ref::borrow(ref));
    }
    std::vector<Ref> classes;
    for (Ref& ref : refs) {
        Ref cls = call(ref.get(), nullptr, 0);
        if (cls.get() != None) classes.push_back(std::move(cls));
    }
    return classes;
}

// CPython's _PyObject_IsAbstract: a true `__isabstractmethod__` attribute.
bool is_abstract(Object* value) {
    static Str* const kIsAbstract = intern("__isabstractmethod__");
    Ref flag = get_attr_opt(value, kIsAbstract);
    return flag && is_true(flag.get());
}

// CPython's PyMapping_Items: a list of the mapping's items, from its items() method.
Ref mapping_items(Object* mapping) {
    static Str* const kItems = intern("items");
    Ref items = call0(get_attr(mapping, kItems).get());
    Ref it;
    try {
        it = get_iter(items.get());
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
        raise(&TypeError_type, format("%s.items() returned a non-iterable (type %s)",
                                      type_of(mapping)->name.c_str(), type_of(items.get())->name.c_str()));
    }
    return list_from_iterable(it.get());
}

// Step 1 of compute_abstract_methods: the names in the class's namespace bound to abstract
// values, read from a list of its items made first (a value's __isabstractmethod__ may change it).
void add_own_abstracts(Object* cls, Object* abstracts) {
    static Str* const kDict = intern("__dict__");
    Ref ns = get_attr(cls, kDict);
    Ref items = mapping_items(ns.get());
    for (size_t i = 0; i < as_list(items.get())->items.size(); ++i) {
        Ref item = list_get_opt(items.get(), i);
        if (!item) break;
        Ref it;
        try {
            it = get_iter(item.get());
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &TypeError_type)) throw;
            raise(&TypeError_type, "items() returned non-iterable");
        }
        Ref pair = tuple_from_iterable(it.get());
        if (as_tuple(pair.get())->size != 2)
            raise(&TypeError_type, "items() returned item which size is not 2");
        if (is_abstract(as_tuple(pair.get())->items[1])) set_add(abstracts, as_tuple(pair.get())->items[0]);
    }
}

// Step 2: the names abstract in a base that the class has not made concrete.
void add_inherited_abstracts(Object* cls, Object* abstracts) {
    static Str* const kBases = intern("__bases__");
    static Str* const kAbstractMethods = intern("__abstractmethods__");
    Ref bases = get_attr(cls, kBases);
    if (!is_instance(bases.get(), &tuple_type)) raise(&TypeError_type, "__bases__ is not tuple");
    Tuple* b = as_tuple(bases.get());
    for (size_t i = 0; i < b->size; ++i) {
        Ref names = get_attr_opt(b->items[i], kAbstractMethods);
        if (!names) continue;
        Ref it = get_iter(names.get());
        while (Ref name = iter_next(it.get())) {
            if (!is_str(name.get()))
                raise(&TypeError_type,
                      format("attribute name must be string, not '%s'", type_of(name.get())->name.c_str()));
            Ref value = get_attr_opt(cls, as_str(name.get()));
            if (value && is_abstract(value.get())) set_add(abstracts, name.get());
        }
    }
}

// cls.__abstractmethods__ = the frozenset of both (CPython's compute_abstract_methods).
void compute_abstract_methods(Object* cls) {
    static Str* const kAbstractMethods = intern("__abstractmethods__");
    Ref abstracts = set_new(&frozenset_type);
    add_own_abstracts(cls, abstracts.get());
    add_inherited_abstracts(cls, abstracts.get());
    set_attr(cls, kAbstractMethods, abstracts.get());
}

// `__abc_tpflags__` in a class's own dict (collections.abc.Sequence and .Mapping have it): its
// sequence or mapping bit goes to the class's collection_flags, and the entry leaves the dict.
void take_abc_tpflags(Type* t) {
    static Str* const kTpflags = intern("__abc_tpflags__");
    Object* flags = dict_get_str(t->dict, kTpflags);
    if (!flags) return;
    if (is_exact(flags, &int_type)) {
        int64_t value = 0;
        if (!int_to_i64(flags, &value))
            raise(&OverflowError_type, "Python int too large to convert to C long");
        if ((value & kTypeCollectionFlags) == kTypeCollectionFlags)
            raise(&TypeError_type,
                  "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        t->collection_flags.fetch_or(static_cast<uint8_t>(value & kTypeCollectionFlags),
                                     std::memory_order_relaxed);
    }
    dict_del(t->dict, kTpflags);
}

// A class registered with Sequence or Mapping (or an ABC derived from one) takes its flag, and so
// do its subclasses, down to those that have it already; built-in types keep their own.
void set_collection_flag_recursive(Type* t, uint8_t flag) {
    if (!is_heap_type(t) || t->collection_flags.load(std::memory_order_relaxed) == flag) return;
    t->collection_flags.store(flag, std::memory_order_relaxed);
    for (Type* sub : subclasses_of(t)) set_collection_flag_recursive(sub, flag);
}

Ref call_method1(Object* o, Str* name, Object* arg) { return call1(get_attr(o, name).get(), arg); }

Ref subclasscheck(Object* cls, Object* subclass) {
    static Str* const kSubclassCheck = intern("__subclasscheck__");
    return call_method1(cls, kSubclassCheck, subclass);
}

// ---- the module's functions ----

Ref abc_get_cache_token(Object*, Args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "get_cache_token", nargs, kw, 0, 0);
    return int_from_i64(static_cast<int64_t>(g_invalidation_counter.load(std::memory_order_relaxed)));
}

Ref abc_init(Object*, Args args, size_t nargs, Tuple* kw) {
    static Str* const kImpl = intern("_abc_impl");
    check_clinic_positional("_abc", "_abc_init", nargs, kw, 1, 1);
    Object* cls = args[0];
    compute_abstract_methods(cls);
    set_attr(cls, kImpl, data_new().get());
    if (is_type(cls)) take_abc_tpflags(static_cast<Type*>(cls));
    return Ref::borrow(None);
}

Ref abc_register(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "_abc_register", nargs, kw, 2, 2);
    Object* cls = args[0];
    Object* subclass = args[1];
    if (!is_type(subclass)) raise(&TypeError_type, "Can only register classes");
    if (object_issubclass(subclass, cls)) return Ref::borrow(subclass);
    // After the test above, so that X.register(X) does nothing.
    if (object_issubclass(cls, subclass))
        raise(&RuntimeError_type, "Refusing to create an inheritance cycle");
    Ref impl = impl_of(cls);
    set_add_class(as_data(impl.get()), as_data(impl.get())->registry, subclass);
    g_invalidation_counter.fetch_add(1, std::memory_order_relaxed);
    if (is_type(cls))
        if (uint8_t flag = static_cast<Type*>(cls)->collection_flags.load(std::memory_order_relaxed))
            set_collection_flag_recursive(static_cast<Type*>(subclass), flag);
    return Ref::borrow(subclass);
}

Ref abc_instancecheck(Object*, Args args, size_t nargs, Tuple* kw) {
    static Str* const kClass = intern("__class__");
    check_clinic_positional("_abc", "_abc_instancecheck", nargs, kw, 2, 2);
    Object* cls = args[0];
    Object* instance = args[1];
    Ref impl = impl_of(cls);
    AbcData* d = as_data(impl.get());
    Ref subclass = get_attr(instance, kClass);
    if (set_has(d, d->cache, subclass.get())) return Ref::borrow(True);
    Type* subtype = type_of(instance);
    if (subtype == subclass.get()) {
        bool negative = false;
        {
            CriticalSection cs(d->mutex);
            negative = d->negative_cache_version == g_invalidation_counter.load(std::memory_order_relaxed) &&
                       d->negative_cache.count(subclass.get());
        }
        if (negative) return Ref::borrow(False);
        return subclasscheck(cls, subclass.get());
    }
    Ref result = subclasscheck(cls, subclass.get());
    if (is_true(result.get())) return result;
    return subclasscheck(cls, subtype);
}

// Step 5 of the subclass check: subclass is registered, or derives from a registered class.
bool registered_subclass(AbcData* d, Object* subclass) {
    if (set_has(d, d->registry, subclass)) return true;
    for (Ref& registered : registered_classes(d)) {
        if (object_issubclass(subclass, registered.get())) {
            set_add_class(d, d->cache, subclass);
            return true;
        }
    }
    return false;
}

// Steps 3 to 6 of the subclass check, once the caches had no answer: the __subclasshook__, the
// mro, the registry, then the ABC's own subclasses. Each answer but the registry's direct hit is
// cached.
bool subclass_uncached(Object* cls, AbcData* d, Object* subclass) {
    static Str* const kHook = intern("__subclasshook__");
    static Str* const kSubclasses = intern("__subclasses__");
    Ref ok = call_method1(cls, kHook, subclass);
    if (ok.get() == True || ok.get() == False) {
        set_add_class(d, ok.get() == True ? d->cache : d->negative_cache, subclass);
        return ok.get() == True;
    }
    if (ok.get() != NotImplemented)
        raise(&AssertionError_type, "__subclasshook__ must return either False, True, or NotImplemented");
    for (Type* base : static_cast<Type*>(subclass)->mro) {
        if (base == cls) {
            set_add_class(d, d->cache, subclass);
            return true;
        }
    }
    if (registered_subclass(d, subclass)) return true;
    Ref subclasses = call0(get_attr(cls, kSubclasses).get());
    if (!is_instance(subclasses.get(), &list_type))
        raise(&TypeError_type, "__subclasses__() must return a list");
    for (size_t i = 0;; ++i) {
        Ref sub = list_get_opt(subclasses.get(), i);
        if (!sub) break;
        if (object_issubclass(subclass, sub.get())) {
            set_add_class(d, d->cache, subclass);
            return true;
        }
    }
    set_add_class(d, d->negative_cache, subclass);
    return false;
}

Ref abc_subclasscheck(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "_abc_subclasscheck", nargs, kw, 2, 2);
    Object* cls = args[0];
    Object* subclass = args[1];
    if (!is_type(subclass)) raise(&TypeError_type, "issubclass() arg 1 must be a class");
    Ref impl = impl_of(cls);
    AbcData* d = as_data(impl.get());
    if (set_has(d, d->cache, subclass)) return Ref::borrow(True);
    // A negative cache older than the last register() anywhere is emptied before use.
    std::vector<Ref> dropped;
    bool negative = false;
    {
        CriticalSection cs(d->mutex);
        uint64_t now = g_invalidation_counter.load(std::memory_order_relaxed);
        if (d->negative_cache_version < now) {
            dropped = take_all(d->negative_cache);
            d->negative_cache_version = now;
        } else {
            negative = d->negative_cache.count(subclass) != 0;
        }
    }
    dropped.clear();
    if (negative) return Ref::borrow(False);
    return Ref::borrow(bool_obj(subclass_uncached(cls, d, subclass)));
}

Ref abc_get_dump(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "_get_dump", nargs, kw, 1, 1);
    Ref impl = impl_of(args[0]);
    AbcData* d = as_data(impl.get());
    uint64_t version = 0;
    {
        CriticalSection cs(d->mutex);
        version = d->negative_cache_version;
    }
    Ref dump = tuple_new(4);
    Tuple* t = as_tuple(dump.get());
    t->items[0] = set_copy(d, d->registry).release();
    t->items[1] = set_copy(d, d->cache).release();
    t->items[2] = set_copy(d, d->negative_cache).release();
    t->items[3] = int_from_i64(static_cast<int64_t>(version)).release();
    return dump;
}

Ref abc_reset_registry(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "_reset_registry", nargs, kw, 1, 1);
    Ref impl = impl_of(args[0]);
    set_clear(as_data(impl.get()), as_data(impl.get())->registry);
    return Ref::borrow(None);
}

Ref abc_reset_caches(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_abc", "_reset_caches", nargs, kw, 1, 1);
    Ref impl = impl_of(args[0]);
    AbcData* d = as_data(impl.get());
    set_clear(d, d->cache);
    set_clear(d, d->negative_cache);
    return Ref::borrow(None);
}

const MethodDef kAbcFunctions[] = {
    {"get_cache_token", abc_get_cache_token,
     "Returns the current ABC cache token.\n\nThe token is an opaque object (supporting equality testing) "
     "identifying the\ncurrent version of the ABC cache for virtual subclasses. The token changes\nwith "
     "every "
     "call to register() on any ABC."},
    {"_abc_init", abc_init, "Internal ABC helper for class set-up. Should be never used outside abc module."},
    {"_reset_registry", abc_reset_registry,
     "Internal ABC helper to reset registry of a given class.\n\nShould be only used by refleak.py"},
    {"_reset_caches", abc_reset_caches,
     "Internal ABC helper to reset both caches of a given class.\n\nShould be only used by refleak.py"},
    {"_get_dump", abc_get_dump,
     "Internal ABC helper for cache and registry debugging.\n\nReturn shallow copies of registry, of both "
     "caches, and\nnegative cache version. Don't call this function directly,\ninstead use "
     "ABC._dump_registry() for a nice repr."},
    {"_abc_register", abc_register,
     "Internal ABC helper for subclasss registration. Should be never used outside abc module."},
    {"_abc_instancecheck", abc_instancecheck,
     "Internal ABC helper for instance checks. Should be never used outside abc module."},
    {"_abc_subclasscheck", abc_subclasscheck,
     "Internal ABC helper for subclasss checks. Should be never used outside abc module."},
    {nullptr, nullptr, nullptr},
};

void init_abc_data_type() {
    Type& t = abc_data_type;
    t.name = "_abc._abc_data";
    t.instance_size = sizeof(AbcData);
    t.dealloc = data_dealloc;
    t.traverse = data_traverse;
    t.clear = data_clear;
    t.construct = data_construct;
    init_type(&t);
    dict_set(t.dict, intern("__doc__"), str_new("Internal state held by ABC machinery.").get());
    // The callbacks find their AbcData through a weak reference, as CPython's find their set.
    allow_weak_references(&t);
}

}  // namespace

Ref init_abc_module() {
    static std::once_flag type_ready;
    std::call_once(type_ready, init_abc_data_type);
    Ref module = native_module_new("_abc", kAbcFunctions);
    dict_set(module_dict(module.get()), intern("__doc__"),
             str_new("Module contains faster C implementation of abc.ABCMeta").get());
    return module;
}

}  // namespace minipy
