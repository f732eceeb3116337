// dis.h — the one instruction printer, shared by `minipy --dis` (whole code objects, in the layout
// of CPython 3.11's dis.dis) and `minipy --trace` (each instruction as it runs, with the stack).
#pragma once

#include <string>
#include <vector>

#include "objects/code.h"

namespace minipy {

struct Frame;

// One instruction line: line number (or blanks), current-instruction mark ("-->", for tracebacks),
// jump-target mark, offset, name, operand and what the operand means,
// e.g. "  3           4 LOAD_FAST                0 (a)".
std::string format_instruction(const Code* co, size_t index, int line, bool is_target, int line_width,
                               bool is_current = false);

// What instruction `index`'s operand means, as dis shows it in parentheses ("" when nothing).
std::string instruction_meaning(const Code* co, size_t index);
// Per instruction: whether a jump or an exception handler lands on it (dis's ">>").
std::vector<bool> jump_targets(const Code* co);

// The whole code object, then every code object in its constants ("Disassembly of <code ...>:"),
// `depth` levels down (-1: all); the instruction at byte offset `lasti` is marked "-->".
std::string disassemble(const Code* co, int depth = -1, int64_t lasti = -1);

// `--trace`: writes the stack and the instruction about to run to stderr.
void trace_instruction_line(Frame* f, size_t index, Object** base, Object** sp);
// `-X trace=FUNC`: trace only the code of the function named FUNC (its name or qualified name).
void set_trace_only(const std::string& function);

}  // namespace minipy
