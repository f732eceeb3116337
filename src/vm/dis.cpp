// dis.cpp — the disassembler and tracer's shared instruction printer, in CPython 3.11's dis layout
// (offsets count two bytes per instruction, as CPython's do, so listings line up with `python3 -m dis`).
#include "vm/dis.h"

#include <cstdio>

#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"

namespace minipy {

namespace {

constexpr int kOpnameWidth = 20;
constexpr int kOpargWidth = 5;
constexpr int kOffsetWidth = 4;

std::string safe_repr(Object* o) {
    if (!o) return "NULL";
    try {
        return repr_utf8(o);
    } catch (PyException&) {
        return "<" + type_of(o)->name + " object>";
    }
}

std::string pad_left(const std::string& s, int width) {
    return s.size() >= static_cast<size_t>(width) ? s : std::string(width - s.size(), ' ') + s;
}

// What the operand means, in the words dis uses.
std::string arg_meaning(const Code* co, Op op, uint32_t arg) {
    switch (op_arg_kind(op)) {
        case ArgKind::None:
        case ArgKind::Int:
            return "";
        case ArgKind::Const:
            return arg < co->consts.size() ? safe_repr(co->consts[arg]) : "?";
        case ArgKind::Name:
            return arg < co->names.size() ? co->names[arg]->utf8 : "?";
        case ArgKind::Global: {
            std::string name = (arg >> 1) < co->names.size() ? co->names[arg >> 1]->utf8 : "?";
            return (arg & 1) ? "NULL + " + name : name;
        }
        case ArgKind::Local:
            return arg < co->varnames.size() ? co->varnames[arg]->utf8 : "?";
        case ArgKind::Deref:
            if (arg < co->cellvars.size()) return co->cellvars[arg]->utf8;
            arg -= static_cast<uint32_t>(co->cellvars.size());
            return arg < co->freevars.size() ? co->freevars[arg]->utf8 : "?";
        case ArgKind::Jump:
            return "to " + std::to_string(arg * 2);
        case ArgKind::Compare:
            return arg < kCompareOpCount ? kCompareOpSymbols[arg] : "?";
        case ArgKind::Binary: {
            uint32_t base = arg & ~kInplaceFlag;
            std::string sym = base < kBinaryOpCount ? kBinaryOpSymbols[base] : "?";
            return (arg & kInplaceFlag) ? sym + "=" : sym;
        }
    }
    return "";
}

}  // namespace

std::string instruction_meaning(const Code* co, size_t index) {
    uint32_t word = co->instructions[index];
    return arg_meaning(co, instr_op(word), instr_arg(word));
}

std::vector<bool> jump_targets(const Code* co) {
    std::vector<bool> targets(co->instructions.size());
    auto mark = [&](uint32_t i) {
        if (i < targets.size()) targets[i] = true;
    };
    for (uint32_t word : co->instructions) {
        if (is_jump(instr_op(word))) mark(instr_arg(word));
    }
    for (const ExceptionEntry& e : co->exception_table) mark(e.handler);
    return targets;
}

std::string format_instruction(const Code* co, size_t index, int line, bool is_target, int line_width,
                               bool is_current) {
    uint32_t word = co->instructions[index];
    Op op = instr_op(word);
    uint32_t arg = instr_arg(word);
    std::string out = line > 0 ? pad_left(std::to_string(line), line_width) : std::string(line_width, ' ');
    out += is_current ? " --> " : "     ";
    out += is_target ? ">> " : "   ";
    out += pad_left(std::to_string(index * 2), kOffsetWidth) + " ";
    std::string name = op_name(op);
    if (op_arg_kind(op) == ArgKind::None) return out + name;
    out += name + std::string(name.size() < kOpnameWidth ? kOpnameWidth - name.size() : 0, ' ') + " ";
    out += pad_left(std::to_string(arg), kOpargWidth);
    std::string meaning = arg_meaning(co, op, arg);
    if (!meaning.empty()) out += " (" + meaning + ")";
    return out;
}

std::string disassemble(const Code* co, int depth, int64_t lasti) {
    std::vector<bool> targets = jump_targets(co);
    int max_line = 0;
    for (const SourcePos& p : co->positions()) max_line = std::max(max_line, p.line);
    int width = std::max(3, static_cast<int>(std::to_string(max_line).size()));
    std::string out;
    int last_line = -1;
    for (size_t i = 0; i < co->instructions.size(); ++i) {
        int line = co->positions()[i].line;
        bool starts = line > 0 && line != last_line;
        if (starts && last_line != -1) out += "\n";
        if (starts) last_line = line;
        out += format_instruction(co, i, starts ? line : 0, targets[i], width,
                                  lasti == static_cast<int64_t>(2 * i)) +
               "\n";
    }
    if (!co->exception_table.empty()) {
        out += "ExceptionTable:\n";
        for (const ExceptionEntry& e : co->exception_table) {
            out += format("  %u to %u -> %u [%u]\n", e.start * 2, (e.end - 1) * 2, e.handler * 2, e.depth);
        }
    }
    if (depth == 0) return out;
    for (Object* k : co->consts) {
        if (type_of(k) != &code_type) continue;
        out += "\nDisassembly of " + safe_repr(k) + ":\n" + disassemble(as_code(k), depth - 1);
    }
    return out;
}

namespace {
std::string g_trace_only;  // `-X trace=FUNC`: the function whose instructions are traced; empty: all
}  // namespace

void set_trace_only(const std::string& function) { g_trace_only = function; }

void trace_instruction_line(Frame* f, size_t index, Object** base, Object** sp) {
    if (!g_trace_only.empty() && f->code->qualname->utf8 != g_trace_only &&
        f->code->name->utf8 != g_trace_only)
        return;
    // Showing the stack may run Python code (a class's __repr__); that code is not traced, or each of
    // its instructions would show its own stack, calling __repr__ again, without end.
    thread_local bool in_tracer = false;
    if (in_tracer) return;
    struct Reentry {
        Reentry() { in_tracer = true; }
        ~Reentry() { in_tracer = false; }
    } reentry;
    std::string stack = "          ";
    for (Object** p = base; p < sp; ++p) stack += "[ " + safe_repr(*p) + " ]";
    std::string line = format_instruction(f->code, index, f->code->line_of(index), false, 3);
    // Once other threads run, each line says which thread ran it.
    std::string thread = running_threads() > 0 ? " [" + thread_display_name(thread_state()) + "]" : "";
    std::fprintf(stderr, "%s\n%s    (%s)%s\n", stack.c_str(), line.c_str(), f->code->qualname->utf8.c_str(),
                 thread.c_str());
}

}  // namespace minipy
