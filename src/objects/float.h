// float.h — Python's float: a boxed double whose repr is the shortest text that round-trips.
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

extern Type float_type;

struct Float : Object {
    double value;
};

Ref float_new(double v);

// Floats are the most churned objects in numeric loops, so freed ones are kept for reuse, per
// thread (the free-threaded flavor needs no lock), and the interpreter's float arithmetic makes and
// frees them inline with these.
struct FloatFreeList {
    Float* head = nullptr;  // threaded through the freed floats' type fields
    int size = 0;
};
inline constexpr int kFloatFreeListMax = 256;
inline thread_local FloatFreeList tl_free_floats;

MINIPY_ALWAYS_INLINE Object* float_new_raw(double v) {
    FloatFreeList& fl = tl_free_floats;
    Float* f = fl.head;
    if (f) {
        fl.head = reinterpret_cast<Float*>(f->type);
        --fl.size;
    } else {
        f = new Float();
    }
    init_header(f, &float_type);
    f->value = v;
    return f;
}
// Frees a float whose count reached zero.
MINIPY_ALWAYS_INLINE void float_free(Object* o) {
    auto* f = static_cast<Float*>(o);
    FloatFreeList& fl = tl_free_floats;
    if (fl.size >= kFloatFreeListMax) {
        // A float on the free list stays a float, dead until reused; one given back to the
        // allocator waits for QSBR (Object's operator delete).
        delete f;
        return;
    }
    f->type = reinterpret_cast<Type*>(fl.head);
    fl.head = f;
    ++fl.size;
}
// decref for an object known to be exactly a float.
MINIPY_ALWAYS_INLINE void float_decref(Object* o) {
    if (refcount_dec(o->refcnt)) float_free(o);
}
inline double float_value(const Object* o) { return static_cast<const Float*>(o)->value; }
// The result `v` of an operation on two exact floats, consuming the caller's references to both:
// an operand that only the caller holds (a temporary, as `a * b` in `a * b + c`) takes the value in
// place, with no allocation and no free. bench/pyperf/nbody.py (1 round, callgrind): 1190.4M
// instructions with a new float per result, 1178.1M this way.
MINIPY_ALWAYS_INLINE Object* float_result(Object* l, Object* r, double v) {
    if (refcount_is_unique(l->refcnt)) {
        static_cast<Float*>(l)->value = v;
        float_decref(r);
        return l;
    }
    if (refcount_is_unique(r->refcnt)) {
        static_cast<Float*>(r)->value = v;
        float_decref(l);
        return r;
    }
    Object* result = float_new_raw(v);
    float_decref(l);
    float_decref(r);
    return result;
}
// A float or an instance of a float subclass (same layout).
inline bool is_float(const Object* o) { return is_instance(o, &float_type); }
std::string float_repr(double v);  // "0.30000000000000004", "1e+22", "inf", "nan", "-0.0"
// Converts int, bool or float (or a float subclass) to double; raises TypeError("must be real
// number, not X") otherwise.
double to_double(Object* o);
Ref float_from_string(const std::string& text);  // float("1.5"); raises ValueError
int64_t float_hash(double v);                    // equal to int_hash for integral values
double float_pow(double x, double y);            // x ** y with CPython's errors
// Compares a float with an int exactly, as CPython does (no rounding of huge ints): -1, 0, 1.
// The float must not be NaN.
int float_compare_int(double v, Object* i);
// float()'s reading of a whole text (surrounding blanks, a sign, underscores between digits, inf,
// nan), false when it is not a float; and the underscore rule alone: `out` gets s without them.
bool parse_float(std::string_view s, double* out);
bool remove_underscores(std::string_view s, std::string* out);

}  // namespace minipy
