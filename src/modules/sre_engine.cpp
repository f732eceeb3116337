// sre_engine.cpp — the matcher that runs SRE opcode lists (sre_engine.h), following the semantics of
// CPython 3.11's Modules/_sre/sre_lib.h: the same backtracking order and the same rules for which
// group marks survive a failed alternative, so groups come out as CPython's do.
#include "modules/sre_engine.h"

#include <cctype>
#include <cstring>

#include "modules/sre_chars.h"
#include "objects/errors.h"
#include "objects/eval_breaker.h"
#include "runtime/thread_state.h"

namespace minipy::sre {

// re/_constants.py's ATCODES.
// clang-format off
enum At : Code {
    kAtBeginning, kAtBeginningLine, kAtBeginningString, kAtBoundary, kAtNonBoundary, kAtEnd,
    kAtEndLine, kAtEndString, kAtLocBoundary, kAtLocNonBoundary, kAtUniBoundary, kAtUniNonBoundary
};
// clang-format on
// Where a frame's parent continues once the frame returns (CPython's jump codes).
// clang-format off
enum class Resume : uint8_t {
    None, Branch, RepeatOneLiteral, RepeatOne, MinRepeatOne, Repeat, MaxUntil1, MaxUntil2,
    MaxUntil3, MinUntil1, MinUntil2, MinUntil3, PossRepeat1, PossRepeat2, Atomic, Assert, AssertNot
};
// clang-format on

// One activation of the matcher on a piece of pattern: the op it is suspended in, and the values
// that op keeps across the sub-matches it starts.
struct Frame {
    const Code* pc;
    int64_t ptr;
    int64_t count;
    int rep;
    Code chr;
    int lastmark, lastindex;
    Resume resume;
    bool toplevel;
};

State::State() = default;
State::~State() = default;

void State::reset(const Text* t, int64_t p, int64_t e, size_t groups) {
    text = t;
    int64_t n = t->length;
    pos = p < 0 ? 0 : (p > n ? n : p);
    endpos = e < 0 ? 0 : (e > n ? n : e);
    start = pos;
    end = endpos;
    ptr = pos;
    match_all = must_advance = false;
    marks.assign(2 * groups + 2, -1);
    reset_marks();
}

// ---- character classes ----
uint32_t lower_ascii(uint32_t c) { return c < 128 && c >= 'A' && c <= 'Z' ? c + 32 : c; }
bool ascii_iscased(uint32_t c) { return c < 128 && std::isalpha(static_cast<int>(c)); }
uint32_t lower_unicode(uint32_t c) { return unicode_to_lower(c); }
bool unicode_iscased(uint32_t c) { return c != unicode_to_lower(c) || c != unicode_to_upper(c); }

namespace {

// The matcher for one character width.
template <typename Char>
class Matcher {
public:
    Matcher(State& st, const Char* s) : st_(st), s_(s), end_(st.end) {}
    bool run(const Code* pc, bool toplevel);
    bool search(const Code* code);
    int64_t next_start(int64_t ptr, const Code* info) const;

private:
    State& st_;
    const Char* s_;
    int64_t end_;

    Frame& ctx() { return st_.frames.back(); }
    Repeat& rep(int i) { return st_.repeats[static_cast<size_t>(i)]; }
    bool at(int64_t ptr, Code code) const;
    int64_t count(const Code* item, int64_t ptr, Code max);
    void tick();
    // Saving group marks around a sub-match that may fail (CPython's MARK_PUSH/POP).
    void save_lastmark() {
        ctx().lastmark = st_.lastmark;
        ctx().lastindex = st_.lastindex;
    }
    void restore_lastmark() {
        st_.lastmark = ctx().lastmark;
        st_.lastindex = ctx().lastindex;
    }
    void push_marks(int lastmark) {
        for (int i = 0; i <= lastmark; ++i) st_.saved.push_back(st_.marks[i]);
    }
    void pop_marks(int lastmark, bool discard) {
        if (lastmark < 0) return;
        size_t base = st_.saved.size() - static_cast<size_t>(lastmark + 1);
        for (int i = 0; i <= lastmark; ++i) st_.marks[i] = st_.saved[base + i];
        if (discard) st_.saved.resize(base);
    }
    void drop_marks(int lastmark) {
        if (lastmark >= 0) st_.saved.resize(st_.saved.size() - static_cast<size_t>(lastmark + 1));
    }
    bool word_at(int64_t i, bool (*is)(uint32_t)) const { return is(static_cast<uint32_t>(s_[i])); }
    bool boundary(int64_t ptr, bool (*is)(uint32_t)) const {
        if (end_ == 0) return false;
        bool before = ptr > 0 && word_at(ptr - 1, is);
        bool here = ptr < end_ && word_at(ptr, is);
        return before != here;
    }
};

template <typename Char>
void Matcher<Char>::tick() {
    // A catastrophic pattern can run for a long time: let Ctrl-C and the GIL in now and then.
    if ((++st_.ticks & 0xFFF) == 0 && eval_breaker.raised()) handle_eval_breaker(thread_state());
}

template <typename Char>
bool Matcher<Char>::at(int64_t ptr, Code code) const {
    switch (code) {
        case kAtBeginning:
        case kAtBeginningString:
            return ptr == 0;
        case kAtBeginningLine:
            return ptr == 0 || is_linebreak(s_[ptr - 1]);
        case kAtEnd:
            return (end_ - ptr == 1 && is_linebreak(s_[ptr])) || ptr == end_;
        case kAtEndLine:
            return ptr == end_ || is_linebreak(s_[ptr]);
        case kAtEndString:
            return ptr == end_;
        case kAtBoundary:
            return boundary(ptr, is_word);
        case kAtNonBoundary:
            return end_ != 0 && !boundary(ptr, is_word);
        case kAtLocBoundary:
            return boundary(ptr, is_loc_word);
        case kAtLocNonBoundary:
            return end_ != 0 && !boundary(ptr, is_loc_word);
        case kAtUniBoundary:
            return boundary(ptr, is_uni_word);
        case kAtUniNonBoundary:
            return end_ != 0 && !boundary(ptr, is_uni_word);
    }
    return false;
}

// How many times, up to `max`, the one-character `item` matches from `ptr` on.
template <typename Char>
int64_t Matcher<Char>::count(const Code* item, int64_t ptr, Code max) {
    int64_t end = end_;
    if (max != kMaxRepeat && static_cast<int64_t>(max) < end - ptr) end = ptr + max;
    int64_t p = ptr;
    Code chr = item[1];
    switch (item[0]) {
        case kIn:
            while (p < end && in_charset(item + 2, s_[p])) ++p;
            break;
        case kAny:
            while (p < end && !is_linebreak(s_[p])) ++p;
            break;
        case kAnyAll:
            p = end;
            break;
        case kLiteral:
            while (p < end && s_[p] == chr) ++p;
            break;
        case kLiteralIgnore:
            while (p < end && lower_ascii(s_[p]) == chr) ++p;
            break;
        case kLiteralUniIgnore:
            while (p < end && lower_unicode(s_[p]) == chr) ++p;
            break;
        case kLiteralLocIgnore:
            while (p < end && char_loc_ignore(chr, s_[p])) ++p;
            break;
        case kNotLiteral:
            while (p < end && s_[p] != chr) ++p;
            break;
        case kNotLiteralIgnore:
            while (p < end && lower_ascii(s_[p]) != chr) ++p;
            break;
        case kNotLiteralUniIgnore:
            while (p < end && lower_unicode(s_[p]) != chr) ++p;
            break;
        case kNotLiteralLocIgnore:
            while (p < end && !char_loc_ignore(chr, s_[p])) ++p;
            break;
        case kCategory:
            while (p < end && in_category(chr, s_[p])) ++p;
            break;
        default:  // any other one-character item: run it (it ends with SUCCESS) until it fails
            st_.ptr = ptr;
            while (st_.ptr < end) {
                int64_t before = st_.ptr;
                if (!run(item, false) || st_.ptr == before) break;
            }
            p = st_.ptr;
            break;
    }
    return p - ptr;
}

// Runs the pattern at `start_pc` from st_.ptr. Each sub-match an op needs (an alternative, a
// repeat's body, a lookaround) pushes a frame and jumps to `enter`; when that frame returns, its
// `resume` code sends control back into the op that started it, with pc and ptr restored.
template <typename Char>
bool Matcher<Char>::run(const Code* start_pc, bool toplevel) {
    std::vector<Frame>& frames = st_.frames;
    const size_t base = frames.size();
    frames.push_back(Frame{start_pc, 0, 0, -1, 0, -1, -1, Resume::None, toplevel});
    const Code* pc = start_pc;
    const Code* next_pc = nullptr;
    int64_t ptr = 0;
    int64_t n = 0;
    bool ret = false;

// Starts a sub-match at `child` and continues at `label` when it returns, its result in `ret`.
#define MINIPY_SRE_CALL(how, label, child, child_toplevel)                      \
    next_pc = (child);                                                          \
    ctx().pc = pc;                                                              \
    ctx().ptr = ptr;                                                            \
    frames.push_back(Frame{next_pc, 0, 0, -1, 0, -1, -1, how, child_toplevel}); \
    pc = next_pc;                                                               \
    goto enter;                                                                 \
    label:

enter:
    ptr = st_.ptr;
    if (pc[0] == kInfo) {
        // <INFO> <skip> <flags> <min> ...: too little text left cannot match.
        if (pc[3] && end_ - ptr < static_cast<int64_t>(pc[3])) goto fail;
        pc += pc[1] + 1;
    }
    for (;;) {
        tick();
        switch (*pc++) {
            case kMark: {
                int i = static_cast<int>(pc[0]);
                if (i & 1) st_.lastindex = i / 2 + 1;
                if (i > st_.lastmark) {
                    for (int j = st_.lastmark + 1; j < i; ++j) st_.marks[j] = -1;
                    st_.lastmark = i;
                }
                st_.marks[i] = ptr;
                pc++;
                break;
            }
            case kLiteral:
                if (ptr >= end_ || s_[ptr] != pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kNotLiteral:
                if (ptr >= end_ || s_[ptr] == pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kSuccess:
                if (ctx().toplevel &&
                    ((st_.match_all && ptr != end_) || (st_.must_advance && ptr == st_.start)))
                    goto fail;
                st_.ptr = ptr;
                goto succeed;
            case kAt:
                if (!at(ptr, pc[0])) goto fail;
                pc++;
                break;
            case kCategory:
                if (ptr >= end_ || !in_category(pc[0], s_[ptr])) goto fail;
                pc++, ptr++;
                break;
            case kAny:
                if (ptr >= end_ || is_linebreak(s_[ptr])) goto fail;
                ptr++;
                break;
            case kAnyAll:
                if (ptr >= end_) goto fail;
                ptr++;
                break;
            case kIn:
                if (ptr >= end_ || !in_charset(pc + 1, s_[ptr])) goto fail;
                pc += pc[0], ptr++;
                break;
            case kLiteralIgnore:
                if (ptr >= end_ || lower_ascii(s_[ptr]) != pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kLiteralUniIgnore:
                if (ptr >= end_ || lower_unicode(s_[ptr]) != pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kLiteralLocIgnore:
                if (ptr >= end_ || !char_loc_ignore(pc[0], s_[ptr])) goto fail;
                pc++, ptr++;
                break;
            case kNotLiteralIgnore:
                if (ptr >= end_ || lower_ascii(s_[ptr]) == pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kNotLiteralUniIgnore:
                if (ptr >= end_ || lower_unicode(s_[ptr]) == pc[0]) goto fail;
                pc++, ptr++;
                break;
            case kNotLiteralLocIgnore:
                if (ptr >= end_ || char_loc_ignore(pc[0], s_[ptr])) goto fail;
                pc++, ptr++;
                break;
            case kInIgnore:
                if (ptr >= end_ || !in_charset(pc + 1, lower_ascii(s_[ptr]))) goto fail;
                pc += pc[0], ptr++;
                break;
            case kInUniIgnore:
                if (ptr >= end_ || !in_charset(pc + 1, lower_unicode(s_[ptr]))) goto fail;
                pc += pc[0], ptr++;
                break;
            case kInLocIgnore:
                if (ptr >= end_ || !in_charset_loc_ignore(pc + 1, s_[ptr])) goto fail;
                pc += pc[0], ptr++;
                break;
            case kJump:
            case kInfo:
                pc += pc[0];
                break;

            case kBranch:
                // <BRANCH> <skip> alternative <JUMP> ... <FAILURE>: try each alternative in turn.
                save_lastmark();
                if (st_.repeat >= 0) push_marks(ctx().lastmark);
                for (; pc[0]; pc += pc[0]) {
                    // Skip alternatives whose first character cannot match.
                    if (pc[1] == kLiteral && (ptr >= end_ || s_[ptr] != pc[2])) continue;
                    if (pc[1] == kIn && (ptr >= end_ || !in_charset(pc + 3, s_[ptr]))) continue;
                    st_.ptr = ptr;
                    MINIPY_SRE_CALL(Resume::Branch, resume_branch, pc + 1, ctx().toplevel);
                    if (ret) {
                        if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                        goto succeed;
                    }
                    if (st_.repeat >= 0) pop_marks(ctx().lastmark, false);
                    restore_lastmark();
                }
                if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                goto fail;

            case kRepeatOne:
                // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: a greedy repeat of one
                // character; take as many as possible, then give them back one by one.
                if (static_cast<int64_t>(pc[1]) > end_ - ptr) goto fail;
                st_.ptr = ptr;
                n = count(pc + 3, ptr, pc[2]);
                ctx().count = n;
                ptr += n;
                if (n < static_cast<int64_t>(pc[1])) goto fail;
                if (pc[pc[0]] == kSuccess && ptr == end_ &&
                    !(ctx().toplevel && st_.must_advance && ptr == st_.start)) {
                    st_.ptr = ptr;  // the tail is empty: done
                    goto succeed;
                }
                save_lastmark();
                if (st_.repeat >= 0) push_marks(ctx().lastmark);
                if (pc[pc[0]] == kLiteral) {
                    // The tail starts with a literal: only positions before it can match.
                    ctx().chr = pc[pc[0] + 1];
                    for (;;) {
                        while (ctx().count >= static_cast<int64_t>(pc[1]) &&
                               (ptr >= end_ || s_[ptr] != ctx().chr)) {
                            ptr--;
                            ctx().count--;
                        }
                        if (ctx().count < static_cast<int64_t>(pc[1])) break;
                        st_.ptr = ptr;
                        MINIPY_SRE_CALL(Resume::RepeatOneLiteral, resume_repeat_one_literal, pc + pc[0],
                                        ctx().toplevel);
                        if (ret) {
                            if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                            goto succeed;
                        }
                        if (st_.repeat >= 0) pop_marks(ctx().lastmark, false);
                        restore_lastmark();
                        ptr--;
                        ctx().count--;
                    }
                } else {
                    while (ctx().count >= static_cast<int64_t>(pc[1])) {
                        st_.ptr = ptr;
                        MINIPY_SRE_CALL(Resume::RepeatOne, resume_repeat_one, pc + pc[0], ctx().toplevel);
                        if (ret) {
                            if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                            goto succeed;
                        }
                        if (st_.repeat >= 0) pop_marks(ctx().lastmark, false);
                        restore_lastmark();
                        ptr--;
                        ctx().count--;
                    }
                }
                if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                goto fail;

            case kMinRepeatOne:
                // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: the lazy version; take
                // the minimum, then one more each time the tail fails.
                if (static_cast<int64_t>(pc[1]) > end_ - ptr) goto fail;
                st_.ptr = ptr;
                ctx().count = 0;
                if (pc[1] != 0) {
                    n = count(pc + 3, ptr, pc[1]);
                    if (n < static_cast<int64_t>(pc[1])) goto fail;
                    ctx().count = n;
                    ptr += n;
                }
                if (pc[pc[0]] == kSuccess && !(ctx().toplevel && ((st_.match_all && ptr != end_) ||
                                                                  (st_.must_advance && ptr == st_.start)))) {
                    st_.ptr = ptr;
                    goto succeed;
                }
                save_lastmark();
                if (st_.repeat >= 0) push_marks(ctx().lastmark);
                while (pc[2] == kMaxRepeat || ctx().count <= static_cast<int64_t>(pc[2])) {
                    st_.ptr = ptr;
                    MINIPY_SRE_CALL(Resume::MinRepeatOne, resume_min_repeat_one, pc + pc[0], ctx().toplevel);
                    if (ret) {
                        if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                        goto succeed;
                    }
                    if (st_.repeat >= 0) pop_marks(ctx().lastmark, false);
                    restore_lastmark();
                    st_.ptr = ptr;
                    if (count(pc + 3, ptr, 1) == 0) break;
                    ptr++;
                    ctx().count++;
                }
                if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                goto fail;

            case kPossessiveRepeatOne:
                // As REPEAT_ONE, but what the repeat took is never given back.
                if (ptr + static_cast<int64_t>(pc[1]) > end_) goto fail;
                st_.ptr = ptr;
                n = count(pc + 3, ptr, pc[2]);
                ptr += n;
                if (n < static_cast<int64_t>(pc[1])) goto fail;
                pc += pc[0];
                if (*pc == kSuccess && ptr == end_ &&
                    !(ctx().toplevel && st_.must_advance && ptr == st_.start)) {
                    st_.ptr = ptr;
                    goto succeed;
                }
                break;

            case kRepeat:
                // <REPEAT> <skip> <min> <max> body <MAX_UNTIL or MIN_UNTIL> tail: installs the
                // repeat; the UNTIL op at the end of the body decides whether to go round again.
                st_.repeats.push_back(Repeat{-1, pc, st_.repeat, -1});
                ctx().rep = static_cast<int>(st_.repeats.size()) - 1;
                st_.repeat = ctx().rep;
                st_.ptr = ptr;
                MINIPY_SRE_CALL(Resume::Repeat, resume_repeat, pc + pc[0], ctx().toplevel);
                st_.repeat = rep(ctx().rep).prev;
                st_.repeats.pop_back();
                if (ret) goto succeed;
                goto fail;

            case kMaxUntil:
                // The end of a greedy repeat's body: another iteration if allowed, else the tail.
                ctx().rep = st_.repeat;
                if (ctx().rep < 0) raise(&RuntimeError_type, "internal error in regular expression engine");
                st_.ptr = ptr;
                ctx().count = rep(ctx().rep).count + 1;
                if (ctx().count < static_cast<int64_t>(rep(ctx().rep).body[1])) {
                    rep(ctx().rep).count = ctx().count;  // not enough yet: the body again
                    MINIPY_SRE_CALL(Resume::MaxUntil1, resume_max_until_1, rep(ctx().rep).body + 3,
                                    ctx().toplevel);
                    if (ret) goto succeed;
                    rep(ctx().rep).count = ctx().count - 1;
                    st_.ptr = ptr;
                    goto fail;
                }
                if ((ctx().count < static_cast<int64_t>(rep(ctx().rep).body[2]) ||
                     rep(ctx().rep).body[2] == kMaxRepeat) &&
                    st_.ptr != rep(ctx().rep).last_ptr) {
                    // Enough already, but try one more iteration first (not an empty one twice).
                    rep(ctx().rep).count = ctx().count;
                    save_lastmark();
                    push_marks(ctx().lastmark);
                    st_.saved.push_back(rep(ctx().rep).last_ptr);
                    rep(ctx().rep).last_ptr = st_.ptr;
                    MINIPY_SRE_CALL(Resume::MaxUntil2, resume_max_until_2, rep(ctx().rep).body + 3,
                                    ctx().toplevel);
                    rep(ctx().rep).last_ptr = st_.saved.back();
                    st_.saved.pop_back();
                    if (ret) {
                        drop_marks(ctx().lastmark);
                        goto succeed;
                    }
                    pop_marks(ctx().lastmark, true);
                    restore_lastmark();
                    rep(ctx().rep).count = ctx().count - 1;
                    st_.ptr = ptr;
                }
                // No more iterations here: the tail must match, outside this repeat.
                st_.repeat = rep(ctx().rep).prev;
                MINIPY_SRE_CALL(Resume::MaxUntil3, resume_max_until_3, pc, ctx().toplevel);
                st_.repeat = ctx().rep;
                if (ret) goto succeed;
                st_.ptr = ptr;
                goto fail;

            case kMinUntil:
                // The end of a lazy repeat's body: the tail first, another iteration if it fails.
                ctx().rep = st_.repeat;
                if (ctx().rep < 0) raise(&RuntimeError_type, "internal error in regular expression engine");
                st_.ptr = ptr;
                ctx().count = rep(ctx().rep).count + 1;
                if (ctx().count < static_cast<int64_t>(rep(ctx().rep).body[1])) {
                    rep(ctx().rep).count = ctx().count;
                    MINIPY_SRE_CALL(Resume::MinUntil1, resume_min_until_1, rep(ctx().rep).body + 3,
                                    ctx().toplevel);
                    if (ret) goto succeed;
                    rep(ctx().rep).count = ctx().count - 1;
                    st_.ptr = ptr;
                    goto fail;
                }
                st_.repeat = rep(ctx().rep).prev;
                save_lastmark();
                if (st_.repeat >= 0) push_marks(ctx().lastmark);
                MINIPY_SRE_CALL(Resume::MinUntil2, resume_min_until_2, pc, ctx().toplevel);
                st_.repeat = ctx().rep;
                if (ret) {
                    if (rep(ctx().rep).prev >= 0) drop_marks(ctx().lastmark);
                    goto succeed;
                }
                if (rep(ctx().rep).prev >= 0) pop_marks(ctx().lastmark, true);
                restore_lastmark();
                st_.ptr = ptr;
                if ((ctx().count >= static_cast<int64_t>(rep(ctx().rep).body[2]) &&
                     rep(ctx().rep).body[2] != kMaxRepeat) ||
                    st_.ptr == rep(ctx().rep).last_ptr)
                    goto fail;
                rep(ctx().rep).count = ctx().count;
                st_.saved.push_back(rep(ctx().rep).last_ptr);
                rep(ctx().rep).last_ptr = st_.ptr;
                MINIPY_SRE_CALL(Resume::MinUntil3, resume_min_until_3, rep(ctx().rep).body + 3,
                                ctx().toplevel);
                rep(ctx().rep).last_ptr = st_.saved.back();
                st_.saved.pop_back();
                if (ret) goto succeed;
                rep(ctx().rep).count = ctx().count - 1;
                st_.ptr = ptr;
                goto fail;

            case kPossessiveRepeat:
                // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail: iterations are
                // separate matches, never revisited.
                st_.ptr = ptr;
                ctx().count = 0;
                while (ctx().count < static_cast<int64_t>(pc[1])) {
                    MINIPY_SRE_CALL(Resume::PossRepeat1, resume_poss_repeat_1, pc + 3, false);
                    if (!ret) {
                        st_.ptr = ptr;
                        goto fail;
                    }
                    ctx().count++;
                }
                ptr = -1;  // differs from st_.ptr, so the loop runs at least once
                while ((ctx().count < static_cast<int64_t>(pc[2]) || pc[2] == kMaxRepeat) && st_.ptr != ptr) {
                    save_lastmark();
                    push_marks(ctx().lastmark);
                    ptr = st_.ptr;
                    MINIPY_SRE_CALL(Resume::PossRepeat2, resume_poss_repeat_2, pc + 3, false);
                    if (!ret) {
                        pop_marks(ctx().lastmark, true);
                        restore_lastmark();
                        st_.ptr = ptr;
                        break;
                    }
                    drop_marks(ctx().lastmark);
                    ctx().count++;
                }
                pc += pc[0] + 1;
                ptr = st_.ptr;
                break;

            case kAtomicGroup:
                // <ATOMIC_GROUP> <skip> body <SUCCESS> tail: the body's first match is final.
                st_.ptr = ptr;
                MINIPY_SRE_CALL(Resume::Atomic, resume_atomic, pc + 1, false);
                if (!ret) {
                    st_.ptr = ptr;
                    goto fail;
                }
                pc += pc[0];
                ptr = st_.ptr;
                break;

            case kGroupref:
            case kGrouprefIgnore:
            case kGrouprefUniIgnore:
            case kGrouprefLocIgnore: {
                // <GROUPREF> <group>: the text the group matched, again.
                Code op = pc[-1];
                int g = static_cast<int>(pc[0]) * 2;
                if (g >= st_.lastmark) goto fail;
                int64_t p = st_.marks[g], e = st_.marks[g + 1];
                if (p < 0 || e < 0 || e < p) goto fail;
                for (; p < e; ++p, ++ptr) {
                    if (ptr >= end_) goto fail;
                    uint32_t a = s_[ptr], b = s_[p];
                    if (op == kGrouprefIgnore) a = lower_ascii(a), b = lower_ascii(b);
                    if (op == kGrouprefUniIgnore) a = lower_unicode(a), b = lower_unicode(b);
                    if (op == kGrouprefLocIgnore) a = lower_locale(a), b = lower_locale(b);
                    if (a != b) goto fail;
                }
                pc++;
                break;
            }
            case kGrouprefExists: {
                // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no: (?(group)yes|no).
                int g = static_cast<int>(pc[0]) * 2;
                if (g >= st_.lastmark || st_.marks[g] < 0 || st_.marks[g + 1] < 0 ||
                    st_.marks[g + 1] < st_.marks[g]) {
                    pc += pc[1];
                    break;
                }
                pc += 2;
                break;
            }
            case kAssert:
                // <ASSERT> <skip> <back> body: lookahead (back 0) or lookbehind of fixed width.
                if (ptr < static_cast<int64_t>(pc[1])) goto fail;
                st_.ptr = ptr - pc[1];
                MINIPY_SRE_CALL(Resume::Assert, resume_assert, pc + 2, false);
                if (!ret) goto fail;
                pc += pc[0];
                break;
            case kAssertNot:
                if (ptr >= static_cast<int64_t>(pc[1])) {
                    st_.ptr = ptr - pc[1];
                    save_lastmark();
                    if (st_.repeat >= 0) push_marks(ctx().lastmark);
                    MINIPY_SRE_CALL(Resume::AssertNot, resume_assert_not, pc + 2, false);
                    if (ret) {
                        if (st_.repeat >= 0) drop_marks(ctx().lastmark);
                        goto fail;
                    }
                    if (st_.repeat >= 0) pop_marks(ctx().lastmark, true);
                    restore_lastmark();
                }
                pc += pc[0];
                break;
            case kFailure:
            default:
                goto fail;
        }
    }
#undef MINIPY_SRE_CALL

fail:
    ret = false;
    goto leave;
succeed:
    ret = true;
leave : {
    Resume how = frames.back().resume;
    frames.pop_back();
    if (frames.size() == base) return ret;
    pc = ctx().pc;
    ptr = ctx().ptr;
    switch (how) {
        case Resume::Branch:
            goto resume_branch;
        case Resume::RepeatOneLiteral:
            goto resume_repeat_one_literal;
        case Resume::RepeatOne:
            goto resume_repeat_one;
        case Resume::MinRepeatOne:
            goto resume_min_repeat_one;
        case Resume::Repeat:
            goto resume_repeat;
        case Resume::MaxUntil1:
            goto resume_max_until_1;
        case Resume::MaxUntil2:
            goto resume_max_until_2;
        case Resume::MaxUntil3:
            goto resume_max_until_3;
        case Resume::MinUntil1:
            goto resume_min_until_1;
        case Resume::MinUntil2:
            goto resume_min_until_2;
        case Resume::MinUntil3:
            goto resume_min_until_3;
        case Resume::PossRepeat1:
            goto resume_poss_repeat_1;
        case Resume::PossRepeat2:
            goto resume_poss_repeat_2;
        case Resume::Atomic:
            goto resume_atomic;
        case Resume::Assert:
            goto resume_assert;
        case Resume::AssertNot:
            goto resume_assert_not;
        case Resume::None:
            break;
    }
    return ret;
}
}

// The next position from `ptr` on where a match may start: one holding the pattern's first
// character (INFO prefix) or one of its possible first characters (INFO charset); `end_` if none.
template <typename Char>
int64_t Matcher<Char>::next_start(int64_t ptr, const Code* info) const {
    if (info[2] & kInfoPrefix) {
        Code first = info[7];
        if constexpr (sizeof(Char) == 1) {
            if (first > 255 || ptr >= end_) return end_;
            const void* hit = std::memchr(s_ + ptr, static_cast<int>(first), static_cast<size_t>(end_ - ptr));
            return hit ? static_cast<const Char*>(hit) - s_ : end_;
        }
        while (ptr < end_ && s_[ptr] != first) ++ptr;
        return ptr;
    }
    while (ptr < end_ && !in_charset(info + 5, s_[ptr])) ++ptr;
    return ptr;
}

template <typename Char>
bool Matcher<Char>::search(const Code* code) {
    int64_t ptr = st_.start;
    if (ptr > end_) return false;
    const Code* pc = code;
    const Code* info = nullptr;  // an INFO block that says how a match must begin
    if (pc[0] == kInfo) {
        if (pc[3] && end_ - ptr < static_cast<int64_t>(pc[3])) return false;
        if (((pc[2] & kInfoPrefix) && pc[5] >= 1) || (pc[2] & kInfoCharset)) info = pc;
        pc += pc[1] + 1;
    }
    if (info) {
        // Every match starts with a character: skip to the places where one can.
        st_.must_advance = false;
        for (ptr = next_start(ptr, info); ptr < end_; ptr = next_start(ptr + 1, info)) {
            st_.reset_marks();
            st_.start = st_.ptr = ptr;
            if (run(pc, false)) return true;
        }
        return false;
    }
    st_.ptr = ptr;
    bool found = run(pc, true);
    st_.must_advance = false;
    if (!found && pc[0] == kAt && (pc[1] == kAtBeginning || pc[1] == kAtBeginningString)) {
        st_.start = st_.ptr = end_;
        return false;
    }
    while (!found && ptr < end_) {
        ptr++;
        st_.reset_marks();
        st_.start = st_.ptr = ptr;
        found = run(pc, false);
    }
    return found;
}

// Forgets the groups and stacks an earlier attempt left (an exception from Ctrl-C unwinds mid-match).
void clear_stacks(State& st) {
    st.reset_marks();
    st.frames.clear();
    st.saved.clear();
    st.repeats.clear();
    st.repeat = -1;
}

}  // namespace

bool match(State& state, const Code* code) {
    clear_stacks(state);
    state.ptr = state.start;
    if (state.text->is_wide()) return Matcher<uint32_t>(state, state.text->wide.data()).run(code, true);
    return Matcher<uint8_t>(state, state.text->narrow).run(code, true);
}

bool search(State& state, const Code* code) {
    clear_stacks(state);
    if (state.text->is_wide()) return Matcher<uint32_t>(state, state.text->wide.data()).search(code);
    return Matcher<uint8_t>(state, state.text->narrow).search(code);
}

}  // namespace minipy::sre
