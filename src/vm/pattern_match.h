// pattern_match.h — the runtime side of the match statement (PEP 634): which subjects count as
// sequences and mappings, mapping key lookup, and class patterns (__match_args__, attributes).
#pragma once

#include "objects/object.h"

namespace minipy {

bool match_sequence(Object* subject);  // MATCH_SEQUENCE: list, tuple, range, ... not str/bytes/bytearray
bool match_mapping(Object* subject);   // MATCH_MAPPING: dict, collections.abc.Mapping
// MATCH_KEYS: a tuple of subject.get(key) for each key, or None when one is missing.
Ref match_keys(Object* subject, Object* keys);
// MATCH_CLASS: a tuple of the `nargs` positional (via __match_args__) then the named attributes,
// or None when the subject is no instance of cls or lacks one of them.
Ref match_class(Object* subject, Object* cls, size_t nargs, Object* names);

}  // namespace minipy
