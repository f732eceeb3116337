// test_mt19937.cpp — the Mersenne Twister against the reference implementation's published outputs
// and against CPython's seeding (random.seed(n) then getrandbits(32) / random()).
#include <doctest/doctest.h>

#include "modules/mt19937.h"

using namespace minipy;

TEST_CASE("init_genrand(5489) gives the reference sequence") {
    Mt19937 mt;
    mt.seed_word(5489u);
    CHECK(mt.next() == 3499211612u);
    CHECK(mt.next() == 581869302u);
    CHECK(mt.next() == 3890346734u);
}

TEST_CASE("init_by_array gives the reference mt19937ar.out outputs") {
    Mt19937 mt;
    mt.seed_key({0x123, 0x234, 0x345, 0x456});
    CHECK(mt.next() == 1067595299u);
    CHECK(mt.next() == 955945823u);
    CHECK(mt.next() == 477289528u);
}

TEST_CASE("seeding from an int's 32-bit words matches CPython's random.seed") {
    Mt19937 mt;
    mt.seed_key({42});  // random.seed(42)
    CHECK(mt.next() == 2746317213u);
    CHECK(mt.next() == 478163327u);
    CHECK(mt.next() == 107420369u);
    mt.seed_key({0});  // random.seed(0): zero still gives a one-word key
    CHECK(mt.next() == 3626764237u);
    CHECK(mt.next() == 1654615998u);
    mt.seed_key({5, 0, 1});  // random.seed(2**64 + 5): least significant word first
    CHECK(mt.next() == 2192917427u);
    CHECK(mt.next() == 3085273184u);
    CHECK(mt.next_double() == 0.8797586528012199);
}

TEST_CASE("random() draws 53 bits from two outputs") {
    Mt19937 mt;
    mt.seed_key({42});
    CHECK(mt.next_double() == 0.6394267984578837);
    CHECK(mt.next_double() == 0.025010755222666936);
}
