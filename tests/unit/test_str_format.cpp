// test_str_format.cpp — printf-style `%` formatting and str.format at the C++ level: flag and width
// combinations whose corner cases are tedious to cover in scripts, and the error texts.
#include <doctest/doctest.h>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

using namespace minipy;

namespace {

std::string percent(const char* fmt, std::initializer_list<Object*> args) {
    Ref tuple = tuple_from(args.begin(), args.size());
    return str_utf8(str_percent_format(str_new(fmt).get(), tuple.get()).get());
}

std::string percent_error(const char* fmt, std::initializer_list<Object*> args) {
    try {
        percent(fmt, args);
    } catch (PyException& e) {
        return type_of(e.exception())->name + ": " + exception_message(e.exception());
    }
    return "no error";
}

std::string formatted(const char* fmt, std::initializer_list<Object*> args) {
    Ref kwargs = dict_new();
    return str_utf8(str_format(str_new(fmt).get(), args.begin(), args.size(), kwargs.get()).get());
}

}  // namespace

TEST_CASE("integer conversions combine sign, alternate form, precision and padding") {
    Object* n = make_small_int(255);
    Object* neg = make_small_int(-42);
    CHECK(percent("%d|%5d|%-5d|%05d", {n, n, n, n}) == "255|  255|255  |00255");
    CHECK(percent("%+d|% d|%+05d|%-+6d|", {n, n, neg, n}) == "+255| 255|-0042|+255  |");
    CHECK(percent("%#x|%#X|%#o|%#08x", {n, n, n, n}) == "0xff|0XFF|0o377|0x0000ff");
    CHECK(percent("%.5d|%8.5d|%-8.5x|", {n, n, n}) == "00255|   00255|000ff   |");
    CHECK(percent("%x", {neg}) == "-2a");
}

TEST_CASE("float conversions") {
    Ref pi = float_new(3.14159265);
    CHECK(percent("%f|%.2f|%8.3f|%-8.1f|%08.2f", {pi.get(), pi.get(), pi.get(), pi.get(), pi.get()}) ==
          "3.141593|3.14|   3.142|3.1     |00003.14");
    CHECK(percent("%e|%.1E|%g|%#g", {pi.get(), pi.get(), pi.get(), pi.get()}) ==
          "3.141593e+00|3.1E+00|3.14159|3.14159");
    CHECK(percent("%d", {pi.get()}) == "3");
}

TEST_CASE("star width and precision come from the arguments") {
    Ref s = str_new("abcdef");
    CHECK(percent("%*s|%-*s|%.*s", {make_small_int(4), str_new("ab").get(), make_small_int(4),
                                    str_new("ab").get(), make_small_int(3), s.get()}) == "  ab|ab  |abc");
    CHECK(percent("%*d", {make_small_int(-4), make_small_int(7)}) == "7   ");
}

TEST_CASE("argument count errors use CPython's texts") {
    CHECK(percent_error("%d %d", {make_small_int(1)}) == "TypeError: not enough arguments for format string");
    CHECK(percent_error("%d", {make_small_int(1), make_small_int(2)}) ==
          "TypeError: not all arguments converted during string formatting");
    CHECK(percent_error("%y", {make_small_int(1)}) ==
          "ValueError: unsupported format character 'y' (0x79) at index 1");
    CHECK(percent_error("abc %", {}) == "ValueError: incomplete format");
    CHECK(percent_error("%(k)s", {make_small_int(1)}) == "TypeError: format requires a mapping");
}

TEST_CASE("a single non-tuple argument is the one value") {
    Ref s = str_percent_format(str_new("<%s>").get(), make_small_int(5));
    CHECK(str_utf8(s.get()) == "<5>");
    Ref d = dict_new();
    dict_set(as_dict(d.get()), str_new("k").get(), make_small_int(9));
    CHECK(str_utf8(str_percent_format(str_new("%(k)03d").get(), d.get()).get()) == "009");
}

TEST_CASE("str.format fields, escapes and nested specs") {
    Object* one = make_small_int(1);
    Ref two = str_new("two");
    CHECK(formatted("{} {}", {one, two.get()}) == "1 two");
    CHECK(formatted("{1}{0}{1}", {one, two.get()}) == "two1two");
    CHECK(formatted("{{{0}}}", {one}) == "{1}");
    CHECK(formatted("{0:>{1}}", {two.get(), make_small_int(6)}) == "   two");
    CHECK(formatted("{0!r:^9}", {two.get()}) == "  'two'  ");
}
