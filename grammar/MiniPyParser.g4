// MiniPyParser.g4 — the statement and expression syntax of minipy's Python subset.
// Shaped after Python 3's LL(1) grammar (Grammar/Grammar up to 3.8); rules that Python's PEG parser
// checks after parsing (argument order, assignment targets) are checked in src/syntax/ast_builder.cpp.
parser grammar MiniPyParser;

options { tokenVocab = MiniPyLexer; }

// `match`, `case` and `_` are soft keywords (PEP 634): plain NAME tokens everywhere, read as keywords
// only where a match statement can stand. Prediction tells `match = 1` / `match(x)` apart by the tokens
// after the name; this predicate, checked once the name is consumed (so that prediction and its error
// positions do not depend on it), rejects a statement shaped like a match under another name.
@parser::members {
bool was_soft_keyword(const char* word) { return _input->LT(-1)->getText() == word; }
}

// ---- entry points ----
file_input  : ( NEWLINE | stmt )* EOF ;
eval_input  : testlist NEWLINE* EOF ;

// ---- statements ----
stmt          : simple_stmts | compound_stmt ;
simple_stmts  : simple_stmt ( SEMI_COLON simple_stmt )* SEMI_COLON? NEWLINE ;
simple_stmt
    : expr_stmt
    | del_stmt
    | pass_stmt
    | flow_stmt
    | import_stmt
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    ;

expr_stmt
    : testlist_star_expr
      ( annassign
      | augassign ( yield_expr | testlist )
      | ( ASSIGN ( yield_expr | testlist_star_expr ) )*
      )
    ;
annassign : COLON test ( ASSIGN ( yield_expr | testlist_star_expr ) )? ;
augassign
    : ADD_ASSIGN | SUB_ASSIGN | MULT_ASSIGN | AT_ASSIGN | DIV_ASSIGN | MOD_ASSIGN | AND_ASSIGN
    | OR_ASSIGN | XOR_ASSIGN | LEFT_SHIFT_ASSIGN | RIGHT_SHIFT_ASSIGN | POWER_ASSIGN | IDIV_ASSIGN
    ;

del_stmt      : DEL exprlist ;
pass_stmt     : PASS ;
flow_stmt     : break_stmt | continue_stmt | return_stmt | raise_stmt | yield_stmt ;
break_stmt    : BREAK ;
continue_stmt : CONTINUE ;
return_stmt   : RETURN testlist_star_expr? ;
yield_stmt    : yield_expr ;
raise_stmt    : RAISE ( test ( FROM test )? )? ;

import_stmt   : import_name | import_from ;
import_name   : IMPORT dotted_as_names ;
import_from
    : FROM ( import_dots* dotted_name | import_dots+ ) IMPORT
      ( STAR | OPEN_PAREN import_as_names COMMA? CLOSE_PAREN | import_as_names )
    ;
import_dots     : DOT | ELLIPSIS ;
import_as_name  : NAME ( AS NAME )? ;
dotted_as_name  : dotted_name ( AS NAME )? ;
import_as_names : import_as_name ( COMMA import_as_name )* ;
dotted_as_names : dotted_as_name ( COMMA dotted_as_name )* ;
dotted_name     : NAME ( DOT NAME )* ;

global_stmt   : GLOBAL NAME ( COMMA NAME )* ;
nonlocal_stmt : NONLOCAL NAME ( COMMA NAME )* ;
assert_stmt   : ASSERT test ( COMMA test )? ;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    | match_stmt
    ;

if_stmt    : IF namedexpr_test COLON block elif_clause* else_clause? ;
elif_clause: ELIF namedexpr_test COLON block ;
else_clause: ELSE COLON block ;
while_stmt : WHILE namedexpr_test COLON block else_clause? ;
for_stmt   : FOR exprlist IN testlist_star_expr COLON block else_clause? ;
try_stmt
    : TRY COLON block
      ( except_block+ else_clause? finally_clause?
      | finally_clause
      )
    ;
except_block   : EXCEPT STAR? ( test ( AS NAME )? )? COLON block ;
finally_clause : FINALLY COLON block ;
// Parenthesized items (3.9+) come first: `with (a, b):` is two items, as CPython's PEG parser reads
// it (ANTLR resolves an ambiguity in favour of the first alternative); `with (a, b) as c:` only fits
// the second, a tuple.
with_stmt
    : WITH ( OPEN_PAREN with_item ( COMMA with_item )* COMMA? CLOSE_PAREN
           | with_item ( COMMA with_item )*
           ) COLON block
    ;
with_item      : test ( AS expr )? ;

// ---- the match statement (PEP 634); the builder sorts names into capture/wildcard/value/class
// patterns and checks what CPython's pattern grammar rejects ----
match_stmt   : NAME {was_soft_keyword("match")}? subject_expr COLON NEWLINE INDENT case_block+ DEDENT ;
subject_expr : ( namedexpr_test | star_expr ) ( COMMA ( namedexpr_test | star_expr ) )* COMMA? ;
case_block   : NAME {was_soft_keyword("case")}? patterns ( IF namedexpr_test )? COLON block ;
patterns     : maybe_star_pattern ( COMMA maybe_star_pattern )* COMMA? ;
maybe_star_pattern : STAR NAME | pattern ;
pattern      : or_pattern ( AS NAME )? ;
or_pattern   : closed_pattern ( OR_OP closed_pattern )* ;
closed_pattern
    : literal_pattern                                        # literalPattern
    | name_or_attr ( OPEN_PAREN class_args? CLOSE_PAREN )?    # namePattern
    | OPEN_PAREN patterns? CLOSE_PAREN                        # parenPattern
    | OPEN_BRACK patterns? CLOSE_BRACK                        # listPattern
    | OPEN_BRACE mapping_items? CLOSE_BRACE                   # mappingPattern
    ;
literal_pattern
    : MINUS? NUMBER ( ( ADD | MINUS ) NUMBER )?
    | STRING+
    | NONE
    | TRUE
    | FALSE
    ;
name_or_attr  : NAME ( DOT NAME )* ;
mapping_items : mapping_item ( COMMA mapping_item )* COMMA? ;
mapping_item  : POWER NAME | ( literal_pattern | name_or_attr ) COLON pattern ;
class_args    : class_arg ( COMMA class_arg )* COMMA? ;
class_arg     : NAME ASSIGN pattern | pattern ;

block : simple_stmts | NEWLINE INDENT stmt+ DEDENT ;

decorator  : AT namedexpr_test NEWLINE ;
decorated  : decorator+ ( classdef | funcdef | async_funcdef ) ;
async_funcdef : ASYNC funcdef ;
async_stmt : ASYNC ( funcdef | with_stmt | for_stmt ) ;
funcdef    : DEF NAME OPEN_PAREN paramlist? CLOSE_PAREN ( ARROW test )? COLON block ;
classdef   : CLASS NAME ( OPEN_PAREN arglist? CLOSE_PAREN )? COLON block ;

// Parameters in any order; the builder enforces Python's ordering rules with CPython's messages.
// `*args: *Ts` (PEP 646) is the one annotation that may be starred.
paramlist  : param ( COMMA param )* COMMA? ;
param
    : NAME ( COLON test )? ( ASSIGN test )?     # plainParam
    | STAR ( NAME ( COLON ( test | star_expr ) )? )?  # starParam
    | POWER NAME ( COLON test )?               # kwParam
    | DIV                                      # slashParam
    ;
lambda_params : lambda_param ( COMMA lambda_param )* COMMA? ;
lambda_param
    : NAME ( ASSIGN test )?                    # lambdaPlainParam
    | STAR NAME?                               # lambdaStarParam
    | POWER NAME                               # lambdaKwParam
    | DIV                                      # lambdaSlashParam
    ;

// ---- expressions ----
namedexpr_test : test ( WALRUS test )? ;
test
    : or_test ( IF or_test ELSE test )?
    | lambdef
    ;
test_nocond : or_test | lambdef_nocond ;
lambdef        : LAMBDA lambda_params? COLON test ;
lambdef_nocond : LAMBDA lambda_params? COLON test_nocond ;

or_test    : and_test ( OR and_test )* ;
and_test   : not_test ( AND not_test )* ;
not_test   : NOT not_test | comparison ;
comparison : expr ( comp_op expr )* ;
comp_op
    : LESS_THAN | GREATER_THAN | EQUALS | GT_EQ | LT_EQ | NOT_EQ_1 | NOT_EQ_2
    | IN | NOT IN | IS | IS NOT
    ;
star_expr  : STAR expr ;
expr       : xor_expr ( OR_OP xor_expr )* ;
xor_expr   : and_expr ( XOR and_expr )* ;
and_expr   : shift_expr ( AND_OP shift_expr )* ;
shift_expr : arith_expr ( ( LEFT_SHIFT | RIGHT_SHIFT ) arith_expr )* ;
arith_expr : term ( ( ADD | MINUS ) term )* ;
term       : factor ( ( STAR | AT | DIV | MOD | IDIV ) factor )* ;
factor     : ( ADD | MINUS | NOT_OP ) factor | power ;
power      : atom_expr ( POWER factor )? ;
atom_expr  : AWAIT? atom trailer* ;

atom
    : OPEN_PAREN ( yield_expr | testlist_comp )? CLOSE_PAREN   # parenAtom
    | OPEN_BRACK testlist_comp? CLOSE_BRACK                    # listAtom
    | OPEN_BRACE dictorsetmaker? CLOSE_BRACE                   # dictAtom
    | NAME                                                     # nameAtom
    | NUMBER                                                   # numberAtom
    | STRING+                                                  # stringAtom
    | ELLIPSIS                                                 # ellipsisAtom
    | NONE                                                     # noneAtom
    | TRUE                                                     # trueAtom
    | FALSE                                                    # falseAtom
    ;

testlist_comp
    : ( namedexpr_test | star_expr ) ( comp_for | ( COMMA ( namedexpr_test | star_expr ) )* COMMA? )
    ;
trailer
    : OPEN_PAREN arglist? CLOSE_PAREN     # callTrailer
    | OPEN_BRACK subscriptlist CLOSE_BRACK  # subscriptTrailer
    | DOT NAME                            # attrTrailer
    ;
subscriptlist : subscript ( COMMA subscript )* COMMA? ;
// `a[b := 0]` (3.10+) and `a[*b]` (PEP 646, 3.11) as CPython's `slices` rule.
subscript
    : namedexpr_test                        # indexSubscript
    | star_expr                             # starSubscript
    | lower=test? COLON upper=test? sliceop? # sliceSubscript
    ;
sliceop : COLON test? ;

exprlist           : ( expr | star_expr ) ( COMMA ( expr | star_expr ) )* COMMA? ;
testlist           : test ( COMMA test )* COMMA? ;
testlist_star_expr : ( test | star_expr ) ( COMMA ( test | star_expr ) )* COMMA? ;

dictorsetmaker
    : dict_item ( comp_for | ( COMMA dict_item )* COMMA? )                    # dictMaker
    | ( namedexpr_test | star_expr ) ( comp_for | ( COMMA ( namedexpr_test | star_expr ) )* COMMA? ) # setMaker
    ;
dict_item
    : test COLON test
    | POWER expr
    ;

arglist : argument ( COMMA argument )* COMMA? ;
argument
    : namedexpr_test comp_for      # genArgument
    | test WALRUS test             # walrusArgument
    | test ASSIGN test             # keywordArgument
    | test                         # plainArgument
    | POWER test                   # kwUnpackArgument
    | STAR test                    # starArgument
    ;

comp_for  : ASYNC? FOR exprlist IN or_test comp_iter? ;
comp_iter : comp_for | comp_if ;
comp_if   : IF test_nocond comp_iter? ;

yield_expr : YIELD ( FROM test | testlist_star_expr )? ;
