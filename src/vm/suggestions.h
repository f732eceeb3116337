// suggestions.h — CPython 3.11's "Did you mean" for a NameError or an AttributeError printed by the
// traceback: the closest name among those the failed lookup could have found.
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

// The name to offer for the exception `exc`, or "" when there is none: for an AttributeError, the
// nearest of dir(exc.obj) to exc.name; for a NameError, of the innermost traceback frame's local
// variable names, then its globals, then its builtins (the first of the three with a match wins).
// Never raises: a failing dir() or a missing attribute means no suggestion.
std::string offer_suggestion(Object* exc);

// The edit distance CPython's suggestions use (exposed for the unit tests): inserting or deleting a
// byte costs 2, replacing one with the same letter in the other case 1, with another byte 2. Any
// result above `max_cost` is returned as max_cost + 1.
size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost);

}  // namespace minipy
