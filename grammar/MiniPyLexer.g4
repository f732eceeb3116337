// MiniPyLexer.g4 — the tokens of minipy's Python subset.
// NEWLINE/INDENT/DEDENT and bracket-aware line joining are produced by the C++ subclass
// (src/syntax/lexer.cpp); this grammar only names the raw tokens.
lexer grammar MiniPyLexer;

tokens { INDENT, DEDENT }

// A string literal, with every prefix Python accepts (f-strings are split in the AST builder).
STRING
    : STRING_PREFIX? ( LONG_STRING_SQ | LONG_STRING_DQ | SHORT_STRING_SQ | SHORT_STRING_DQ )
    ;

// Unterminated literals get tokens of their own so the error can say what CPython says.
// Only the opening quotes: a terminated string is always the longer match, so this token
// appears exactly when the closing quotes are missing (a rule running to EOF would always win).
UNTERMINATED_LONG_STRING
    : STRING_PREFIX? ( '\'\'\'' | '"""' )
    ;
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' ( STRING_ESCAPE_SEQ | ~[\\\r\n'] )* | '"' ( STRING_ESCAPE_SEQ | ~[\\\r\n"] )* )
    ;

NUMBER
    : INTEGER
    | FLOAT_NUMBER
    | IMAG_NUMBER
    ;

// Keywords.
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FALSE    : 'False';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONE     : 'None';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRUE     : 'True';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// Raw newline, with the indentation of the line after it; the subclass turns these into
// NEWLINE / INDENT / DEDENT or drops them (blank lines, inside brackets).
NEWLINE
    : ( '\r'? '\n' | '\r' | '\f' ) [ \t\f]*
    ;

NAME
    : ID_START ID_CONTINUE*
    ;

// Operators and delimiters.
ELLIPSIS    : '...';
DOT         : '.';
STAR        : '*';
OPEN_PAREN  : '(';
CLOSE_PAREN : ')';
COMMA       : ',';
COLON       : ':';
SEMI_COLON  : ';';
POWER       : '**';
ASSIGN      : '=';
OPEN_BRACK  : '[';
CLOSE_BRACK : ']';
OR_OP       : '|';
XOR         : '^';
AND_OP      : '&';
LEFT_SHIFT  : '<<';
RIGHT_SHIFT : '>>';
ADD         : '+';
MINUS       : '-';
DIV         : '/';
MOD         : '%';
IDIV        : '//';
NOT_OP      : '~';
OPEN_BRACE  : '{';
CLOSE_BRACE : '}';
LESS_THAN   : '<';
GREATER_THAN: '>';
EQUALS      : '==';
GT_EQ       : '>=';
LT_EQ       : '<=';
NOT_EQ_1    : '<>';
NOT_EQ_2    : '!=';
AT          : '@';
ARROW       : '->';
WALRUS      : ':=';
ADD_ASSIGN  : '+=';
SUB_ASSIGN  : '-=';
MULT_ASSIGN : '*=';
AT_ASSIGN   : '@=';
DIV_ASSIGN  : '/=';
MOD_ASSIGN  : '%=';
AND_ASSIGN  : '&=';
OR_ASSIGN   : '|=';
XOR_ASSIGN  : '^=';
LEFT_SHIFT_ASSIGN  : '<<=';
RIGHT_SHIFT_ASSIGN : '>>=';
POWER_ASSIGN       : '**=';
IDIV_ASSIGN        : '//=';

SKIP_
    : ( SPACES | COMMENT | LINE_JOINING ) -> skip
    ;

// A backslash that does not end a line.
STRAY_BACKSLASH
    : '\\'
    ;

// Anything else is an error token; the subclass reports it as CPython does.
ERROR_CHAR
    : .
    ;

fragment STRING_PREFIX
    : [rRbBuUfF] | [rR][bBfF] | [bBfF][rR]
    ;
fragment SHORT_STRING_SQ : '\'' ( STRING_ESCAPE_SEQ | ~[\\\r\n'] )* '\'';
fragment SHORT_STRING_DQ : '"' ( STRING_ESCAPE_SEQ | ~[\\\r\n"] )* '"';
fragment LONG_STRING_SQ  : '\'\'\'' ( STRING_ESCAPE_SEQ | ~'\\' )*? '\'\'\'';
fragment LONG_STRING_DQ  : '"""' ( STRING_ESCAPE_SEQ | ~'\\' )*? '"""';
fragment STRING_ESCAPE_SEQ : '\\' . ;

fragment INTEGER
    : DECIMAL_INTEGER | OCT_INTEGER | HEX_INTEGER | BIN_INTEGER
    ;
fragment DECIMAL_INTEGER : NON_ZERO_DIGIT ( '_'? DIGIT )* | '0'+ ( '_'? '0' )* ;
fragment OCT_INTEGER : '0' [oO] ( '_'? OCT_DIGIT )+ ;
fragment HEX_INTEGER : '0' [xX] ( '_'? HEX_DIGIT )+ ;
fragment BIN_INTEGER : '0' [bB] ( '_'? BIN_DIGIT )+ ;
fragment FLOAT_NUMBER : POINT_FLOAT | EXPONENT_FLOAT ;
fragment POINT_FLOAT : DIGIT_PART? FRACTION | DIGIT_PART '.' ;
fragment EXPONENT_FLOAT : ( DIGIT_PART | POINT_FLOAT ) EXPONENT ;
fragment DIGIT_PART : DIGIT ( '_'? DIGIT )* ;
fragment FRACTION : '.' DIGIT_PART ;
fragment EXPONENT : [eE] [+-]? DIGIT_PART ;
fragment IMAG_NUMBER : ( FLOAT_NUMBER | DIGIT_PART ) [jJ] ;
fragment NON_ZERO_DIGIT : [1-9] ;
fragment DIGIT : [0-9] ;
fragment OCT_DIGIT : [0-7] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
fragment BIN_DIGIT : [01] ;

fragment SPACES : [ \t]+ ;
fragment COMMENT : '#' ~[\r\n\f]* ;
fragment LINE_JOINING : '\\' [ \t]* ( '\r'? '\n' | '\r' | '\f' ) ;

// Identifiers: ASCII letters plus any non-ASCII code point (a plain range keeps the ATN small,
// which keeps start-up fast; see shared/ANTLR.md).
fragment ID_START : [a-zA-Z_] | [\u0080-\u{10FFFF}] ;
fragment ID_CONTINUE : ID_START | [0-9] ;
