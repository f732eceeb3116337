// random_module.cpp — the native `_random` module: _random.Random, a Mersenne Twister (mt19937.h)
// seeded as CPython's C module seeds it, with its five methods (seed, random, getrandbits, getstate,
// setstate). CPython's own random.py (from its Lib) subclasses it and builds everything else on them,
// so a seeded script prints the same numbers under minipy and CPython 3.11. Each generator is locked
// for each call (free-threaded flavor).
#include <unistd.h>

#include <ctime>
#include <random>

#include "modules/mt19937.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

struct RandomObject : Object {
    ObjectMutex mutex;
    Mt19937 mt;
};

Type random_type;

RandomObject& self_of(Args args) { return *static_cast<RandomObject*>(args[0]); }

// ---- seeding (random_seed in CPython's _randommodule.c) ----
// The key of init_by_array: the absolute value of an int seed, or the hash of any other object read
// as an unsigned 64-bit number, split into 32-bit words, least significant first.
std::vector<uint32_t> seed_key(Object* a) {
    mpz_t m;
    if (is_int(a)) {
        // int's own absolute value, never a subclass's __abs__ (CPython's bpo-31478).
        mpz_init(m);
        int_to_mpz(a, m);
        mpz_abs(m, m);
    } else {
        mpz_init_set_ui(m, static_cast<unsigned long>(hash(a)));
    }
    std::vector<uint32_t> key(mpz_sizeinbase(m, 2) / 32 + 1);
    size_t count = 0;
    mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, m);
    key.resize(std::max<size_t>(count, 1));
    mpz_clear(m);
    return key;
}

// seed(None): 624 words from the system's entropy source, as CPython's random_seed_urandom.
std::vector<uint32_t> entropy_key() {
    std::random_device device;
    std::vector<uint32_t> key;
    for (int i = 0; i < Mt19937::kN; ++i) key.push_back(device());
    return key;
}

void seed_from(RandomObject& g, Object* a) {
    std::vector<uint32_t> key = !a || a == None ? entropy_key() : seed_key(a);
    CriticalSection cs(g.mutex);
    g.mt.seed_key(key);
}

// Methods: args[0] is the generator.
Ref rnd_seed(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("seed", nargs - 1, kw, 0, 1);
    seed_from(self_of(args), nargs > 1 ? args[1] : nullptr);
    return Ref::borrow(None);
}

// random() is the hot call of random.py (random.random is this method, bound): no allocation but
// the result.
Ref rnd_random(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("random", nargs - 1, kw, 0, 0);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    return float_new(g.mt.next_double());
}

// getrandbits(k) as CPython builds it: 32-bit words, least significant first, the last one keeping
// its top bits. random.py's _randbelow calls it for every randrange/choice/shuffle draw, so k <= 32
// (the common case) takes no big-number path.
Ref rnd_getrandbits(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getrandbits", nargs - 1, kw, 1, 1);
    int64_t k = as_index(args[1]);
    if (k < 0) raise(&ValueError_type, "number of bits must be non-negative");
    if (k > INT32_MAX) raise(&OverflowError_type, "Python int too large to convert to C int");
    RandomObject& g = self_of(args);
    if (k == 0) return Ref::borrow(make_small_int(0));
    if (k <= 32) {
        CriticalSection cs(g.mutex);
        return int_from_i64(g.mt.next() >> (32 - k));
    }
    std::vector<uint32_t> words;
    {
        CriticalSection cs(g.mutex);
        for (int64_t left = k; left > 0; left -= 32) {
            uint32_t r = g.mt.next();
            if (left < 32) r >>= (32 - left);
            words.push_back(r);
        }
    }
    mpz_t out;
    mpz_init(out);
    mpz_import(out, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
    Ref result = int_from_mpz(out);
    mpz_clear(out);
    return result;
}

// getstate(): the 624 state words and the position, one tuple of 625 ints.
Ref rnd_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getstate", nargs - 1, kw, 0, 0);
    RandomObject& g = self_of(args);
    uint32_t words[Mt19937::kN];
    int position;
    {
        CriticalSection cs(g.mutex);
        std::copy(g.mt.words(), g.mt.words() + Mt19937::kN, words);
        position = g.mt.position();
    }
    Ref state = tuple_new(Mt19937::kN + 1);
    for (int i = 0; i < Mt19937::kN; ++i) as_tuple(state.get())->items[i] = int_from_i64(words[i]).release();
    as_tuple(state.get())->items[Mt19937::kN] = int_from_i64(position).release();
    return state;
}

// One state word, converted as CPython's PyLong_AsUnsignedLong and truncated to 32 bits.
uint32_t state_word(Object* o) {
    if (!is_int(o)) raise(&TypeError_type, "an integer is required");
    if (int_compare(o, make_small_int(0)) < 0)
        raise(&OverflowError_type, "can't convert negative value to unsigned int");
    mpz_t m;
    mpz_init(m);
    int_to_mpz(o, m);
    bool too_big = mpz_sizeinbase(m, 2) > 64;
    auto word = static_cast<uint32_t>(mpz_get_ui(m));
    mpz_clear(m);
    if (too_big) raise(&OverflowError_type, "Python int too large to convert to C unsigned long");
    return word;
}

// setstate(state): CPython's checks on the state vector, in its order.
Ref rnd_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setstate", nargs - 1, kw, 1, 1);
    Object* state = args[1];
    if (!is_instance(state, &tuple_type)) raise(&TypeError_type, "state vector must be a tuple");
    if (as_tuple(state)->size != Mt19937::kN + 1) raise(&ValueError_type, "state vector is the wrong size");
    uint32_t words[Mt19937::kN];
    for (int i = 0; i < Mt19937::kN; ++i) words[i] = state_word(as_tuple(state)->items[i]);
    int64_t position = as_index(as_tuple(state)->items[Mt19937::kN]);
    if (position < 0 || position > Mt19937::kN) raise(&ValueError_type, "invalid state");
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    g.mt.restore(words, static_cast<int>(position));
    return Ref::borrow(None);
}

const MethodDef kRandomMethods[] = {
    {"seed", rnd_seed,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and "
     "the process identifier."},
    {"random", rnd_random, "random() -> x in the interval [0, 1)."},
    {"getrandbits", rnd_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", rnd_getstate, "getstate() -> tuple containing the current state."},
    {"setstate", rnd_setstate, "setstate(state) -> None.  Restores generator state."},
    {nullptr, nullptr, nullptr},
};

// ---- the Random type ----

void random_dealloc(Object* o) { delete_object_of(static_cast<RandomObject*>(o)); }

// CPython's random_init (tp_init): Random(x) seeds from x; keywords are refused unless a subclass
// brings an __init__ of its own.
void random_init(RandomObject& g, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("Random");
    if (nargs > 1) raise(&TypeError_type, "Random() requires 0 or 1 argument");
    seed_from(g, nargs == 1 ? args[0] : nullptr);
}

// Random(x): a generator of its own. A subclass with an __init__ of its own (random.Random) gets it
// unseeded and seeds it from there, as CPython's generic tp_new seeds nothing.
Ref random_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    auto* g = new_object_of<RandomObject>(t);  // a GcHead for a subclass's instance (objects/gc.h)
    Ref self = Ref::steal(g);
    if (t == &random_type || !user_init(t)) random_init(*g, args, nargs, kw);
    return self;
}

void init_random_type() {
    random_type.name = "Random";
    random_type.instance_size = sizeof(RandomObject);
    random_type.dealloc = random_dealloc;
    random_type.construct = random_construct;
    random_type.methods = kRandomMethods;
    random_type.is_basetype = true;
    random_type.constructs_subclasses = true;
    random_type.heads_subclass_instances = true;
    init_type(&random_type);
    dict_set(random_type.dict, intern("__module__"), intern("_random"));
}

}  // namespace

Ref init_random_module() {
    if (!random_type.dict) init_random_type();
    static const MethodDef kNoFunctions[] = {{nullptr, nullptr, nullptr}};
    Ref module = native_module_new("_random", kNoFunctions);
    dict_set(module_dict(module.get()), intern("Random"), &random_type);
    return module;
}

}  // namespace minipy
