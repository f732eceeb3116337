// test_format_spec.cpp — the format-spec mini-language against values CPython 3.11 prints for
// `format(value, spec)` (each expectation was taken from python3).
#include <doctest/doctest.h>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/object.h"
#include "objects/str.h"

using namespace minipy;

namespace {
std::string fmt(Object* v, const char* spec) { return str_utf8_of(format_value(v, spec).get()); }
std::string fmt_int(int64_t v, const char* spec) { return fmt(int_from_i64(v).get(), spec); }
std::string fmt_float(double v, const char* spec) { return fmt(float_new(v).get(), spec); }
std::string fmt_str(const char* v, const char* spec) { return fmt(str_new(v).get(), spec); }
}  // namespace

TEST_CASE("int format specs") {
    init_builtin_types();
    CHECK(fmt_int(1234567, ",") == "1,234,567");
    CHECK(fmt_int(1234, "010,") == "00,001,234");
    CHECK(fmt_int(255, "#x") == "0xff");
    CHECK(fmt_int(255, "08b") == "11111111");
    CHECK(fmt_int(-42, "+d") == "-42");
    CHECK(fmt_int(42, " d") == " 42");
    CHECK(fmt_int(-5, "=6") == "-    5");
    CHECK(fmt_int(5, "*^7") == "***5***");
    CHECK(fmt_int(1234567, "_") == "1_234_567");
    CHECK(fmt_int(3735928559, "_x") == "dead_beef");
    CHECK_THROWS_AS(fmt_int(1, ".2d"), PyException);
    CHECK_THROWS_AS(fmt_int(1, "z"), PyException);
}

TEST_CASE("float format specs") {
    init_builtin_types();
    CHECK(fmt_float(3.14159, ".2f") == "3.14");
    CHECK(fmt_float(1e22, "") == "1e+22");
    CHECK(fmt_float(0.5, ".0f") == "0");
    CHECK(fmt_float(2.5, ".0f") == "2");
    CHECK(fmt_float(1234.5678, ",.2f") == "1,234.57");
    CHECK(fmt_float(1.0, ".3") == "1.0");
    CHECK(fmt_float(1234.5, ".3") == "1.23e+03");
    CHECK(fmt_float(1e-7, "g") == "1e-07");
    CHECK(fmt_float(0.25, "%") == "25.000000%");
    CHECK(fmt_float(12.0, "010.2f") == "0000012.00");
    CHECK(fmt_float(-1.5, "e") == "-1.500000e+00");
    CHECK(fmt_float(12345.678, "012,.1f") == "00,012,345.7");
    CHECK(fmt_float(1.0, "g") == "1");
    CHECK(fmt_float(100000.0, "g") == "100000");
    CHECK(fmt_float(-0.0001, "z.2f") == "0.00");
    CHECK(fmt_float(-0.0001, ".2f") == "-0.00");
}

TEST_CASE("str format specs") {
    init_builtin_types();
    CHECK(fmt_str("abc", ">6") == "   abc");
    CHECK(fmt_str("abc", "^7") == "  abc  ");
    CHECK(fmt_str("h\xc3\xa9llo", "*<8") == "h\xc3\xa9llo***");
    CHECK(fmt_str("abcdef", ".3") == "abc");
    CHECK_THROWS_AS(fmt_str("a", "=5"), PyException);
    CHECK_THROWS_AS(fmt_str("a", "d"), PyException);
}
