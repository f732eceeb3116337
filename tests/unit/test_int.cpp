// test_int.cpp — bigint edge cases: promotion and normalisation at the small-int boundary,
// Python's floor division and modulo on negatives, shifts, true division rounding, hashing.
#include <doctest/doctest.h>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

using namespace minipy;

namespace {

Ref I(int64_t v) { return int_from_i64(v); }
Ref parse(const char* s) { return int_from_string(s, 10); }
std::string dec(const Ref& r) { return int_to_decimal(r.get()); }
Ref op(const Ref& a, const Ref& b, BinaryOp o) { return binary_op(a.get(), b.get(), o); }

std::string error_of(auto&& fn) {
    try {
        fn();
    } catch (PyException& e) {
        return type_of(e.exception())->name + ": " + exception_message(e.exception());
    }
    return "no error";
}

}  // namespace

TEST_CASE("small ints stay tagged and big results normalise back") {
    CHECK(is_small_int(I(kSmallIntMax).get()));
    Ref big = op(I(kSmallIntMax), I(1), BinaryOp::Add);
    CHECK_FALSE(is_small_int(big.get()));
    CHECK(dec(big) == "2305843009213693952");
    Ref back = op(big, I(1), BinaryOp::Sub);
    CHECK(is_small_int(back.get()));
    CHECK(small_int_value(back.get()) == kSmallIntMax);
    CHECK(dec(op(I(kSmallIntMin), I(-1), BinaryOp::Mul)) == "2305843009213693952");
}

TEST_CASE("multiplication and power overflow into GMP") {
    Ref p = op(I(2), I(100), BinaryOp::Pow);
    CHECK(dec(p) == "1267650600228229401496703205376");
    CHECK(dec(op(I(3037000500), I(3037000500), BinaryOp::Mul)) == "9223372037000250000");
    CHECK(dec(op(p, p, BinaryOp::FloorDiv)) == "1");
    CHECK(float_value(op(I(2), I(-2), BinaryOp::Pow).get()) == 0.25);
}

TEST_CASE("floor division and modulo follow the divisor's sign") {
    CHECK(dec(op(I(-7), I(2), BinaryOp::FloorDiv)) == "-4");
    CHECK(dec(op(I(-7), I(2), BinaryOp::Mod)) == "1");
    CHECK(dec(op(I(7), I(-2), BinaryOp::Mod)) == "-1");
    Ref big = parse("-100000000000000000000000000001");
    CHECK(dec(op(big, I(7), BinaryOp::Mod)) == "1");
    CHECK(dec(op(big, I(7), BinaryOp::FloorDiv)) == "-14285714285714285714285714286");
    CHECK(error_of([] { op(I(1), I(0), BinaryOp::FloorDiv); }) ==
          "ZeroDivisionError: integer division or modulo by zero");
    CHECK(error_of([] { op(I(1), I(0), BinaryOp::Mod); }) == "ZeroDivisionError: integer modulo by zero");
}

TEST_CASE("shifts and bitwise operations on negatives") {
    CHECK(dec(op(I(-1), I(100), BinaryOp::LShift)) == "-1267650600228229401496703205376");
    CHECK(dec(op(I(-5), I(1), BinaryOp::RShift)) == "-3");
    CHECK(dec(op(parse("-1267650600228229401496703205376"), I(99), BinaryOp::RShift)) == "-2");
    CHECK(dec(op(I(-6), I(3), BinaryOp::And)) == "2");
    CHECK(dec(unary_invert(parse("18446744073709551616").get())) == "-18446744073709551617");
    CHECK(error_of([] { op(I(1), I(-1), BinaryOp::LShift); }) == "ValueError: negative shift count");
}

TEST_CASE("true division is correctly rounded") {
    CHECK(float_value(op(I(1), I(3), BinaryOp::TrueDiv).get()) == 1.0 / 3.0);
    Ref big = parse("10000000000000000000000000000000000000001");
    CHECK(float_value(op(big, I(10), BinaryOp::TrueDiv).get()) == 1e39);
    CHECK(float_repr(float_value(op(I(0), I(-5), BinaryOp::TrueDiv).get())) == "-0.0");
    // 2**53 + 1 over 1 must round to even, not truncate.
    Ref odd = parse("18014398509481985");  // 2**54 + 1
    CHECK(float_value(op(odd, I(1), BinaryOp::TrueDiv).get()) == 18014398509481984.0);
    CHECK(error_of([] { op(I(1), I(0), BinaryOp::TrueDiv); }) == "ZeroDivisionError: division by zero");
}

TEST_CASE("int() parsing with bases, prefixes and underscores") {
    CHECK(dec(int_from_string("  -1_000  ", 10)) == "-1000");
    CHECK(dec(int_from_string("0x_ff", 0)) == "255");
    CHECK(dec(int_from_string("ff", 16)) == "255");
    CHECK(dec(int_from_string("0b101", 2)) == "5");
    CHECK(dec(int_from_string("z", 36)) == "35");
    CHECK(dec(int_from_string("000", 0)) == "0");
    CHECK(dec(int_from_string("123456789012345678901234567890", 10)) == "123456789012345678901234567890");
    CHECK(error_of([] { int_from_string("x", 10); }) ==
          "ValueError: invalid literal for int() with base 10: 'x'");
    CHECK(error_of([] { int_from_string("1__0", 10); }) ==
          "ValueError: invalid literal for int() with base 10: '1__0'");
    CHECK(error_of([] { int_from_string("010", 0); }) ==
          "ValueError: invalid literal for int() with base 0: '010'");
    CHECK(error_of([] { int_from_string("1", 1); }) == "ValueError: int() base must be >= 2 and <= 36, or 0");
}

TEST_CASE("hash matches CPython's modular reduction") {
    CHECK(hash(I(-1).get()) == -2);
    CHECK(hash(I(kSmallIntMax).get()) == 0);
    CHECK(hash(parse("2305843009213693951").get()) == 0);
    CHECK(hash(parse("2305843009213693952").get()) == 1);
    CHECK(hash(parse("-2305843009213693953").get()) == -2);
    CHECK(hash(parse("100000000000000000000000").get()) == 200376420520733032);
}

TEST_CASE("comparisons across int, bool and float are exact") {
    Ref big = parse("9007199254740993");  // 2**53 + 1: not representable as a double
    Ref f = float_new(9007199254740992.0);
    CHECK(compare_bool(big.get(), f.get(), CompareOp::Gt));
    CHECK_FALSE(equals(big.get(), f.get()));
    CHECK(equals(I(1).get(), True));
    Ref one = float_new(1.0);
    CHECK(equals(one.get(), True));
    CHECK(hash(one.get()) == hash(True));
    CHECK(error_of([] {
              Ref s = str_new("a");
              compare_bool(s.get(), make_small_int(1), CompareOp::Lt);
          }) == "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(error_of([] {
              Ref s = str_new("a");
              binary_op(make_small_int(1), s.get(), BinaryOp::Add);
          }) == "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
}
