// test_suggestions.cpp — the edit distance behind "Did you mean" (vm/suggestions.cpp): a changed
// letter case costs 1, any other edit 2, common ends are free, and costs over the limit are capped.
#include <doctest/doctest.h>

#include <string>

#include "vm/suggestions.h"

using namespace minipy;

TEST_CASE("suggestion distance: edits, case changes and common ends") {
    CHECK(suggestion_distance("print", "print", 10) == 0);
    CHECK(suggestion_distance("print", "prnt", 10) == 2);  // one byte deleted
    CHECK(suggestion_distance("len", "Len", 10) == 1);     // one letter's case
    CHECK(suggestion_distance("abc", "ABC", 10) == 3);
    CHECK(suggestion_distance("ab", "ba", 10) == 4);           // two replacements
    CHECK(suggestion_distance("kitten", "sitting", 10) == 6);  // the classic three edits
    CHECK(suggestion_distance("", "abc", 1) == 6);             // an empty side: every byte, uncapped
    CHECK(suggestion_distance("abc", "abcd", 10) == suggestion_distance("abcd", "abc", 10));
}

TEST_CASE("suggestion distance: the limit") {
    CHECK(suggestion_distance("kitten", "sitting", 3) == 4);  // over the limit: limit + 1
    CHECK(suggestion_distance("a", "abcdefgh", 5) == 14);     // "a" is a common prefix: 7 inserts
    CHECK(suggestion_distance("xa", "ybcdefgh", 5) == 6);     // too different in length: limit + 1
    std::string longer(41, 'x'), other(41, 'y');
    CHECK(suggestion_distance("a" + longer, "b" + other, 1000) == 1001);  // over 40 bytes
}
