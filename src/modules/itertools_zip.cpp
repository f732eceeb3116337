// itertools_zip.cpp — the itertools iterators that give tuples of items side by side: pairwise
// (each item with the next) and zip_longest (one item of each input, filling in for those that
// ended), as CPython 3.11's.
#include <mutex>
#include <vector>

#include "modules/itertools_module.h"
#include "objects/class.h"
#include "objects/errors.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = ItertoolsArgs;

Type pairwise_type, zip_longest_type;

// ---- pairwise ----

// pairwise(iterable): (s0, s1), (s1, s2), ... It has no __reduce__ in 3.11, so it does not pickle.
struct Pairwise : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;  // guards everything below
    Object* it;         // owned; null once done
    Object* old;        // owned: the item the next pair starts with, or null
};

Pairwise* as_pairwise(Object* o) { return static_cast<Pairwise*>(o); }

Ref pairwise_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    check_unpacked("pairwise", nargs, kw, 1, 1, !refuses_keywords(t, &pairwise_type));
    Ref it = get_iter(args[0]);
    auto* p = new Pairwise();
    init_header(p, t);
    p->it = it.release();
    p->old = nullptr;
    return Ref::steal(p);
}

// Pulls one item; at the end or on an error the pairwise drops its source (and, past the first
// item, the item it kept), as CPython's.
Ref pairwise_pull(Pairwise* p, const Ref& it, bool drop_old) {
    Ref item;
    try {
        item = pull(it.get());
    } catch (PyException&) {
        store_field(p->mutex, p->it, nullptr);
        if (drop_old) store_field(p->mutex, p->old, nullptr);
        throw;
    }
    if (!item) {
        store_field(p->mutex, p->it, nullptr);
        if (drop_old) store_field(p->mutex, p->old, nullptr);
    }
    return item;
}

Ref pairwise_next(Object* o) {
    Pairwise* p = as_pairwise(o);
    Ref it, old;
    {
        CriticalSection cs(p->mutex);
        it = Ref::borrow(p->it);
        old = Ref::borrow(p->old);
    }
    if (!it) return nullptr;
    if (!old) {
        if (!(old = pairwise_pull(p, it, false))) return nullptr;
        store_field(p->mutex, p->old, old.get());
    }
    Ref fresh = pairwise_pull(p, it, true);
    if (!fresh) return nullptr;
    Ref result = tuple_pair(old.get(), fresh.get());
    store_field(p->mutex, p->old, fresh.get());
    return result;
}

void pairwise_traverse(Object* o, VisitProc visit, void* arg) {
    visit_field(as_pairwise(o)->it, visit, arg);
    visit_field(as_pairwise(o)->old, visit, arg);
}

void pairwise_clear(Object* o) {
    store_field(as_pairwise(o)->mutex, as_pairwise(o)->it, nullptr);
    store_field(as_pairwise(o)->mutex, as_pairwise(o)->old, nullptr);
}

void pairwise_dealloc(Object* o) {
    clear_field(as_pairwise(o)->it);
    clear_field(as_pairwise(o)->old);
    delete as_pairwise(o);
}

// ---- zip_longest ----

// zip_longest(*iterables, fillvalue=None): tuples of one item from each, the fill value standing
// in for those that have ended, until all have.
struct ZipLongest : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;               // guards everything below
    std::vector<Object*> iterators;  // owned; null for one that has ended
    size_t active;                   // how many have not ended; 0: the zip is done
    Object* fillvalue;               // owned
};

ZipLongest* as_zip_longest(Object* o) { return static_cast<ZipLongest*>(o); }

Ref zip_longest_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    Object* fillvalue = None;
    if (kw && kw->size) {
        if (kw->size != 1 || str_utf8_of(kw->items[0]) != "fillvalue")
            raise(&TypeError_type, "zip_longest() got an unexpected keyword argument");
        fillvalue = args[nargs];
    }
    auto* z = new ZipLongest();
    init_header(z, static_cast<Type*>(type));
    Ref self = Ref::steal(z);
    z->fillvalue = newref(fillvalue);
    z->iterators.reserve(nargs);
    for (size_t i = 0; i < nargs; ++i) z->iterators.push_back(get_iter(args[i]).release());
    z->active = nargs;
    return self;
}

// The item of iterator i for the next tuple: its next item, or the fill value once it has ended;
// null when it was the last one still going. An error ends the whole zip, as CPython's.
Ref zip_longest_item(ZipLongest* z, size_t i, Object* fill) {
    Ref it;
    {
        CriticalSection cs(z->mutex);
        if (i >= z->iterators.size()) return nullptr;
        it = Ref::borrow(z->iterators[i]);
    }
    if (!it) return Ref::borrow(fill);
    Ref item;
    try {
        item = pull_plain(it.get());
    } catch (PyException&) {
        CriticalSection cs(z->mutex);
        z->active = 0;
        throw;
    }
    if (item) return item;
    Ref ended;
    CriticalSection cs(z->mutex);
    if (i < z->iterators.size() && z->iterators[i] == it.get()) {
        ended = Ref::steal(std::exchange(z->iterators[i], nullptr));
        if (z->active > 0) --z->active;
    }
    if (z->active == 0) return nullptr;
    return Ref::borrow(fill);
}

Ref zip_longest_next(Object* o) {
    ZipLongest* z = as_zip_longest(o);
    size_t n;
    Ref fill;
    {
        CriticalSection cs(z->mutex);
        n = z->iterators.size();
        if (n == 0 || z->active == 0) return nullptr;
        fill = Ref::borrow(z->fillvalue ? z->fillvalue : None);
    }
    Ref result = tuple_new(n);
    for (size_t i = 0; i < n; ++i) {
        Ref item = zip_longest_item(z, i, fill.get());
        if (!item) return nullptr;
        as_tuple(result.get())->items[i] = item.release();
    }
    return result;
}

// (type, iterators with () for those ended, fillvalue).
Ref zip_longest_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("zip_longest", "__reduce__", nargs - 1, kw, 0, 0);
    ZipLongest* z = as_zip_longest(args[0]);
    Ref ctor_args, fill;
    {
        CriticalSection cs(z->mutex);
        ctor_args = tuple_new(z->iterators.size());
        for (size_t i = 0; i < z->iterators.size(); ++i)
            as_tuple(ctor_args.get())->items[i] = newref(z->iterators[i] ? z->iterators[i] : empty_tuple());
        fill = Ref::borrow(z->fillvalue ? z->fillvalue : None);
    }
    Object* parts[3] = {type_of(z), ctor_args.get(), fill.get()};
    return tuple_from(parts, 3);
}

Ref zip_longest_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("zip_longest", "__setstate__", nargs - 1, kw, 1, 1);
    store_field(as_zip_longest(args[0])->mutex, as_zip_longest(args[0])->fillvalue, args[1]);
    return Ref::borrow(None);
}

void zip_longest_traverse(Object* o, VisitProc visit, void* arg) {
    for (Object* it : as_zip_longest(o)->iterators) visit_field(it, visit, arg);
    visit_field(as_zip_longest(o)->fillvalue, visit, arg);
}

void zip_longest_clear(Object* o) {
    ZipLongest* z = as_zip_longest(o);
    std::vector<Object*> iterators;
    Ref fill;
    {
        CriticalSection cs(z->mutex);
        iterators.swap(z->iterators);
        z->active = 0;
        fill = Ref::steal(std::exchange(z->fillvalue, nullptr));
    }
    for (Object* it : iterators) xdecref(it);
}

void zip_longest_dealloc(Object* o) {
    zip_longest_clear(o);
    delete as_zip_longest(o);
}

const MethodDef kZipLongestMethods[] = {
    {"__reduce__", zip_longest_reduce, kReduceDoc},
    {"__setstate__", zip_longest_setstate, kSetStateDoc},
    {nullptr, nullptr, nullptr},
};

void init_zip_types() {
    init_itertools_type(pairwise_type,
                        {"itertools.pairwise", sizeof(Pairwise), pairwise_dealloc, pairwise_traverse,
                         pairwise_clear, pairwise_next, pairwise_construct, nullptr, true,
                         "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> "
                         "(s0,s1), (s1,s2), (s2, s3), ..."});
    init_itertools_type(
        zip_longest_type,
        {"itertools.zip_longest", sizeof(ZipLongest), zip_longest_dealloc, zip_longest_traverse,
         zip_longest_clear, zip_longest_next, zip_longest_construct, kZipLongestMethods, true,
         "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn "
         "a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element "
         "comes from the i-th iterable argument.  The .__next__()\nmethod continues until the "
         "longest iterable in the argument sequence\nis exhausted and then it raises "
         "StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted "
         "in their place.  The fillvalue\ndefaults to None or can be specified by a keyword "
         "argument.\n"});
}

}  // namespace

void add_zip_iterators(Dict* module) {
    static std::once_flag ready;
    std::call_once(ready, init_zip_types);
    dict_set(module, intern("pairwise"), &pairwise_type);
    dict_set(module, intern("zip_longest"), &zip_longest_type);
}

}  // namespace minipy
