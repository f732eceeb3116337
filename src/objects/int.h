// int.h — Python's int: small values are tagged immediates (object.h), larger ones are heap BigInts
// backed by GMP's mpz_t. Arithmetic takes the machine-word path first and promotes on overflow.
#pragma once

#include <gmp.h>

#include <string>

#include "objects/object.h"

namespace minipy {

extern Type bool_type;

// A heap int. One of type int never fits a small int (results are normalised back to tagged
// form); an instance of a class derived from int is a BigInt of that class holding any value.
struct BigInt : Object {
    mpz_t value;
};

Ref int_from_i64(int64_t v);
Ref int_from_mpz(const mpz_t v);                           // normalises to a small int when it fits
Ref int_from_string(const std::string& digits, int base);  // raises ValueError like int("x", base)
// The same without the digit limit below: for literals already checked and for serialized ints.
Ref int_from_string_unlimited(const std::string& digits, int base);
Ref int_from_double(double d);  // int(3.9) == 3; raises on inf/nan
// An int, a bool or an instance of a class derived from int: everything the functions below read.
inline bool is_int(const Object* o) { return is_small_int(o) || o->type->int_layout; }
// Exactly an int, neither bool nor a subclass.
inline bool is_exact_int(const Object* o) { return is_small_int(o) || o->type == &int_type; }
// The value of an int, bool or int-subclass instance as an exact int (`o` itself when it is one).
Ref int_exact(Object* o);
// True when `o` is an instance of a class derived from int (or bool) that defines `dunder` itself
// (`__int__`, `__floor__`, ...): conversions then call it, as CPython's slots do.
bool int_overrides(Object* o, const char* dunder);
// A fresh instance of `t`, a class derived from int, holding the value of the int `value`.
Ref int_subclass_new(Type* t, Object* value);
// Converts an int (or bool) to int64; returns false when it does not fit.
bool int_to_i64(Object* o, int64_t* out);
double int_to_double(Object* o);                  // raises OverflowError when too large
void int_to_mpz(Object* o, mpz_t out);            // out must be initialised
std::string int_to_decimal(Object* o);            // str(), repr(): ValueError beyond the digit limit
std::string int_to_decimal_unlimited(Object* o);  // for serialization (marshal, the code cache)
std::string int_to_base(Object* o, int base, bool with_prefix);  // hex/oct/bin/format; base 10 limited

// CPython 3.11's limit on int<->str conversions in bases that are not powers of two, against
// quadratic-time denial of service (sys.set_int_max_str_digits, -X int_max_str_digits): the most
// digits a conversion accepts, 0 for no limit. One value for the whole process, as CPython's is
// one per interpreter.
constexpr int kDefaultMaxStrDigits = 4300;
constexpr int kStrDigitsCheckThreshold = 640;  // the smallest limit but 0 that may be set
int int_max_str_digits();
void set_int_max_str_digits(int digits);
// The literal's message, "Exceeds the limit (4300 digits) for integer string conversion: value has
// 4301 digits; use sys.set_int_max_str_digits() to increase the limit": int() raises it as a
// ValueError, the compiler as a SyntaxError with a suggestion added.
std::string int_str_digits_error(size_t digits);

// Arithmetic on ints only (both operands int or bool): each returns a new int (or float for
// true division), raising ZeroDivisionError/OverflowError as CPython does.
Ref int_binary(Object* a, Object* b, BinaryOp op);
Ref int_pow_mod(Object* base, Object* exp, Object* mod);
int int_compare(Object* a, Object* b);  // -1, 0, 1
// round(v, -places) for places >= 1: v rounded to a multiple of 10**places, ties to even. With
// `beyond_tie` (v is a float's integer part, a fraction cut off) a tie rounds away from zero.
Ref int_round_tens(Object* v, uint64_t places, bool beyond_tie);
int64_t int_hash(Object* o);

}  // namespace minipy
