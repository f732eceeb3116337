// ast_builder.h — walks ANTLR's parse tree and builds the AST of ast.h, checking on the way what
// CPython's grammar rejects after parsing (targets, argument order) with CPython's messages.
#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "MiniPyParser.h"
#include "syntax/ast.h"
#include "syntax/source.h"

namespace minipy::syntax {

using P = gen::MiniPyParser;

class AstBuilder {
public:
    // Positions of nodes on the text's first line are shifted by `col_delta`, all by `line_delta`
    // (for expressions inside f-strings, parsed from a piece of the source).
    explicit AstBuilder(const Source& source, int line_delta = 0, int col_delta = 0)
        : source_(source), line_delta_(line_delta), col_delta_(col_delta) {}

    std::unique_ptr<ast::Module> module(P::File_inputContext* c);
    ast::ExprPtr eval(P::Eval_inputContext* c);
    // The invalid escapes met so far (eval() leaves them here for the builder above it).
    std::vector<ast::SourceWarning>& warnings() { return warnings_; }

private:
    // ---- positions (ast_builder.cpp) ----
    ast::Pos span(antlr4::ParserRuleContext* c) const;
    ast::Pos span(antlr4::Token* start, antlr4::Token* stop) const;
    [[noreturn]] void fail_at(const std::string& msg, const ast::Pos& pos) const;
    // An error CPython's compiler raises, not its parser: the line is quoted from the file named.
    [[noreturn]] void fail_compiler_at(const std::string& msg, const ast::Pos& pos) const;
    void end_with(ast::Pos& pos, const ast::StmtList& last_block) const;
    void end_compound(ast::Stmt& s) const;  // sets the end of a compound statement from its blocks

    // ---- statements (ast_builder.cpp) ----
    void stmt(P::StmtContext* c, ast::StmtList& out);
    void simple_stmts(P::Simple_stmtsContext* c, ast::StmtList& out);
    ast::StmtPtr simple_stmt(P::Simple_stmtContext* c);
    ast::StmtPtr expr_stmt(P::Expr_stmtContext* c);
    ast::StmtPtr assign(P::Expr_stmtContext* c);
    ast::StmtPtr ann_assign(P::Expr_stmtContext* c);
    ast::StmtPtr aug_assign(P::Expr_stmtContext* c);
    ast::StmtPtr flow_stmt(P::Flow_stmtContext* c);
    ast::StmtPtr import_stmt(P::Import_stmtContext* c);
    ast::StmtPtr compound_stmt(P::Compound_stmtContext* c);  // with CPython's end position
    ast::StmtPtr compound_stmt_node(P::Compound_stmtContext* c);
    ast::StmtPtr if_stmt(P::If_stmtContext* c);
    ast::StmtPtr for_stmt(P::For_stmtContext* c);
    ast::StmtPtr try_stmt(P::Try_stmtContext* c);
    ast::StmtPtr with_stmt(P::With_stmtContext* c);
    ast::StmtPtr funcdef(P::FuncdefContext* c, ast::ExprList decorators);
    ast::StmtPtr classdef(P::ClassdefContext* c, ast::ExprList decorators);
    ast::StmtPtr decorated(P::DecoratedContext* c);
    ast::StmtPtr async_stmt(P::Async_stmtContext* c);
    ast::StmtList block(P::BlockContext* c);
    ast::StmtList else_block(P::Else_clauseContext* c);

    // ---- the match statement (ast_patterns.cpp) ----
    ast::StmtPtr match_stmt(P::Match_stmtContext* c);
    ast::PatternPtr patterns(P::PatternsContext* c);
    ast::PatternPtr maybe_star_pattern(P::Maybe_star_patternContext* c);
    ast::PatternPtr pattern(P::PatternContext* c);
    ast::PatternPtr closed_pattern(P::Closed_patternContext* c);
    ast::PatternPtr sequence_pattern(antlr4::ParserRuleContext* c, P::PatternsContext* items);
    ast::PatternPtr mapping_pattern(P::MappingPatternContext* c);
    ast::PatternPtr class_pattern(P::NamePatternContext* c);
    ast::ExprPtr literal_expr(P::Literal_patternContext* c);
    ast::ExprPtr name_or_attr(P::Name_or_attrContext* c);
    std::string capture_name(antlr4::tree::TerminalNode* name);

    // ---- parameters (ast_params.cpp) ----
    void parameters(P::ParamlistContext* c, ast::Arguments& out);
    void lambda_parameters(P::Lambda_paramsContext* c, ast::Arguments& out);

    // ---- expressions (ast_builder_expr.cpp) ----
    ast::ExprPtr element(antlr4::tree::ParseTree* t);
    ast::ExprPtr comprehension_element(antlr4::tree::ParseTree* t);
    ast::ExprPtr tuple_or_single(antlr4::ParserRuleContext* c);
    ast::ExprPtr namedexpr_test(P::Namedexpr_testContext* c);
    ast::ExprPtr test(P::TestContext* c);
    ast::ExprPtr test_nocond(P::Test_nocondContext* c);
    ast::ExprPtr lambda(antlr4::ParserRuleContext* c, P::Lambda_paramsContext* params, ast::ExprPtr body);
    ast::ExprPtr or_test(P::Or_testContext* c);
    ast::ExprPtr and_test(P::And_testContext* c);
    ast::ExprPtr not_test(P::Not_testContext* c);
    ast::ExprPtr comparison(P::ComparisonContext* c);
    ast::ExprPtr star_expr(P::Star_exprContext* c);
    ast::ExprPtr expr(P::ExprContext* c);
    ast::ExprPtr xor_expr(P::Xor_exprContext* c);
    ast::ExprPtr and_expr(P::And_exprContext* c);
    ast::ExprPtr shift_expr(P::Shift_exprContext* c);
    ast::ExprPtr arith_expr(P::Arith_exprContext* c);
    ast::ExprPtr term(P::TermContext* c);
    ast::ExprPtr factor(P::FactorContext* c);
    ast::ExprPtr power(P::PowerContext* c);
    ast::ExprPtr atom_expr(P::Atom_exprContext* c);
    ast::ExprPtr trailer(ast::ExprPtr base, P::TrailerContext* t, antlr4::ParserRuleContext* whole);
    ast::ExprPtr subscripts(P::SubscriptlistContext* c);
    ast::ExprPtr subscript(P::SubscriptContext* c);
    ast::ExprPtr atom(P::AtomContext* c);
    ast::ExprPtr paren_atom(P::ParenAtomContext* c);
    ast::ExprPtr list_atom(P::ListAtomContext* c);
    ast::ExprPtr dict_atom(P::DictAtomContext* c);
    ast::ExprPtr yield_expr(P::Yield_exprContext* c);
    void call_arguments(P::ArglistContext* c, ast::ExprList& args, std::vector<ast::Keyword>& keywords);
    void comp_for(P::Comp_forContext* c, std::vector<ast::Comprehension>& out);
    template <typename Operand>
    ast::ExprPtr binary_chain(antlr4::ParserRuleContext* c, Operand operand);

    // ---- targets (ast_targets.cpp) ----
    enum class Target { Assign, For, With, Del, Walrus };
    void check_parenthesized_starred(const ast::Expr& e) const;
    void check_target(const ast::Expr& e, Target kind) const;
    void set_context(ast::Expr& e, ast::Ctx ctx) const;
    ast::ExprPtr store(ast::ExprPtr e, Target kind);
    void check_assign_targets(const ast::ExprList& targets, bool single) const;
    void check_aug_target(const ast::Expr& e) const;
    void check_ann_target(const ast::Expr& e) const;

    // ---- literals (literals.cpp, fstrings.cpp) ----
    ast::ExprPtr number(antlr4::Token* t);
    ast::ExprPtr strings(antlr4::ParserRuleContext* c,
                         const std::vector<antlr4::tree::TerminalNode*>& tokens);
    // `last_text_pos`: where the text after the last field goes (see fstring_literal_).
    void fstring(const std::string& body, bool raw, int line, int col, const ast::Pos& last_text_pos,
                 ast::ExprList& parts);
    ast::ExprPtr fstring_field(const std::string& body, size_t& i, bool raw, int line, int col);
    ast::ExprPtr fstring_expression(const std::string& text, int line, int col);

    const Source& source_;
    int line_delta_ = 0, col_delta_ = 0;
    std::unordered_set<const ast::Expr*> parenthesized_;
    // The `;` closing a line of simple statements, by its last statement: a compound statement
    // whose block ends there ends after it, as in CPython.
    std::unordered_map<const ast::Stmt*, ast::Pos> semicolon_ends_;
    ast::Pos fstring_end_;  // end of the f-string being read: CPython reports its errors there
    // CPython 3.11 places the parts of an f-string (its text, its fields) at the whole string
    // literal, and a format spec at the f-string token that holds it, as well as the spec's text
    // after its last field (all of it when it has none: `{x:02d}`).
    ast::Pos fstring_literal_;
    ast::Pos fstring_token_;
    std::vector<ast::SourceWarning> warnings_;
    // decode_escapes for the literal token at `token`, noting its first invalid escape.
    std::string decode_literal(const std::string& body, bool bytes,
                               const std::function<void(const std::string&)>& fail, const ast::Pos& token);
};

// Decodes backslash escapes of a non-raw literal; `fail` reports a malformed one. The first escape
// Python does not know (`\d`, or an octal one above \377) is described in *invalid when given.
std::string decode_escapes(const std::string& s, bool bytes,
                           const std::function<void(const std::string&)>& fail,
                           std::string* invalid = nullptr);
// Adds literal text to a JoinedStr's parts, merged into a constant right before it.
void append_constant(ast::ExprList& parts, const std::string& text, const ast::Pos& pos);

// CPython's name for an expression in "cannot assign to ..." messages.
std::string expr_name(const ast::Expr& e);

}  // namespace minipy::syntax
