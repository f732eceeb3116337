// test_float.cpp — float repr (shortest round-trip, CPython's exponent rules), parsing, floor
// division and modulo signs, and a hash equal to int's for integral values.
#include <doctest/doctest.h>

#include <cmath>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

using namespace minipy;

namespace {

std::string r(double v) { return float_repr(v); }
double fop(double a, double b, BinaryOp o) {
    Ref x = float_new(a), y = float_new(b);
    return float_value(binary_op(x.get(), y.get(), o).get());
}

}  // namespace

TEST_CASE("repr is the shortest round-trip text in CPython's layout") {
    CHECK(r(0.1 + 0.2) == "0.30000000000000004");
    CHECK(r(100.0) == "100.0");
    CHECK(r(1e16) == "1e+16");
    CHECK(r(1e22) == "1e+22");
    CHECK(r(123456789012345678.0) == "1.2345678901234568e+17");
    CHECK(r(9999999999999998.0) == "9999999999999998.0");
    CHECK(r(1e-5) == "1e-05");
    CHECK(r(0.0001) == "0.0001");
    CHECK(r(1.5e-7) == "1.5e-07");
    CHECK(r(-0.0) == "-0.0");
    CHECK(r(INFINITY) == "inf");
    CHECK(r(-INFINITY) == "-inf");
    CHECK(r(NAN) == "nan");
    CHECK(r(5e-324) == "5e-324");
    CHECK(r(1.7976931348623157e308) == "1.7976931348623157e+308");
}

TEST_CASE("float() parses what CPython accepts") {
    CHECK(float_value(float_from_string(" 1_000.5 ").get()) == 1000.5);
    CHECK(float_value(float_from_string("-Infinity").get()) == -INFINITY);
    CHECK(std::isnan(float_value(float_from_string("nan").get())));
    CHECK(float_value(float_from_string("+.5e1").get()) == 5.0);
    CHECK(float_value(float_from_string("1e500").get()) == INFINITY);
    for (const char* bad : {"", "1_", "_1", "1e", "nan(1)", "--1", "0x10", "1 2"}) {
        try {
            float_from_string(bad);
            FAIL("accepted " << bad);
        } catch (PyException& e) {
            CHECK(exception_message(e.exception()) ==
                  "could not convert string to float: " + str_repr_text(bad));
        }
    }
}

TEST_CASE("floor division and modulo take the divisor's sign") {
    CHECK(fop(-7.5, 2, BinaryOp::FloorDiv) == -4.0);
    CHECK(fop(-7.5, 2, BinaryOp::Mod) == 0.5);
    CHECK(fop(7.5, -2, BinaryOp::Mod) == -0.5);
    CHECK(std::signbit(fop(0.0, -1, BinaryOp::Mod)));
    CHECK(std::signbit(fop(-0.0, 1, BinaryOp::FloorDiv)));
    try {
        fop(1, 0, BinaryOp::Mod);
        FAIL("no error");
    } catch (PyException& e) {
        CHECK(exception_message(e.exception()) == "float modulo");
    }
}

TEST_CASE("hash agrees with int for integral values and matches CPython") {
    CHECK(float_hash(1.0) == 1);
    CHECK(float_hash(-1.0) == -2);
    CHECK(float_hash(0.5) == 1152921504606846976);
    CHECK(float_hash(1e100) == 1822893315824342674);
    CHECK(float_hash(-2.5) == -1152921504606846978);
    Ref big = int_from_string("1267650600228229401496703205376", 10);
    CHECK(float_hash(1267650600228229401496703205376.0) == hash(big.get()));
}

TEST_CASE("mixed int and float arithmetic") {
    Ref half = binary_op(make_small_int(1), float_new(0.5).get(), BinaryOp::Add);
    CHECK(float_value(half.get()) == 1.5);
    try {
        Ref huge = int_from_string("1" + std::string(400, '0'), 10);
        binary_op(huge.get(), float_new(1.0).get(), BinaryOp::Mul);
        FAIL("no error");
    } catch (PyException& e) {
        CHECK(exception_message(e.exception()) == "int too large to convert to float");
    }
}
