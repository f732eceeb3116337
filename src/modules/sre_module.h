// sre_module.h — what the two files of the `_sre` module share: the Pattern object, the text a
// match runs over (kept alive by the Match objects made from it), and the Match/Scanner makers.
#pragma once

#include <memory>

#include "modules/sre_engine.h"
#include "objects/containers.h"
#include "objects/object.h"

namespace minipy {

extern Type sre_pattern_type;

// re.Pattern: the compiled opcode list and what re/_compiler.py passed with it.
struct PatternObject : Object {
    Ref pattern;  // the source: a str, a bytes, or None
    int64_t flags = 0;
    std::vector<sre::Code> code;
    size_t groups = 0;  // capturing groups, not counting group 0
    Ref groupindex;     // dict: name -> group number
    Ref indexgroup;     // tuple: group number -> name or None
    int isbytes = 0;    // -1: no source pattern (either kind of text), 0: str, 1: bytes
};

// The string or bytes being matched, and its characters as the engine reads them.
struct Subject {
    Ref owner;  // the str, bytes or bytearray given
    sre::Text text;
    bool is_bytes = false;
};

// Reads a str, bytes or bytearray; raises CPython's TypeError for anything else.
std::shared_ptr<const Subject> subject_of(Object* string);
// The characters [i, j) as a str (for a str subject) or bytes.
Ref subject_slice(const Subject& subject, int64_t i, int64_t j);
// Checks the pattern and text kinds agree (CPython's TypeErrors) and sets the state's window.
void pattern_begin(PatternObject* p, sre::State& state, const Subject& subject, int64_t pos, int64_t endpos);
// The text group `g` (1-based) matched in `state`, or `unmatched` (null: an empty slice).
Ref state_group(const sre::State& state, const Subject& subject, size_t g, Object* unmatched);

// sre_match.cpp: a re.Match for the match `state` just found; a scanner (pattern.scanner()).
Ref match_new(PatternObject* p, std::shared_ptr<const Subject> subject, const sre::State& state);
Ref scanner_new(PatternObject* p, Object* string, int64_t pos, int64_t endpos);
void init_match_types();

}  // namespace minipy
