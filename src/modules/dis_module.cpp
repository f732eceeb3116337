// dis_module.cpp — the native `_dis` under minipy's own stdlib/dis.py: minipy's bytecode described to
// Python (instruction names, operand kinds, each instruction of a code object with its meaning,
// source span and jump-target mark, the exception table) and the `--dis` listing itself, so that
// dis.dis() prints exactly what `minipy --dis` does. CPython's Lib/dis.py reads CPython's bytecode
// format, which minipy's is not; the module above keeps CPython's interface.
#include <algorithm>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "vm/dis.h"

namespace minipy {

namespace {

using Args = Object* const*;

Code* code_argument(const char* fname, Args args, size_t nargs, Tuple* kw) {
    check_positional(fname, nargs, kw, 1, 1);
    if (type_of(args[0]) != &code_type)
        raise(&TypeError_type,
              format("%s() argument must be a code object, not '%s'", fname, type_of(args[0])->name.c_str()));
    return as_code(args[0]);
}

Ref int_or_none(int64_t v, bool known) { return known ? int_from_i64(v) : Ref::borrow(None); }

// The object dis calls the operand's value (argval): the constant, the name, the target offset, the
// operator's symbol, or the number itself.
Ref operand_value(const Code* co, Op op, uint32_t arg) {
    auto name_at = [](const std::vector<Str*>& names, size_t i) -> Ref {
        return i < names.size() ? Ref::borrow(names[i]) : Ref::borrow(None);
    };
    switch (op_arg_kind(op)) {
        case ArgKind::None:
            return Ref::borrow(None);
        case ArgKind::Int:
            return int_from_i64(arg);
        case ArgKind::Const:
            return arg < co->consts.size() ? Ref::borrow(co->consts[arg]) : Ref::borrow(None);
        case ArgKind::Name:
            return name_at(co->names, arg);
        case ArgKind::Global:
            return name_at(co->names, arg >> 1);
        case ArgKind::Local:
            return name_at(co->varnames, arg);
        case ArgKind::Deref:
            return arg < co->cellvars.size() ? name_at(co->cellvars, arg)
                                             : name_at(co->freevars, arg - co->cellvars.size());
        case ArgKind::Jump:
            return int_from_i64(int64_t{arg} * 2);
        case ArgKind::Compare:
        case ArgKind::Binary:
            return int_from_i64(arg);
    }
    return Ref::borrow(None);
}

// instructions(code): one tuple per instruction, (opcode, arg or None, argval, argrepr, offset,
// starts_line or None, is_jump_target, (lineno, end_lineno, col_offset, end_col_offset)).
Ref dis_instructions(Object*, Args args, size_t nargs, Tuple* kw) {
    Code* co = code_argument("instructions", args, nargs, kw);
    std::vector<bool> targets = jump_targets(co);
    Ref out = list_new(co->instructions.size());
    int last_line = -1;
    for (size_t i = 0; i < co->instructions.size(); ++i) {
        uint32_t word = co->instructions[i];
        Op op = instr_op(word);
        bool has_arg = op_arg_kind(op) != ArgKind::None;
        const SourcePos& p = co->positions()[i];
        bool starts = p.line > 0 && p.line != last_line;
        if (starts) last_line = p.line;
        Ref opcode = int_from_i64(static_cast<int64_t>(op));
        Ref arg = int_or_none(instr_arg(word), has_arg);
        Ref value = operand_value(co, op, instr_arg(word));
        Ref meaning = str_new(instruction_meaning(co, i));
        Ref offset = int_from_i64(static_cast<int64_t>(2 * i));
        Ref line = int_or_none(p.line, starts);
        Ref lineno = int_or_none(p.line, p.line > 0), end_lineno = int_or_none(p.end_line, p.end_line > 0),
            col = int_or_none(p.col, p.col >= 0), end_col = int_or_none(p.end_col, p.end_col >= 0);
        Object* span[4] = {lineno.get(), end_lineno.get(), col.get(), end_col.get()};
        Ref positions = tuple_from(span, 4);
        Object* fields[8] = {opcode.get(),
                             arg.get(),
                             value.get(),
                             meaning.get(),
                             offset.get(),
                             line.get(),
                             targets[i] ? True : False,
                             positions.get()};
        list_append(out.get(), tuple_from(fields, 8).get());
    }
    return out;
}

// exception_table(code): (start, end, target, depth, lasti) per entry, offsets in bytes as CPython's
// _ExceptionTableEntry; `end` is exclusive.
Ref dis_exception_table(Object*, Args args, size_t nargs, Tuple* kw) {
    Code* co = code_argument("exception_table", args, nargs, kw);
    Ref out = list_new();
    for (const ExceptionEntry& e : co->exception_table) {
        Ref start = int_from_i64(int64_t{e.start} * 2), end = int_from_i64(int64_t{e.end} * 2),
            target = int_from_i64(int64_t{e.handler} * 2), depth = int_from_i64(e.depth);
        Object* fields[5] = {start.get(), end.get(), target.get(), depth.get(), False};
        list_append(out.get(), tuple_from(fields, 5).get());
    }
    return out;
}

// disassemble(code, depth=-1, lasti=-1): the listing of `minipy --dis`, code objects nested in the
// constants included `depth` levels down (-1: all), the instruction at byte offset lasti marked "-->".
Ref dis_disassemble(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("disassemble", nargs, kw, 1, 3);
    Code* co = code_argument("disassemble", args, 1, nullptr);
    int64_t depth = nargs > 1 ? as_index(args[1]) : -1;
    int64_t lasti = nargs > 2 ? as_index(args[2]) : -1;
    return str_new(disassemble(co, static_cast<int>(std::clamp<int64_t>(depth, -1, 1 << 20)), lasti));
}

const MethodDef kDisFunctions[] = {
    {"instructions", dis_instructions,
     "instructions(code) -> list of (opcode, arg, argval, argrepr, offset, starts_line, is_jump_target, "
     "positions)"},
    {"exception_table", dis_exception_table,
     "exception_table(code) -> list of (start, end, target, depth, lasti), offsets in bytes"},
    {"disassemble", dis_disassemble,
     "disassemble(code, depth=-1, lasti=-1) -> the text `minipy --dis` prints for it"},
    {nullptr, nullptr, nullptr},
};

const char* arg_kind_name(ArgKind kind) {
    switch (kind) {
        case ArgKind::None:
            return "none";
        case ArgKind::Int:
            return "int";
        case ArgKind::Const:
            return "const";
        case ArgKind::Name:
            return "name";
        case ArgKind::Global:
            return "global";
        case ArgKind::Local:
            return "local";
        case ArgKind::Deref:
            return "free";
        case ArgKind::Jump:
            return "jump";
        case ArgKind::Compare:
            return "compare";
        case ArgKind::Binary:
            return "binary";
    }
    return "none";
}

}  // namespace

Ref init_dis_module() {
    Ref module = native_module_new("_dis", kDisFunctions);
    Dict* d = module_dict(module.get());
    // opname[op], opdoc[op] (what the instruction does, from the one opcode table) and argkind[op].
    Ref names = list_new(kOpCount), docs = list_new(kOpCount), kinds = list_new(kOpCount);
    static const char* const kDocs[] = {
#define MINIPY_OP_DOC(name, kind, effect, jump_effect, doc) doc,
        MINIPY_OPCODES(MINIPY_OP_DOC)
#undef MINIPY_OP_DOC
    };
    for (size_t i = 0; i < kOpCount; ++i) {
        Op op = static_cast<Op>(i);
        list_append(names.get(), str_new(op_name(op)).get());
        list_append(docs.get(), str_new(kDocs[i]).get());
        list_append(kinds.get(), str_new(arg_kind_name(op_arg_kind(op))).get());
    }
    dict_set(d, intern("opname"), names.get());
    dict_set(d, intern("opdoc"), docs.get());
    dict_set(d, intern("argkind"), kinds.get());
    return module;
}

}  // namespace minipy
