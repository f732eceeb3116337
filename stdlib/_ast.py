# _ast.py — the node classes of CPython's `_ast` module (what `ast` re-exports), made from the
# grammar of Python 3.11's abstract syntax (Parser/Python.asdl, the interface minipy's own AST in
# src/syntax/ast.h follows): a class per node with `_fields` and `_attributes`, constructors that
# take the fields positionally or by keyword, and optional fields reading None until set, as CPython's
# C module does. compile(..., PyCF_ONLY_AST) builds trees of them from source
# (src/modules/ast_to_objects.cpp) and compile() reads such a tree back (ast_from_objects.cpp).

PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192

# One production per group: `base =` (with `@` when its nodes carry source positions) followed
# by its alternatives, or a single product `name(fields) [@]`. A field is `type name`; `type?` is
# optional (defaults to None), `type*` a list.
_GRAMMAR = """
mod =
    | Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)
stmt@ =
    | FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
    | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
    | Return(expr? value)
    | Delete(expr* targets)
    | Assign(expr* targets, expr value, string? type_comment)
    | AugAssign(expr target, operator op, expr value)
    | AnnAssign(expr target, expr annotation, expr? value, int simple)
    | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
    | While(expr test, stmt* body, stmt* orelse)
    | If(expr test, stmt* body, stmt* orelse)
    | With(withitem* items, stmt* body, string? type_comment)
    | AsyncWith(withitem* items, stmt* body, string? type_comment)
    | Match(expr subject, match_case* cases)
    | Raise(expr? exc, expr? cause)
    | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
    | Assert(expr test, expr? msg)
    | Import(alias* names)
    | ImportFrom(identifier? module, alias* names, int? level)
    | Global(identifier* names)
    | Nonlocal(identifier* names)
    | Expr(expr value)
    | Pass
    | Break
    | Continue
expr@ =
    | BoolOp(boolop op, expr* values)
    | NamedExpr(expr target, expr value)
    | BinOp(expr left, operator op, expr right)
    | UnaryOp(unaryop op, expr operand)
    | Lambda(arguments args, expr body)
    | IfExp(expr test, expr body, expr orelse)
    | Dict(expr* keys, expr* values)
    | Set(expr* elts)
    | ListComp(expr elt, comprehension* generators)
    | SetComp(expr elt, comprehension* generators)
    | DictComp(expr key, expr value, comprehension* generators)
    | GeneratorExp(expr elt, comprehension* generators)
    | Await(expr value)
    | Yield(expr? value)
    | YieldFrom(expr value)
    | Compare(expr left, cmpop* ops, expr* comparators)
    | Call(expr func, expr* args, keyword* keywords)
    | FormattedValue(expr value, int conversion, expr? format_spec)
    | JoinedStr(expr* values)
    | Constant(constant value, string? kind)
    | Attribute(expr value, identifier attr, expr_context ctx)
    | Subscript(expr value, expr slice, expr_context ctx)
    | Starred(expr value, expr_context ctx)
    | Name(identifier id, expr_context ctx)
    | List(expr* elts, expr_context ctx)
    | Tuple(expr* elts, expr_context ctx)
    | Slice(expr? lower, expr? upper, expr? step)
expr_context =
    | Load
    | Store
    | Del
boolop =
    | And
    | Or
operator =
    | Add
    | Sub
    | Mult
    | MatMult
    | Div
    | Mod
    | Pow
    | LShift
    | RShift
    | BitOr
    | BitXor
    | BitAnd
    | FloorDiv
unaryop =
    | Invert
    | Not
    | UAdd
    | USub
cmpop =
    | Eq
    | NotEq
    | Lt
    | LtE
    | Gt
    | GtE
    | Is
    | IsNot
    | In
    | NotIn
excepthandler@ =
    | ExceptHandler(expr? type, identifier? name, stmt* body)
pattern@ =
    | MatchValue(expr value)
    | MatchSingleton(constant value)
    | MatchSequence(pattern* patterns)
    | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
    | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
    | MatchStar(identifier? name)
    | MatchAs(pattern? pattern, identifier? name)
    | MatchOr(pattern* patterns)
type_ignore =
    | TypeIgnore(int lineno, string tag)
comprehension(expr target, expr iter, expr* ifs, int is_async)
arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
arg(identifier arg, expr? annotation, string? type_comment) @
keyword(identifier? arg, expr value) @
alias(identifier name, identifier? asname) @
withitem(expr context_expr, expr? optional_vars)
match_case(pattern pattern, expr? guard, stmt* body)
"""

_POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


class AST:
    _fields = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__} constructor takes at most "
                            f"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__


def _parse_fields(text):
    """('name', ...), (optional names) from 'type name, type? name, ...'."""
    names, optional = [], []
    for field in filter(None, (f.strip() for f in text.split(","))):
        kind, name = field.split()
        names.append(name)
        if kind.endswith("?"):
            optional.append(name)
    return tuple(names), tuple(optional)


def _make(name, base, fields_text, positions, signature):
    """A node class; its optional fields are None on the class until an instance sets them."""
    fields, optional = _parse_fields(fields_text)
    namespace = {"_fields": fields, "__match_args__": fields, "_attributes": _POSITIONS if positions else (),
                 "__doc__": signature, "__module__": "ast"}
    if positions:
        namespace.update(end_lineno=None, end_col_offset=None)
    namespace.update(dict.fromkeys(optional))
    cls = type(name, (base,), namespace)
    globals()[name] = cls
    return cls


def _build():
    lines = [line.strip() for line in _GRAMMAR.strip().splitlines()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.endswith("="):
            head = line[:-1].strip()
            positions = head.endswith("@")
            base_name = head.rstrip("@")
            alternatives = []
            i += 1
            while i < len(lines) and lines[i].startswith("|"):
                alternatives.append(lines[i][1:].strip())
                i += 1
            if all("(" not in alt for alt in alternatives):
                doc = base_name + " = " + " | ".join(alternatives)
            else:
                doc = base_name + " = " + ("\n" + " " * len(base_name) + " | ").join(alternatives)
            namespace = {"_attributes": _POSITIONS if positions else (), "__doc__": doc, "__module__": "ast"}
            if positions:
                namespace.update(end_lineno=None, end_col_offset=None)
            base = type(base_name, (AST,), namespace)
            globals()[base_name] = base
            for alt in alternatives:
                name, _, rest = alt.partition("(")
                _make(name.strip(), base, rest.rstrip(")"), positions, alt)
        else:
            positions = line.endswith("@")
            signature = line.rstrip("@").strip()
            name, _, rest = signature.partition("(")
            _make(name, AST, rest.rstrip(")"), positions, signature)
            i += 1


_build()
AST.__module__ = "ast"
del _build, _make, _parse_fields
