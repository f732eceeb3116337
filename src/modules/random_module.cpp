// random_module.cpp — the native `random` module: random.Random, a Mersenne Twister (mt19937.h) with
// the methods of CPython's random.py rebuilt on it draw for draw, so a seeded script prints the same
// numbers under minipy and CPython 3.11. The module-level functions are bound methods of one hidden
// instance, as in random.py. Each generator is locked for each call (free-threaded flavor).
#include <algorithm>
#include <cmath>
#include <random>

#include "modules/mt19937.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
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
    double gauss_next = 0;
    bool has_gauss_next = false;
};

Type random_type;
// The instance behind random.random() and the other module-level functions (random._inst);
// immortal: threads may still draw at exit.
RandomObject* g_module_generator = nullptr;

RandomObject& self_of(Args args) { return *static_cast<RandomObject*>(args[0]); }

// ---- drawing bits (callers hold the lock) ----
// getrandbits(k) as CPython builds it: 32-bit words, least significant first, the last one
// keeping its top bits.
void random_bits(RandomObject& g, int64_t k, mpz_t out) {
    Mt19937& mt = g.mt;
    if (k <= 32) {
        mpz_set_ui(out, k == 0 ? 0 : mt.next() >> (32 - k));
        return;
    }
    std::vector<uint32_t> words;
    for (int64_t left = k; left > 0; left -= 32) {
        uint32_t r = mt.next();
        if (left < 32) r >>= (32 - left);
        words.push_back(r);
    }
    mpz_import(out, words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
}

// A uniform int in [0, n) by rejection sampling on n.bit_length() bits (random._randbelow).
Ref random_below(RandomObject& g, Object* n) {
    mpz_t limit, r;
    mpz_init(limit);
    mpz_init(r);
    int_to_mpz(n, limit);
    int64_t k = mpz_sgn(limit) == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(limit, 2));
    do {
        random_bits(g, k, r);
    } while (mpz_cmp(r, limit) >= 0 && mpz_sgn(limit) > 0);
    Ref result = int_from_mpz(r);
    mpz_clear(limit);
    mpz_clear(r);
    return result;
}

int64_t below(RandomObject& g, int64_t n) {
    Ref r = random_below(g, int_from_i64(n).get());
    int64_t v = 0;
    int_to_i64(r.get(), &v);
    return v;
}

// ---- seeding ----
void seed_from(RandomObject& g, Object* a) {
    std::vector<uint32_t> key;
    if (!a || a == None) {
        std::random_device device;
        for (int i = 0; i < Mt19937::kN; ++i) key.push_back(device());
    } else {
        Ref value;
        if (is_int(a)) {
            value = number_abs(a);
        } else if (is_str(a) || is_bytes_like(a)) {
            raise(&NotImplementedError_type,
                  "random.seed() of a str or bytes is not supported by minipy; use an int");
        } else {
            // CPython seeds other objects (floats among them) from the absolute value of their hash.
            value = number_abs(int_from_i64(hash(a)).get());
        }
        mpz_t m;
        mpz_init(m);
        int_to_mpz(value.get(), m);
        size_t count = 0;
        key.resize(mpz_sizeinbase(m, 2) / 32 + 1);
        mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, m);
        key.resize(std::max<size_t>(count, 1));
        mpz_clear(m);
    }
    g.mt.seed_key(key);
    g.has_gauss_next = false;
}

// Methods: args[0] is the generator (the hidden module instance for the module-level functions).
Ref rnd_seed(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"a", "version"};
    Object* bound[2];
    bind_args("seed", args + 1, nargs - 1, kw, names, 2, 0, bound);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    seed_from(g, bound[0]);
    return Ref::borrow(None);
}

Ref rnd_random(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("random", nargs - 1, kw, 0, 0);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    return float_new(g.mt.next_double());
}

// `k` random bits into `out` (initialized here; the caller clears it), under the generator's lock.
void draw_bits(RandomObject& g, int64_t k, mpz_t out) {
    mpz_init(out);
    CriticalSection cs(g.mutex);
    random_bits(g, k, out);
}

Ref rnd_getrandbits(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getrandbits", nargs - 1, kw, 1, 1);
    int64_t k = as_index(args[1]);
    if (k < 0) raise(&ValueError_type, "number of bits must be non-negative");
    mpz_t r;
    draw_bits(self_of(args), k, r);
    Ref result = int_from_mpz(r);
    mpz_clear(r);
    return result;
}

// randbytes(n): getrandbits(n * 8) as n little-endian bytes, as random.py makes them.
Ref rnd_randbytes(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("randbytes", nargs - 1, kw, 1, 1);
    int64_t n = as_index(args[1]);
    if (n < 0) raise(&ValueError_type, "number of bits must be non-negative");
    mpz_t r;
    draw_bits(self_of(args), n * 8, r);
    std::string out(static_cast<size_t>(n), '\0');
    size_t written = 0;
    if (n > 0) mpz_export(out.data(), &written, -1, 1, 0, 0, r);
    mpz_clear(r);
    return bytes_new(out);
}

Ref rnd_uniform(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("uniform", nargs - 1, kw, 2, 2);
    double a = to_double(args[1]), b = to_double(args[2]);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    return float_new(a + (b - a) * g.mt.next_double());
}

// randrange's arguments must be integers; CPython 3.11 still accepts integral floats (deprecated).
Ref range_arg(Object* o, int position) {
    if (is_int(o)) return Ref::borrow(o);
    if (type_of(o) == &float_type && float_value(o) == std::floor(float_value(o)) &&
        std::isfinite(float_value(o)))
        return int_from_double(float_value(o));
    if (type_of(o) == &float_type)
        raise(&ValueError_type, format("non-integer %s for randrange()", position == 1   ? "arg 1"
                                                                         : position == 2 ? "stop"
                                                                                         : "step"));
    raise_not_an_integer(o);
}

Ref randrange(RandomObject& g, Object* start_obj, Object* stop_obj, Object* step_obj) {
    Ref start = range_arg(start_obj, 1);
    Object* zero = make_small_int(0);
    if (!stop_obj || stop_obj == None) {
        if (step_obj) raise(&TypeError_type, "Missing a non-None stop argument");
        if (int_compare(start.get(), zero) > 0) return random_below(g, start.get());
        raise(&ValueError_type, "empty range for randrange()");
    }
    Ref stop = range_arg(stop_obj, 2);
    Ref width = binary_op(stop.get(), start.get(), BinaryOp::Sub);
    Ref step = step_obj ? range_arg(step_obj, 3) : Ref::borrow(make_small_int(1));
    if (int_compare(step.get(), make_small_int(1)) == 0) {
        if (int_compare(width.get(), zero) > 0)
            return binary_op(start.get(), random_below(g, width.get()).get(), BinaryOp::Add);
        raise(&ValueError_type,
              format("empty range for randrange() (%s, %s, %s)", int_to_decimal(start.get()).c_str(),
                     int_to_decimal(stop.get()).c_str(), int_to_decimal(width.get()).c_str()));
    }
    int sign = int_compare(step.get(), zero);
    if (sign == 0) raise(&ValueError_type, "zero step for randrange()");
    // n = ceil(width / step), computed as CPython does with floor division.
    Ref adjust = binary_op(step.get(), make_small_int(sign > 0 ? -1 : 1), BinaryOp::Add);
    Ref n =
        binary_op(binary_op(width.get(), adjust.get(), BinaryOp::Add).get(), step.get(), BinaryOp::FloorDiv);
    if (int_compare(n.get(), zero) <= 0) raise(&ValueError_type, "empty range for randrange()");
    Ref offset = binary_op(step.get(), random_below(g, n.get()).get(), BinaryOp::Mul);
    return binary_op(start.get(), offset.get(), BinaryOp::Add);
}

Ref rnd_randrange(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"start", "stop", "step"};
    Object* bound[3];
    bind_args("randrange", args + 1, nargs - 1, kw, names, 3, 1, bound);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    return randrange(g, bound[0], bound[1], bound[2]);
}

Ref rnd_randint(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("randint", nargs - 1, kw, 2, 2);
    Ref stop = binary_op(args[2], make_small_int(1), BinaryOp::Add);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    return randrange(g, args[1], stop.get(), nullptr);
}

Ref rnd_choice(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("choice", nargs - 1, kw, 1, 1);
    int64_t n = length(args[1]);
    if (n == 0) raise(&IndexError_type, "Cannot choose from an empty sequence");
    RandomObject& g = self_of(args);
    int64_t i;
    {
        CriticalSection cs(g.mutex);
        i = below(g, n);
    }
    return get_item(args[1], int_from_i64(i).get());
}

Ref rnd_shuffle(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("shuffle", nargs - 1, kw, 1, 1);
    RandomObject& g = self_of(args);
    Object* x = args[1];
    for (int64_t i = length(x) - 1; i > 0; --i) {
        int64_t j;
        {
            CriticalSection cs(g.mutex);
            j = below(g, i + 1);
        }
        Ref a = int_from_i64(i), b = int_from_i64(j);
        Ref xi = get_item(x, a.get()), xj = get_item(x, b.get());
        set_item(x, a.get(), xj.get());
        set_item(x, b.get(), xi.get());
    }
    return Ref::borrow(None);
}

Ref rnd_sample(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"population", "k", "counts"};
    Object* bound[3];
    bind_args("sample", args + 1, nargs - 1, kw, names, 3, 2, bound);
    RandomObject& g = self_of(args);
    Type* t = type_of(bound[0]);
    if (t == &set_type || t == &frozenset_type || t == &dict_type)
        raise(&TypeError_type, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (bound[2] && bound[2] != None)
        raise(&NotImplementedError_type, "random.sample() with counts is not supported by minipy");
    Ref pool = list_from_iterable(bound[0]);
    auto n = static_cast<int64_t>(as_list(pool.get())->items.size());
    int64_t k = as_index(bound[1]);
    if (k < 0 || k > n) raise(&ValueError_type, "Sample larger than population or is negative");
    // CPython picks from a copied pool when it is smaller than a set of k indices would be; both
    // ways consume the generator differently, so the choice is reproduced exactly.
    int64_t setsize = 21;
    if (k > 5) setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(k * 3.0) / std::log(4.0))));
    Ref result = list_new(static_cast<size_t>(k));
    CriticalSection cs(g.mutex);
    ListItems& items = as_list(pool.get())->items;
    if (n <= setsize) {
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = below(g, n - i);
            list_append(result.get(), items[j]);
            std::swap(items[j], items[n - i - 1]);
        }
        return result;
    }
    std::vector<bool> selected(static_cast<size_t>(n));
    for (int64_t i = 0; i < k; ++i) {
        int64_t j = below(g, n);
        while (selected[j]) j = below(g, n);
        selected[j] = true;
        list_append(result.get(), items[j]);
    }
    return result;
}

Ref rnd_choices(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"population", "weights", "cum_weights", "k"};
    Object* bound[4];
    bind_args("choices", args + 1, nargs - 1, kw, names, 4, 1, bound);
    if (nargs > 3)
        raise(&TypeError_type,
              format("choices() takes from 2 to 3 positional arguments but %zu were given", nargs));
    RandomObject& g = self_of(args);
    Object* population = bound[0];
    int64_t n = length(population);
    int64_t k = bound[3] ? as_index(bound[3]) : 1;
    Object* weights = bound[1] && bound[1] != None ? bound[1] : nullptr;
    Object* cum = bound[2] && bound[2] != None ? bound[2] : nullptr;
    Ref result = list_new();
    if (!weights && !cum) {
        for (int64_t i = 0; i < k; ++i) {
            double r;
            {
                CriticalSection cs(g.mutex);
                r = g.mt.next_double();
            }
            list_append(result.get(),
                        get_item(population, int_from_i64(static_cast<int64_t>(r * n)).get()).get());
        }
        return result;
    }
    if (weights && cum) raise(&TypeError_type, "Cannot specify both weights and cumulative weights");
    std::vector<double> totals;
    double running = 0;
    for_each_item(weights ? weights : cum, [&](Object* w) {
        running = weights ? running + to_double(w) : to_double(w);
        totals.push_back(running);
    });
    if (static_cast<int64_t>(totals.size()) != n)
        raise(&ValueError_type, "The number of weights does not match the population");
    double total = totals.empty() ? 0 : totals.back();
    if (total <= 0) raise(&ValueError_type, "Total of weights must be greater than zero");
    if (!std::isfinite(total)) raise(&ValueError_type, "Total of weights must be finite");
    for (int64_t i = 0; i < k; ++i) {
        double r;
        {
            CriticalSection cs(g.mutex);
            r = g.mt.next_double() * total;
        }
        // bisect_right over totals[0 .. n-1), as CPython's choices.
        auto pos = std::upper_bound(totals.begin(), totals.end() - 1, r) - totals.begin();
        list_append(result.get(), get_item(population, int_from_i64(pos).get()).get());
    }
    return result;
}

Ref rnd_gauss(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"mu", "sigma"};
    Object* bound[2];
    bind_args("gauss", args + 1, nargs - 1, kw, names, 2, 0, bound);
    double mu = bound[0] ? to_double(bound[0]) : 0.0, sigma = bound[1] ? to_double(bound[1]) : 1.0;
    RandomObject& s = self_of(args);
    CriticalSection cs(s.mutex);
    // Box-Muller: each pair of uniforms yields two normals; the second is kept for the next call.
    double z = s.gauss_next;
    if (!s.has_gauss_next) {
        double angle = s.mt.next_double() * 2 * M_PI;
        double radius = std::sqrt(-2.0 * std::log(1.0 - s.mt.next_double()));
        z = std::cos(angle) * radius;
        s.gauss_next = std::sin(angle) * radius;
    }
    s.has_gauss_next = !s.has_gauss_next;
    return float_new(mu + z * sigma);
}

Ref rnd_expovariate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("expovariate", nargs - 1, kw, 1, 1);
    double lambd = to_double(args[1]);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    double u = g.mt.next_double();
    if (lambd == 0) raise(&ZeroDivisionError_type, "float division by zero");
    return float_new(-std::log(1.0 - u) / lambd);
}

// ---- state ----
constexpr int kStateVersion = 3;

// A Python-level method of CPython's random.Random: its argument-count error.
void check_method_args(const char* name, const char* param, size_t nargs, Tuple* kw, size_t want) {
    if (kw && kw->size) raise_no_kwargs(name);
    if (nargs == want) return;
    if (nargs < want)
        raise(&TypeError_type,
              format("Random.%s() missing 1 required positional argument: '%s'", name, param));
    raise(&TypeError_type, format("Random.%s() takes %zu positional argument%s but %zu were given", name,
                                  want, want == 1 ? "" : "s", nargs));
}

// getstate(): (3, the 624 state words and the position, gauss_next or None), as CPython's.
Ref rnd_getstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_method_args("getstate", "", nargs, kw, 1);
    RandomObject& g = self_of(args);
    uint32_t words[Mt19937::kN];
    int position;
    Ref gauss;
    {
        CriticalSection cs(g.mutex);
        std::copy(g.mt.words(), g.mt.words() + Mt19937::kN, words);
        position = g.mt.position();
        gauss = g.has_gauss_next ? float_new(g.gauss_next) : Ref::borrow(None);
    }
    Ref internal = tuple_new(Mt19937::kN + 1);
    for (int i = 0; i < Mt19937::kN; ++i)
        as_tuple(internal.get())->items[i] = int_from_i64(words[i]).release();
    as_tuple(internal.get())->items[Mt19937::kN] = int_from_i64(position).release();
    Object* items[3] = {make_small_int(kStateVersion), internal.get(), gauss.get()};
    return tuple_from(items, 3);
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

// setstate(state): random.py's checks on the version, then _random's on the state vector.
Ref rnd_setstate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_method_args("setstate", "state", nargs, kw, 2);
    Ref version = get_item(args[1], make_small_int(0));
    if (!equals(version.get(), make_small_int(kStateVersion)))
        raise(&ValueError_type, format("state with version %s passed to Random.setstate() of version %d",
                                       str_utf8(version.get()).c_str(), kStateVersion));
    Ref parts = tuple_from_iterable(args[1]);
    size_t got = as_tuple(parts.get())->size;
    if (got > 3) raise(&ValueError_type, "too many values to unpack (expected 3)");
    if (got < 3) raise(&ValueError_type, format("not enough values to unpack (expected 3, got %zu)", got));
    Object* internal = as_tuple(parts.get())->items[1];
    Object* gauss = as_tuple(parts.get())->items[2];
    if (!is_instance(internal, &tuple_type)) raise(&TypeError_type, "state vector must be a tuple");
    if (as_tuple(internal)->size != Mt19937::kN + 1)
        raise(&ValueError_type, "state vector is the wrong size");
    uint32_t words[Mt19937::kN];
    for (int i = 0; i < Mt19937::kN; ++i) words[i] = state_word(as_tuple(internal)->items[i]);
    int64_t position = as_index(as_tuple(internal)->items[Mt19937::kN]);
    if (position < 0 || position > Mt19937::kN) raise(&ValueError_type, "invalid state");
    double gauss_next = gauss == None ? 0 : to_double(gauss);
    RandomObject& g = self_of(args);
    CriticalSection cs(g.mutex);
    g.mt.restore(words, static_cast<int>(position));
    g.has_gauss_next = gauss != None;
    g.gauss_next = gauss_next;
    return Ref::borrow(None);
}

const MethodDef kRandomMethods[] = {
    {"seed", rnd_seed, "Initialize internal state from a seed."},
    {"random", rnd_random, "random() -> x in the interval [0, 1)."},
    {"getrandbits", rnd_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"randbytes", rnd_randbytes, "Generate n random bytes."},
    {"uniform", rnd_uniform, "Get a random number in the range [a, b) or [a, b] depending on rounding."},
    {"randrange", rnd_randrange, "Choose a random item from range(start, stop[, step])."},
    {"randint", rnd_randint, "Return random integer in range [a, b], including both end points."},
    {"choice", rnd_choice, "Choose a random element from a non-empty sequence."},
    {"choices", rnd_choices, "Return a k sized list of population elements chosen with replacement."},
    {"shuffle", rnd_shuffle, "Shuffle list x in place, and return None."},
    {"sample", rnd_sample, "Chooses k unique random elements from a population sequence."},
    {"gauss", rnd_gauss, "Gaussian distribution."},
    {"expovariate", rnd_expovariate, "Exponential distribution."},
    {"getstate", rnd_getstate, "Return internal state; can be passed to setstate() later."},
    {"setstate", rnd_setstate, "Restore internal state from object returned by getstate()."},
    {nullptr, nullptr, nullptr},
};

// ---- the Random type ----

void random_dealloc(Object* o) { delete static_cast<RandomObject*>(o); }

Ref random_repr(Object* o) { return str_new(format("<random.Random object at %p>", static_cast<void*>(o))); }

// random.py's Random.__init__(self, x=None): seeds from x as seed() does.
void random_init(RandomObject& g, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"x"};
    if (nargs > 1)
        raise(
            &TypeError_type,
            format("Random.__init__() takes from 1 to 2 positional arguments but %zu were given", nargs + 1));
    Object* bound[1];
    bind_args("Random.__init__", args, nargs, kw, names, 1, 0, bound);
    CriticalSection cs(g.mutex);
    seed_from(g, bound[0]);
}

Ref rnd_init(Object*, Args args, size_t nargs, Tuple* kw) {
    random_init(self_of(args), args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

// Apart from kRandomMethods, which the module also publishes as functions.
const MethodDef kInitMethod[] = {{"__init__", rnd_init, "Initialize an instance."},
                                 {nullptr, nullptr, nullptr}};

// Random(x): a generator of its own. A subclass with an __init__ of its own gets it unseeded and
// seeds it through super().__init__(), as CPython's _random.Random.__new__ seeds nothing.
Ref random_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    auto* t = static_cast<Type*>(type);
    auto* g = new RandomObject();
    init_header(g, t);
    Ref self = Ref::steal(g);
    if (t == &random_type || !user_init(t)) random_init(*g, args, nargs, kw);
    return self;
}

void init_random_type() {
    random_type.name = "Random";
    random_type.instance_size = sizeof(RandomObject);
    random_type.dealloc = random_dealloc;
    random_type.repr = random_repr;
    random_type.construct = random_construct;
    random_type.methods = kRandomMethods;
    random_type.is_basetype = true;
    random_type.constructs_subclasses = true;
    init_type(&random_type);
    dict_set(random_type.dict, intern("__module__"), intern("random"));
    dict_set(random_type.dict, intern("__init__"), method_descriptor_new(&random_type, kInitMethod).get());
    g_module_generator = new RandomObject();
    init_header(g_module_generator, &random_type);
    make_immortal(g_module_generator);
    seed_from(*g_module_generator, nullptr);
}

}  // namespace

Ref init_random_module() {
    if (!g_module_generator) init_random_type();
    // The module-level functions are the methods of one hidden Random instance, as in CPython.
    Ref module = native_module_new("random", kRandomMethods, g_module_generator);
    dict_set(module_dict(module.get()), intern("Random"), &random_type);
    return module;
}

}  // namespace minipy
