// fuzz_compile.cpp — libFuzzer target: arbitrary bytes through the whole front end (tokens, parse
// tree, AST, symbol table, code generator), nothing run. Every input must end in a code object or
// a Python exception (SyntaxError, ValueError, RecursionError, MemoryError), never a crash, a leak
// or a sanitizer report. Built by the `fuzz` preset; run with tools/fuzz compile SECONDS.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/codegen.h"
#include "interpreter/interpreter.h"
#include "objects/errors.h"
#include "syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    minipy::initialize_runtime();
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        auto tree = minipy::syntax::parse(text, "<fuzz>");
        minipy::Ref code = minipy::compile_module(*tree, text, "<fuzz>");
    } catch (const minipy::syntax::SyntaxError&) {
    } catch (minipy::PyException& e) {
        minipy::Ref exc = e.take();
    }
    return 0;
}
