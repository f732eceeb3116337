// opcodes.h — the one table of minipy's bytecode instructions. Every other list of opcodes (the enum,
// the names, the operand kinds, the stack effects, the dispatch table) is expanded from MINIPY_OPCODES.
// An instruction is one 32-bit word: the opcode in the low 8 bits, its operand in the high 24.
#pragma once

#include <cstddef>
#include <cstdint>

namespace minipy {

// How the disassembler explains an operand.
enum class ArgKind : uint8_t {
    None,     // no operand
    Int,      // a plain count or flag word
    Const,    // index into co_consts
    Name,     // index into co_names
    Global,   // (index into co_names) << 1 | push NULL first
    Local,    // index into the fast locals
    Deref,    // index into cellvars + freevars
    Jump,     // absolute target instruction index
    Compare,  // a CompareOp
    Binary,   // a BinaryOp, plus kInplaceFlag for `x op= y`
};

// MINIPY_OP(NAME, operand kind, stack effect (may use `arg`; for jumps: when falling through),
//           stack effect when the jump is taken, meaning)
#define MINIPY_OPCODES(OP)                                                                                   \
    OP(NOP, None, 0, 0, "does nothing (a line-number anchor)")                                               \
    OP(POP_TOP, None, -1, 0, "discards TOS")                                                                 \
    OP(PUSH_NULL, None, 1, 0, "pushes NULL: the 'no self' marker below a callable")                          \
    OP(COPY, Int, 1, 0, "pushes a new reference to the arg-th item (1 = TOS)")                               \
    OP(SWAP, Int, 0, 0, "swaps TOS with the arg-th item")                                                    \
    OP(LOAD_CONST, Const, 1, 0, "pushes co_consts[arg]")                                                     \
    OP(LOAD_FAST, Local, 1, 0, "pushes local arg; UnboundLocalError if unset")                               \
    OP(STORE_FAST, Local, -1, 0, "pops TOS into local arg")                                                  \
    OP(DELETE_FAST, Local, 0, 0, "unsets local arg")                                                         \
    OP(LOAD_DEREF, Deref, 1, 0, "pushes the contents of cell arg")                                           \
    OP(STORE_DEREF, Deref, -1, 0, "pops TOS into cell arg")                                                  \
    OP(DELETE_DEREF, Deref, 0, 0, "empties cell arg")                                                        \
    OP(LOAD_CLOSURE, Deref, 1, 0, "pushes cell arg itself, to build a closure")                              \
    OP(LOAD_CLASSDEREF, Deref, 1, 0, "in a class body: pushes the name from the namespace, else cell arg's") \
    OP(LOAD_NAME, Name, 1, 0, "pushes name from locals, then globals, then builtins")                        \
    OP(STORE_NAME, Name, -1, 0, "pops TOS into the locals dict")                                             \
    OP(DELETE_NAME, Name, 0, 0, "deletes name from the locals dict")                                         \
    OP(LOAD_GLOBAL, Global, 1 + (arg & 1), 0, "pushes [NULL] and a global or builtin (cached)")              \
    OP(STORE_GLOBAL, Name, -1, 0, "pops TOS into globals")                                                   \
    OP(DELETE_GLOBAL, Name, 0, 0, "deletes a global")                                                        \
    OP(LOAD_ATTR, Name, 0, 0, "replaces TOS with TOS.name")                                                  \
    OP(STORE_ATTR, Name, -2, 0, "TOS.name = TOS1")                                                           \
    OP(DELETE_ATTR, Name, -1, 0, "del TOS.name")                                                             \
    OP(LOAD_METHOD, Name, 1, 0, "replaces TOS with [method, self] or [NULL, TOS.name]")                      \
    OP(BINARY_OP, Binary, -1, 0, "TOS = TOS1 op TOS")                                                        \
    OP(UNARY_NEGATIVE, None, 0, 0, "TOS = -TOS")                                                             \
    OP(UNARY_POSITIVE, None, 0, 0, "TOS = +TOS")                                                             \
    OP(UNARY_INVERT, None, 0, 0, "TOS = ~TOS")                                                               \
    OP(UNARY_NOT, None, 0, 0, "TOS = not TOS")                                                               \
    OP(COMPARE_OP, Compare, -1, 0, "TOS = TOS1 cmp TOS")                                                     \
    OP(IS_OP, Int, -1, 0, "TOS = TOS1 is TOS (is not when arg is 1)")                                        \
    OP(CONTAINS_OP, Int, -1, 0, "TOS = TOS1 in TOS (not in when arg is 1)")                                  \
    OP(BINARY_SUBSCR, None, -1, 0, "TOS = TOS1[TOS]")                                                        \
    OP(STORE_SUBSCR, None, -3, 0, "TOS1[TOS] = TOS2")                                                        \
    OP(DELETE_SUBSCR, None, -2, 0, "del TOS1[TOS]")                                                          \
    OP(BUILD_SLICE, Int, 1 - arg, 0, "builds slice(TOS1, TOS) or slice(TOS2, TOS1, TOS)")                    \
    OP(BUILD_TUPLE, Int, 1 - arg, 0, "builds a tuple from the top arg items")                                \
    OP(BUILD_LIST, Int, 1 - arg, 0, "builds a list from the top arg items")                                  \
    OP(BUILD_SET, Int, 1 - arg, 0, "builds a set from the top arg items")                                    \
    OP(BUILD_MAP, Int, 1 - 2 * arg, 0, "builds a dict from arg key/value pairs")                             \
    OP(BUILD_STRING, Int, 1 - arg, 0, "concatenates the top arg strs")                                       \
    OP(LIST_APPEND, Int, -1, 0, "appends TOS to the list arg items down (comprehensions)")                   \
    OP(SET_ADD, Int, -1, 0, "adds TOS to the set arg items down")                                            \
    OP(MAP_ADD, Int, -2, 0, "stores TOS1: TOS into the dict arg items down")                                 \
    OP(LIST_EXTEND, Int, -1, 0, "extends the list arg items down with the iterable TOS")                     \
    OP(SET_UPDATE, Int, -1, 0, "updates the set arg items down with the iterable TOS")                       \
    OP(DICT_UPDATE, Int, -1, 0, "updates the dict arg items down with the mapping TOS")                      \
    OP(DICT_MERGE, Int, -1, 0, "like DICT_UPDATE, but duplicate keys are a TypeError (f(**a, **b))")         \
    OP(LIST_TO_TUPLE, None, 0, 0, "TOS = tuple(TOS)")                                                        \
    OP(UNPACK_SEQUENCE, Int, arg - 1, 0, "replaces TOS with its arg items, first on top")                    \
    OP(UNPACK_TO_FAST, Int, arg - 1, 0, "UNPACK_SEQUENCE, then the arg STORE_FASTs after it, in one step")   \
    OP(UNPACK_EX, Int, (arg & 0xff) + (arg >> 8), 0, "a, *b, c = TOS: arg = before | after << 8")            \
    OP(GET_ITER, None, 0, 0, "TOS = iter(TOS)")                                                              \
    OP(GET_YIELD_FROM_ITER, None, 0, 0, "iter(TOS) for `yield from`; in a coroutine, a coroutine as is")     \
    OP(FOR_ITER, Jump, 1, -1, "pushes next(TOS), or pops the iterator and jumps when exhausted")             \
    OP(JUMP_FORWARD, Jump, 0, 0, "jumps forward to arg")                                                     \
    OP(JUMP_BACKWARD, Jump, 0, 0, "jumps back to arg; checks the eval breaker")                              \
    OP(POP_JUMP_IF_FALSE, Jump, -1, -1, "pops TOS; jumps if it is false")                                    \
    OP(POP_JUMP_IF_TRUE, Jump, -1, -1, "pops TOS; jumps if it is true")                                      \
    OP(JUMP_IF_FALSE_OR_POP, Jump, -1, 0, "jumps keeping TOS if false, else pops it (`and`)")                \
    OP(JUMP_IF_TRUE_OR_POP, Jump, -1, 0, "jumps keeping TOS if true, else pops it (`or`)")                   \
    OP(KW_NAMES, Const, 0, 0, "the next CALL's last len(co_consts[arg]) arguments are keywords")             \
    OP(CALL, Int, -1 - arg, 0, "calls [callable or NULL, self or callable, arg args]")                       \
    OP(CALL_FUNCTION_EX, Int, -2 - (arg & 1), 0, "calls [NULL, callable, args tuple, kwargs dict if arg]")   \
    OP(MAKE_FUNCTION, Int, -__builtin_popcount(arg & 0xf), 0,                                                \
       "makes a function from the code at TOS; 1: defaults, 2: kwdefaults, 4: annotations, 8: closure "      \
       "below it")                                                                                           \
    OP(SETUP_ANNOTATIONS, None, 0, 0, "creates __annotations__ in the locals if it is not there yet")        \
    OP(RETURN_VALUE, None, -1, 0, "returns TOS to the caller")                                               \
    OP(YIELD_VALUE, None, 0, 0, "suspends the generator, handing TOS out; TOS becomes the value sent in")    \
    OP(SEND, Jump, 0, -1, "yield from: [it, v] -> [it, item it yielded], or jumps with [its return value]")  \
    OP(RAISE_VARARGS, Int, -arg, 0, "raise (0), raise TOS (1), raise TOS1 from TOS (2)")                     \
    OP(RERAISE, Int, -1, 0, "re-raises the exception at TOS, keeping its traceback; 1: from a clean-up")     \
    OP(PUSH_EXC_INFO, None, 1, 0, "handler entry: [exc] -> [previously handled exc, exc]")                   \
    OP(POP_EXCEPT, None, -1, 0, "pops the previously handled exception and makes it current again")          \
    OP(CHECK_EXC_MATCH, None, 0, 0, "TOS = isinstance(TOS1, TOS) for `except TOS:`")                         \
    OP(CHECK_EG_MATCH, None, 0, 0, "except* TOS: [exc, type] -> [rest, match or None]; a match is handled")  \
    OP(PREP_RERAISE_STAR, None, -1, 0,                                                                       \
       "[orig, list] -> [what leaves the try*: raised and unhandled, or None]")                              \
    OP(LOAD_ASSERTION_ERROR, None, 1, 0, "pushes AssertionError")                                            \
    OP(LOAD_BUILD_CLASS, None, 1, 0, "pushes builtins.__build_class__ for a class statement")                \
    OP(BEFORE_WITH, None, 1, 0, "[mgr] -> [mgr.__exit__, mgr.__enter__()]")                                  \
    OP(BEFORE_ASYNC_WITH, None, 1, 0, "[mgr] -> [mgr.__aexit__, mgr.__aenter__()]")                          \
    OP(GET_AWAITABLE, Int, 0, 0, "TOS = what `await TOS` delegates to; arg 1/2: __aenter__/__aexit__'s")     \
    OP(GET_AITER, None, 0, 0, "TOS = TOS.__aiter__() (async for)")                                           \
    OP(GET_ANEXT, None, 1, 0, "pushes the awaitable TOS.__anext__() (async for)")                            \
    OP(END_ASYNC_FOR, None, -2, 0, "[aiter, exc]: ends the loop on StopAsyncIteration, else re-raises exc")  \
    OP(ASYNC_GEN_WRAP, None, 0, 0, "marks TOS as a value an async generator yields (not an await's)")        \
    OP(WITH_EXCEPT_START, None, 1, 0, "[exit, prev, exc] -> [exit, prev, exc, exit(type, exc, None)]")       \
    OP(FORMAT_VALUE, Int, -((arg & 4) >> 2), 0,                                                              \
       "formats TOS for an f-string: 1 str, 2 repr, 3 ascii, 4 spec")                                        \
    OP(GET_LEN, None, 1, 0, "pushes len(TOS) (match statement)")                                             \
    OP(MATCH_SEQUENCE, None, 1, 0,                                                                           \
       "pushes whether TOS is a sequence for a pattern (not str/bytes/bytearray)")                           \
    OP(MATCH_MAPPING, None, 1, 0, "pushes whether TOS is a mapping for a pattern")                           \
    OP(MATCH_KEYS, None, 1, 0, "[subject, keys] -> [subject, keys, values tuple or None] (subject.get)")     \
    OP(MATCH_CLASS, Int, -2, 0, "[subject, cls, names] -> [tuple of arg positional + named attrs, or None]") \
    OP(IMPORT_NAME, Name, -1, 0, "imports module name (TOS1 level, TOS fromlist)")                           \
    OP(IMPORT_FROM, Name, 1, 0, "pushes TOS.name, importing it as a submodule when missing")                 \
    OP(IMPORT_STAR, None, -1, 0, "from TOS import *: copies its public names into the locals, pops it")      \
    OP(PRINT_EXPR, None, -1, 0, "REPL: prints repr(TOS) unless it is None")

enum class Op : uint8_t {
#define MINIPY_OP_ENUM(name, kind, effect, jump_effect, doc) name,
    MINIPY_OPCODES(MINIPY_OP_ENUM)
#undef MINIPY_OP_ENUM
};

inline constexpr size_t kOpCount = 0
#define MINIPY_OP_COUNT(name, kind, effect, jump_effect, doc) +1
    MINIPY_OPCODES(MINIPY_OP_COUNT)
#undef MINIPY_OP_COUNT
    ;

// Set in BINARY_OP's operand for the in-place form (`+=`), as CPython's NB_INPLACE_* values.
inline constexpr uint32_t kInplaceFlag = 0x10;
// FORMAT_VALUE operand bits.
inline constexpr uint32_t kFormatConvMask = 3, kFormatStr = 1, kFormatRepr = 2, kFormatAscii = 3,
                          kFormatHasSpec = 4;
// MAKE_FUNCTION operand bits.
inline constexpr uint32_t kMakeDefaults = 1, kMakeKwDefaults = 2, kMakeAnnotations = 4, kMakeClosure = 8;
inline constexpr uint32_t kMaxOperand = (1u << 24) - 1;

inline constexpr uint32_t make_instr(Op op, uint32_t arg) { return static_cast<uint32_t>(op) | (arg << 8); }
inline constexpr Op instr_op(uint32_t word) { return static_cast<Op>(word & 0xff); }
inline constexpr uint32_t instr_arg(uint32_t word) { return word >> 8; }

const char* op_name(Op op);
ArgKind op_arg_kind(Op op);
// The change in stack depth when `op arg` runs; `jump` selects the effect when its jump is taken.
int stack_effect(Op op, uint32_t arg, bool jump = false);
bool is_jump(Op op);
// True for instructions after which execution never falls through to the next one.
bool is_terminator(Op op);

}  // namespace minipy
