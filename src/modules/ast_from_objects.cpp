// ast_from_objects.cpp — compile() of an `_ast` tree (from ast.parse, a NodeTransformer or built by
// hand): the Python node objects read back into minipy's C++ syntax tree, which the compiler takes
// as it takes a parse. Malformed trees raise CPython 3.11's TypeError/ValueError texts (obj2ast
// and the validator of Python/ast.c) for the checks that are cheap to make here.
#include <cmath>

#include "modules/ast_objects.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

namespace {

using namespace ast;

class FromObjects {
public:
    FromObjects() { module_ = import_module_level(intern("_ast"), None, 0, nullptr); }

    std::unique_ptr<ast::Module> root(Object* tree, CompileMode mode) {
        const char* expected = mode == CompileMode::File   ? "Module"
                               : mode == CompileMode::Eval ? "Expression"
                                                           : "Interactive";
        std::string kind = node_kind(tree, "mod");
        if (kind != expected)
            raise(&TypeError_type, format("expected %s node, got %s", expected, type_of(tree)->name.c_str()));
        auto module = std::make_unique<ast::Module>();
        if (mode == CompileMode::Eval) {
            auto s = std::make_unique<ExprStmt>();
            s->value = required_expr(tree, "body", kind);
            s->pos = s->value->pos;
            module->body.push_back(std::move(s));
        } else {
            module->body = stmts(tree, "body", kind);
        }
        return module;
    }

private:
    // The class of `o` that `_ast` defines (the first in its mro, for subclasses of node
    // classes); raises CPython's "expected some sort of <category>" when `o` is no `category`.
    std::string node_kind(Object* o, const char* category) {
        Ref base = get_attr(module_.get(), intern(category));
        if (!is_type(base.get()) || !is_instance(o, static_cast<Type*>(base.get()))) {
            Ref r = repr(o);
            raise(&TypeError_type,
                  format("expected some sort of %s, but got %s", category, str_utf8_of(r.get()).c_str()));
        }
        for (Type* t : type_of(o)->mro) {
            Ref same = get_attr_opt(module_.get(), intern(t->name));
            if (same.get() == t) return t->name;
        }
        return category;
    }

    // A field of node `o` (of class `owner`): missing is CPython's TypeError.
    static Ref field(Object* o, const char* name, const std::string& owner) {
        Ref v = get_attr_opt(o, intern(name));
        if (!v) raise(&TypeError_type, format("required field \"%s\" missing from %s", name, owner.c_str()));
        return v;
    }
    // An optional field: null when missing or None.
    static Ref optional(Object* o, const char* name) {
        Ref v = get_attr_opt(o, intern(name));
        if (v && v.get() == None) return Ref();
        return v;
    }
    static Ref list_field(Object* o, const char* name, const std::string& owner) {
        Ref v = field(o, name, owner);
        if (type_of(v.get()) != &list_type)
            raise(&TypeError_type, format("%s field \"%s\" must be a list, not a %s", owner.c_str(), name,
                                          type_of(v.get())->name.c_str()));
        return v;
    }
    static std::string identifier(Object* v) {
        if (!is_str(v)) raise(&TypeError_type, "AST identifier must be of type str");
        return str_utf8_of(v);
    }
    static std::string identifier_field(Object* o, const char* name, const std::string& owner) {
        Ref v = field(o, name, owner);
        if (v.get() == None)
            raise(&ValueError_type, format("field '%s' is required for %s", name, owner.c_str()));
        return identifier(v.get());
    }
    // An optional identifier: "" when missing or None, as minipy's tree keeps it.
    static std::string optional_identifier(Object* o, const char* name) {
        Ref v = optional(o, name);
        return v ? identifier(v.get()) : std::string();
    }
    static int64_t int_field(Object* o, const char* name, const std::string& owner) {
        Ref v = field(o, name, owner);
        if (!is_int(v.get()))
            raise(&TypeError_type, "invalid integer value: " + str_utf8_of(repr(v.get()).get()));
        return as_index(v.get());
    }

    // lineno and col_offset are required; the end defaults to the start, as in CPython.
    static Pos position(Object* o, const char* category) {
        Pos p;
        p.line = static_cast<int>(int_field(o, "lineno", category));
        p.col = static_cast<int>(int_field(o, "col_offset", category));
        Ref end_line = optional(o, "end_lineno"), end_col = optional(o, "end_col_offset");
        p.end_line = end_line ? static_cast<int>(as_index(end_line.get())) : p.line;
        p.end_col = end_col ? static_cast<int>(as_index(end_col.get())) : p.col;
        return p;
    }
    // CPython's validator checks the spans of statements, expressions and patterns.
    static Pos checked_position(Object* o, const char* category) {
        Pos p = position(o, category);
        if (p.line > p.end_line)
            raise(&ValueError_type, format("AST node line range (%d, %d) is not valid", p.line, p.end_line));
        if ((p.line < 0 && p.end_line != p.line) || (p.col < 0 && p.col != p.end_col)) {
            raise(&ValueError_type,
                  format("AST node column range (%d, %d) for line range (%d, %d) is not valid", p.col,
                         p.end_col, p.line, p.end_line));
        }
        if (p.line == p.end_line && p.col > p.end_col)
            raise(&ValueError_type,
                  format("line %d, column %d-%d is not a valid range", p.line, p.col, p.end_col));
        return p;
    }

    // `context`: the context the expression is read in (Store for an assignment's target, Del
    // for del's); nodes with a ctx field must have it, others may only be read (Load).
    ExprPtr expr(Object* o, Ctx context = Ctx::Load);
    ExprPtr required_expr(Object* o, const char* name, const std::string& owner, Ctx context = Ctx::Load) {
        Ref v = field(o, name, owner);
        if (v.get() == None)
            raise(&ValueError_type, format("field '%s' is required for %s", name, owner.c_str()));
        return expr(v.get(), context);
    }
    ExprPtr optional_expr(Object* o, const char* name) {
        Ref v = optional(o, name);
        return v ? expr(v.get()) : nullptr;
    }
    ExprList exprs(Object* o, const char* name, const std::string& owner, bool allow_none = false,
                   Ctx context = Ctx::Load) {
        Ref list = list_field(o, name, owner);
        ExprList out;
        for_each_item(list.get(), [&](Object* item) {
            if (item == None && !allow_none) raise(&ValueError_type, "None disallowed in expression list");
            out.push_back(item == None ? nullptr : expr(item, context));
        });
        return out;
    }
    StmtPtr stmt(Object* o);
    StmtList stmts(Object* o, const char* name, const std::string& owner, bool may_be_empty = false) {
        Ref list = list_field(o, name, owner);
        StmtList out;
        for_each_item(list.get(), [&](Object* item) {
            if (item == None) raise(&ValueError_type, "None disallowed in statement list");
            out.push_back(stmt(item));
        });
        if (out.empty() && !may_be_empty)
            raise(&ValueError_type, format("empty %s on %s", name, owner.c_str()));
        return out;
    }
    template <typename Fn>
    void each(Object* o, const char* name, const std::string& owner, Fn&& fn) {
        Ref list = list_field(o, name, owner);
        for_each_item(list.get(), fn);
    }

    Ctx ctx(Object* o, const std::string& owner, Ctx context);
    int operator_index(Object* o, const char* category, const char* const* names, size_t count);
    void constant(Object* value, Constant& c);
    ExprPtr constant_expr(Object* value, const Pos& pos);
    ArgPtr arg(Object* o);
    void arguments(Object* o, Arguments& a);
    std::vector<Keyword> keywords(Object* o, const std::string& owner);
    std::vector<Comprehension> comprehensions(Object* o, const std::string& owner);
    std::vector<Alias> aliases(Object* o, const std::string& owner);
    ExprPtr expr_node(Object* o, const std::string& kind, Ctx context);
    StmtPtr stmt_node(Object* o, const std::string& kind);
    PatternPtr pattern(Object* o, bool star_allowed = false);

    Ref module_;
};

#define MINIPY_AST_OPERATOR_NAME(name, ast_name, ...) #ast_name,
const char* const kBinOpNames[] = {MINIPY_BINARY_OPERATORS(MINIPY_AST_OPERATOR_NAME)};
const char* const kCmpOpNames[] = {MINIPY_COMPARE_OPERATORS(MINIPY_AST_OPERATOR_NAME) "Is", "IsNot", "In",
                                   "NotIn"};
#undef MINIPY_AST_OPERATOR_NAME
const char* const kUnaryOpNames[] = {"Invert", "Not", "UAdd", "USub"};
const char* const kBoolOpNames[] = {"And", "Or"};

int FromObjects::operator_index(Object* o, const char* category, const char* const* names, size_t count) {
    std::string kind = node_kind(o, category);
    for (size_t i = 0; i < count; ++i) {
        if (kind == names[i]) return static_cast<int>(i);
    }
    raise(&TypeError_type,
          format("expected some sort of %s, but got %s", category, str_utf8_of(repr(o).get()).c_str()));
}

const char* const kContextNames[] = {"Load", "Store", "Del"};

// The ctx field of a Name, Attribute, ...: CPython's validator wants the one it is read in.
Ctx FromObjects::ctx(Object* o, const std::string& owner, Ctx context) {
    Ref v = field(o, "ctx", owner);
    auto actual = static_cast<Ctx>(operator_index(v.get(), "expr_context", kContextNames, 3));
    if (actual != context) {
        raise(&ValueError_type,
              format("expression must have %s context but has %s instead",
                     kContextNames[static_cast<int>(context)], kContextNames[static_cast<int>(actual)]));
    }
    return actual;
}

// Constant.value: the kinds of object CPython's validator accepts; a tuple becomes a Tuple of
// constants (the compiler folds it back into one).
void FromObjects::constant(Object* value, Constant& c) {
    if (value == None) {
        c.value_kind = ConstKind::None;
    } else if (value == True) {
        c.value_kind = ConstKind::True;
    } else if (value == False) {
        c.value_kind = ConstKind::False;
    } else if (value == Ellipsis) {
        c.value_kind = ConstKind::Ellipsis;
    } else if (is_int(value)) {
        c.value_kind = ConstKind::Int;
        c.text = str_utf8_of(str(value).get());
    } else if (is_float(value)) {
        c.value_kind = ConstKind::Float;
        c.number = float_value(value);
    } else if (is_instance(value, &complex_type) && static_cast<Complex*>(value)->real == 0.0 &&
               !std::signbit(static_cast<Complex*>(value)->real)) {
        c.value_kind = ConstKind::Imag;
        c.number = static_cast<Complex*>(value)->imag;
    } else if (is_instance(value, &str_type)) {
        c.value_kind = ConstKind::Str;
        c.text = str_utf8_of(value);
    } else if (is_bytes(value)) {
        c.value_kind = ConstKind::Bytes;
        c.text = bytes_data(value);
    } else {
        raise(&TypeError_type, format("got an invalid type in Constant: %s", type_of(value)->name.c_str()));
    }
}

ExprPtr FromObjects::constant_expr(Object* value, const Pos& pos) {
    if (is_instance(value, &tuple_type)) {
        auto t = std::make_unique<Sequence>(ExprKind::Tuple);
        t->pos = pos;
        for_each_item(value, [&](Object* item) { t->elts.push_back(constant_expr(item, pos)); });
        return t;
    }
    auto c = std::make_unique<Constant>();
    c->pos = pos;
    constant(value, *c);
    return c;
}

ArgPtr FromObjects::arg(Object* o) {
    node_kind(o, "arg");
    auto a = std::make_unique<Arg>();
    a->name = identifier_field(o, "arg", "arg");
    a->annotation = optional_expr(o, "annotation");
    a->pos = position(o, "arg");
    return a;
}

void FromObjects::arguments(Object* o, Arguments& a) {
    node_kind(o, "arguments");
    each(o, "posonlyargs", "arguments", [&](Object* x) { a.posonlyargs.push_back(arg(x)); });
    each(o, "args", "arguments", [&](Object* x) { a.args.push_back(arg(x)); });
    if (Ref v = optional(o, "vararg")) a.vararg = arg(v.get());
    each(o, "kwonlyargs", "arguments", [&](Object* x) { a.kwonlyargs.push_back(arg(x)); });
    a.kw_defaults = exprs(o, "kw_defaults", "arguments", true);
    if (Ref v = optional(o, "kwarg")) a.kwarg = arg(v.get());
    a.defaults = exprs(o, "defaults", "arguments");
    if (a.defaults.size() > a.posonlyargs.size() + a.args.size())
        raise(&ValueError_type, "more positional defaults than args on arguments");
    if (a.kw_defaults.size() != a.kwonlyargs.size())
        raise(&ValueError_type, "length of kwonlyargs is not the same as kw_defaults on arguments");
}

std::vector<Keyword> FromObjects::keywords(Object* o, const std::string& owner) {
    std::vector<Keyword> out;
    each(o, "keywords", owner, [&](Object* k) {
        node_kind(k, "keyword");
        Keyword kw;
        kw.arg = optional_identifier(k, "arg");
        kw.value = required_expr(k, "value", "keyword");
        kw.pos = position(k, "keyword");
        out.push_back(std::move(kw));
    });
    return out;
}

std::vector<Comprehension> FromObjects::comprehensions(Object* o, const std::string& owner) {
    std::vector<Comprehension> out;
    each(o, "generators", owner, [&](Object* g) {
        node_kind(g, "comprehension");
        Comprehension c;
        c.target = required_expr(g, "target", "comprehension", Ctx::Store);
        c.iter = required_expr(g, "iter", "comprehension");
        c.ifs = exprs(g, "ifs", "comprehension");
        c.is_async = int_field(g, "is_async", "comprehension") != 0;
        out.push_back(std::move(c));
    });
    if (out.empty()) raise(&ValueError_type, format("comprehension with no generators"));
    return out;
}

std::vector<Alias> FromObjects::aliases(Object* o, const std::string& owner) {
    std::vector<Alias> out;
    each(o, "names", owner, [&](Object* x) {
        node_kind(x, "alias");
        Alias a;
        a.name = identifier_field(x, "name", "alias");
        a.asname = optional_identifier(x, "asname");
        a.pos = position(x, "alias");
        out.push_back(std::move(a));
    });
    return out;
}

// A tree may hold itself (`e.operand = e`): each level counts against the recursion limit.
ExprPtr FromObjects::expr(Object* o, Ctx context) {
    RecursionGuard guard(" during compilation");
    std::string kind = node_kind(o, "expr");
    Pos pos = checked_position(o, "expr");
    bool has_ctx = kind == "Name" || kind == "Attribute" || kind == "Subscript" || kind == "Starred" ||
                   kind == "List" || kind == "Tuple";
    if (!has_ctx && context != Ctx::Load) {
        raise(&ValueError_type, format("expression which can't be assigned to in %s context",
                                       kContextNames[static_cast<int>(context)]));
    }
    if (kind == "Constant") return constant_expr(field(o, "value", kind).get(), pos);
    ExprPtr e = expr_node(o, kind, context);
    e->pos = pos;
    return e;
}

ExprPtr FromObjects::expr_node(Object* o, const std::string& kind, Ctx context) {
    if (kind == "BoolOp") {
        auto e = std::make_unique<BoolOp>();
        e->op =
            static_cast<BoolOpKind>(operator_index(field(o, "op", kind).get(), "boolop", kBoolOpNames, 2));
        e->values = exprs(o, "values", kind);
        if (e->values.size() < 2) raise(&ValueError_type, "BoolOp with less than 2 values");
        return e;
    }
    if (kind == "NamedExpr") {
        auto e = std::make_unique<NamedExpr>();
        e->target = required_expr(o, "target", kind, Ctx::Store);
        e->value = required_expr(o, "value", kind);
        return e;
    }
    if (kind == "BinOp") {
        auto e = std::make_unique<BinOp>();
        e->left = required_expr(o, "left", kind);
        e->op = static_cast<BinOpKind>(
            operator_index(field(o, "op", kind).get(), "operator", kBinOpNames, std::size(kBinOpNames)));
        e->right = required_expr(o, "right", kind);
        return e;
    }
    if (kind == "UnaryOp") {
        auto e = std::make_unique<UnaryOp>();
        e->op =
            static_cast<UnaryOpKind>(operator_index(field(o, "op", kind).get(), "unaryop", kUnaryOpNames, 4));
        e->operand = required_expr(o, "operand", kind);
        return e;
    }
    if (kind == "Lambda") {
        auto e = std::make_unique<Lambda>();
        arguments(field(o, "args", kind).get(), e->args);
        e->body = required_expr(o, "body", kind);
        return e;
    }
    if (kind == "IfExp") {
        auto e = std::make_unique<IfExp>();
        e->test = required_expr(o, "test", kind);
        e->body = required_expr(o, "body", kind);
        e->orelse = required_expr(o, "orelse", kind);
        return e;
    }
    if (kind == "Dict") {
        auto e = std::make_unique<ast::Dict>();
        e->keys = exprs(o, "keys", kind, true);
        e->values = exprs(o, "values", kind);
        if (e->keys.size() != e->values.size())
            raise(&ValueError_type, "Dict doesn't have the same number of keys as values");
        return e;
    }
    if (kind == "Set") {
        auto e = std::make_unique<ast::Set>();
        e->elts = exprs(o, "elts", kind);
        return e;
    }
    if (kind == "ListComp" || kind == "SetComp" || kind == "GeneratorExp" || kind == "DictComp") {
        auto e = std::make_unique<Comp>(kind == "ListComp"   ? ExprKind::ListComp
                                        : kind == "SetComp"  ? ExprKind::SetComp
                                        : kind == "DictComp" ? ExprKind::DictComp
                                                             : ExprKind::GeneratorExp);
        // The generators first: CPython's validator reports their errors before the element's.
        e->generators = comprehensions(o, kind);
        if (kind == "DictComp") {
            e->key = required_expr(o, "key", kind);
            e->value = required_expr(o, "value", kind);
        } else {
            e->elt = required_expr(o, "elt", kind);
        }
        return e;
    }
    if (kind == "Await") {
        auto e = std::make_unique<Await>();
        e->value = required_expr(o, "value", kind);
        return e;
    }
    if (kind == "Yield") {
        auto e = std::make_unique<Yield>();
        e->value = optional_expr(o, "value");
        return e;
    }
    if (kind == "YieldFrom") {
        auto e = std::make_unique<YieldFrom>();
        e->value = required_expr(o, "value", kind);
        return e;
    }
    if (kind == "Compare") {
        auto e = std::make_unique<Compare>();
        e->left = required_expr(o, "left", kind);
        each(o, "ops", kind, [&](Object* op) {
            e->ops.push_back(
                static_cast<CmpOpKind>(operator_index(op, "cmpop", kCmpOpNames, std::size(kCmpOpNames))));
        });
        e->comparators = exprs(o, "comparators", kind);
        if (e->comparators.empty()) raise(&ValueError_type, "Compare with no comparators");
        if (e->comparators.size() != e->ops.size())
            raise(&ValueError_type, "Compare has a different number of comparators and operands");
        return e;
    }
    if (kind == "Call") {
        auto e = std::make_unique<Call>();
        e->func = required_expr(o, "func", kind);
        e->args = exprs(o, "args", kind);
        e->keywords = keywords(o, kind);
        return e;
    }
    if (kind == "FormattedValue") {
        auto e = std::make_unique<FormattedValue>();
        e->value = required_expr(o, "value", kind);
        e->conversion = static_cast<int>(int_field(o, "conversion", kind));
        e->format_spec = optional_expr(o, "format_spec");
        return e;
    }
    if (kind == "JoinedStr") {
        auto e = std::make_unique<JoinedStr>();
        e->values = exprs(o, "values", kind);
        return e;
    }
    if (kind == "Attribute") {
        auto e = std::make_unique<Attribute>();
        e->value = required_expr(o, "value", kind);
        e->attr = identifier_field(o, "attr", kind);
        e->ctx = ctx(o, kind, context);
        return e;
    }
    if (kind == "Subscript") {
        auto e = std::make_unique<Subscript>();
        e->value = required_expr(o, "value", kind);
        e->slice = required_expr(o, "slice", kind);
        e->ctx = ctx(o, kind, context);
        return e;
    }
    if (kind == "Starred") {
        auto e = std::make_unique<Starred>();
        e->value = required_expr(o, "value", kind, context);
        e->ctx = ctx(o, kind, context);
        return e;
    }
    if (kind == "Name") {
        auto e = std::make_unique<Name>();
        e->id = identifier_field(o, "id", kind);
        if (e->id == "None" || e->id == "True" || e->id == "False")
            raise(&ValueError_type, format("identifier field can't represent '%s' constant", e->id.c_str()));
        e->ctx = ctx(o, kind, context);
        return e;
    }
    if (kind == "List" || kind == "Tuple") {
        auto e = std::make_unique<Sequence>(kind == "List" ? ExprKind::List : ExprKind::Tuple);
        e->elts = exprs(o, "elts", kind, false, context);
        e->ctx = ctx(o, kind, context);
        return e;
    }
    if (kind == "Slice") {
        auto e = std::make_unique<ast::Slice>();
        e->lower = optional_expr(o, "lower");
        e->upper = optional_expr(o, "upper");
        e->step = optional_expr(o, "step");
        return e;
    }
    raise(&TypeError_type,
          format("expected some sort of expr, but got %s", str_utf8_of(repr(o).get()).c_str()));
}

StmtPtr FromObjects::stmt(Object* o) {
    RecursionGuard guard(" during compilation");
    std::string kind = node_kind(o, "stmt");
    Pos pos = checked_position(o, "stmt");
    StmtPtr s = stmt_node(o, kind);
    s->pos = pos;
    return s;
}

StmtPtr FromObjects::stmt_node(Object* o, const std::string& kind) {
    if (kind == "FunctionDef" || kind == "AsyncFunctionDef") {
        auto s = std::make_unique<FunctionDef>();
        s->is_async = kind == "AsyncFunctionDef";
        s->name = identifier_field(o, "name", kind);
        arguments(field(o, "args", kind).get(), s->args);
        s->body = stmts(o, "body", kind);
        s->decorator_list = exprs(o, "decorator_list", kind);
        s->returns = optional_expr(o, "returns");
        return s;
    }
    if (kind == "ClassDef") {
        auto s = std::make_unique<ClassDef>();
        s->name = identifier_field(o, "name", kind);
        s->bases = exprs(o, "bases", kind);
        s->keywords = keywords(o, kind);
        s->body = stmts(o, "body", kind);
        s->decorator_list = exprs(o, "decorator_list", kind);
        return s;
    }
    if (kind == "Return") {
        auto s = std::make_unique<Return>();
        s->value = optional_expr(o, "value");
        return s;
    }
    if (kind == "Delete") {
        auto s = std::make_unique<Delete>();
        s->targets = exprs(o, "targets", kind, false, Ctx::Del);
        if (s->targets.empty()) raise(&ValueError_type, "empty targets on Delete");
        return s;
    }
    if (kind == "Assign") {
        auto s = std::make_unique<Assign>();
        s->targets = exprs(o, "targets", kind, false, Ctx::Store);
        if (s->targets.empty()) raise(&ValueError_type, "empty targets on Assign");
        s->value = required_expr(o, "value", kind);
        return s;
    }
    if (kind == "AugAssign") {
        auto s = std::make_unique<AugAssign>();
        s->target = required_expr(o, "target", kind, Ctx::Store);
        s->op = static_cast<BinOpKind>(
            operator_index(field(o, "op", kind).get(), "operator", kBinOpNames, std::size(kBinOpNames)));
        s->value = required_expr(o, "value", kind);
        return s;
    }
    if (kind == "AnnAssign") {
        auto s = std::make_unique<AnnAssign>();
        s->target = required_expr(o, "target", kind, Ctx::Store);
        s->annotation = required_expr(o, "annotation", kind);
        s->value = optional_expr(o, "value");
        s->simple = int_field(o, "simple", kind) != 0;
        return s;
    }
    if (kind == "For" || kind == "AsyncFor") {
        auto s = std::make_unique<For>();
        s->is_async = kind == "AsyncFor";
        s->target = required_expr(o, "target", kind, Ctx::Store);
        s->iter = required_expr(o, "iter", kind);
        s->body = stmts(o, "body", kind);
        s->orelse = stmts(o, "orelse", kind, true);
        return s;
    }
    if (kind == "While" || kind == "If") {
        ExprPtr test = required_expr(o, "test", kind);
        StmtList body = stmts(o, "body", kind);
        StmtList orelse = stmts(o, "orelse", kind, true);
        if (kind == "While") {
            auto s = std::make_unique<While>();
            s->test = std::move(test);
            s->body = std::move(body);
            s->orelse = std::move(orelse);
            return s;
        }
        auto s = std::make_unique<If>();
        s->test = std::move(test);
        s->body = std::move(body);
        s->orelse = std::move(orelse);
        return s;
    }
    if (kind == "With" || kind == "AsyncWith") {
        auto s = std::make_unique<With>();
        s->is_async = kind == "AsyncWith";
        each(o, "items", kind, [&](Object* x) {
            node_kind(x, "withitem");
            WithItem item;
            item.context_expr = required_expr(x, "context_expr", "withitem");
            if (Ref vars = optional(x, "optional_vars")) item.optional_vars = expr(vars.get(), Ctx::Store);
            s->items.push_back(std::move(item));
        });
        if (s->items.empty()) raise(&ValueError_type, format("empty items on %s", kind.c_str()));
        s->body = stmts(o, "body", kind);
        return s;
    }
    if (kind == "Raise") {
        auto s = std::make_unique<Raise>();
        s->exc = optional_expr(o, "exc");
        s->cause = optional_expr(o, "cause");
        if (s->cause && !s->exc) raise(&ValueError_type, "Raise with cause but no exception");
        return s;
    }
    if (kind == "Try" || kind == "TryStar") {
        auto s = std::make_unique<Try>();
        s->is_star = kind == "TryStar";
        s->body = stmts(o, "body", kind);
        each(o, "handlers", kind, [&](Object* x) {
            node_kind(x, "excepthandler");
            ExceptHandler h;
            h.type = optional_expr(x, "type");
            h.name = optional_identifier(x, "name");
            h.body = stmts(x, "body", "ExceptHandler");
            h.pos = position(x, "excepthandler");
            s->handlers.push_back(std::move(h));
        });
        s->orelse = stmts(o, "orelse", kind, true);
        s->finalbody = stmts(o, "finalbody", kind, true);
        if (s->handlers.empty() && s->finalbody.empty())
            raise(&ValueError_type, format("%s has neither except handlers nor finalbody", kind.c_str()));
        if (s->handlers.empty() && !s->orelse.empty())
            raise(&ValueError_type, format("%s has orelse but no except handlers", kind.c_str()));
        return s;
    }
    if (kind == "Assert") {
        auto s = std::make_unique<Assert>();
        s->test = required_expr(o, "test", kind);
        s->msg = optional_expr(o, "msg");
        return s;
    }
    if (kind == "Import") {
        auto s = std::make_unique<Import>();
        s->names = aliases(o, kind);
        if (s->names.empty()) raise(&ValueError_type, "empty names on Import");
        return s;
    }
    if (kind == "ImportFrom") {
        auto s = std::make_unique<ImportFrom>();
        s->module = optional_identifier(o, "module");
        s->names = aliases(o, kind);
        Ref level = optional(o, "level");
        s->level = level ? static_cast<int>(as_index(level.get())) : 0;
        if (s->level < 0) raise(&ValueError_type, "Negative ImportFrom level");
        if (s->names.empty()) raise(&ValueError_type, "empty names on ImportFrom");
        return s;
    }
    if (kind == "Global" || kind == "Nonlocal") {
        auto s = std::make_unique<NameListStmt>(kind == "Global" ? StmtKind::Global : StmtKind::Nonlocal);
        each(o, "names", kind, [&](Object* x) { s->names.push_back(identifier(x)); });
        if (s->names.empty()) raise(&ValueError_type, format("empty names on %s", kind.c_str()));
        return s;
    }
    if (kind == "Expr") {
        auto s = std::make_unique<ExprStmt>();
        s->value = required_expr(o, "value", kind);
        return s;
    }
    if (kind == "Match") {
        auto s = std::make_unique<Match>();
        s->subject = required_expr(o, "subject", kind);
        each(o, "cases", kind, [&](Object* x) {
            node_kind(x, "match_case");
            MatchCase c;
            c.pattern = pattern(field(x, "pattern", "match_case").get());
            c.guard = optional_expr(x, "guard");
            c.body = stmts(x, "body", "match_case");
            s->cases.push_back(std::move(c));
        });
        if (s->cases.empty()) raise(&ValueError_type, "empty cases on Match");
        return s;
    }
    if (kind == "Pass") return std::make_unique<SimpleStmt>(StmtKind::Pass);
    if (kind == "Break") return std::make_unique<SimpleStmt>(StmtKind::Break);
    if (kind == "Continue") return std::make_unique<SimpleStmt>(StmtKind::Continue);
    raise(&TypeError_type,
          format("expected some sort of stmt, but got %s", str_utf8_of(repr(o).get()).c_str()));
}

// A capture name in a pattern (MatchAs, MatchStar, MatchMapping's rest).
void check_capture(const std::string& name) {
    if (name == "_") raise(&ValueError_type, "can't capture name '_' in patterns");
    if (name == "None" || name == "True" || name == "False")
        raise(&ValueError_type, format("identifier field can't represent '%s' constant", name.c_str()));
}

// MatchValue's value: a literal (not a singleton, which is MatchSingleton's) or a dotted name.
void check_match_value(const Expr& value) {
    if (value.kind == ExprKind::Constant) {
        ConstKind k = as<Constant>(value).value_kind;
        if (k == ConstKind::None || k == ConstKind::True || k == ConstKind::False || k == ConstKind::Ellipsis)
            raise(&ValueError_type, "unexpected constant inside of a literal pattern");
        return;
    }
    if (value.kind == ExprKind::Attribute || value.kind == ExprKind::UnaryOp ||
        value.kind == ExprKind::BinOp || value.kind == ExprKind::JoinedStr)
        return;
    raise(&ValueError_type, "patterns may only match literals and attribute lookups");
}

// MatchClass's cls: a name or a dotted name.
void check_class_name(const Expr& cls) {
    const Expr* e = &cls;
    while (e->kind == ExprKind::Attribute) e = as<Attribute>(*e).value.get();
    if (e->kind != ExprKind::Name)
        raise(&ValueError_type, "MatchClass cls field can only contain Name or Attribute nodes.");
}

PatternPtr FromObjects::pattern(Object* o, bool star_allowed) {
    static const struct {
        const char* name;
        PatternKind kind;
    } kKinds[] = {{"MatchValue", PatternKind::MatchValue},
                  {"MatchSingleton", PatternKind::MatchSingleton},
                  {"MatchSequence", PatternKind::MatchSequence},
                  {"MatchMapping", PatternKind::MatchMapping},
                  {"MatchClass", PatternKind::MatchClass},
                  {"MatchStar", PatternKind::MatchStar},
                  {"MatchAs", PatternKind::MatchAs},
                  {"MatchOr", PatternKind::MatchOr}};
    RecursionGuard guard(" during compilation");
    std::string kind = node_kind(o, "pattern");
    PatternPtr p;
    for (const auto& k : kKinds) {
        if (kind == k.name) p = std::make_unique<Pattern>(k.kind);
    }
    if (!p)
        raise(&TypeError_type,
              format("expected some sort of pattern, but got %s", str_utf8_of(repr(o).get()).c_str()));
    p->pos = checked_position(o, "pattern");
    auto patterns = [&](const char* name) {
        PatternList out;
        each(o, name, kind, [&](Object* x) { out.push_back(pattern(x)); });
        return out;
    };
    // The checks are CPython's validate_pattern: trees the parser could never have made.
    switch (p->kind) {
        case PatternKind::MatchValue:
            p->value = required_expr(o, "value", kind);
            check_match_value(*p->value);
            break;
        case PatternKind::MatchSingleton: {
            Ref value = field(o, "value", kind);
            if (value.get() != None && value.get() != True && value.get() != False)
                raise(&ValueError_type, "MatchSingleton can only contain True, False and None");
            p->value = constant_expr(value.get(), p->pos);
            break;
        }
        case PatternKind::MatchSequence:
            each(o, "patterns", kind, [&](Object* x) { p->patterns.push_back(pattern(x, true)); });
            break;
        case PatternKind::MatchOr:
            p->patterns = patterns("patterns");
            if (p->patterns.size() < 2) raise(&ValueError_type, "MatchOr requires at least 2 patterns");
            break;
        case PatternKind::MatchMapping:
            p->keys = exprs(o, "keys", kind);
            p->patterns = patterns("patterns");
            p->name = optional_identifier(o, "rest");
            if (p->keys.size() != p->patterns.size())
                raise(&ValueError_type, "MatchMapping doesn't have the same number of keys as patterns");
            if (!p->name.empty()) check_capture(p->name);
            for (const auto& key : p->keys) {
                if (key->kind != ExprKind::Constant && key->kind != ExprKind::Attribute)
                    raise(&ValueError_type,
                          "can only have literals and attribute lookups as mapping pattern keys");
            }
            break;
        case PatternKind::MatchClass:
            p->value = required_expr(o, "cls", kind);
            check_class_name(*p->value);
            p->patterns = patterns("patterns");
            each(o, "kwd_attrs", kind, [&](Object* x) {
                p->kwd_attrs.push_back(identifier(x));
                if (p->kwd_attrs.back() == "None" || p->kwd_attrs.back() == "True" ||
                    p->kwd_attrs.back() == "False")
                    raise(&ValueError_type, format("identifier field can't represent '%s' constant",
                                                   p->kwd_attrs.back().c_str()));
            });
            p->kwd_patterns = patterns("kwd_patterns");
            if (p->kwd_attrs.size() != p->kwd_patterns.size())
                raise(&ValueError_type,
                      "MatchClass doesn't have the same number of keyword attributes as patterns");
            break;
        case PatternKind::MatchStar:
            if (!star_allowed) raise(&ValueError_type, "can't use MatchStar here");
            p->name = optional_identifier(o, "name");
            if (!p->name.empty()) check_capture(p->name);
            break;
        case PatternKind::MatchAs:
            if (Ref sub = optional(o, "pattern")) p->pattern = pattern(sub.get());
            p->name = optional_identifier(o, "name");
            if (!p->name.empty()) check_capture(p->name);
            if (p->pattern && p->name.empty())
                raise(&ValueError_type, "MatchAs must specify a target name if a pattern is given");
            break;
    }
    return p;
}

}  // namespace

std::unique_ptr<ast::Module> ast_from_objects(Object* tree, CompileMode mode) {
    return FromObjects().root(tree, mode);
}

}  // namespace minipy
