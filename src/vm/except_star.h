// except_star.h — the runtime side of `except*` (PEP 654): CHECK_EG_MATCH and PREP_RERAISE_STAR.
#pragma once

#include "objects/object.h"

namespace minipy {

// Splits `exc` by the clause's `type`: *match (None when nothing matches; a naked exception is
// wrapped in an ExceptionGroup) and *rest (None when everything matched).
void except_star_match(Object* exc, Object* type, Ref* match, Ref* rest);
// What leaves a try/except* statement: exceptions the clauses raised, plus the part of `orig` that
// was not handled or was re-raised, combined as CPython's _PyExc_PrepReraiseStar; None for nothing.
Ref prep_reraise_star(Object* orig, Object* excs);

}  // namespace minipy
