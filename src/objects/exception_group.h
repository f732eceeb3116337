// exception_group.h — BaseExceptionGroup and ExceptionGroup (PEP 654): construction with CPython's
// checks, .message/.exceptions, split/subgroup/derive, and the pieces `except*` is built from.
#pragma once

#include <functional>

#include "objects/object.h"

namespace minipy {

extern Type BaseExceptionGroup_type, ExceptionGroup_type;

// Defines both types and appends them to the built-in exception list (called by
// init_exception_types, after Exception exists).
void init_exception_group_types(std::vector<Type*>& all);

inline bool is_exception_group(const Object* o) { return is_instance(o, &BaseExceptionGroup_type); }
// ExceptionGroup("", [exc]) as except* makes around a naked exception (a new reference).
Ref exception_group_wrap(Object* exc);
// BaseExceptionGroup(message, excs) for a list or tuple of exceptions (ExceptionGroup when all are
// Exceptions).
Ref exception_group_from_list(const char* message, Object* excs);
// The tuple of an exception group's direct sub-exceptions (a new reference).
Ref exception_group_exceptions(Object* eg);

// CPython's exceptiongroup_split_recursive: a leaf or group for which `matches` holds goes to
// *match whole; other groups are split, each part rebuilt with derive() and given the group's
// __traceback__, __cause__, __context__ and __notes__. Parts left empty are null; *rest is only
// built when `want_rest`.
void exception_group_split(Object* exc, const std::function<bool(Object*)>& matches, bool want_rest,
                           Ref* match, Ref* rest);
// The matcher for split()'s argument: an exception type, a tuple of them, or a function.
std::function<bool(Object*)> exception_group_matcher(Object* condition);

}  // namespace minipy
