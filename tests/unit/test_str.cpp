// test_str.cpp — str internals scripts reach poorly: UTF-8 indexing and slicing, repr quoting and
// escapes, interning, and the split/strip family against CPython's results.
#include <doctest/doctest.h>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"

using namespace minipy;

namespace {

// Calls a str method by name, as `s.name(args...)` would.
Ref method(const char* text, const char* name, std::initializer_list<Object*> args = {}) {
    Ref s = str_new(text);
    Ref m = get_attr(s.get(), intern(name));
    return call(m.get(), args.begin(), args.size());
}

std::string text_of(const Ref& r) { return repr_utf8(r.get()); }

}  // namespace

TEST_CASE("length, indexing and slicing count code points") {
    Ref s = str_new("héllo wörld");
    CHECK(as_str(s.get())->length == 11);
    CHECK_FALSE(as_str(s.get())->ascii);
    CHECK(str_utf8(get_item(s.get(), make_small_int(1)).get()) == "é");
    CHECK(str_utf8(get_item(s.get(), make_small_int(-4)).get()) == "ö");
    Ref sl = slice_new(make_small_int(1), make_small_int(8), make_small_int(2));
    CHECK(str_utf8(get_item(s.get(), sl.get()).get()) == "él ö");
    Ref rev = slice_new(None, None, make_small_int(-1));
    CHECK(str_utf8(get_item(s.get(), rev.get()).get()) == "dlröw olléh");
}

TEST_CASE("repr chooses quotes and escapes like CPython") {
    CHECK(str_repr_text("it's") == "\"it's\"");
    CHECK(str_repr_text("a'b\"") == "'a\\'b\"'");
    CHECK(str_repr_text("tab\there\n") == "'tab\\there\\n'");
    CHECK(str_repr_text(std::string("\x00\x7f", 2)) == "'\\x00\\x7f'");
    CHECK(str_repr_text("\xc2\xa0\xe2\x80\xa8") == "'\\xa0\\u2028'");
    CHECK(str_repr_text("é😀") == "'é😀'");
}

TEST_CASE("interned strings are unique and immortal") {
    Str* a = intern("name");
    Ref b = str_new("name");
    CHECK(intern("name") == a);
    CHECK(is_immortal(a));
    CHECK(str_equal(a, as_str(b.get())));
    CHECK(str_hash(a) == str_hash(as_str(b.get())));
}

TEST_CASE("split, rsplit and strip") {
    Ref comma = str_new(",");
    CHECK(text_of(method("  a  b c ", "split")) == "['a', 'b', 'c']");
    CHECK(text_of(method("a,b,,c", "split", {comma.get()})) == "['a', 'b', '', 'c']");
    CHECK(text_of(method("a,b,,c", "rsplit", {comma.get(), make_small_int(2)})) == "['a,b', '', 'c']");
    CHECK(text_of(method("  a b  ", "rsplit", {None, make_small_int(1)})) == "['  a', 'b']");
    Ref xy = str_new("xy");
    CHECK(text_of(method("xyhixy", "strip", {xy.get()})) == "'hi'");
    CHECK(text_of(method("a\r\nb\rc\n", "splitlines")) == "['a', 'b', 'c']");
}

TEST_CASE("case mapping, padding and searching") {
    CHECK(text_of(method("they're bill's 1a", "title")) == "\"They'Re Bill'S 1A\"");
    CHECK(text_of(method("Straße", "upper")) == "'STRASSE'");  // SpecialCasing: ß -> SS
    CHECK(text_of(method("ÀÉÎ", "lower")) == "'àéî'");
    Ref star = str_new("*");
    CHECK(text_of(method("ab", "center", {make_small_int(5), star.get()})) == "'**ab*'");
    CHECK(text_of(method("-42", "zfill", {make_small_int(6)})) == "'-00042'");
    Ref o = str_new("ö");
    CHECK(text_of(method("wörld wörld", "rfind", {o.get()})) == "7");
    Ref empty = str_new("");
    CHECK(text_of(method("abc", "count", {empty.get()})) == "4");
    CHECK(text_of(method("abc", "replace", {empty.get(), star.get()})) == "'*a*b*c*'");
}

TEST_CASE("errors use CPython's wording") {
    auto message = [](auto fn) {
        try {
            fn();
        } catch (PyException& e) {
            return exception_message(e.exception());
        }
        return std::string("no error");
    };
    CHECK(message([] {
              Ref s = str_new("a");
              get_item(s.get(), make_small_int(5));
          }) == "string index out of range");
    CHECK(message([] {
              Ref s = str_new("a");
              binary_op(s.get(), make_small_int(1), BinaryOp::Add);
          }) == "can only concatenate str (not \"int\") to str");
    CHECK(message([] {
              Ref s = str_new("a");
              contains(s.get(), make_small_int(1));
          }) == "'in <string>' requires string as left operand, not int");
    CHECK(message([] {
              Ref sep = str_new("-");
              Ref items = list_new();
              list_append(items.get(), make_small_int(1));
              str_join(sep.get(), items.get());
          }) == "sequence item 0: expected str instance, int found");
}
