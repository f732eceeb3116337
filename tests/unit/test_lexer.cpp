// test_lexer.cpp — the lexer's logical-line rules, checked token by token: INDENT/DEDENT,
// newlines inside brackets, backslash continuation, blank and comment lines, tabs, and errors.
#include <doctest/doctest.h>

#include <string>

#include "syntax/parser.h"

using minipy::syntax::dump_tokens;
using minipy::syntax::SyntaxError;

namespace {

// The token kinds only, space-separated ("NAME OP NUMBER NEWLINE ENDMARKER").
std::string kinds(const std::string& source) {
    std::string dump = dump_tokens(source, "t.py");
    std::string out;
    size_t pos = 0;
    while (pos < dump.size()) {
        size_t end = dump.find('\n', pos);
        std::string line = dump.substr(pos, end - pos);
        std::string kind = line.substr(20, 15);
        kind.erase(kind.find_last_not_of(' ') + 1);
        out += (out.empty() ? "" : " ") + kind;
        pos = end + 1;
    }
    return out;
}

std::string error_of(const std::string& source) {
    try {
        dump_tokens(source, "t.py");
    } catch (const SyntaxError& e) {
        return e.info().type + ": " + e.info().msg;
    }
    return "";
}

}  // namespace

TEST_CASE("indentation produces INDENT and DEDENT") {
    CHECK(kinds("if x:\n    y\nz\n") ==
          "NAME NAME OP NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
    CHECK(kinds("if a:\n if b:\n  c\nd\n") ==
          "NAME NAME OP NEWLINE INDENT NAME NAME OP NEWLINE INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE "
          "ENDMARKER");
}

TEST_CASE("end of file closes blocks and the last line") {
    CHECK(kinds("if x:\n    y") == "NAME NAME OP NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER");
    CHECK(kinds("") == "ENDMARKER");
    CHECK(dump_tokens("x", "t.py").find("1,1-1,2:") != std::string::npos);
}

TEST_CASE("newlines inside brackets are ignored") {
    CHECK(kinds("x = (1,\n  2)\n") == "NAME OP OP NUMBER OP NUMBER OP NEWLINE ENDMARKER");
    CHECK(kinds("d = {\n'a': [\n1]}\n") == "NAME OP OP STRING OP OP NUMBER OP OP NEWLINE ENDMARKER");
}

TEST_CASE("backslash joins lines") {
    CHECK(kinds("x = 1 + \\\n    2\n") == "NAME OP NUMBER OP NUMBER NEWLINE ENDMARKER");
}

TEST_CASE("blank and comment-only lines produce nothing") {
    CHECK(kinds("\n\n# c\nx\n\n   # indented comment\n\ny\n") == "NAME NEWLINE NAME NEWLINE ENDMARKER");
    CHECK(kinds("if x:\n    a\n\n        # deep comment\n    b\n") ==
          "NAME NAME OP NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER");
}

TEST_CASE("tabs indent to multiples of eight") {
    CHECK(kinds("if x:\n\tif y:\n\t\tz\n\tw\n") ==
          "NAME NAME OP NEWLINE INDENT NAME NAME OP NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE DEDENT "
          "ENDMARKER");
    // A tab reaches column 8: "  \t" is as deep as "\t", and the INDENT spans three characters.
    CHECK(dump_tokens("if x:\n  \ty\n", "t.py").find("2,0-2,3:            INDENT") != std::string::npos);
}

TEST_CASE("indentation errors") {
    CHECK(error_of("if x:\n    a\n  b\n") ==
          "IndentationError: unindent does not match any outer indentation level");
    CHECK(error_of("if x:\n        a\n\tb\n") ==
          "TabError: inconsistent use of tabs and spaces in indentation");
    CHECK(error_of("if x:\n    a\n\tb\n") == "TabError: inconsistent use of tabs and spaces in indentation");
}

TEST_CASE("tokenizer errors use CPython's words") {
    CHECK(error_of("x = 'abc\n") == "SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(error_of("x = '''abc\n\n") ==
          "SyntaxError: unterminated triple-quoted string literal (detected at line 2)");
    CHECK(error_of("x = 1abc\n") == "SyntaxError: invalid decimal literal");
    CHECK(error_of("x = )\n") == "SyntaxError: unmatched ')'");
    CHECK(error_of("x = (]\n") ==
          "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(error_of("x = 1 \\ 2\n") == "SyntaxError: unexpected character after line continuation character");
    CHECK(error_of("x = \xe2\x82\xac\n") == "SyntaxError: invalid character '\xe2\x82\xac' (U+20AC)");
    CHECK(error_of(std::string("x = 1\0\n", 7)) == "SyntaxError: source code cannot contain null bytes");
}
