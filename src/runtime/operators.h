// operators.h — Python's binary and rich-comparison operators, one line each: the symbol, the AST
// node's name, the lexer's tokens, the dunder stem. Every layer that names operators (the AST and its
// builder, the compiler, the object model's slots and dunders, the disassembler) expands these
// tables, so no list is kept in sync by hand. It sits in the bottom layer because both the AST and
// the object model read it; it depends on nothing.
#pragma once

// X(name, ast_name, symbol, dunder_stem, token, assign_token)
// `name` is BinaryOp's enumerator and the order is BINARY_OP's argument; `ast_name` is CPython's ast
// class (ast.Mult); `dunder_stem` gives __mul__, __rmul__ and __imul__.
#define MINIPY_BINARY_OPERATORS(X)                                     \
    X(Add, Add, "+", "add", ADD, ADD_ASSIGN)                           \
    X(Sub, Sub, "-", "sub", MINUS, SUB_ASSIGN)                         \
    X(Mul, Mult, "*", "mul", STAR, MULT_ASSIGN)                        \
    X(MatMul, MatMult, "@", "matmul", AT, AT_ASSIGN)                   \
    X(TrueDiv, Div, "/", "truediv", DIV, DIV_ASSIGN)                   \
    X(FloorDiv, FloorDiv, "//", "floordiv", IDIV, IDIV_ASSIGN)         \
    X(Mod, Mod, "%", "mod", MOD, MOD_ASSIGN)                           \
    X(Pow, Pow, "**", "pow", POWER, POWER_ASSIGN)                      \
    X(LShift, LShift, "<<", "lshift", LEFT_SHIFT, LEFT_SHIFT_ASSIGN)   \
    X(RShift, RShift, ">>", "rshift", RIGHT_SHIFT, RIGHT_SHIFT_ASSIGN) \
    X(And, BitAnd, "&", "and", AND_OP, AND_ASSIGN)                     \
    X(Or, BitOr, "|", "or", OR_OP, OR_ASSIGN)                          \
    X(Xor, BitXor, "^", "xor", XOR, XOR_ASSIGN)

// X(name, ast_name, symbol, dunder, reflected)
// `name` is CompareOp's enumerator and the order is COMPARE_OP's argument; `reflected` is the
// operator tried on the right operand when the left one returns NotImplemented (a < b -> b > a).
#define MINIPY_COMPARE_OPERATORS(X)  \
    X(Lt, Lt, "<", "__lt__", Gt)     \
    X(Le, LtE, "<=", "__le__", Ge)   \
    X(Eq, Eq, "==", "__eq__", Eq)    \
    X(Ne, NotEq, "!=", "__ne__", Ne) \
    X(Gt, Gt, ">", "__gt__", Lt)     \
    X(Ge, GtE, ">=", "__ge__", Le)

namespace minipy {

#define MINIPY_OPERATOR_STRING_3(name, ast, symbol, stem, ...) symbol,
#define MINIPY_OPERATOR_STRING_4(name, ast, symbol, stem, ...) stem,
// "+", "-", ... in BinaryOp's order.
inline constexpr const char* kBinaryOpSymbols[] = {MINIPY_BINARY_OPERATORS(MINIPY_OPERATOR_STRING_3)};
// "add", "sub", ...: the stems of __add__/__radd__/__iadd__.
inline constexpr const char* kBinaryOpStems[] = {MINIPY_BINARY_OPERATORS(MINIPY_OPERATOR_STRING_4)};
// "<", "<=", ... in CompareOp's order.
inline constexpr const char* kCompareOpSymbols[] = {MINIPY_COMPARE_OPERATORS(MINIPY_OPERATOR_STRING_3)};
// "__lt__", "__le__", ...
inline constexpr const char* kCompareOpDunders[] = {MINIPY_COMPARE_OPERATORS(MINIPY_OPERATOR_STRING_4)};
#undef MINIPY_OPERATOR_STRING_3
#undef MINIPY_OPERATOR_STRING_4

inline constexpr int kBinaryOpCount = sizeof(kBinaryOpSymbols) / sizeof(kBinaryOpSymbols[0]);
inline constexpr int kCompareOpCount = sizeof(kCompareOpSymbols) / sizeof(kCompareOpSymbols[0]);

}  // namespace minipy
