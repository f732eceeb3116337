// ast.h — minipy's abstract syntax tree: the only view of a program that the compiler sees.
// Node kinds and field names follow CPython's Parser/Python.asdl, so `minipy --ast` can print the
// same text as Python's `ast.dump(tree, indent=2)`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/operators.h"

namespace minipy::ast {

// Source span of a node: 1-based lines, 0-based columns counted in code points, end exclusive.
struct Pos {
    int line = 0;
    int col = 0;
    int end_line = 0;
    int end_col = 0;
};

enum class Ctx { Load, Store, Del };

// The operators' order and names come from runtime/operators.h, the one list of them.
#define MINIPY_AST_OPERATOR(name, ast_name, ...) ast_name,
enum class BinOpKind { MINIPY_BINARY_OPERATORS(MINIPY_AST_OPERATOR) };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class BoolOpKind { And, Or };
enum class CmpOpKind { MINIPY_COMPARE_OPERATORS(MINIPY_AST_OPERATOR) Is, IsNot, In, NotIn };
#undef MINIPY_AST_OPERATOR

enum class ExprKind {
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
};

enum class StmtKind {
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
    Match,
};

struct Expr {
    explicit Expr(ExprKind k) : kind(k) {}
    virtual ~Expr() = default;
    ExprKind kind;
    Pos pos;
};
struct Stmt {
    explicit Stmt(StmtKind k) : kind(k) {}
    virtual ~Stmt() = default;
    StmtKind kind;
    Pos pos;
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

// ---- expressions ----

struct BoolOp : Expr {
    BoolOp() : Expr(ExprKind::BoolOp) {}
    BoolOpKind op = BoolOpKind::And;
    ExprList values;
};
struct NamedExpr : Expr {
    NamedExpr() : Expr(ExprKind::NamedExpr) {}
    ExprPtr target;  // always a Name
    ExprPtr value;
};
struct BinOp : Expr {
    BinOp() : Expr(ExprKind::BinOp) {}
    ExprPtr left;
    BinOpKind op = BinOpKind::Add;
    ExprPtr right;
};
struct UnaryOp : Expr {
    UnaryOp() : Expr(ExprKind::UnaryOp) {}
    UnaryOpKind op = UnaryOpKind::Not;
    ExprPtr operand;
};

struct Arg {
    std::string name;
    ExprPtr annotation;  // parsed, kept for --ast, ignored by the compiler
    Pos pos;
};
using ArgPtr = std::unique_ptr<Arg>;

struct Arguments {
    std::vector<ArgPtr> posonlyargs;
    std::vector<ArgPtr> args;
    ArgPtr vararg;
    std::vector<ArgPtr> kwonlyargs;
    ExprList kw_defaults;  // one per kwonlyarg; null where it has no default
    ArgPtr kwarg;
    ExprList defaults;  // for the last len(defaults) of posonlyargs + args
};

struct Lambda : Expr {
    Lambda() : Expr(ExprKind::Lambda) {}
    Arguments args;
    ExprPtr body;
};
struct IfExp : Expr {
    IfExp() : Expr(ExprKind::IfExp) {}
    ExprPtr test, body, orelse;
};
struct Dict : Expr {
    Dict() : Expr(ExprKind::Dict) {}
    ExprList keys;  // null key: `**values[i]`
    ExprList values;
};
struct Set : Expr {
    Set() : Expr(ExprKind::Set) {}
    ExprList elts;
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    ExprList ifs;
    bool is_async = false;
};

// ListComp, SetComp and GeneratorExp use `elt`; DictComp uses `key` and `value`.
struct Comp : Expr {
    explicit Comp(ExprKind k) : Expr(k) {}
    ExprPtr elt;
    ExprPtr key, value;
    std::vector<Comprehension> generators;
};

struct Await : Expr {
    Await() : Expr(ExprKind::Await) {}
    ExprPtr value;
};
struct Yield : Expr {
    Yield() : Expr(ExprKind::Yield) {}
    ExprPtr value;  // may be null
};
struct YieldFrom : Expr {
    YieldFrom() : Expr(ExprKind::YieldFrom) {}
    ExprPtr value;
};
struct Compare : Expr {
    Compare() : Expr(ExprKind::Compare) {}
    ExprPtr left;
    std::vector<CmpOpKind> ops;
    ExprList comparators;
};

struct Keyword {
    std::string arg;  // empty for `**value`
    ExprPtr value;
    Pos pos;
};

struct Call : Expr {
    Call() : Expr(ExprKind::Call) {}
    ExprPtr func;
    ExprList args;  // may hold Starred
    std::vector<Keyword> keywords;
};
struct FormattedValue : Expr {
    FormattedValue() : Expr(ExprKind::FormattedValue) {}
    ExprPtr value;
    int conversion = -1;  // -1, 's', 'r' or 'a'
    ExprPtr format_spec;  // a JoinedStr, or null
};
struct JoinedStr : Expr {
    JoinedStr() : Expr(ExprKind::JoinedStr) {}
    ExprList values;  // Constant(str) and FormattedValue
};

enum class ConstKind { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes };

struct Constant : Expr {
    Constant() : Expr(ExprKind::Constant) {}
    ConstKind value_kind = ConstKind::None;
    std::string text;                  // Int: decimal digits; Str: UTF-8; Bytes: raw bytes
    double number = 0;                 // Float, Imag
    bool is_unicode_prefixed = false;  // u'...' (ast.dump prints kind='u')
};
struct Attribute : Expr {
    Attribute() : Expr(ExprKind::Attribute) {}
    ExprPtr value;
    std::string attr;
    Ctx ctx = Ctx::Load;
};
struct Subscript : Expr {
    Subscript() : Expr(ExprKind::Subscript) {}
    ExprPtr value;
    ExprPtr slice;
    Ctx ctx = Ctx::Load;
};
struct Starred : Expr {
    Starred() : Expr(ExprKind::Starred) {}
    ExprPtr value;
    Ctx ctx = Ctx::Load;
};
struct Name : Expr {
    Name() : Expr(ExprKind::Name) {}
    std::string id;
    Ctx ctx = Ctx::Load;
};
// List and Tuple share a shape.
struct Sequence : Expr {
    explicit Sequence(ExprKind k) : Expr(k) {}
    ExprList elts;
    Ctx ctx = Ctx::Load;
};
struct Slice : Expr {
    Slice() : Expr(ExprKind::Slice) {}
    ExprPtr lower, upper, step;  // each may be null
};

// ---- statements ----

struct FunctionDef : Stmt {
    FunctionDef() : Stmt(StmtKind::FunctionDef) {}
    std::string name;
    Arguments args;
    StmtList body;
    ExprList decorator_list;
    ExprPtr returns;        // annotation, ignored by the compiler
    bool is_async = false;  // `async def`: AsyncFunctionDef in Python's ast
};
struct ClassDef : Stmt {
    ClassDef() : Stmt(StmtKind::ClassDef) {}
    std::string name;
    ExprList bases;
    std::vector<Keyword> keywords;
    StmtList body;
    ExprList decorator_list;
};
struct Return : Stmt {
    Return() : Stmt(StmtKind::Return) {}
    ExprPtr value;  // may be null
};
struct Delete : Stmt {
    Delete() : Stmt(StmtKind::Delete) {}
    ExprList targets;
};
struct Assign : Stmt {
    Assign() : Stmt(StmtKind::Assign) {}
    ExprList targets;  // `a = b = value` has two
    ExprPtr value;
};
struct AugAssign : Stmt {
    AugAssign() : Stmt(StmtKind::AugAssign) {}
    ExprPtr target;
    BinOpKind op = BinOpKind::Add;
    ExprPtr value;
};
struct AnnAssign : Stmt {
    AnnAssign() : Stmt(StmtKind::AnnAssign) {}
    ExprPtr target;
    ExprPtr annotation;
    ExprPtr value;       // may be null
    bool simple = true;  // target is a plain name, not in parentheses
};
struct For : Stmt {
    For() : Stmt(StmtKind::For) {}
    ExprPtr target, iter;
    StmtList body, orelse;
    bool is_async = false;  // `async for`: AsyncFor
};
struct While : Stmt {
    While() : Stmt(StmtKind::While) {}
    ExprPtr test;
    StmtList body, orelse;
};
struct If : Stmt {
    If() : Stmt(StmtKind::If) {}
    ExprPtr test;
    StmtList body, orelse;  // `elif` is an If alone in orelse, as in CPython
};
struct WithItem {
    ExprPtr context_expr;
    ExprPtr optional_vars;  // may be null
};
struct With : Stmt {
    With() : Stmt(StmtKind::With) {}
    std::vector<WithItem> items;
    StmtList body;
    bool is_async = false;  // `async with`: AsyncWith
};
struct Raise : Stmt {
    Raise() : Stmt(StmtKind::Raise) {}
    ExprPtr exc, cause;  // each may be null
};
struct ExceptHandler {
    ExprPtr type;      // may be null (bare except)
    std::string name;  // empty when there is no `as`
    StmtList body;
    Pos pos;
};
struct Try : Stmt {
    Try() : Stmt(StmtKind::Try) {}
    StmtList body;
    std::vector<ExceptHandler> handlers;
    StmtList orelse, finalbody;
    bool is_star = false;  // `except*` clauses (PEP 654): TryStar in Python's ast
};
struct Assert : Stmt {
    Assert() : Stmt(StmtKind::Assert) {}
    ExprPtr test, msg;
};
struct Alias {
    std::string name;    // dotted for `import a.b`
    std::string asname;  // empty when absent
    Pos pos;
};
struct Import : Stmt {
    Import() : Stmt(StmtKind::Import) {}
    std::vector<Alias> names;
};
struct ImportFrom : Stmt {
    ImportFrom() : Stmt(StmtKind::ImportFrom) {}
    std::string module;        // empty for `from . import x`
    std::vector<Alias> names;  // a single "*" for `import *`
    int level = 0;
};
// Global and Nonlocal share a shape.
struct NameListStmt : Stmt {
    explicit NameListStmt(StmtKind k) : Stmt(k) {}
    std::vector<std::string> names;
};
struct ExprStmt : Stmt {
    ExprStmt() : Stmt(StmtKind::Expr) {}
    ExprPtr value;
};
// Pass, Break and Continue carry nothing but their kind.
struct SimpleStmt : Stmt {
    explicit SimpleStmt(StmtKind k) : Stmt(k) {}
};

// ---- patterns of the match statement (PEP 634) ----

enum class PatternKind {
    MatchValue,
    MatchSingleton,
    MatchSequence,
    MatchMapping,
    MatchClass,
    MatchStar,
    MatchAs,
    MatchOr
};

struct Pattern;
using PatternPtr = std::unique_ptr<Pattern>;
using PatternList = std::vector<PatternPtr>;

// One shape for every pattern kind (they are small); each kind uses the fields its comment names,
// as in Parser/Python.asdl. An empty `name` is Python's None.
struct Pattern {
    explicit Pattern(PatternKind k) : kind(k) {}
    PatternKind kind;
    Pos pos;
    ExprPtr value;         // MatchValue: the expression; MatchSingleton: a Constant; MatchClass: cls
    ExprList keys;         // MatchMapping
    PatternList patterns;  // MatchSequence, MatchMapping, MatchClass (positional), MatchOr
    std::vector<std::string> kwd_attrs;  // MatchClass
    PatternList kwd_patterns;            // MatchClass
    std::string name;                    // MatchAs, MatchStar: the capture; MatchMapping: `**rest`
    PatternPtr pattern;                  // MatchAs: the sub-pattern (null for a bare capture or `_`)
};

struct MatchCase {
    PatternPtr pattern;
    ExprPtr guard;  // may be null
    StmtList body;
};
struct Match : Stmt {
    Match() : Stmt(StmtKind::Match) {}
    ExprPtr subject;
    std::vector<MatchCase> cases;
};

// A warning the front end gives about the source, which the compiler issues through the warnings
// module (CPython's tokenizer and parser issue them as they go): a DeprecationWarning for the first
// invalid escape sequence of each string literal, a SyntaxWarning for a number glued to a keyword
// (`1if x else y`). Under -W error each is a SyntaxError at `pos`.
struct SourceWarning {
    enum Category { kDeprecation, kSyntax } category;
    std::string message;  // "invalid escape sequence '\\d'", "invalid decimal literal"
    Pos pos;
};

struct Module {
    StmtList body;
    std::vector<SourceWarning> warnings;
};

// Checked downcast from a base node to the struct for its kind.
template <typename T, typename Base>
const T& as(const Base& node) {
    return static_cast<const T&>(node);
}
template <typename T, typename Base>
T& as(Base& node) {
    return static_cast<T&>(node);
}

}  // namespace minipy::ast
