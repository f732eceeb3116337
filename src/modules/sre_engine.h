// sre_engine.h — the regular-expression matcher behind `_sre`: it runs the opcode lists that CPython
// 3.11's own re/_compiler.py produces (re/_constants.py numbers them), with a backtracking stack on
// the heap so long inputs cannot exhaust the C stack. sre_module.cpp wraps it in Pattern and Match.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace minipy::sre {

using Code = uint32_t;

constexpr int kMagic = 20220615;            // re/_constants.py's MAGIC
constexpr Code kMaxRepeat = 0xFFFFFFFF;     // an unbounded repeat's upper limit
constexpr int64_t kMaxGroups = 0x3FFFFFFF;  // as CPython on 64-bit machines

// The INFO block's flags (re/_constants.py's SRE_INFO_*): the pattern starts with a literal prefix,
// is that literal entirely, or starts with a character of a set.
constexpr Code kInfoPrefix = 1, kInfoLiteral = 2, kInfoCharset = 4;

// re/_constants.py's OPCODES, in its order.
// clang-format off
enum Op : Code {
    kFailure, kSuccess, kAny, kAnyAll, kAssert, kAssertNot, kAt, kBranch, kCategory, kCharset,
    kBigCharset, kGroupref, kGrouprefExists, kIn, kInfo, kJump, kLiteral, kMark, kMaxUntil,
    kMinUntil, kNotLiteral, kNegate, kRange, kRepeat, kRepeatOne, kSubpattern, kMinRepeatOne,
    kAtomicGroup, kPossessiveRepeat, kPossessiveRepeatOne, kGrouprefIgnore, kInIgnore,
    kLiteralIgnore, kNotLiteralIgnore, kGrouprefLocIgnore, kInLocIgnore, kLiteralLocIgnore,
    kNotLiteralLocIgnore, kGrouprefUniIgnore, kInUniIgnore, kLiteralUniIgnore,
    kNotLiteralUniIgnore, kRangeUniIgnore,
    kOpCount
};
// clang-format on

// The characters a match runs over: one byte each (bytes, or a str that is all ASCII, read in
// place) or one code point each (a str with other characters, decoded once).
struct Text {
    const uint8_t* narrow = nullptr;
    std::vector<uint32_t> wide;
    std::string copy;  // a bytearray's contents, copied so other threads cannot change them mid-match
    int64_t length = 0;
    bool is_wide() const { return narrow == nullptr; }
    uint32_t at(int64_t i) const { return narrow ? narrow[i] : wide[i]; }
};

// One repeat in progress (REPEAT ... MAX_UNTIL/MIN_UNTIL): how many times its body has matched.
struct Repeat {
    int64_t count;
    const Code* body;  // the REPEAT's operands: skip, min, max, then the body
    int prev;          // the enclosing repeat's index in State::repeats, -1 for none
    int64_t last_ptr;  // where the last iteration started: stops empty iterations looping
};

struct Frame;

// A match attempt: the window [start, end) of the text, the options, and what a match found.
// Positions are indices into the text; a mark of -1 was not reached.
struct State {
    const Text* text = nullptr;
    int64_t start = 0, end = 0;   // where this attempt starts; the end of the window (endpos)
    int64_t pos = 0, endpos = 0;  // the window as the caller gave it, for Match.pos/endpos
    bool match_all = false;       // fullmatch: succeed only at `end`
    bool must_advance = false;    // finditer/sub after an empty match: no empty match at `start`
    int64_t ptr = 0;              // after a match: its end (start is its beginning)
    std::vector<int64_t> marks;   // 2 per group: start, end
    int lastmark = -1, lastindex = -1;
    // The matcher's stacks, kept between attempts to avoid reallocating.
    std::vector<Frame> frames;
    std::vector<int64_t> saved;  // marks and last_ptr values pushed while backtracking
    std::vector<Repeat> repeats;
    int repeat = -1;     // the innermost repeat in progress
    uint32_t ticks = 0;  // steps since the last check for Ctrl-C

    State();
    ~State();
    // Sets the window as CPython's state_init clamps pos and endpos.
    void reset(const Text* t, int64_t pos, int64_t endpos, size_t groups);
    // Forgets the groups of a previous attempt.
    void reset_marks() { lastmark = lastindex = -1; }
};

// Whether the pattern matches at state.start (match, fullmatch). Raises on Ctrl-C.
bool match(State& state, const Code* code);
// Looks for the first position from state.start where the pattern matches; state.start is the
// match's beginning afterwards.
bool search(State& state, const Code* code);

// Checks the structure of an opcode list, as CPython's _validate, so no list a user passes to
// _sre.compile can make the matcher read outside it. `groups` counts the capturing groups.
bool validate(const std::vector<Code>& code, size_t groups);

// The case and class helpers _sre publishes (ascii_iscased, unicode_tolower, ...).
uint32_t lower_ascii(uint32_t c);
bool ascii_iscased(uint32_t c);
bool unicode_iscased(uint32_t c);
uint32_t lower_unicode(uint32_t c);

}  // namespace minipy::sre
