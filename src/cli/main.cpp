// main.cpp — minipy's entry point: parses the command line and hands the program to the front end
// (token and AST dumps) or to the interpreter.
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/options.h"
#include "cli/source_file.h"
#include "runtime/version.h"
#include "syntax/parser.h"

namespace minipy::cli {
namespace {

// --tokens / --ast: print the front end's view of a file.
int dump(const char* program, Action action, const std::string& path) {
    auto source = read_source_file(program, path);
    if (!source) return 2;
    try {
        if (action == Action::Tokens) {
            std::fputs(syntax::dump_tokens(*source, path).c_str(), stdout);
        } else {
            auto module = syntax::parse(*source, path);
            std::fputs(syntax::dump_ast(*module).c_str(), stdout);
        }
    } catch (const syntax::SyntaxError& e) {
        std::fflush(stdout);
        std::fputs(syntax::format_syntax_error(e.info()).c_str(), stderr);
        return 1;
    }
    return 0;
}

int run(const char* program, const Options& opts) {
    switch (opts.action) {
        case Action::Help:
            std::fputs(help_text(program).c_str(), stdout);
            return 0;
        case Action::Version:
            std::printf("%s\n", version_banner().c_str());
            return 0;
        case Action::Tokens:
        case Action::Ast:
            return dump(program, opts.action, opts.dump_file);
        default:
            break;
    }
    // Until the compiler and VM land (issue 3), a script is checked for syntax errors only.
    if (!opts.script || *opts.script == "-") {
        std::fprintf(stderr, "%s: give a FILE; running programs arrives with the compiler and VM\n", program);
        return 2;
    }
    auto source = read_source_file(program, *opts.script);
    if (!source) return 2;
    try {
        syntax::parse(*source, *opts.script);
    } catch (const syntax::SyntaxError& e) {
        std::fputs(syntax::format_syntax_error(e.info()).c_str(), stderr);
        return 1;
    }
    std::fprintf(stderr, "%s: %s: no syntax errors; running programs arrives with the compiler and VM\n",
                 program, opts.script->c_str());
    return 2;
}

}  // namespace
}  // namespace minipy::cli

int main(int argc, char** argv) {
    using namespace minipy::cli;
    const char* program = minipy::executable_name();
    try {
        return run(program, parse_options(argc, argv));
    } catch (const UsageError& e) {
        std::fprintf(stderr, "%s: %s\n%s\nTry `%s -h' for more information.\n", program, e.message.c_str(),
                     usage_line(program).c_str(), program);
        return 2;
    }
}
