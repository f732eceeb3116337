// test_main.cpp — the one translation unit that lets doctest generate main() for the unit tests,
// after initialising the built-in types every test relies on.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "objects/object.h"

int main(int argc, char** argv) {
    minipy::init_builtin_types();
    doctest::Context context(argc, argv);
    return context.run();
}
