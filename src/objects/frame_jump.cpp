// frame_jump.cpp — `frame.f_lineno = n` in a trace function, as CPython 3.11's frame_setlineno: the
// jump may go to the first instruction of any line whose value stack the frame's present stack can
// be cut down to. Each stack slot is tracked by kind (a plain object, the NULL below a callable, a
// for loop's iterator, an except block's saved exception), so that a jump never leaves the loop
// with a stack it cannot run with: into a for loop's body there is no iterator, into an except
// block no exception.
#include "objects/frame_jump.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/opcodes.h"
#include "runtime/format.h"

namespace minipy {

namespace {

// What one value-stack slot holds, as far as a jump cares. The order is CPython's: among the
// instructions a line starts with, a jump goes to the one whose stack compares greatest.
enum class Slot : uint8_t { Iterator = 1, Except, Object, Null };
using SlotStack = std::vector<Slot>;
// Per instruction, the slots before it runs; nullopt where no path from the start reaches it.
using StackMap = std::vector<std::optional<SlotStack>>;

void pop_slots(SlotStack& s, size_t n) {
    for (; n > 0 && !s.empty(); --n) s.pop_back();
}

// The stack after `op arg` runs on `s` (`jumped`: when its jump is taken). Most instructions pop and
// push plain objects (their stack effect); these make or consume the slots of other kinds.
SlotStack stack_after(Op op, uint32_t arg, SlotStack s, bool jumped) {
    switch (op) {
        case Op::PUSH_NULL:
            s.push_back(Slot::Null);
            break;
        case Op::LOAD_GLOBAL:
            if (arg & 1) s.push_back(Slot::Null);
            s.push_back(Slot::Object);
            break;
        case Op::LOAD_METHOD:  // [method, self] or [NULL, attribute]: either may be there
            pop_slots(s, 1);
            s.push_back(Slot::Null);
            s.push_back(Slot::Object);
            break;
        case Op::CALL:
            pop_slots(s, arg + 2);
            s.push_back(Slot::Object);
            break;
        case Op::CALL_FUNCTION_EX:
            pop_slots(s, 3 + (arg & 1));
            s.push_back(Slot::Object);
            break;
        // [exc] -> [previously handled, exc]: the exception on top counts as the block's too. A
        // handler's first line starts after it (minipy gives PUSH_EXC_INFO no line), and a jump there
        // is refused as a jump into the block, as CPython refuses one to its PUSH_EXC_INFO.
        case Op::PUSH_EXC_INFO:
            s.push_back(Slot::Except);
            break;
        case Op::GET_ITER:
        case Op::GET_AITER:
            pop_slots(s, 1);
            s.push_back(Slot::Iterator);
            break;
        case Op::COPY:
            if (arg >= 1 && arg <= s.size()) s.push_back(s[s.size() - arg]);
            break;
        case Op::SWAP:
            if (arg >= 1 && arg <= s.size()) std::swap(s.back(), s[s.size() - arg]);
            break;
        default: {
            int delta = stack_effect(op, arg, jumped);
            if (delta < 0) pop_slots(s, static_cast<size_t>(-delta));
            for (; delta > 0; --delta) s.push_back(Slot::Object);
        }
    }
    return s;
}

// Follows every path from the first instruction, and from each instruction into its exception
// handler, which starts with the stack cut to the handler's depth and the exception pushed.
StackMap mark_stacks(const Code* co) {
    size_t n = co->instructions.size();
    StackMap at(n);
    std::vector<size_t> work;
    auto reach = [&](size_t i, SlotStack s) {
        if (i >= n || at[i]) return;
        at[i] = std::move(s);
        work.push_back(i);
    };
    reach(0, {});
    while (!work.empty()) {
        size_t i = work.back();
        work.pop_back();
        const SlotStack& s = *at[i];
        Op op = instr_op(co->instructions[i]);
        uint32_t arg = instr_arg(co->instructions[i]);
        if (const ExceptionEntry* h = co->handler_at(i)) {
            SlotStack handler(s.begin(), s.begin() + std::min<size_t>(h->depth, s.size()));
            handler.push_back(Slot::Except);
            reach(h->handler, std::move(handler));
        }
        if (is_jump(op)) reach(arg, stack_after(op, arg, s, true));
        if (!is_terminator(op)) reach(i + 1, stack_after(op, arg, s, false));
    }
    return at;
}

// Per instruction, the line it starts (CPython's marklines): the first instruction of each run of
// one line, instructions of no line left out; -1 for the others.
std::vector<int> line_starts(const Code* co) {
    const std::vector<SourcePos>& pos = co->positions();
    std::vector<int> starts(co->instructions.size(), -1);
    int last = -1;
    for (size_t i = 0; i < starts.size() && i < pos.size(); ++i) {
        if (pos[i].line > 0 && pos[i].line != last) starts[i] = last = pos[i].line;
    }
    return starts;
}

bool compatible_slot(Slot from, Slot to) {
    if (to == Slot::Object) return from != Slot::Null;
    return to == Slot::Null || from == to;
}

// Whether a frame with stack `from` can continue with `to` by popping values.
bool compatible(const SlotStack& from, const SlotStack& to) {
    if (from.size() < to.size()) return false;
    for (size_t k = 0; k < to.size(); ++k) {
        if (!compatible_slot(from[k], to[k])) return false;
    }
    return true;
}

// CPython's order of stacks: deeper first, then slot by slot from the bottom.
bool greater(const SlotStack& a, const SlotStack& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end());
}

const char* explain_incompatible(const std::optional<SlotStack>& to) {
    if (!to) return "can't jump into an exception handler, or code may be unreachable";
    switch (to->back()) {
        case Slot::Except:
            return "can't jump into an 'except' block as there's no exception";
        case Slot::Iterator:
            return "can't jump into the body of a for loop";
        default:
            return "incompatible stacks";
    }
}

// Jumps are a 'line' event's, or a yield's 'return' event's (the frame resumes at the target).
void check_event(const FrameObject* fo, bool at_yield) {
    switch (fo->event) {
        case TraceEvent::None:
            raise(&ValueError_type, "f_lineno can only be set by a trace function");
        case TraceEvent::Call:
            raise(&ValueError_type, "can't jump from the 'call' trace event of a new frame");
        case TraceEvent::Line:
            return;
        case TraceEvent::Return:
            if (at_yield) return;
            break;
        default:
            break;
    }
    raise(&ValueError_type, "can only jump from a 'line' trace event");
}

// The line a jump to `wanted` goes to: the first line at or after it that starts some code.
int first_line_not_before(const std::vector<int>& starts, int64_t wanted) {
    int best = -1;
    for (int line : starts) {
        if (line >= wanted && (best < 0 || line < best)) best = line;
    }
    if (best < 0)
        raise(&ValueError_type,
              format("line %lld comes after the current code block", static_cast<long long>(wanted)));
    return best;
}

// A generator made to resume at `target` by a yield's jump has an exception thrown into it (throw(),
// close()) at the instruction before: that instruction's handler must not expect a deeper stack
// than the target's, or it would read values the frame does not hold.
bool resumable_at(const Code* co, size_t target, const SlotStack& stack) {
    const ExceptionEntry* h = target > 0 ? co->handler_at(target - 1) : nullptr;
    return !h || h->depth <= stack.size();
}

bool at_yield(const Frame* f) { return instr_op(f->code->instructions[f->lasti()]) == Op::YIELD_VALUE; }

}  // namespace

void request_frame_jump(FrameObject* fo, Object* value) {
    if (!value) raise(&AttributeError_type, "cannot delete attribute");
    if (!is_exact_int(value)) raise(&ValueError_type, "lineno must be an integer");
    Frame* f = fo->live;
    bool yielding = f && fo->event == TraceEvent::Return && at_yield(f);
    check_event(fo, yielding);
    if (!fo->trace) raise(&ValueError_type, "f_lineno can only be set by a trace function");
    int64_t wanted = 0;
    if (!int_to_i64(value, &wanted) || wanted > INT_MAX || wanted < INT_MIN)
        raise(&ValueError_type, "lineno out of range");
    const Code* co = f->code;
    if (wanted < co->firstlineno)
        raise(&ValueError_type,
              format("line %lld comes before the current code block", static_cast<long long>(wanted)));
    std::vector<int> starts = line_starts(co);
    int line = first_line_not_before(starts, wanted);
    StackMap stacks = mark_stacks(co);
    std::optional<SlotStack> from = stacks[f->lasti()];
    if (from && yielding) pop_slots(*from, 1);  // the value the yield hands out
    // A stack the analysis does not match is not one to cut: refuse rather than guess.
    size_t depth = static_cast<size_t>(f->sp - f->stack_base()) - (yielding ? 1 : 0);
    if (from && from->size() != depth) raise(&ValueError_type, "incompatible stacks");
    const char* why = "cannot find bytecode for specified line";
    bool explained = false;
    int best = -1;
    for (size_t i = 0; i < starts.size(); ++i) {
        if (starts[i] != line) continue;
        if (from && stacks[i] && compatible(*from, *stacks[i]) &&
            (!yielding || resumable_at(co, i, *stacks[i]))) {
            if (best < 0 || greater(*stacks[i], *stacks[best])) best = static_cast<int>(i);
        } else if (best < 0 && !explained) {
            why = from ? explain_incompatible(stacks[i]) : "can't jump from unreachable code";
            explained = from.has_value();
        }
    }
    if (best < 0) raise(&ValueError_type, why);
    fo->jump_to = best;
    fo->line = line;
}

size_t perform_frame_jump(ThreadState* ts, Frame* f, FrameObject* fo, bool keep_top) {
    size_t target = static_cast<size_t>(std::exchange(fo->jump_to, -1));
    StackMap stacks = mark_stacks(f->code);
    const SlotStack& from = *stacks[f->lasti()];
    size_t keep = stacks[target]->size();
    Object* top = keep_top ? *--f->sp : nullptr;
    Object** base = f->stack_base();
    while (f->sp > base + keep) {
        size_t slot = static_cast<size_t>(f->sp - base) - 1;
        Object* v = *--f->sp;
        if (slot < from.size() && from[slot] == Slot::Except)
            xdecref(std::exchange(ts->exc_info->exc, v == None ? nullptr : v));
        else
            xdecref(v);
    }
    if (keep_top) *f->sp++ = top;
    return target;
}

}  // namespace minipy
