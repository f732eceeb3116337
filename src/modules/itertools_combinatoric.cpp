// itertools_combinatoric.cpp — the combinatoric iterators of itertools: product, permutations,
// combinations and combinations_with_replacement, as CPython 3.11's. Each reads its inputs into
// tuples when made, then steps an array of indices into them: a step runs no Python code, so it is
// taken whole under the iterator's lock. __setstate__ clamps every index into its pool, and an
// iterator over too small a pool stays stopped, so no state can make one read outside a pool.
#include <algorithm>
#include <mutex>
#include <vector>

#include "modules/itertools_module.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = ItertoolsArgs;

Type product_type, combinations_type, cwr_type, permutations_type;

// The fields the four share. `pool` is the input tuple (product: a tuple of the pools' tuples).
struct Combinatoric : Object {
    MINIPY_GC_ALLOCATED
    ObjectMutex mutex;             // guards everything below
    Object* pool;                  // owned tuple
    int64_t r = 0;                 // the length of each result (product: the number of pools)
    std::vector<int64_t> indices;  // the positions the current result was taken from
    std::vector<int64_t> cycles;   // permutations only: how far each position has left to turn
    bool started = false;          // a result has been given (or __setstate__ set one)
    bool stopped = false;          // no more results
};

Combinatoric* as_comb(Object* o) { return static_cast<Combinatoric*>(o); }
Tuple* pool_of(Combinatoric* c) { return as_tuple(c->pool); }

Ref comb_new(Object* type, Ref pool, int64_t r) {
    auto* c = new Combinatoric();
    init_header(c, static_cast<Type*>(type));
    c->pool = pool.release();
    c->r = r;
    return Ref::steal(c);
}

// The result tuple for the current indices: pool[indices[0]], ... (product: pools[i][indices[i]]).
Ref comb_result(Combinatoric* c, bool product) {
    Tuple* pool = pool_of(c);
    Ref result = tuple_new(static_cast<size_t>(c->r));
    for (int64_t i = 0; i < c->r; ++i) {
        Tuple* source = product ? as_tuple(pool->items[i]) : pool;
        as_tuple(result.get())->items[i] = newref(source->items[c->indices[i]]);
    }
    return result;
}

Ref index_tuple(const std::vector<int64_t>& values) {
    Ref t = tuple_new(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        as_tuple(t.get())->items[i] = int_from_i64(values[i]).release();
    return t;
}

// (type, (pool, r)) before the first result; (type, ((), r)) once stopped; else (type, (pool, r),
// state) with the state `state_of` makes. product leaves r out.
template <typename StateOf>
Ref comb_reduce(Combinatoric* c, bool product, StateOf state_of) {
    CriticalSection cs(c->mutex);
    Ref r = int_from_i64(c->r);
    Object* pool = c->stopped && c->started ? empty_tuple() : c->pool;
    if (product) {
        if (c->stopped) {
            Object* empty = empty_tuple();
            return reduce_value(type_of(c), tuple_from(&empty, 1));
        }
        return reduce_value(type_of(c), Ref::borrow(c->pool), c->started ? state_of(c).get() : nullptr);
    }
    Ref state = c->started && !c->stopped ? state_of(c) : nullptr;
    return reduce_value(type_of(c), tuple_pair(pool, r.get()), state.get());
}

Ref indices_state(Combinatoric* c) { return index_tuple(c->indices); }

// A __setstate__ tuple of `n` indices, as PyLong_AsSsize_t reads them.
std::vector<int64_t> state_indices(Object* state, size_t n) {
    if (!is_instance(state, &tuple_type) || as_tuple(state)->size != n)
        raise(&ValueError_type, "invalid arguments");
    std::vector<int64_t> values;
    for (size_t i = 0; i < n; ++i) values.push_back(state_ssize(as_tuple(state)->items[i]));
    return values;
}

// No clear slot: the pool never changes, so a cycle through it runs through something that can be
// cleared (a list, an instance) as well.
void comb_traverse(Object* o, VisitProc visit, void* arg) { visit(as_comb(o)->pool, arg); }

void comb_dealloc(Object* o) {
    decref(as_comb(o)->pool);
    delete as_comb(o);
}

// The checked count of indices an iterator keeps.
void check_index_count(int64_t n) { check_allocation(static_cast<uint64_t>(n), 2 * sizeof(int64_t)); }

// One step: whether there is a result for the indices, advanced first unless this is the first
// step. A type's `advance` leaves the indices at the next result, or says there is none.
using Advance = bool (*)(Combinatoric* c, bool first);

template <Advance advance, bool kProduct>
Ref comb_next(Object* o) {
    Combinatoric* c = as_comb(o);
    CriticalSection cs(c->mutex);
    if (c->stopped) return nullptr;
    bool first = !c->started;
    c->started = true;
    if (!advance(c, first)) {
        c->stopped = true;
        return nullptr;
    }
    return comb_result(c, kProduct);
}

// __setstate__(indices) of product, combinations and combinations_with_replacement: each index as
// `clamp` makes it fit its place, or -1 where a product's pool is empty (the product is then done).
using Clamp = int64_t (*)(Combinatoric* c, int64_t i, int64_t value);

Ref indices_setstate(Object* o, Object* state, Clamp clamp) {
    Combinatoric* c = as_comb(o);
    std::vector<int64_t> values = state_indices(state, static_cast<size_t>(c->r));
    CriticalSection cs(c->mutex);
    for (int64_t i = 0; i < c->r; ++i) {
        int64_t index = clamp(c, i, values[i]);
        if (index < 0) {
            c->stopped = true;
            return Ref::borrow(None);
        }
        c->indices[i] = index;
    }
    c->started = true;
    return Ref::borrow(None);
}

// ---- product ----

// product(*iterables, repeat=1): the cartesian product, the last pool turning fastest.
Ref product_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    int64_t repeat = 1;
    if (kw && kw->size) {
        static const char* const kNames[] = {"repeat"};
        Object* bound[1];
        bind_keywords("product", args + nargs, 0, kw, kNames, 1, 0, 0, bound);
        if (bound[0]) repeat = ssize_arg(bound[0]);
        if (repeat < 0) raise(&ValueError_type, "repeat argument cannot be negative");
    }
    // With repeat=0 the iterables are not even read.
    int64_t given = repeat == 0 ? 0 : static_cast<int64_t>(nargs);
    if (given > 0 && given > INT64_MAX / static_cast<int64_t>(sizeof(int64_t)) / repeat)
        raise(&OverflowError_type, "repeat argument too large");
    int64_t npools = given * repeat;
    check_index_count(npools);
    std::vector<Ref> pools;
    for (int64_t i = 0; i < given; ++i) pools.push_back(tuple_from_iterable(args[i]));
    Ref all = tuple_new(static_cast<size_t>(npools));
    for (int64_t i = 0; i < npools; ++i) as_tuple(all.get())->items[i] = newref(pools[i % given].get());
    Ref self = comb_new(type, std::move(all), npools);
    as_comb(self.get())->indices.assign(static_cast<size_t>(npools), 0);
    return self;
}

// The first result needs every pool non-empty; after it the indices turn as an odometer's wheels:
// the rightmost turns, and carries into the one to its left when it rolls over.
bool product_advance(Combinatoric* c, bool first) {
    Tuple* pools = pool_of(c);
    if (first) {
        for (int64_t i = 0; i < c->r; ++i)
            if (as_tuple(pools->items[i])->size == 0) return false;
        return true;
    }
    for (int64_t i = c->r - 1; i >= 0; --i) {
        if (++c->indices[i] < static_cast<int64_t>(as_tuple(pools->items[i])->size)) return true;
        c->indices[i] = 0;
    }
    return false;
}

Ref product_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("product", "__reduce__", nargs - 1, kw, 0, 0);
    return comb_reduce(as_comb(args[0]), true, indices_state);
}

// __setstate__(indices): each clamped into its pool; an empty pool stops the product.
int64_t product_clamp(Combinatoric* c, int64_t i, int64_t value) {
    int64_t size = static_cast<int64_t>(as_tuple(pool_of(c)->items[i])->size);
    return size == 0 ? -1 : std::clamp<int64_t>(value, 0, size - 1);
}

Ref product_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("product", "__setstate__", nargs - 1, kw, 1, 1);
    return indices_setstate(args[0], args[1], product_clamp);
}

// ---- combinations ----

// combinations(iterable, r): the r-length subsequences, in order, as increasing index lists.
Ref combinations_new(Object* type, Args args, size_t nargs, Tuple* kw, const char* name) {
    static const char* const kNames[] = {"iterable", "r"};
    Object* bound[2];
    bind_keywords(name, args, nargs, kw, kNames, 2, 2, 2, bound);
    int64_t r = ssize_arg(bound[1]);
    Ref pool = tuple_from_iterable(bound[0]);
    if (r < 0) raise(&ValueError_type, "r must be non-negative");
    check_index_count(r);
    return comb_new(type, std::move(pool), r);
}

Ref combinations_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    Ref self = combinations_new(type, args, nargs, kw, "combinations");
    Combinatoric* c = as_comb(self.get());
    for (int64_t i = 0; i < c->r; ++i) c->indices.push_back(i);
    c->stopped = c->r > static_cast<int64_t>(pool_of(c)->size);
    return self;
}

// The rightmost index not at its highest (i + n - r) moves up one; those after it follow it.
bool combinations_advance(Combinatoric* c, bool first) {
    if (first) return true;
    int64_t n = static_cast<int64_t>(pool_of(c)->size), r = c->r;
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) --i;
    if (i < 0) return false;
    ++c->indices[i];
    for (int64_t j = i + 1; j < r; ++j) c->indices[j] = c->indices[j - 1] + 1;
    return true;
}

Ref combinations_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations", "__reduce__", nargs - 1, kw, 0, 0);
    return comb_reduce(as_comb(args[0]), false, indices_state);
}

// __setstate__(indices): index i clamped into [0, i + n - r].
int64_t combinations_clamp(Combinatoric* c, int64_t i, int64_t value) {
    int64_t n = static_cast<int64_t>(pool_of(c)->size);
    return std::max<int64_t>(std::min(value, i + n - c->r), 0);
}

Ref combinations_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations", "__setstate__", nargs - 1, kw, 1, 1);
    return indices_setstate(args[0], args[1], combinations_clamp);
}

// ---- combinations_with_replacement ----

// combinations_with_replacement(iterable, r): as combinations, an item may repeat (non-decreasing
// index lists).
Ref cwr_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    Ref self = combinations_new(type, args, nargs, kw, "combinations_with_replacement");
    Combinatoric* c = as_comb(self.get());
    c->indices.assign(static_cast<size_t>(c->r), 0);
    c->stopped = pool_of(c)->size == 0 && c->r > 0;
    return self;
}

// The rightmost index below n - 1 moves up one; those after it take its value.
bool cwr_advance(Combinatoric* c, bool first) {
    if (first) return true;
    int64_t n = static_cast<int64_t>(pool_of(c)->size), r = c->r;
    int64_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) --i;
    if (i < 0) return false;
    int64_t index = c->indices[i] + 1;
    for (; i < r; ++i) c->indices[i] = index;
    return true;
}

Ref cwr_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations_with_replacement", "__reduce__", nargs - 1, kw, 0, 0);
    return comb_reduce(as_comb(args[0]), false, indices_state);
}

// __setstate__(indices): each clamped into [0, n - 1].
int64_t cwr_clamp(Combinatoric* c, int64_t, int64_t value) {
    int64_t n = static_cast<int64_t>(pool_of(c)->size);
    return std::max<int64_t>(std::min(value, n - 1), 0);
}

Ref cwr_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations_with_replacement", "__setstate__", nargs - 1, kw, 1, 1);
    return indices_setstate(args[0], args[1], cwr_clamp);
}

// ---- permutations ----

// permutations(iterable, r=None): the r-length arrangements, in order. `indices` is an arrangement
// of all n positions, of which the first r make the result; `cycles` says how many turns each
// position has left, as in the pure-Python version in CPython's documentation.
Ref permutations_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"iterable", "r"};
    Object* bound[2];
    bind_keywords("permutations", args, nargs, kw, kNames, 2, 2, 1, bound);
    Ref pool = tuple_from_iterable(bound[0]);
    int64_t n = static_cast<int64_t>(as_tuple(pool.get())->size);
    int64_t r = n;
    if (bound[1] && bound[1] != None) {
        if (!is_int(bound[1])) raise(&TypeError_type, "Expected int as r");
        r = state_ssize(bound[1]);
    }
    if (r < 0) raise(&ValueError_type, "r must be non-negative");
    check_index_count(r);
    Ref self = comb_new(type, std::move(pool), r);
    Combinatoric* c = as_comb(self.get());
    for (int64_t i = 0; i < n; ++i) c->indices.push_back(i);
    for (int64_t i = 0; i < r; ++i) c->cycles.push_back(n - i);
    c->stopped = r > n;
    return self;
}

bool permutations_advance(Combinatoric* c, bool first) {
    if (first) return true;
    int64_t n = static_cast<int64_t>(pool_of(c)->size);
    std::vector<int64_t>& indices = c->indices;
    for (int64_t i = c->r - 1; i >= 0 && n > 0; --i) {
        if (--c->cycles[i] == 0) {
            // This position has taken every value: rotate indices[i:] left by one and start it over.
            std::rotate(indices.begin() + i, indices.begin() + i + 1, indices.end());
            c->cycles[i] = n - i;
            continue;
        }
        std::swap(indices[i], indices[n - c->cycles[i]]);
        return true;
    }
    return false;
}

Ref permutations_state(Combinatoric* c) {
    Ref indices = index_tuple(c->indices), cycles = index_tuple(c->cycles);
    return tuple_pair(indices.get(), cycles.get());
}

Ref permutations_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("permutations", "__reduce__", nargs - 1, kw, 0, 0);
    return comb_reduce(as_comb(args[0]), false, permutations_state);
}

// __setstate__((indices, cycles)): indices clamped into [0, n - 1], cycle i into [1, n - i].
Ref permutations_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("permutations", "__setstate__", nargs - 1, kw, 1, 1);
    Tuple* state = state_tuple(args[1], 2, 2);
    check_state_item(state->items[0], 1, &tuple_type, "tuple");
    check_state_item(state->items[1], 2, &tuple_type, "tuple");
    Combinatoric* c = as_comb(args[0]);
    int64_t n = static_cast<int64_t>(pool_of(c)->size);
    if (static_cast<int64_t>(as_tuple(state->items[0])->size) != n ||
        static_cast<int64_t>(as_tuple(state->items[1])->size) != c->r)
        raise(&ValueError_type, "invalid arguments");
    std::vector<int64_t> indices = state_indices(state->items[0], static_cast<size_t>(n));
    std::vector<int64_t> cycles = state_indices(state->items[1], static_cast<size_t>(c->r));
    CriticalSection cs(c->mutex);
    for (int64_t i = 0; i < n; ++i) c->indices[i] = std::max<int64_t>(std::min(indices[i], n - 1), 0);
    for (int64_t i = 0; i < c->r; ++i) c->cycles[i] = std::min(std::max<int64_t>(cycles[i], 1), n - i);
    c->started = true;
    return Ref::borrow(None);
}

// ---- __sizeof__ ----

Ref comb_sizeof(Object* o) {
    Combinatoric* c = as_comb(o);
    CriticalSection cs(c->mutex);
    size_t size = sizeof(Combinatoric) + (c->indices.capacity() + c->cycles.capacity()) * sizeof(int64_t);
    return int_from_i64(static_cast<int64_t>(size));
}

Ref product_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("product", "__sizeof__", nargs - 1, kw, 0, 0);
    return comb_sizeof(args[0]);
}
Ref combinations_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations", "__sizeof__", nargs - 1, kw, 0, 0);
    return comb_sizeof(args[0]);
}
Ref cwr_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("combinations_with_replacement", "__sizeof__", nargs - 1, kw, 0, 0);
    return comb_sizeof(args[0]);
}
Ref permutations_sizeof(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("permutations", "__sizeof__", nargs - 1, kw, 0, 0);
    return comb_sizeof(args[0]);
}

const MethodDef kProductMethods[] = {
    {"__reduce__", product_reduce, kReduceDoc},
    {"__setstate__", product_setstate, kSetStateDoc},
    {"__sizeof__", product_sizeof, kSizeofDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kCombinationsMethods[] = {
    {"__reduce__", combinations_reduce, kReduceDoc},
    {"__setstate__", combinations_setstate, kSetStateDoc},
    {"__sizeof__", combinations_sizeof, kSizeofDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kCwrMethods[] = {
    {"__reduce__", cwr_reduce, kReduceDoc},
    {"__setstate__", cwr_setstate, kSetStateDoc},
    {"__sizeof__", cwr_sizeof, kSizeofDoc},
    {nullptr, nullptr, nullptr},
};
const MethodDef kPermutationsMethods[] = {
    {"__reduce__", permutations_reduce, kReduceDoc},
    {"__setstate__", permutations_setstate, kSetStateDoc},
    {"__sizeof__", permutations_sizeof, kSizeofDoc},
    {nullptr, nullptr, nullptr},
};

void init_combinatoric_types() {
    init_itertools_type(
        product_type,
        {"itertools.product", sizeof(Combinatoric), comb_dealloc, comb_traverse, nullptr,
         comb_next<product_advance, true>, product_construct, kProductMethods, true,
         "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  "
         "Equivalent "
         "to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y "
         "in "
         "B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner "
         "similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute "
         "the "
         "product of an iterable with itself, specify the number\nof repetitions with the optional repeat "
         "keyword "
         "argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, "
         "A).\n\nproduct('ab', "
         "range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> "
         "(0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."});
    init_itertools_type(
        combinations_type,
        {"itertools.combinations", sizeof(Combinatoric), comb_dealloc, comb_traverse, nullptr,
         comb_next<combinations_advance, false>, combinations_construct, kCombinationsMethods, true,
         "Return successive r-length combinations of elements in the iterable.\n\n"
         "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"});
    init_itertools_type(
        cwr_type, {"itertools.combinations_with_replacement", sizeof(Combinatoric), comb_dealloc,
                   comb_traverse, nullptr, comb_next<cwr_advance, false>, cwr_construct, kCwrMethods, true,
                   "Return successive r-length combinations of elements in the iterable allowing "
                   "individual elements to have successive repeats.\n\n"
                   "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), "
                   "('B','B'), ('B','C'), ('C','C')"});
    init_itertools_type(
        permutations_type,
        {"itertools.permutations", sizeof(Combinatoric), comb_dealloc, comb_traverse, nullptr,
         comb_next<permutations_advance, false>, permutations_construct, kPermutationsMethods, true,
         "Return successive r-length permutations of elements in the iterable.\n\n"
         "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"});
}

}  // namespace

void add_combinatoric_iterators(Dict* module) {
    static std::once_flag ready;
    std::call_once(ready, init_combinatoric_types);
    dict_set(module, intern("product"), &product_type);
    dict_set(module, intern("combinations"), &combinations_type);
    dict_set(module, intern("combinations_with_replacement"), &cwr_type);
    dict_set(module, intern("permutations"), &permutations_type);
}

}  // namespace minipy
