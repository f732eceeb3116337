// test_main.cpp — the one translation unit in which doctest generates main() for the unit tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
