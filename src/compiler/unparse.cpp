// unparse.cpp — an expression back to its canonical source text (CPython's Python/ast_unparse.c):
// operators spaced, strings and numbers as their repr, and parentheses only where an operand binds
// more loosely than its place asks (`(1 + 2) * 3`, `2 ** (-1)`, but `a - b - c`).
#include "compiler/unparse.h"

#include <cmath>

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/str.h"
#include "runtime/operators.h"

namespace minipy {

namespace {

// How tightly each kind of expression binds, loosest first, as CPython's unparser ranks them.
enum Prec {
    kTuple,
    kTest,  // if-else, lambda
    kOr,
    kAnd,
    kNot,
    kCmp,
    kBitOr,
    kBitXor,
    kBitAnd,
    kShift,
    kArith,
    kTerm,
    kFactor,  // unary + - ~
    kPower,
    kAwait,
    kAtom,
};

// Thrown for an expression the unparser does not write; unparse_expression answers nullopt.
struct Unsupported {};

Prec binary_prec(ast::BinOpKind op) {
    switch (op) {
        case ast::BinOpKind::Add:
        case ast::BinOpKind::Sub:
            return kArith;
        case ast::BinOpKind::LShift:
        case ast::BinOpKind::RShift:
            return kShift;
        case ast::BinOpKind::BitOr:
            return kBitOr;
        case ast::BinOpKind::BitXor:
            return kBitXor;
        case ast::BinOpKind::BitAnd:
            return kBitAnd;
        case ast::BinOpKind::Pow:
            return kPower;
        default:
            return kTerm;  // * @ / // %
    }
}

const char* const kCompareWords[] = {"<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"};

// A float as Python writes it, except that infinity has no literal: 1e309 overflows to it.
std::string float_text(double v) {
    if (std::isinf(v)) return v > 0 ? "1e309" : "-1e309";
    return float_repr(v);
}

class Unparser {
public:
    std::string out;

    void expr(const ast::Expr& e, int level) {
        switch (e.kind) {
            case ast::ExprKind::BoolOp:
                return bool_op(ast::as<ast::BoolOp>(e), level);
            case ast::ExprKind::BinOp:
                return bin_op(ast::as<ast::BinOp>(e), level);
            case ast::ExprKind::UnaryOp:
                return unary_op(ast::as<ast::UnaryOp>(e), level);
            case ast::ExprKind::Lambda:
                return lambda(ast::as<ast::Lambda>(e), level);
            case ast::ExprKind::IfExp:
                return if_exp(ast::as<ast::IfExp>(e), level);
            case ast::ExprKind::Dict:
                return dict(ast::as<ast::Dict>(e));
            case ast::ExprKind::Set:
                return set(ast::as<ast::Set>(e));
            case ast::ExprKind::ListComp:
            case ast::ExprKind::SetComp:
            case ast::ExprKind::DictComp:
            case ast::ExprKind::GeneratorExp:
                return comprehension(ast::as<ast::Comp>(e));
            case ast::ExprKind::Await: {
                open_if(level > kAwait);
                out += "await ";
                expr(*ast::as<ast::Await>(e).value, kAtom);
                return close_if(level > kAwait);
            }
            case ast::ExprKind::Compare:
                return compare(ast::as<ast::Compare>(e), level);
            case ast::ExprKind::Call:
                return call(ast::as<ast::Call>(e));
            case ast::ExprKind::JoinedStr:
                return joined_str(ast::as<ast::JoinedStr>(e));
            case ast::ExprKind::Constant:
                return constant(ast::as<ast::Constant>(e));
            case ast::ExprKind::Attribute: {
                const auto& a = ast::as<ast::Attribute>(e);
                expr(*a.value, kAtom);
                // `1.real` would read as a float: CPython writes `1 .real`.
                bool int_value = a.value->kind == ast::ExprKind::Constant &&
                                 ast::as<ast::Constant>(*a.value).value_kind == ast::ConstKind::Int;
                out += int_value ? " ." : ".";
                out += a.attr;
                return;
            }
            case ast::ExprKind::Subscript:
                return subscript(ast::as<ast::Subscript>(e));
            case ast::ExprKind::Starred:
                out += "*";
                return expr(*ast::as<ast::Starred>(e).value, kBitOr);
            case ast::ExprKind::Name:
                out += ast::as<ast::Name>(e).id;
                return;
            case ast::ExprKind::List:
                out += "[";
                items(ast::as<ast::Sequence>(e).elts);
                out += "]";
                return;
            case ast::ExprKind::Tuple:
                return tuple(ast::as<ast::Sequence>(e), level);
            case ast::ExprKind::Slice:
                return slice(ast::as<ast::Slice>(e));
            default:
                throw Unsupported();  // yield, yield from, := (none is allowed in an annotation)
        }
    }

private:
    void open_if(bool cond) {
        if (cond) out += "(";
    }
    void close_if(bool cond) {
        if (cond) out += ")";
    }

    // Expressions separated by ", ", each at the level of a function argument.
    void items(const ast::ExprList& list) {
        for (size_t i = 0; i < list.size(); ++i) {
            if (i) out += ", ";
            expr(*list[i], kTest);
        }
    }

    void bool_op(const ast::BoolOp& b, int level) {
        Prec prec = b.op == ast::BoolOpKind::And ? kAnd : kOr;
        open_if(level > prec);
        for (size_t i = 0; i < b.values.size(); ++i) {
            if (i) out += b.op == ast::BoolOpKind::And ? " and " : " or ";
            expr(*b.values[i], prec + 1);
        }
        close_if(level > prec);
    }

    // ** groups to the right, the others to the left: the operand on the other side needs parentheses
    // when it is the same operator (`a - (b - c)`, `(a ** b) ** c`).
    void bin_op(const ast::BinOp& b, int level) {
        Prec prec = binary_prec(b.op);
        bool right_assoc = b.op == ast::BinOpKind::Pow;
        open_if(level > prec);
        expr(*b.left, prec + (right_assoc ? 1 : 0));
        out += " ";
        out += kBinaryOpSymbols[static_cast<size_t>(b.op)];
        out += " ";
        expr(*b.right, prec + (right_assoc ? 0 : 1));
        close_if(level > prec);
    }

    void unary_op(const ast::UnaryOp& u, int level) {
        static const char* const kSymbols[] = {"~", "not ", "+", "-"};  // UnaryOpKind's order
        Prec prec = u.op == ast::UnaryOpKind::Not ? kNot : kFactor;
        open_if(level > prec);
        out += kSymbols[static_cast<size_t>(u.op)];
        expr(*u.operand, prec);
        close_if(level > prec);
    }

    void lambda(const ast::Lambda& l, int level) {
        open_if(level > kTest);
        // CPython's spacing: `lambda x: 0`, `lambda: 0`, and also `lambda*a: 0`.
        out += l.args.posonlyargs.empty() && l.args.args.empty() ? "lambda" : "lambda ";
        out += parameters(l.args);
        out += ": ";
        expr(*l.body, kTest);
        close_if(level > kTest);
    }

    // A lambda's parameters: `a, /, b=1, *c, d, **e`, defaults as arguments are written.
    std::string parameters(const ast::Arguments& a) {
        std::string saved = std::move(out);
        out.clear();
        auto sep = [&] {
            if (!out.empty()) out += ", ";
        };
        size_t positional = a.posonlyargs.size() + a.args.size();
        size_t first_default = positional - a.defaults.size();
        for (size_t i = 0; i < positional; ++i) {
            sep();
            out += i < a.posonlyargs.size() ? a.posonlyargs[i]->name : a.args[i - a.posonlyargs.size()]->name;
            if (i >= first_default) {
                out += "=";
                expr(*a.defaults[i - first_default], kTest);
            }
            if (i + 1 == a.posonlyargs.size()) out += ", /";
        }
        if (a.vararg || !a.kwonlyargs.empty()) {
            sep();
            out += "*";
            if (a.vararg) out += a.vararg->name;
        }
        for (size_t i = 0; i < a.kwonlyargs.size(); ++i) {
            sep();
            out += a.kwonlyargs[i]->name;
            if (i < a.kw_defaults.size() && a.kw_defaults[i]) {
                out += "=";
                expr(*a.kw_defaults[i], kTest);
            }
        }
        if (a.kwarg) {
            sep();
            out += "**" + a.kwarg->name;
        }
        std::swap(saved, out);
        return saved;
    }

    void if_exp(const ast::IfExp& e, int level) {
        open_if(level > kTest);
        expr(*e.body, kTest + 1);
        out += " if ";
        expr(*e.test, kTest + 1);
        out += " else ";
        expr(*e.orelse, kTest);
        close_if(level > kTest);
    }

    void dict(const ast::Dict& d) {
        out += "{";
        for (size_t i = 0; i < d.values.size(); ++i) {
            if (i) out += ", ";
            if (d.keys[i]) {
                expr(*d.keys[i], kTest);
                out += ": ";
                expr(*d.values[i], kTest);
            } else {
                out += "**";
                expr(*d.values[i], kBitOr);
            }
        }
        out += "}";
    }

    void set(const ast::Set& s) {
        if (s.elts.empty()) {
            out += "{*()}";  // what CPython writes for an empty set display, which has no literal
            return;
        }
        out += "{";
        items(s.elts);
        out += "}";
    }

    void comprehension(const ast::Comp& c) {
        const char* brackets = c.kind == ast::ExprKind::ListComp       ? "[]"
                               : c.kind == ast::ExprKind::GeneratorExp ? "()"
                                                                       : "{}";
        out += brackets[0];
        if (c.kind == ast::ExprKind::DictComp) {
            expr(*c.key, kTest);
            out += ": ";
            expr(*c.value, kTest);
        } else {
            expr(*c.elt, kTest);
        }
        for (const ast::Comprehension& g : c.generators) {
            out += g.is_async ? " async for " : " for ";
            expr(*g.target, kTuple);
            out += " in ";
            expr(*g.iter, kTest + 1);
            for (const ast::ExprPtr& cond : g.ifs) {
                out += " if ";
                expr(*cond, kTest + 1);
            }
        }
        out += brackets[1];
    }

    void compare(const ast::Compare& c, int level) {
        open_if(level > kCmp);
        expr(*c.left, kCmp + 1);
        for (size_t i = 0; i < c.ops.size(); ++i) {
            out += " ";
            out += kCompareWords[static_cast<size_t>(c.ops[i])];
            out += " ";
            expr(*c.comparators[i], kCmp + 1);
        }
        close_if(level > kCmp);
    }

    void call(const ast::Call& c) {
        expr(*c.func, kAtom);
        // A lone generator expression is the call's own parentheses: `f(x for x in y)`.
        if (c.args.size() == 1 && c.keywords.empty() && c.args[0]->kind == ast::ExprKind::GeneratorExp) {
            expr(*c.args[0], kTest);
            return;
        }
        out += "(";
        items(c.args);
        for (size_t i = 0; i < c.keywords.size(); ++i) {
            if (i || !c.args.empty()) out += ", ";
            const ast::Keyword& k = c.keywords[i];
            out += k.arg.empty() ? "**" : k.arg + "=";
            expr(*k.value, kTest);
        }
        out += ")";
    }

    // f'...{value!r:spec}...': the literal parts with braces doubled, written as a str literal.
    void joined_str(const ast::JoinedStr& j) {
        out += "f";
        out += str_repr_text(fstring_body(j.values));
    }

    std::string fstring_body(const ast::ExprList& parts) {
        std::string body;
        for (const ast::ExprPtr& part : parts) {
            if (part->kind == ast::ExprKind::Constant) {
                for (char ch : ast::as<ast::Constant>(*part).text) {
                    body += ch;
                    if (ch == '{' || ch == '}') body += ch;
                }
                continue;
            }
            if (part->kind != ast::ExprKind::FormattedValue) throw Unsupported();
            const auto& f = ast::as<ast::FormattedValue>(*part);
            Unparser inner;
            inner.expr(*f.value, kTest + 1);
            body += "{";
            // `{{` would read as a literal brace: a value that starts with one gets a space.
            if (!inner.out.empty() && inner.out[0] == '{') body += " ";
            body += inner.out;
            if (f.conversion >= 0) {
                body += "!";
                body += static_cast<char>(f.conversion);
            }
            if (f.format_spec) {
                if (f.format_spec->kind != ast::ExprKind::JoinedStr) throw Unsupported();
                body += ":";
                body += fstring_body(ast::as<ast::JoinedStr>(*f.format_spec).values);
            }
            body += "}";
        }
        return body;
    }

    void constant(const ast::Constant& c) {
        switch (c.value_kind) {
            case ast::ConstKind::None:
                out += "None";
                return;
            case ast::ConstKind::True:
                out += "True";
                return;
            case ast::ConstKind::False:
                out += "False";
                return;
            case ast::ConstKind::Ellipsis:
                out += "...";
                return;
            case ast::ConstKind::Int:
                out += c.text;
                return;
            case ast::ConstKind::Float:
                out += float_text(c.number);
                return;
            case ast::ConstKind::Imag: {
                // As repr(complex): no ".0" on a whole number (`2j`).
                std::string text = float_text(c.number);
                if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
                    text.resize(text.size() - 2);
                out += text + "j";
                return;
            }
            case ast::ConstKind::Str:
                if (c.is_unicode_prefixed) out += "u";  // kept, as ast's kind='u'
                out += str_repr_text(c.text);
                return;
            case ast::ConstKind::Bytes:
                out += bytes_repr_text(c.text);
                return;
        }
    }

    // `x[a, b]` without the tuple's parentheses; `x[()]` and `x[1,]` keep theirs and their comma.
    void subscript(const ast::Subscript& s) {
        expr(*s.value, kAtom);
        out += "[";
        if (s.slice->kind == ast::ExprKind::Tuple && !ast::as<ast::Sequence>(*s.slice).elts.empty()) {
            const ast::ExprList& elts = ast::as<ast::Sequence>(*s.slice).elts;
            items(elts);
            if (elts.size() == 1) out += ",";
        } else {
            expr(*s.slice, kTuple);
        }
        out += "]";
    }

    void tuple(const ast::Sequence& t, int level) {
        if (t.elts.empty()) {
            out += "()";
            return;
        }
        open_if(level > kTuple);
        items(t.elts);
        if (t.elts.size() == 1) out += ",";
        close_if(level > kTuple);
    }

    void slice(const ast::Slice& s) {
        if (s.lower) expr(*s.lower, kTest);
        out += ":";
        if (s.upper) expr(*s.upper, kTest);
        if (s.step) {
            out += ":";
            expr(*s.step, kTest);
        }
    }
};

}  // namespace

std::optional<std::string> unparse_expression(const ast::Expr& e) {
    Unparser u;
    try {
        u.expr(e, kTest);
    } catch (const Unsupported&) {
        return std::nullopt;
    }
    return u.out;
}

}  // namespace minipy
