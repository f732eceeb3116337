// ast_dump.cpp — `minipy --ast`: prints the AST exactly as CPython 3.11's
// `ast.dump(tree, indent=2)` does (same field order, omitted None fields, one-line simple nodes).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "runtime/c_numbers.h"
#include "syntax/parser.h"
#include "syntax/tokens.h"

namespace minipy::syntax {

using namespace ast;

namespace {

// ast.dump's _format() result: the text, and whether it counts as "simple" (fits on one line).
struct Out {
    std::string text;
    bool simple;
};

using Fields = std::vector<std::pair<const char*, Out>>;

// repr() of a float: the shortest digits that read back the same, in Python's layout.
std::string float_repr(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (std::isnan(v)) return "nan";
    char buf[40];
    CNumericScope c_numbers;
    for (int prec = 1; prec <= 17; ++prec) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string s = buf;
    size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp = std::atoi(s.c_str() + e + 1);
    bool neg = mant[0] == '-';
    if (neg) mant.erase(0, 1);
    std::string digits;
    for (char c : mant) {
        if (c != '.') digits += c;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out;
    if (exp < -4 || exp >= 16) {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
        out += buf;
    } else if (exp < 0) {
        out = "0." + std::string(-exp - 1, '0') + digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
        out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
    } else {
        out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
    }
    return (neg ? "-" : "") + out;
}

// Every method takes `p`, the level _format() is called with; the node itself lays out its
// fields at p + 1, exactly as _format() increments its level on entry.
class Dumper {
public:
    Out module(const Module& m) {
        Fields f;
        f.emplace_back("body", stmts(m.body, 1));
        f.emplace_back("type_ignores", Out{"[]", true});
        return node("Module", std::move(f), 1);
    }

private:
    static std::string prefix(int level) { return "\n" + std::string(2 * level, ' '); }

    // ast.dump: one line when every field is simple and there are at most three.
    static Out node(const std::string& cls, Fields fields, int level) {
        bool all_simple = true;
        std::vector<std::string> args;
        for (auto& [name, out] : fields) {
            all_simple = all_simple && out.simple;
            args.push_back(std::string(name) + "=" + out.text);
        }
        std::string text = cls + "(";
        if (all_simple && args.size() <= 3) {
            for (size_t i = 0; i < args.size(); ++i) text += (i ? ", " : "") + args[i];
            return {text + ")", args.empty()};
        }
        for (size_t i = 0; i < args.size(); ++i) text += (i ? "," : "") + prefix(level) + args[i];
        return {text + ")", false};
    }

    static Out list(const std::vector<Out>& items, int level) {
        if (items.empty()) return {"[]", true};
        std::string text = "[";
        for (size_t i = 0; i < items.size(); ++i) text += (i ? "," : "") + prefix(level) + items[i].text;
        return {text + "]", false};
    }

    static Out leaf(const std::string& text) { return {text, true}; }
    static Out str(const std::string& s) { return leaf(py_repr_str(s)); }
    static Out ctx(Ctx c) { return leaf(c == Ctx::Load ? "Load()" : c == Ctx::Store ? "Store()" : "Del()"); }

    Out exprs(const ExprList& es, int p) {
        std::vector<Out> items;
        for (auto& e : es) items.push_back(e ? expr(*e, p + 1) : leaf("None"));
        return list(items, p + 1);
    }
    Out stmts(const StmtList& ss, int p) {
        std::vector<Out> items;
        for (auto& s : ss) items.push_back(stmt(*s, p + 1));
        return list(items, p + 1);
    }
    // Fields of a node laid out at `level`: _format(child, level).
    void opt(Fields& f, const char* name, const ExprPtr& e, int level) {
        if (e) f.emplace_back(name, expr(*e, level));
    }
    void req(Fields& f, const char* name, const ExprPtr& e, int level) {
        f.emplace_back(name, expr(*e, level));
    }

    Out constant(const Constant& c, int p);
    Out arguments(const Arguments& a, int p);
    Out arg(const Arg& a, int p);
    Out args(const std::vector<ArgPtr>& as, int p);
    Out keywords(const std::vector<Keyword>& ks, int p);
    Out comprehensions(const std::vector<Comprehension>& gs, int p);
    Out aliases(const std::vector<Alias>& names, int p);
    Out expr(const Expr& e, int p);
    Out stmt(const Stmt& s, int p);
    Out pattern(const Pattern& pt, int p);
    Out patterns(const PatternList& ps, int p);
    Out match_cases(const std::vector<MatchCase>& cases, int l);
    const char* expr_fields(const Expr& e, Fields& f, int l);
    const char* stmt_fields(const Stmt& s, Fields& f, int l);
};

#define MINIPY_AST_OPERATOR_NAME(name, ast_name, ...) #ast_name,
const char* bin_op_name(BinOpKind k) {
    static const char* names[] = {MINIPY_BINARY_OPERATORS(MINIPY_AST_OPERATOR_NAME)};
    return names[static_cast<int>(k)];
}
const char* unary_op_name(UnaryOpKind k) {
    static const char* names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(k)];
}
const char* cmp_op_name(CmpOpKind k) {
    static const char* names[] = {MINIPY_COMPARE_OPERATORS(MINIPY_AST_OPERATOR_NAME) "Is", "IsNot", "In",
                                  "NotIn"};
    return names[static_cast<int>(k)];
}
#undef MINIPY_AST_OPERATOR_NAME

Out Dumper::constant(const Constant& c, int p) {
    std::string v;
    switch (c.value_kind) {
        case ConstKind::None:
            v = "None";
            break;
        case ConstKind::True:
            v = "True";
            break;
        case ConstKind::False:
            v = "False";
            break;
        case ConstKind::Ellipsis:
            v = "Ellipsis";
            break;
        case ConstKind::Int:
            v = c.text;
            break;
        case ConstKind::Float:
            v = float_repr(c.number);
            break;
        case ConstKind::Imag:
            v = float_repr(c.number);
            if (v.size() > 2 && v.compare(v.size() - 2, 2, ".0") == 0) v.resize(v.size() - 2);
            v += "j";
            break;
        case ConstKind::Str:
            v = py_repr_str(c.text);
            break;
        case ConstKind::Bytes:
            v = py_repr_bytes(c.text);
            break;
    }
    Fields f;
    f.emplace_back("value", leaf(v));
    if (c.is_unicode_prefixed) f.emplace_back("kind", str("u"));
    return node("Constant", std::move(f), p + 1);
}

Out Dumper::arg(const Arg& a, int p) {
    Fields f;
    f.emplace_back("arg", str(a.name));
    opt(f, "annotation", a.annotation, p + 1);
    return node("arg", std::move(f), p + 1);
}

Out Dumper::args(const std::vector<ArgPtr>& as, int p) {
    std::vector<Out> items;
    for (auto& a : as) items.push_back(arg(*a, p + 1));
    return list(items, p + 1);
}

Out Dumper::arguments(const Arguments& a, int p) {
    int l = p + 1;
    Fields f;
    f.emplace_back("posonlyargs", args(a.posonlyargs, l));
    f.emplace_back("args", args(a.args, l));
    if (a.vararg) f.emplace_back("vararg", arg(*a.vararg, l));
    f.emplace_back("kwonlyargs", args(a.kwonlyargs, l));
    f.emplace_back("kw_defaults", exprs(a.kw_defaults, l));
    if (a.kwarg) f.emplace_back("kwarg", arg(*a.kwarg, l));
    f.emplace_back("defaults", exprs(a.defaults, l));
    return node("arguments", std::move(f), l);
}

Out Dumper::keywords(const std::vector<Keyword>& ks, int p) {
    std::vector<Out> items;
    for (auto& k : ks) {
        int l = p + 2;
        Fields f;
        if (!k.arg.empty()) f.emplace_back("arg", str(k.arg));
        req(f, "value", k.value, l);
        items.push_back(node("keyword", std::move(f), l));
    }
    return list(items, p + 1);
}

Out Dumper::comprehensions(const std::vector<Comprehension>& gs, int p) {
    std::vector<Out> items;
    for (auto& g : gs) {
        int l = p + 2;
        Fields f;
        req(f, "target", g.target, l);
        req(f, "iter", g.iter, l);
        f.emplace_back("ifs", exprs(g.ifs, l));
        f.emplace_back("is_async", leaf(g.is_async ? "1" : "0"));
        items.push_back(node("comprehension", std::move(f), l));
    }
    return list(items, p + 1);
}

Out Dumper::aliases(const std::vector<Alias>& names, int p) {
    std::vector<Out> items;
    for (auto& a : names) {
        Fields f;
        f.emplace_back("name", str(a.name));
        if (!a.asname.empty()) f.emplace_back("asname", str(a.asname));
        items.push_back(node("alias", std::move(f), p + 2));
    }
    return list(items, p + 1);
}

Out Dumper::expr(const Expr& e, int p) {
    if (e.kind == ExprKind::Constant) return constant(as<Constant>(e), p);
    Fields f;
    const char* cls = expr_fields(e, f, p + 1);
    return node(cls, std::move(f), p + 1);
}

// Fills the fields of expression `e` laid out at level `l`; returns its class name.
const char* Dumper::expr_fields(const Expr& e, Fields& f, int l) {
    switch (e.kind) {
        case ExprKind::BoolOp: {
            auto& n = as<BoolOp>(e);
            f.emplace_back("op", leaf(n.op == BoolOpKind::And ? "And()" : "Or()"));
            f.emplace_back("values", exprs(n.values, l));
            return "BoolOp";
        }
        case ExprKind::NamedExpr:
            req(f, "target", as<NamedExpr>(e).target, l);
            req(f, "value", as<NamedExpr>(e).value, l);
            return "NamedExpr";
        case ExprKind::BinOp: {
            auto& n = as<BinOp>(e);
            req(f, "left", n.left, l);
            f.emplace_back("op", leaf(std::string(bin_op_name(n.op)) + "()"));
            req(f, "right", n.right, l);
            return "BinOp";
        }
        case ExprKind::UnaryOp:
            f.emplace_back("op", leaf(std::string(unary_op_name(as<UnaryOp>(e).op)) + "()"));
            req(f, "operand", as<UnaryOp>(e).operand, l);
            return "UnaryOp";
        case ExprKind::Lambda:
            f.emplace_back("args", arguments(as<Lambda>(e).args, l));
            req(f, "body", as<Lambda>(e).body, l);
            return "Lambda";
        case ExprKind::IfExp:
            req(f, "test", as<IfExp>(e).test, l);
            req(f, "body", as<IfExp>(e).body, l);
            req(f, "orelse", as<IfExp>(e).orelse, l);
            return "IfExp";
        case ExprKind::Dict:
            f.emplace_back("keys", exprs(as<Dict>(e).keys, l));
            f.emplace_back("values", exprs(as<Dict>(e).values, l));
            return "Dict";
        case ExprKind::Set:
            f.emplace_back("elts", exprs(as<Set>(e).elts, l));
            return "Set";
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp: {
            auto& n = as<Comp>(e);
            req(f, "elt", n.elt, l);
            f.emplace_back("generators", comprehensions(n.generators, l));
            return e.kind == ExprKind::ListComp  ? "ListComp"
                   : e.kind == ExprKind::SetComp ? "SetComp"
                                                 : "GeneratorExp";
        }
        case ExprKind::DictComp: {
            auto& n = as<Comp>(e);
            req(f, "key", n.key, l);
            req(f, "value", n.value, l);
            f.emplace_back("generators", comprehensions(n.generators, l));
            return "DictComp";
        }
        case ExprKind::Await:
            req(f, "value", as<Await>(e).value, l);
            return "Await";
        case ExprKind::Yield:
            opt(f, "value", as<Yield>(e).value, l);
            return "Yield";
        case ExprKind::YieldFrom:
            req(f, "value", as<YieldFrom>(e).value, l);
            return "YieldFrom";
        case ExprKind::Compare: {
            auto& n = as<Compare>(e);
            req(f, "left", n.left, l);
            std::vector<Out> ops;
            for (CmpOpKind op : n.ops) ops.push_back(leaf(std::string(cmp_op_name(op)) + "()"));
            f.emplace_back("ops", list(ops, l + 1));
            f.emplace_back("comparators", exprs(n.comparators, l));
            return "Compare";
        }
        case ExprKind::Call: {
            auto& n = as<Call>(e);
            req(f, "func", n.func, l);
            f.emplace_back("args", exprs(n.args, l));
            f.emplace_back("keywords", keywords(n.keywords, l));
            return "Call";
        }
        case ExprKind::FormattedValue: {
            auto& n = as<FormattedValue>(e);
            req(f, "value", n.value, l);
            f.emplace_back("conversion", leaf(std::to_string(n.conversion)));
            opt(f, "format_spec", n.format_spec, l);
            return "FormattedValue";
        }
        case ExprKind::JoinedStr:
            f.emplace_back("values", exprs(as<JoinedStr>(e).values, l));
            return "JoinedStr";
        case ExprKind::Attribute:
            req(f, "value", as<Attribute>(e).value, l);
            f.emplace_back("attr", str(as<Attribute>(e).attr));
            f.emplace_back("ctx", ctx(as<Attribute>(e).ctx));
            return "Attribute";
        case ExprKind::Subscript:
            req(f, "value", as<Subscript>(e).value, l);
            req(f, "slice", as<Subscript>(e).slice, l);
            f.emplace_back("ctx", ctx(as<Subscript>(e).ctx));
            return "Subscript";
        case ExprKind::Starred:
            req(f, "value", as<Starred>(e).value, l);
            f.emplace_back("ctx", ctx(as<Starred>(e).ctx));
            return "Starred";
        case ExprKind::Name:
            f.emplace_back("id", str(as<Name>(e).id));
            f.emplace_back("ctx", ctx(as<Name>(e).ctx));
            return "Name";
        case ExprKind::List:
        case ExprKind::Tuple:
            f.emplace_back("elts", exprs(as<Sequence>(e).elts, l));
            f.emplace_back("ctx", ctx(as<Sequence>(e).ctx));
            return e.kind == ExprKind::List ? "List" : "Tuple";
        case ExprKind::Slice:
            opt(f, "lower", as<Slice>(e).lower, l);
            opt(f, "upper", as<Slice>(e).upper, l);
            opt(f, "step", as<Slice>(e).step, l);
            return "Slice";
        case ExprKind::Constant:
            break;
    }
    return "Constant";
}

Out Dumper::stmt(const Stmt& s, int p) {
    Fields f;
    const char* cls = stmt_fields(s, f, p + 1);
    return node(cls, std::move(f), p + 1);
}

// Fills the fields of statement `s` laid out at level `l`; returns its class name.
const char* Dumper::stmt_fields(const Stmt& s, Fields& f, int l) {
    switch (s.kind) {
        case StmtKind::FunctionDef: {
            auto& n = as<FunctionDef>(s);
            f.emplace_back("name", str(n.name));
            f.emplace_back("args", arguments(n.args, l));
            f.emplace_back("body", stmts(n.body, l));
            f.emplace_back("decorator_list", exprs(n.decorator_list, l));
            opt(f, "returns", n.returns, l);
            return n.is_async ? "AsyncFunctionDef" : "FunctionDef";
        }
        case StmtKind::ClassDef: {
            auto& n = as<ClassDef>(s);
            f.emplace_back("name", str(n.name));
            f.emplace_back("bases", exprs(n.bases, l));
            f.emplace_back("keywords", keywords(n.keywords, l));
            f.emplace_back("body", stmts(n.body, l));
            f.emplace_back("decorator_list", exprs(n.decorator_list, l));
            return "ClassDef";
        }
        case StmtKind::Return:
            opt(f, "value", as<Return>(s).value, l);
            return "Return";
        case StmtKind::Delete:
            f.emplace_back("targets", exprs(as<Delete>(s).targets, l));
            return "Delete";
        case StmtKind::Assign:
            f.emplace_back("targets", exprs(as<Assign>(s).targets, l));
            req(f, "value", as<Assign>(s).value, l);
            return "Assign";
        case StmtKind::AugAssign:
            req(f, "target", as<AugAssign>(s).target, l);
            f.emplace_back("op", leaf(std::string(bin_op_name(as<AugAssign>(s).op)) + "()"));
            req(f, "value", as<AugAssign>(s).value, l);
            return "AugAssign";
        case StmtKind::AnnAssign: {
            auto& n = as<AnnAssign>(s);
            req(f, "target", n.target, l);
            req(f, "annotation", n.annotation, l);
            opt(f, "value", n.value, l);
            f.emplace_back("simple", leaf(n.simple ? "1" : "0"));
            return "AnnAssign";
        }
        case StmtKind::For: {
            auto& n = as<For>(s);
            req(f, "target", n.target, l);
            req(f, "iter", n.iter, l);
            f.emplace_back("body", stmts(n.body, l));
            f.emplace_back("orelse", stmts(n.orelse, l));
            return n.is_async ? "AsyncFor" : "For";
        }
        case StmtKind::While:
        case StmtKind::If: {
            auto& test = s.kind == StmtKind::While ? as<While>(s).test : as<If>(s).test;
            req(f, "test", test, l);
            f.emplace_back("body", stmts(s.kind == StmtKind::While ? as<While>(s).body : as<If>(s).body, l));
            f.emplace_back("orelse",
                           stmts(s.kind == StmtKind::While ? as<While>(s).orelse : as<If>(s).orelse, l));
            return s.kind == StmtKind::While ? "While" : "If";
        }
        case StmtKind::With: {
            std::vector<Out> items;
            for (auto& item : as<With>(s).items) {
                Fields w;
                req(w, "context_expr", item.context_expr, l + 2);
                opt(w, "optional_vars", item.optional_vars, l + 2);
                items.push_back(node("withitem", std::move(w), l + 2));
            }
            f.emplace_back("items", list(items, l + 1));
            f.emplace_back("body", stmts(as<With>(s).body, l));
            return as<With>(s).is_async ? "AsyncWith" : "With";
        }
        case StmtKind::Raise:
            opt(f, "exc", as<Raise>(s).exc, l);
            opt(f, "cause", as<Raise>(s).cause, l);
            return "Raise";
        case StmtKind::Try: {
            auto& n = as<Try>(s);
            f.emplace_back("body", stmts(n.body, l));
            std::vector<Out> handlers;
            for (auto& h : n.handlers) {
                Fields hf;
                opt(hf, "type", h.type, l + 2);
                if (!h.name.empty()) hf.emplace_back("name", str(h.name));
                hf.emplace_back("body", stmts(h.body, l + 2));
                handlers.push_back(node("ExceptHandler", std::move(hf), l + 2));
            }
            f.emplace_back("handlers", list(handlers, l + 1));
            f.emplace_back("orelse", stmts(n.orelse, l));
            f.emplace_back("finalbody", stmts(n.finalbody, l));
            return n.is_star ? "TryStar" : "Try";
        }
        case StmtKind::Assert:
            req(f, "test", as<Assert>(s).test, l);
            opt(f, "msg", as<Assert>(s).msg, l);
            return "Assert";
        case StmtKind::Import:
            f.emplace_back("names", aliases(as<Import>(s).names, l));
            return "Import";
        case StmtKind::ImportFrom: {
            auto& n = as<ImportFrom>(s);
            if (!n.module.empty()) f.emplace_back("module", str(n.module));
            f.emplace_back("names", aliases(n.names, l));
            f.emplace_back("level", leaf(std::to_string(n.level)));
            return "ImportFrom";
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            std::vector<Out> names;
            for (auto& name : as<NameListStmt>(s).names) names.push_back(str(name));
            f.emplace_back("names", list(names, l + 1));
            return s.kind == StmtKind::Global ? "Global" : "Nonlocal";
        }
        case StmtKind::Expr:
            req(f, "value", as<ExprStmt>(s).value, l);
            return "Expr";
        case StmtKind::Match:
            req(f, "subject", as<Match>(s).subject, l);
            f.emplace_back("cases", match_cases(as<Match>(s).cases, l));
            return "Match";
        case StmtKind::Pass:
            return "Pass";
        case StmtKind::Break:
            return "Break";
        case StmtKind::Continue:
            return "Continue";
    }
    return "Pass";
}

Out Dumper::match_cases(const std::vector<MatchCase>& cases, int l) {
    std::vector<Out> items;
    for (auto& c : cases) {
        Fields f;
        f.emplace_back("pattern", pattern(*c.pattern, l + 2));
        opt(f, "guard", c.guard, l + 2);
        f.emplace_back("body", stmts(c.body, l + 2));
        items.push_back(node("match_case", std::move(f), l + 2));
    }
    return list(items, l + 1);
}

Out Dumper::patterns(const PatternList& ps, int p) {
    std::vector<Out> items;
    for (auto& pt : ps) items.push_back(pattern(*pt, p + 1));
    return list(items, p + 1);
}

Out Dumper::pattern(const Pattern& pt, int p) {
    int l = p + 1;
    Fields f;
    switch (pt.kind) {
        case PatternKind::MatchValue:
            req(f, "value", pt.value, l);
            return node("MatchValue", std::move(f), l);
        case PatternKind::MatchSingleton: {
            const auto& k = as<Constant>(*pt.value);
            const char* v = k.value_kind == ConstKind::None   ? "None"
                            : k.value_kind == ConstKind::True ? "True"
                                                              : "False";
            f.emplace_back("value", leaf(v));
            return node("MatchSingleton", std::move(f), l);
        }
        case PatternKind::MatchSequence:
            f.emplace_back("patterns", patterns(pt.patterns, l));
            return node("MatchSequence", std::move(f), l);
        case PatternKind::MatchMapping:
            f.emplace_back("keys", exprs(pt.keys, l));
            f.emplace_back("patterns", patterns(pt.patterns, l));
            if (!pt.name.empty()) f.emplace_back("rest", str(pt.name));
            return node("MatchMapping", std::move(f), l);
        case PatternKind::MatchClass: {
            req(f, "cls", pt.value, l);
            f.emplace_back("patterns", patterns(pt.patterns, l));
            std::vector<Out> attrs;
            for (auto& a : pt.kwd_attrs) attrs.push_back(str(a));
            f.emplace_back("kwd_attrs", list(attrs, l + 1));
            f.emplace_back("kwd_patterns", patterns(pt.kwd_patterns, l));
            return node("MatchClass", std::move(f), l);
        }
        case PatternKind::MatchStar:
            if (!pt.name.empty()) f.emplace_back("name", str(pt.name));
            return node("MatchStar", std::move(f), l);
        case PatternKind::MatchAs:
            if (pt.pattern) f.emplace_back("pattern", pattern(*pt.pattern, l));
            if (!pt.name.empty()) f.emplace_back("name", str(pt.name));
            return node("MatchAs", std::move(f), l);
        case PatternKind::MatchOr:
            f.emplace_back("patterns", patterns(pt.patterns, l));
            return node("MatchOr", std::move(f), l);
    }
    return node("MatchAs", std::move(f), l);
}

}  // namespace

std::string dump_ast(std::string_view source, const std::string& filename) {
    auto module = parse(source, filename);
    return Dumper().module(*module).text + "\n";
}

}  // namespace minipy::syntax
