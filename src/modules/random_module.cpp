// random_module.cpp — the native `random` module: one shared Mersenne Twister (mt19937.h) and the
// functions of CPython's random.py rebuilt on it draw for draw, so a seeded script prints the same
// numbers under minipy and CPython 3.11. The generator is locked for each call (free-threaded flavor).
#include <algorithm>
#include <cmath>
#include <random>

#include "modules/mt19937.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "vm/module.h"

namespace minipy {

namespace {

using Args = Object* const*;

struct RandomState {
    ObjectMutex mutex;
    Mt19937 mt;
    double gauss_next = 0;
    bool has_gauss_next = false;
};

RandomState& state() {
    static auto* s = new RandomState();  // never destroyed: threads may still draw at exit
    return *s;
}

// ---- drawing bits (callers hold the lock) ----
// getrandbits(k) as CPython builds it: 32-bit words, least significant first, the last one
// keeping its top bits.
void random_bits(int64_t k, mpz_t out) {
    Mt19937& mt = state().mt;
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
Ref random_below(Object* n) {
    mpz_t limit, r;
    mpz_init(limit);
    mpz_init(r);
    int_to_mpz(n, limit);
    int64_t k = mpz_sgn(limit) == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(limit, 2));
    do {
        random_bits(k, r);
    } while (mpz_cmp(r, limit) >= 0 && mpz_sgn(limit) > 0);
    Ref result = int_from_mpz(r);
    mpz_clear(limit);
    mpz_clear(r);
    return result;
}

int64_t below(int64_t n) {
    Ref r = random_below(int_from_i64(n).get());
    int64_t v = 0;
    int_to_i64(r.get(), &v);
    return v;
}

double random_double() { return state().mt.next_double(); }

// ---- seeding ----
void seed_from(Object* a) {
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
    state().mt.seed_key(key);
    state().has_gauss_next = false;
}

Ref rnd_seed(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"a", "version"};
    Object* bound[2];
    bind_args("seed", args, nargs, kw, names, 2, 0, bound);
    CriticalSection cs(state().mutex);
    seed_from(bound[0]);
    return Ref::borrow(None);
}

Ref rnd_random(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("random", nargs, kw, 0, 0);
    CriticalSection cs(state().mutex);
    return float_new(random_double());
}

Ref rnd_getrandbits(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getrandbits", nargs, kw, 1, 1);
    int64_t k = as_index(args[0]);
    if (k < 0) raise(&ValueError_type, "number of bits must be non-negative");
    mpz_t r;
    mpz_init(r);
    {
        CriticalSection cs(state().mutex);
        random_bits(k, r);
    }
    Ref result = int_from_mpz(r);
    mpz_clear(r);
    return result;
}

Ref rnd_uniform(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("uniform", nargs, kw, 2, 2);
    double a = to_double(args[0]), b = to_double(args[1]);
    CriticalSection cs(state().mutex);
    return float_new(a + (b - a) * random_double());
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
    raise(&TypeError_type,
          format("'%s' object cannot be interpreted as an integer", type_of(o)->name.c_str()));
}

Ref randrange(Object* start_obj, Object* stop_obj, Object* step_obj) {
    Ref start = range_arg(start_obj, 1);
    Object* zero = make_small_int(0);
    if (!stop_obj || stop_obj == None) {
        if (step_obj) raise(&TypeError_type, "Missing a non-None stop argument");
        if (int_compare(start.get(), zero) > 0) return random_below(start.get());
        raise(&ValueError_type, "empty range for randrange()");
    }
    Ref stop = range_arg(stop_obj, 2);
    Ref width = binary_op(stop.get(), start.get(), BinaryOp::Sub);
    Ref step = step_obj ? range_arg(step_obj, 3) : Ref::borrow(make_small_int(1));
    if (int_compare(step.get(), make_small_int(1)) == 0) {
        if (int_compare(width.get(), zero) > 0)
            return binary_op(start.get(), random_below(width.get()).get(), BinaryOp::Add);
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
    Ref offset = binary_op(step.get(), random_below(n.get()).get(), BinaryOp::Mul);
    return binary_op(start.get(), offset.get(), BinaryOp::Add);
}

Ref rnd_randrange(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"start", "stop", "step"};
    Object* bound[3];
    bind_args("randrange", args, nargs, kw, names, 3, 1, bound);
    CriticalSection cs(state().mutex);
    return randrange(bound[0], bound[1], bound[2]);
}

Ref rnd_randint(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("randint", nargs, kw, 2, 2);
    Ref stop = binary_op(args[1], make_small_int(1), BinaryOp::Add);
    CriticalSection cs(state().mutex);
    return randrange(args[0], stop.get(), nullptr);
}

Ref rnd_choice(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("choice", nargs, kw, 1, 1);
    int64_t n = length(args[0]);
    if (n == 0) raise(&IndexError_type, "Cannot choose from an empty sequence");
    int64_t i;
    {
        CriticalSection cs(state().mutex);
        i = below(n);
    }
    return get_item(args[0], int_from_i64(i).get());
}

Ref rnd_shuffle(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("shuffle", nargs, kw, 1, 1);
    Object* x = args[0];
    for (int64_t i = length(x) - 1; i > 0; --i) {
        int64_t j;
        {
            CriticalSection cs(state().mutex);
            j = below(i + 1);
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
    bind_args("sample", args, nargs, kw, names, 3, 2, bound);
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
    CriticalSection cs(state().mutex);
    std::vector<Object*>& items = as_list(pool.get())->items;
    if (n <= setsize) {
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = below(n - i);
            list_append(result.get(), items[j]);
            std::swap(items[j], items[n - i - 1]);
        }
        return result;
    }
    std::vector<bool> selected(static_cast<size_t>(n));
    for (int64_t i = 0; i < k; ++i) {
        int64_t j = below(n);
        while (selected[j]) j = below(n);
        selected[j] = true;
        list_append(result.get(), items[j]);
    }
    return result;
}

Ref rnd_choices(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"population", "weights", "cum_weights", "k"};
    Object* bound[4];
    bind_args("choices", args, nargs, kw, names, 4, 1, bound);
    if (nargs > 2)
        raise(&TypeError_type,
              format("choices() takes from 2 to 3 positional arguments but %zu were given", nargs + 1));
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
                CriticalSection cs(state().mutex);
                r = random_double();
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
            CriticalSection cs(state().mutex);
            r = random_double() * total;
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
    bind_args("gauss", args, nargs, kw, names, 2, 0, bound);
    double mu = bound[0] ? to_double(bound[0]) : 0.0, sigma = bound[1] ? to_double(bound[1]) : 1.0;
    RandomState& s = state();
    CriticalSection cs(s.mutex);
    // Box-Muller: each pair of uniforms yields two normals; the second is kept for the next call.
    double z = s.gauss_next;
    if (!s.has_gauss_next) {
        double angle = random_double() * 2 * M_PI;
        double radius = std::sqrt(-2.0 * std::log(1.0 - random_double()));
        z = std::cos(angle) * radius;
        s.gauss_next = std::sin(angle) * radius;
    }
    s.has_gauss_next = !s.has_gauss_next;
    return float_new(mu + z * sigma);
}

Ref rnd_expovariate(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("expovariate", nargs, kw, 1, 1);
    double lambd = to_double(args[0]);
    CriticalSection cs(state().mutex);
    double u = random_double();
    if (lambd == 0) raise(&ZeroDivisionError_type, "float division by zero");
    return float_new(-std::log(1.0 - u) / lambd);
}

const MethodDef kRandomFunctions[] = {
    {"seed", rnd_seed, "Initialize internal state from a seed."},
    {"random", rnd_random, "random() -> x in the interval [0, 1)."},
    {"getrandbits", rnd_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"uniform", rnd_uniform, "Get a random number in the range [a, b) or [a, b] depending on rounding."},
    {"randrange", rnd_randrange, "Choose a random item from range(start, stop[, step])."},
    {"randint", rnd_randint, "Return random integer in range [a, b], including both end points."},
    {"choice", rnd_choice, "Choose a random element from a non-empty sequence."},
    {"choices", rnd_choices, "Return a k sized list of population elements chosen with replacement."},
    {"shuffle", rnd_shuffle, "Shuffle list x in place, and return None."},
    {"sample", rnd_sample, "Chooses k unique random elements from a population sequence."},
    {"gauss", rnd_gauss, "Gaussian distribution."},
    {"expovariate", rnd_expovariate, "Exponential distribution."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_random_module() {
    {
        CriticalSection cs(state().mutex);
        seed_from(nullptr);
    }
    Ref module = module_new("random");
    Dict* d = module_dict(module.get());
    for (const MethodDef* def = kRandomFunctions; def->name; ++def)
        dict_set(d, intern(def->name), native_function_new(def, nullptr).get());
    return module;
}

}  // namespace minipy
