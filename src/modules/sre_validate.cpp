// sre_validate.cpp — checks an opcode list handed to _sre.compile before the matcher may run it:
// every operand inside the list, every skip landing on the op the matcher expects there, groups in
// range. As CPython's _validate, so a malformed list is a RuntimeError, never a wild read.
#include "modules/sre_chars.h"

namespace minipy::sre {

namespace {

class Validator {
public:
    Validator(const std::vector<Code>& code, size_t groups) : code_(code.data()), groups_(groups) {}

    // Checks the ops in [p, end); each must lie wholly inside, and none may jump outside.
    bool block(const Code* p, const Code* end);

private:
    const Code* code_;
    size_t groups_;

    bool charset(const Code* p, const Code* end);
    bool info(const Code* p, const Code* end);
    bool branch(const Code*& p, const Code* end);
    bool groupref_exists(const Code*& p, const Code* end);
};

bool Validator::charset(const Code* p, const Code* end) {
    while (p < end) {
        switch (*p++) {
            case kFailure:
                return p == end;
            case kNegate:
                break;
            case kLiteral:
                if (end - p < 1) return false;
                p += 1;
                break;
            case kCategory:
                if (end - p < 1 || p[0] > kCatUniNotLinebreak) return false;
                p += 1;
                break;
            case kRange:
            case kRangeUniIgnore:
                if (end - p < 2 || p[0] > p[1]) return false;
                p += 2;
                break;
            case kCharset:
                if (end - p < 8) return false;
                p += 8;
                break;
            case kBigCharset: {
                if (end - p < 65) return false;
                Code count = *p++;
                const auto* blocks = reinterpret_cast<const unsigned char*>(p);
                for (int i = 0; i < 256; ++i)
                    if (blocks[i] >= count) return false;
                p += 64;
                if (static_cast<uint64_t>(end - p) < static_cast<uint64_t>(count) * 8) return false;
                p += static_cast<size_t>(count) * 8;
                break;
            }
            default:
                return false;
        }
    }
    return false;  // no FAILURE at the end
}

// <INFO> <skip> <flags> <min> <max> then <prefix length> <prefix skip> <prefix> <overlap table>, or
// a charset, or nothing; search() reads the prefix's first character or the charset.
bool Validator::info(const Code* p, const Code* end) {
    if (end - p < 4 || p[0] < 4 || static_cast<uint64_t>(end - p) < p[0]) return false;
    const Code* info_end = p + p[0];
    Code flags = p[1];
    if (flags & kInfoPrefix) {
        if (info_end - p < 6) return false;
        Code length = p[4];
        return p[5] <= length &&
               static_cast<uint64_t>(info_end - (p + 6)) >= 2 * static_cast<uint64_t>(length);
    }
    if (flags & kInfoCharset) return charset(p + 4, info_end);
    return true;
}

// <BRANCH> (<skip> alternative <JUMP> <to the end>)* <FAILURE>
bool Validator::branch(const Code*& p, const Code* end) {
    std::vector<const Code*> jump_targets;
    while (p < end && *p != 0) {
        Code skip = *p;
        if (skip < 3 || static_cast<uint64_t>(end - p) < skip) return false;
        const Code* alt_end = p + skip;
        if (alt_end[-2] != kJump) return false;
        if (!block(p + 1, alt_end - 2)) return false;
        jump_targets.push_back(alt_end - 1 + alt_end[-1]);
        p = alt_end;
    }
    if (p >= end) return false;
    p++;  // the FAILURE ending the list of alternatives
    for (const Code* target : jump_targets)
        if (target != p) return false;
    return true;
}

// <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
bool Validator::groupref_exists(const Code*& p, const Code* end) {
    if (end - p < 2 || p[0] >= groups_) return false;
    Code skip = p[1];
    if (skip < 2 || static_cast<uint64_t>(end - p) < skip) return false;
    const Code* yes = p + 2;
    const Code* no = p + skip;
    // With a `no` part the `yes` part ends in a JUMP over it; a yes part ending in operands that
    // merely look like a JUMP is tried the other way too.
    if (no - yes >= 2 && no[-2] == kJump) {
        Code jump = no[-1];
        if (jump >= 1 && static_cast<uint64_t>(end - (no - 1)) >= jump && block(yes, no - 2) &&
            block(no, no - 1 + jump)) {
            p = no - 1 + jump;
            return true;
        }
    }
    if (!block(yes, no)) return false;
    p = no;
    return true;
}

bool Validator::block(const Code* p, const Code* end) {
    while (p < end) {
        Code op = *p++;
        switch (op) {
            case kFailure:
            case kSuccess:
            case kAny:
            case kAnyAll:
                break;
            case kMark:
                if (end - p < 1 || p[0] > 2 * groups_ + 1) return false;  // as CPython: one spare pair
                p += 1;
                break;
            case kLiteral:
            case kNotLiteral:
            case kLiteralIgnore:
            case kNotLiteralIgnore:
            case kLiteralUniIgnore:
            case kNotLiteralUniIgnore:
            case kLiteralLocIgnore:
            case kNotLiteralLocIgnore:
                if (end - p < 1) return false;
                p += 1;
                break;
            case kAt:
                if (end - p < 1 || p[0] > 11) return false;
                p += 1;
                break;
            case kCategory:
                if (end - p < 1 || p[0] > kCatUniNotLinebreak) return false;
                p += 1;
                break;
            case kIn:
            case kInIgnore:
            case kInUniIgnore:
            case kInLocIgnore:
                if (end - p < 1 || p[0] < 1 || static_cast<uint64_t>(end - p) < p[0]) return false;
                if (!charset(p + 1, p + p[0])) return false;
                p += p[0];
                break;
            case kInfo:
                if (!info(p, end)) return false;
                p += p[0];
                break;
            case kBranch:
                if (!branch(p, end)) return false;
                break;
            case kRepeatOne:
            case kMinRepeatOne:
            case kPossessiveRepeatOne: {
                // <op> <skip> <min> <max> item <SUCCESS>
                if (end - p < 4 || p[0] < 4 || static_cast<uint64_t>(end - p) < p[0] || p[1] > p[2])
                    return false;
                const Code* item_end = p + p[0] - 1;
                if (*item_end != kSuccess || !block(p + 3, item_end)) return false;
                p += p[0];
                break;
            }
            case kRepeat: {
                // <REPEAT> <skip> <min> <max> body <MAX_UNTIL or MIN_UNTIL>
                if (end - p < 3 || p[0] < 3 || static_cast<uint64_t>(end - p) <= p[0] || p[1] > p[2])
                    return false;
                const Code* until = p + p[0];
                if ((*until != kMaxUntil && *until != kMinUntil) || !block(p + 3, until)) return false;
                p = until + 1;
                break;
            }
            case kPossessiveRepeat: {
                // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS>
                if (end - p < 3 || p[0] < 3 || static_cast<uint64_t>(end - p) <= p[0] || p[1] > p[2])
                    return false;
                const Code* success = p + p[0];
                if (*success != kSuccess || !block(p + 3, success)) return false;
                p = success + 1;
                break;
            }
            case kAtomicGroup: {
                // <ATOMIC_GROUP> <skip> body <SUCCESS>
                if (end - p < 2 || p[0] < 2 || static_cast<uint64_t>(end - p) < p[0]) return false;
                const Code* success = p + p[0] - 1;
                if (*success != kSuccess || !block(p + 1, success)) return false;
                p += p[0];
                break;
            }
            case kGroupref:
            case kGrouprefIgnore:
            case kGrouprefUniIgnore:
            case kGrouprefLocIgnore:
                if (end - p < 1 || p[0] >= groups_) return false;
                p += 1;
                break;
            case kGrouprefExists:
                if (!groupref_exists(p, end)) return false;
                break;
            case kAssert:
            case kAssertNot: {
                // <ASSERT> <skip> <back> body <SUCCESS>
                if (end - p < 3 || p[0] < 3 || static_cast<uint64_t>(end - p) < p[0]) return false;
                const Code* success = p + p[0] - 1;
                if (*success != kSuccess || !block(p + 2, success)) return false;
                p += p[0];
                break;
            }
            default:
                return false;  // JUMP and the UNTILs only where the checks above expect them
        }
    }
    return p == end;
}

}  // namespace

bool validate(const std::vector<Code>& code, size_t groups) {
    // The whole list must end in a SUCCESS op, so running off its end is impossible.
    if (code.empty() || code.back() != kSuccess) return false;
    return Validator(code, groups).block(code.data(), code.data() + code.size() - 1);
}

}  // namespace minipy::sre
