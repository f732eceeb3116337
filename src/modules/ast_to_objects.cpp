// ast_to_objects.cpp — ast.parse: minipy's C++ syntax tree turned into instances of the `_ast` node
// classes (stdlib/_ast.py) with exactly the fields and positions CPython 3.11's parser gives, so
// Lib/ast.py (dump, NodeVisitor, unparse, literal_eval, ...) runs on them unchanged.
#include <unordered_map>

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

// minipy's positions count code points; CPython's col_offset counts UTF-8 bytes of the line.
class ByteColumns {
public:
    explicit ByteColumns(std::string_view source) : source_(source) {
        line_starts_.push_back(0);
        for (size_t i = 0; i < source.size(); ++i) {
            if (source[i] == '\n') line_starts_.push_back(i + 1);
        }
    }

    int byte_column(int line, int col) const {
        if (line < 1 || static_cast<size_t>(line) > line_starts_.size() || col <= 0) return col;
        size_t at = line_starts_[line - 1];
        int bytes = 0;
        for (int chars = 0; chars < col && at + bytes < source_.size(); ++chars) {
            // Skips one UTF-8 sequence: its lead byte, then its continuation bytes.
            ++bytes;
            while (at + bytes < source_.size() &&
                   (static_cast<unsigned char>(source_[at + bytes]) & 0xC0) == 0x80)
                ++bytes;
        }
        return bytes;
    }

private:
    std::string_view source_;
    std::vector<size_t> line_starts_;
};

#define MINIPY_AST_OPERATOR_NAME(name, ast_name, ...) #ast_name,
const char* const kBinOpNames[] = {MINIPY_BINARY_OPERATORS(MINIPY_AST_OPERATOR_NAME)};
const char* const kCmpOpNames[] = {MINIPY_COMPARE_OPERATORS(MINIPY_AST_OPERATOR_NAME) "Is", "IsNot", "In",
                                   "NotIn"};
#undef MINIPY_AST_OPERATOR_NAME
const char* const kUnaryOpNames[] = {"Invert", "Not", "UAdd", "USub"};

class ToObjects {
public:
    explicit ToObjects(std::string_view source) : columns_(source) {
        module_ = import_module_level(intern("_ast"), None, 0, nullptr);
    }

    Ref root(const ast::Module& m, AstRoot root) {
        switch (root) {
            case AstRoot::Module: {
                Ref n = node("Module");
                set(n, "body", stmts(m.body));
                set(n, "type_ignores", list_new());
                return n;
            }
            case AstRoot::Interactive: {
                Ref n = node("Interactive");
                set(n, "body", stmts(m.body));
                return n;
            }
            case AstRoot::Expression: {
                Ref n = node("Expression");
                set(n, "body", expr(as<ExprStmt>(*m.body.at(0)).value.get()));
                return n;
            }
            case AstRoot::FunctionType: {
                // Parsed as the expression `(argtypes), returns` (see the header).
                const auto& pair = as<Sequence>(*as<ExprStmt>(*m.body.at(0)).value).elts;
                Ref n = node("FunctionType");
                const Expr& params = *pair.at(0);
                if (params.kind == ExprKind::Tuple) {
                    set(n, "argtypes", exprs(as<Sequence>(params).elts));
                } else {
                    Ref one = list_new(1);
                    list_append(one.get(), expr(&params).get());
                    set(n, "argtypes", one);
                }
                set(n, "returns", expr(pair.at(1).get()));
                return n;
            }
        }
        return Ref::borrow(None);
    }

private:
    // One instance per class name for the field-less nodes (Load, Add, ...): CPython's parser
    // shares them too.
    Ref singleton(const char* name) {
        auto it = singletons_.find(name);
        if (it != singletons_.end()) return it->second;
        Ref n = node(name);
        singletons_.emplace(name, n);
        return n;
    }

    Ref node(const char* name) {
        auto it = classes_.find(name);
        if (it == classes_.end()) it = classes_.emplace(name, get_attr(module_.get(), intern(name))).first;
        return call0(it->second.get());
    }

    static void set(const Ref& n, const char* field, const Ref& value) {
        set_attr(n.get(), intern(field), value.get());
    }
    static void set(const Ref& n, const char* field, Object* value) {
        set_attr(n.get(), intern(field), value);
    }
    static void set_str(const Ref& n, const char* field, const std::string& s) { set(n, field, str_new(s)); }
    // An identifier that minipy keeps as "" when absent, CPython as None.
    static void set_name_or_none(const Ref& n, const char* field, const std::string& s) {
        if (s.empty())
            set(n, field, None);
        else
            set_str(n, field, s);
    }
    static void set_int(const Ref& n, const char* field, int64_t v) { set(n, field, int_from_i64(v)); }

    void set_pos(const Ref& n, const Pos& p) {
        set_int(n, "lineno", p.line);
        set_int(n, "col_offset", columns_.byte_column(p.line, p.col));
        set_int(n, "end_lineno", p.end_line);
        set_int(n, "end_col_offset", columns_.byte_column(p.end_line, p.end_col));
    }

    Ref ctx(Ctx c) { return singleton(c == Ctx::Load ? "Load" : c == Ctx::Store ? "Store" : "Del"); }

    Ref exprs(const ExprList& es) {
        Ref out = list_new(es.size());
        for (const auto& e : es) list_append(out.get(), expr(e.get()).get());
        return out;
    }
    Ref stmts(const StmtList& ss) {
        Ref out = list_new(ss.size());
        for (const auto& s : ss) list_append(out.get(), stmt(*s).get());
        return out;
    }

    Ref constant_value(const Constant& c);
    Ref arg(const Arg* a);
    Ref arguments(const Arguments& a);
    Ref keywords(const std::vector<Keyword>& ks);
    Ref comprehensions(const std::vector<Comprehension>& gs);
    Ref aliases(const std::vector<Alias>& names);
    Ref expr(const Expr* e);
    Ref expr_node(const Expr& e);
    Ref stmt(const Stmt& s);
    Ref stmt_node(const Stmt& s);
    Ref pattern(const Pattern* p);
    Ref patterns(const PatternList& ps);

    ByteColumns columns_;
    Ref module_;
    std::unordered_map<std::string, Ref> classes_;
    std::unordered_map<std::string, Ref> singletons_;
};

Ref ToObjects::constant_value(const Constant& c) {
    switch (c.value_kind) {
        case ConstKind::None:
            return Ref::borrow(None);
        case ConstKind::True:
            return Ref::borrow(True);
        case ConstKind::False:
            return Ref::borrow(False);
        case ConstKind::Ellipsis:
            return Ref::borrow(Ellipsis);
        case ConstKind::Int:
            return int_from_string_unlimited(c.text, 10);
        case ConstKind::Float:
            return float_new(c.number);
        case ConstKind::Imag:
            return complex_new(0.0, c.number);
        case ConstKind::Str:
            return str_new(c.text);
        case ConstKind::Bytes:
            return bytes_new(c.text);
    }
    return Ref::borrow(None);
}

Ref ToObjects::arg(const Arg* a) {
    if (!a) return Ref::borrow(None);
    Ref n = node("arg");
    set_str(n, "arg", a->name);
    set(n, "annotation", expr(a->annotation.get()));
    set(n, "type_comment", None);
    set_pos(n, a->pos);
    return n;
}

Ref ToObjects::arguments(const Arguments& a) {
    auto arg_list = [&](const std::vector<ArgPtr>& args) {
        Ref out = list_new(args.size());
        for (const auto& x : args) list_append(out.get(), arg(x.get()).get());
        return out;
    };
    Ref n = node("arguments");
    set(n, "posonlyargs", arg_list(a.posonlyargs));
    set(n, "args", arg_list(a.args));
    set(n, "vararg", arg(a.vararg.get()));
    set(n, "kwonlyargs", arg_list(a.kwonlyargs));
    set(n, "kw_defaults", exprs(a.kw_defaults));
    set(n, "kwarg", arg(a.kwarg.get()));
    set(n, "defaults", exprs(a.defaults));
    return n;
}

Ref ToObjects::keywords(const std::vector<Keyword>& ks) {
    Ref out = list_new(ks.size());
    for (const auto& k : ks) {
        Ref n = node("keyword");
        set_name_or_none(n, "arg", k.arg);
        set(n, "value", expr(k.value.get()));
        set_pos(n, k.pos);
        list_append(out.get(), n.get());
    }
    return out;
}

Ref ToObjects::comprehensions(const std::vector<Comprehension>& gs) {
    Ref out = list_new(gs.size());
    for (const auto& g : gs) {
        Ref n = node("comprehension");
        set(n, "target", expr(g.target.get()));
        set(n, "iter", expr(g.iter.get()));
        set(n, "ifs", exprs(g.ifs));
        set_int(n, "is_async", g.is_async ? 1 : 0);
        list_append(out.get(), n.get());
    }
    return out;
}

Ref ToObjects::aliases(const std::vector<Alias>& names) {
    Ref out = list_new(names.size());
    for (const auto& a : names) {
        Ref n = node("alias");
        set_str(n, "name", a.name);
        set_name_or_none(n, "asname", a.asname);
        set_pos(n, a.pos);
        list_append(out.get(), n.get());
    }
    return out;
}

Ref ToObjects::expr(const Expr* e) {
    if (!e) return Ref::borrow(None);
    Ref n = expr_node(*e);
    set_pos(n, e->pos);
    return n;
}

// The node of expression `e` with its fields (expr() adds the positions).
Ref ToObjects::expr_node(const Expr& e) {
    switch (e.kind) {
        case ExprKind::BoolOp: {
            Ref n = node("BoolOp");
            set(n, "op", singleton(as<BoolOp>(e).op == BoolOpKind::And ? "And" : "Or"));
            set(n, "values", exprs(as<BoolOp>(e).values));
            return n;
        }
        case ExprKind::NamedExpr: {
            Ref n = node("NamedExpr");
            set(n, "target", expr(as<NamedExpr>(e).target.get()));
            set(n, "value", expr(as<NamedExpr>(e).value.get()));
            return n;
        }
        case ExprKind::BinOp: {
            auto& b = as<BinOp>(e);
            Ref n = node("BinOp");
            set(n, "left", expr(b.left.get()));
            set(n, "op", singleton(kBinOpNames[static_cast<int>(b.op)]));
            set(n, "right", expr(b.right.get()));
            return n;
        }
        case ExprKind::UnaryOp: {
            Ref n = node("UnaryOp");
            set(n, "op", singleton(kUnaryOpNames[static_cast<int>(as<UnaryOp>(e).op)]));
            set(n, "operand", expr(as<UnaryOp>(e).operand.get()));
            return n;
        }
        case ExprKind::Lambda: {
            Ref n = node("Lambda");
            set(n, "args", arguments(as<Lambda>(e).args));
            set(n, "body", expr(as<Lambda>(e).body.get()));
            return n;
        }
        case ExprKind::IfExp: {
            auto& x = as<IfExp>(e);
            Ref n = node("IfExp");
            set(n, "test", expr(x.test.get()));
            set(n, "body", expr(x.body.get()));
            set(n, "orelse", expr(x.orelse.get()));
            return n;
        }
        case ExprKind::Dict: {
            Ref n = node("Dict");
            set(n, "keys", exprs(as<ast::Dict>(e).keys));
            set(n, "values", exprs(as<ast::Dict>(e).values));
            return n;
        }
        case ExprKind::Set: {
            Ref n = node("Set");
            set(n, "elts", exprs(as<ast::Set>(e).elts));
            return n;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp:
        case ExprKind::DictComp: {
            auto& c = as<Comp>(e);
            Ref n = node(e.kind == ExprKind::ListComp   ? "ListComp"
                         : e.kind == ExprKind::SetComp  ? "SetComp"
                         : e.kind == ExprKind::DictComp ? "DictComp"
                                                        : "GeneratorExp");
            if (e.kind == ExprKind::DictComp) {
                set(n, "key", expr(c.key.get()));
                set(n, "value", expr(c.value.get()));
            } else {
                set(n, "elt", expr(c.elt.get()));
            }
            set(n, "generators", comprehensions(c.generators));
            return n;
        }
        case ExprKind::Await:
        case ExprKind::Yield:
        case ExprKind::YieldFrom: {
            Ref n = node(e.kind == ExprKind::Await   ? "Await"
                         : e.kind == ExprKind::Yield ? "Yield"
                                                     : "YieldFrom");
            const ExprPtr& value = e.kind == ExprKind::Await   ? as<Await>(e).value
                                   : e.kind == ExprKind::Yield ? as<Yield>(e).value
                                                               : as<YieldFrom>(e).value;
            set(n, "value", expr(value.get()));
            return n;
        }
        case ExprKind::Compare: {
            auto& c = as<Compare>(e);
            Ref n = node("Compare");
            set(n, "left", expr(c.left.get()));
            Ref ops = list_new(c.ops.size());
            for (CmpOpKind op : c.ops)
                list_append(ops.get(), singleton(kCmpOpNames[static_cast<int>(op)]).get());
            set(n, "ops", ops);
            set(n, "comparators", exprs(c.comparators));
            return n;
        }
        case ExprKind::Call: {
            auto& c = as<Call>(e);
            Ref n = node("Call");
            set(n, "func", expr(c.func.get()));
            set(n, "args", exprs(c.args));
            set(n, "keywords", keywords(c.keywords));
            return n;
        }
        case ExprKind::FormattedValue: {
            auto& f = as<FormattedValue>(e);
            Ref n = node("FormattedValue");
            set(n, "value", expr(f.value.get()));
            set_int(n, "conversion", f.conversion);
            set(n, "format_spec", expr(f.format_spec.get()));
            return n;
        }
        case ExprKind::JoinedStr: {
            Ref n = node("JoinedStr");
            set(n, "values", exprs(as<JoinedStr>(e).values));
            return n;
        }
        case ExprKind::Constant: {
            auto& c = as<Constant>(e);
            Ref n = node("Constant");
            set(n, "value", constant_value(c));
            if (c.is_unicode_prefixed)
                set_str(n, "kind", "u");
            else
                set(n, "kind", None);
            return n;
        }
        case ExprKind::Attribute: {
            auto& a = as<Attribute>(e);
            Ref n = node("Attribute");
            set(n, "value", expr(a.value.get()));
            set_str(n, "attr", a.attr);
            set(n, "ctx", ctx(a.ctx));
            return n;
        }
        case ExprKind::Subscript: {
            auto& s = as<Subscript>(e);
            Ref n = node("Subscript");
            set(n, "value", expr(s.value.get()));
            set(n, "slice", expr(s.slice.get()));
            set(n, "ctx", ctx(s.ctx));
            return n;
        }
        case ExprKind::Starred: {
            Ref n = node("Starred");
            set(n, "value", expr(as<Starred>(e).value.get()));
            set(n, "ctx", ctx(as<Starred>(e).ctx));
            return n;
        }
        case ExprKind::Name: {
            Ref n = node("Name");
            set_str(n, "id", as<Name>(e).id);
            set(n, "ctx", ctx(as<Name>(e).ctx));
            return n;
        }
        case ExprKind::List:
        case ExprKind::Tuple: {
            Ref n = node(e.kind == ExprKind::List ? "List" : "Tuple");
            set(n, "elts", exprs(as<Sequence>(e).elts));
            set(n, "ctx", ctx(as<Sequence>(e).ctx));
            return n;
        }
        case ExprKind::Slice: {
            auto& s = as<ast::Slice>(e);
            Ref n = node("Slice");
            set(n, "lower", expr(s.lower.get()));
            set(n, "upper", expr(s.upper.get()));
            set(n, "step", expr(s.step.get()));
            return n;
        }
    }
    return Ref::borrow(None);
}

Ref ToObjects::stmt(const Stmt& s) {
    Ref n = stmt_node(s);
    set_pos(n, s.pos);
    return n;
}

// The node of statement `s` with its fields (stmt() adds the positions).
Ref ToObjects::stmt_node(const Stmt& s) {
    switch (s.kind) {
        case StmtKind::FunctionDef: {
            auto& f = as<FunctionDef>(s);
            Ref n = node(f.is_async ? "AsyncFunctionDef" : "FunctionDef");
            set_str(n, "name", f.name);
            set(n, "args", arguments(f.args));
            set(n, "body", stmts(f.body));
            set(n, "decorator_list", exprs(f.decorator_list));
            set(n, "returns", expr(f.returns.get()));
            set(n, "type_comment", None);
            return n;
        }
        case StmtKind::ClassDef: {
            auto& c = as<ClassDef>(s);
            Ref n = node("ClassDef");
            set_str(n, "name", c.name);
            set(n, "bases", exprs(c.bases));
            set(n, "keywords", keywords(c.keywords));
            set(n, "body", stmts(c.body));
            set(n, "decorator_list", exprs(c.decorator_list));
            return n;
        }
        case StmtKind::Return: {
            Ref n = node("Return");
            set(n, "value", expr(as<Return>(s).value.get()));
            return n;
        }
        case StmtKind::Delete: {
            Ref n = node("Delete");
            set(n, "targets", exprs(as<Delete>(s).targets));
            return n;
        }
        case StmtKind::Assign: {
            Ref n = node("Assign");
            set(n, "targets", exprs(as<Assign>(s).targets));
            set(n, "value", expr(as<Assign>(s).value.get()));
            set(n, "type_comment", None);
            return n;
        }
        case StmtKind::AugAssign: {
            auto& a = as<AugAssign>(s);
            Ref n = node("AugAssign");
            set(n, "target", expr(a.target.get()));
            set(n, "op", singleton(kBinOpNames[static_cast<int>(a.op)]));
            set(n, "value", expr(a.value.get()));
            return n;
        }
        case StmtKind::AnnAssign: {
            auto& a = as<AnnAssign>(s);
            Ref n = node("AnnAssign");
            set(n, "target", expr(a.target.get()));
            set(n, "annotation", expr(a.annotation.get()));
            set(n, "value", expr(a.value.get()));
            set_int(n, "simple", a.simple ? 1 : 0);
            return n;
        }
        case StmtKind::For: {
            auto& f = as<For>(s);
            Ref n = node(f.is_async ? "AsyncFor" : "For");
            set(n, "target", expr(f.target.get()));
            set(n, "iter", expr(f.iter.get()));
            set(n, "body", stmts(f.body));
            set(n, "orelse", stmts(f.orelse));
            set(n, "type_comment", None);
            return n;
        }
        case StmtKind::While: {
            auto& w = as<While>(s);
            Ref n = node("While");
            set(n, "test", expr(w.test.get()));
            set(n, "body", stmts(w.body));
            set(n, "orelse", stmts(w.orelse));
            return n;
        }
        case StmtKind::If: {
            auto& i = as<If>(s);
            Ref n = node("If");
            set(n, "test", expr(i.test.get()));
            set(n, "body", stmts(i.body));
            set(n, "orelse", stmts(i.orelse));
            return n;
        }
        case StmtKind::With: {
            auto& w = as<With>(s);
            Ref n = node(w.is_async ? "AsyncWith" : "With");
            Ref items = list_new(w.items.size());
            for (const auto& item : w.items) {
                Ref wi = node("withitem");
                set(wi, "context_expr", expr(item.context_expr.get()));
                set(wi, "optional_vars", expr(item.optional_vars.get()));
                list_append(items.get(), wi.get());
            }
            set(n, "items", items);
            set(n, "body", stmts(w.body));
            set(n, "type_comment", None);
            return n;
        }
        case StmtKind::Raise: {
            Ref n = node("Raise");
            set(n, "exc", expr(as<Raise>(s).exc.get()));
            set(n, "cause", expr(as<Raise>(s).cause.get()));
            return n;
        }
        case StmtKind::Try: {
            auto& t = as<Try>(s);
            Ref n = node(t.is_star ? "TryStar" : "Try");
            set(n, "body", stmts(t.body));
            Ref handlers = list_new(t.handlers.size());
            for (const auto& h : t.handlers) {
                Ref hn = node("ExceptHandler");
                set(hn, "type", expr(h.type.get()));
                set_name_or_none(hn, "name", h.name);
                set(hn, "body", stmts(h.body));
                set_pos(hn, h.pos);
                list_append(handlers.get(), hn.get());
            }
            set(n, "handlers", handlers);
            set(n, "orelse", stmts(t.orelse));
            set(n, "finalbody", stmts(t.finalbody));
            return n;
        }
        case StmtKind::Assert: {
            Ref n = node("Assert");
            set(n, "test", expr(as<Assert>(s).test.get()));
            set(n, "msg", expr(as<Assert>(s).msg.get()));
            return n;
        }
        case StmtKind::Import: {
            Ref n = node("Import");
            set(n, "names", aliases(as<Import>(s).names));
            return n;
        }
        case StmtKind::ImportFrom: {
            auto& i = as<ImportFrom>(s);
            Ref n = node("ImportFrom");
            set_name_or_none(n, "module", i.module);
            set(n, "names", aliases(i.names));
            set_int(n, "level", i.level);
            return n;
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            Ref n = node(s.kind == StmtKind::Global ? "Global" : "Nonlocal");
            const auto& names = as<NameListStmt>(s).names;
            Ref list = list_new(names.size());
            for (const auto& name : names) list_append(list.get(), str_new(name).get());
            set(n, "names", list);
            return n;
        }
        case StmtKind::Expr: {
            Ref n = node("Expr");
            set(n, "value", expr(as<ExprStmt>(s).value.get()));
            return n;
        }
        case StmtKind::Match: {
            auto& m = as<Match>(s);
            Ref n = node("Match");
            set(n, "subject", expr(m.subject.get()));
            Ref cases = list_new(m.cases.size());
            for (const auto& c : m.cases) {
                Ref cn = node("match_case");
                set(cn, "pattern", pattern(c.pattern.get()));
                set(cn, "guard", expr(c.guard.get()));
                set(cn, "body", stmts(c.body));
                list_append(cases.get(), cn.get());
            }
            set(n, "cases", cases);
            return n;
        }
        case StmtKind::Pass:
            return node("Pass");
        case StmtKind::Break:
            return node("Break");
        case StmtKind::Continue:
            return node("Continue");
    }
    return Ref::borrow(None);
}

Ref ToObjects::patterns(const PatternList& ps) {
    Ref out = list_new(ps.size());
    for (const auto& p : ps) list_append(out.get(), pattern(p.get()).get());
    return out;
}

Ref ToObjects::pattern(const Pattern* p) {
    if (!p) return Ref::borrow(None);
    Ref n;
    switch (p->kind) {
        case PatternKind::MatchValue:
            n = node("MatchValue");
            set(n, "value", expr(p->value.get()));
            break;
        case PatternKind::MatchSingleton:
            n = node("MatchSingleton");
            set(n, "value", constant_value(as<Constant>(*p->value)));
            break;
        case PatternKind::MatchSequence:
            n = node("MatchSequence");
            set(n, "patterns", patterns(p->patterns));
            break;
        case PatternKind::MatchMapping:
            n = node("MatchMapping");
            set(n, "keys", exprs(p->keys));
            set(n, "patterns", patterns(p->patterns));
            set_name_or_none(n, "rest", p->name);
            break;
        case PatternKind::MatchClass: {
            n = node("MatchClass");
            set(n, "cls", expr(p->value.get()));
            set(n, "patterns", patterns(p->patterns));
            Ref attrs = list_new(p->kwd_attrs.size());
            for (const auto& a : p->kwd_attrs) list_append(attrs.get(), str_new(a).get());
            set(n, "kwd_attrs", attrs);
            set(n, "kwd_patterns", patterns(p->kwd_patterns));
            break;
        }
        case PatternKind::MatchStar:
            n = node("MatchStar");
            set_name_or_none(n, "name", p->name);
            break;
        case PatternKind::MatchAs:
            n = node("MatchAs");
            set(n, "pattern", pattern(p->pattern.get()));
            set_name_or_none(n, "name", p->name);
            break;
        case PatternKind::MatchOr:
            n = node("MatchOr");
            set(n, "patterns", patterns(p->patterns));
            break;
    }
    set_pos(n, p->pos);
    return n;
}

}  // namespace

Ref ast_to_objects(const ast::Module& module, std::string_view source, AstRoot root) {
    return ToObjects(source).root(module, root);
}

bool is_ast_object(Object* o) {
    Ref ast_module = loaded_module("_ast");
    if (!ast_module) return false;
    Ref base = get_attr_opt(ast_module.get(), intern("AST"));
    return base && is_type(base.get()) && is_instance(o, static_cast<Type*>(base.get()));
}

}  // namespace minipy
