// opcodes.cpp — the per-opcode facts the compiler and disassembler ask for, expanded from MINIPY_OPCODES.
#include "objects/opcodes.h"

namespace minipy {

const char* op_name(Op op) {
    static const char* const kNames[] = {
#define MINIPY_OP_NAME(name, kind, effect, jump_effect, doc) #name,
        MINIPY_OPCODES(MINIPY_OP_NAME)
#undef MINIPY_OP_NAME
    };
    return kNames[static_cast<size_t>(op)];
}

ArgKind op_arg_kind(Op op) {
    static const ArgKind kKinds[] = {
#define MINIPY_OP_KIND(name, kind, effect, jump_effect, doc) ArgKind::kind,
        MINIPY_OPCODES(MINIPY_OP_KIND)
#undef MINIPY_OP_KIND
    };
    return kKinds[static_cast<size_t>(op)];
}

int stack_effect(Op op, uint32_t arg, bool jump) {
    // `arg` is signed here so that effects such as `1 - arg` come out negative.
    int64_t sarg = arg;
    switch (op) {
#define MINIPY_OP_EFFECT(name, kind, effect, jump_effect, doc)    \
    case Op::name: {                                              \
        [[maybe_unused]] int64_t arg = sarg;                      \
        return static_cast<int>(jump ? (jump_effect) : (effect)); \
    }
        MINIPY_OPCODES(MINIPY_OP_EFFECT)
#undef MINIPY_OP_EFFECT
    }
    return 0;
}

bool is_jump(Op op) { return op_arg_kind(op) == ArgKind::Jump; }

bool is_terminator(Op op) {
    return op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD || op == Op::RETURN_VALUE ||
           op == Op::RAISE_VARARGS || op == Op::RERAISE;
}

}  // namespace minipy
