// codegen_warnings.cpp — the SyntaxWarnings CPython 3.11's compiler gives for code that is surely a
// mistake (`x is 1`, `assert (x, "msg")`, `[1, 2] (3, 4)` missing a comma) and the parser's
// DeprecationWarnings for invalid escapes, issued through the warnings module so that its filters
// apply; one the filters turn into an error is a SyntaxError there.
#include "compiler/codegen.h"
#include "compiler/compiler_unit.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

void issue_source_warnings(const ast::Module& module, std::string_view source, const std::string& filename) {
    if (module.warnings.empty()) return;
    CompileSource src(source, filename);
    for (const ast::SourceWarning& w : module.warnings) {
        Type* category =
            w.category == ast::SourceWarning::kSyntax ? &SyntaxWarning_type : &DeprecationWarning_type;
        try {
            warn_explicit(category, w.message, src.filename, w.pos.line);
        } catch (PyException& e) {
            Ref exc = e.take();
            if (!is_instance(exc.get(), category)) raise_object(std::move(exc));
            src.fail(w.message, w.pos);
        }
    }
}

void Compiler::warn(const std::string& message, const ast::Pos& pos) {
    try {
        warn_explicit(&SyntaxWarning_type, message, src_.filename, pos.line);
    } catch (PyException& e) {
        Ref exc = e.take();
        if (!is_instance(exc.get(), &SyntaxWarning_type)) raise_object(std::move(exc));
        fail(message, pos);
    }
}

// The type of the value an expression surely has by its form alone, as CPython's infer_type: a
// constant's (tuples of constants count, as CPython folds them), a display's or a comprehension's;
// null for any other expression.
Type* Compiler::literal_type(const ast::Expr& e) {
    Ref value;
    std::string key;
    if (try_fold_constant(e, &value, &key)) return type_of(value.get());
    switch (e.kind) {
        case ast::ExprKind::Tuple:
            return &tuple_type;
        case ast::ExprKind::List:
        case ast::ExprKind::ListComp:
            return &list_type;
        case ast::ExprKind::Dict:
        case ast::ExprKind::DictComp:
            return &dict_type;
        case ast::ExprKind::Set:
        case ast::ExprKind::SetComp:
            return &set_type;
        case ast::ExprKind::GeneratorExp:
            return &generator_type;
        case ast::ExprKind::Lambda:
            return &function_type;
        case ast::ExprKind::JoinedStr:
        case ast::ExprKind::FormattedValue:
            return &str_type;
        default:
            return nullptr;
    }
}

// True for a constant other than None, True, False and `...`: `is` compares identities, which for
// such values depend on the implementation.
bool Compiler::is_literal_operand(const ast::Expr& e) {
    Ref value;
    std::string key;
    if (!try_fold_constant(e, &value, &key)) return false;
    Object* v = value.get();
    return v != None && v != True && v != False && v != Ellipsis;
}

void Compiler::check_compare(const ast::Compare& c) {
    bool left = is_literal_operand(*c.left);
    for (size_t i = 0; i < c.ops.size(); ++i) {
        bool right = is_literal_operand(*c.comparators[i]);
        ast::CmpOpKind op = c.ops[i];
        if ((op == ast::CmpOpKind::Is || op == ast::CmpOpKind::IsNot) && (left || right))
            return warn(op == ast::CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                 : "\"is not\" with a literal. Did you mean \"!=\"?",
                        c.pos);
        left = right;
    }
}

// `(1, 2) (3, 4)`: a display or a constant called, as when a comma is missing between two items.
void Compiler::check_caller(const ast::Call& call) {
    Type* t = literal_type(*call.func);
    if (!t || t == &function_type) return;
    warn("'" + t->name + "' object is not callable; perhaps you missed a comma?", call.pos);
}

// `[1, 2] [0]` after a missing comma: a value no subscript applies to, or a sequence indexed by a
// value that is no index (CPython's check_subscripter and check_index).
void Compiler::check_subscript(const ast::Subscript& s) {
    const ast::Expr& value = *s.value;
    Ref folded;
    std::string key;
    bool constant = try_fold_constant(value, &folded, &key);
    Type* value_type = literal_type(value);
    if (!value_type) return;
    bool unsubscriptable =
        constant
            ? folded.get() == None || folded.get() == Ellipsis || is_int(folded.get()) ||
                  value_type == &float_type || value_type == &complex_type || value_type == &frozenset_type
            : value.kind == ast::ExprKind::Set || value.kind == ast::ExprKind::SetComp ||
                  value.kind == ast::ExprKind::GeneratorExp || value.kind == ast::ExprKind::Lambda;
    if (unsubscriptable)
        return warn("'" + value_type->name + "' object is not subscriptable; perhaps you missed a comma?",
                    s.pos);
    Type* index_type = s.slice->kind == ast::ExprKind::Slice ? nullptr : literal_type(*s.slice);
    if (!index_type || index_type == &int_type || index_type == &bool_type) return;
    bool sequence = constant
                        ? value_type == &str_type || value_type == &bytes_type || value_type == &tuple_type
                        : value.kind == ast::ExprKind::Tuple || value.kind == ast::ExprKind::List ||
                              value.kind == ast::ExprKind::ListComp || value_type == &str_type;
    if (sequence)
        warn(value_type->name + " indices must be integers or slices, not " + index_type->name +
                 "; perhaps you missed a comma?",
             s.pos);
}

// `assert (x, "message")`: a non-empty tuple is always true.
void Compiler::check_assert(const ast::Assert& a) {
    if (a.test->kind == ast::ExprKind::Tuple && !ast::as<ast::Sequence>(*a.test).elts.empty())
        warn("assertion is always true, perhaps remove parentheses?", a.pos);
}

}  // namespace minipy
