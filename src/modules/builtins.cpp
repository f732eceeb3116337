// builtins.cpp — the builtins module: the native functions in one MethodDef table, plus the
// built-in types, exceptions and constants, all published into one dict that every frame reads.
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>

#include "compiler/codegen.h"
#include "modules/ast_objects.h"
#include "modules/builtins_async.h"
#include "modules/posix_module.h"
#include "modules/registry.h"
#include "modules/source_encoding.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/function.h"
#include "objects/generator.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/thread_state.h"
#include "syntax/parser.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref bi_print(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"sep", "end", "file", "flush"};
    Object* opts[4] = {};
    if (kw) bind_args("print", args + nargs, 0, kw, kNames, 4, 0, opts);
    auto text_of = [](Object* o, const char* what, const char* dflt) -> std::string {
        if (!o || o == None) return dflt;
        if (!is_str(o))
            raise(&TypeError_type,
                  format("%s must be None or a string, not %s", what, type_of(o)->name.c_str()));
        return str_utf8_of(o);
    };
    std::string sep = text_of(opts[0], "sep", " ");
    std::string end = text_of(opts[1], "end", "\n");
    // One write per item, separator and end, as CPython's print (a file object sees each). The
    // file is held: a write() may rebind sys.stdout.
    Ref file = Ref::borrow(opts[2] && opts[2] != None ? opts[2] : sys_stdout());
    // sys.stdout is None when no stdout is connected (fd 1 closed at start-up): nothing is printed.
    if (file.get() == None) return Ref::borrow(None);
    for (size_t i = 0; i < nargs; ++i) {
        if (i) write_to_stream(file.get(), sep);
        write_to_stream(file.get(), is_str(args[i]) ? str_utf8_of(args[i]) : str_utf8(args[i]));
    }
    write_to_stream(file.get(), end);
    if (opts[3] && is_true(opts[3])) flush_stream(file.get());
    return Ref::borrow(None);
}

Ref bi_len(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("len", nargs, kw, 1, 1);
    return int_from_i64(length(args[0]));
}

Ref bi_repr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("repr", nargs, kw, 1, 1);
    return repr(args[0]);
}

// ascii(obj): repr() with every non-ASCII character escaped as \xhh, \uhhhh or \Uhhhhhhhh.
Ref bi_ascii(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ascii", nargs, kw, 1, 1);
    Ref r = repr(args[0]);
    const std::string& text = str_utf8_of(r.get());
    if (as_str(r.get())->ascii) return r;
    std::string out;
    for (const char* p = text.data(); p < text.data() + text.size();) {
        uint32_t cp = utf8_decode(p);
        if (cp < 0x80)
            out.push_back(static_cast<char>(cp));
        else if (cp < 0x100)
            out += format("\\x%02x", cp);
        else if (cp < 0x10000)
            out += format("\\u%04x", cp);
        else
            out += format("\\U%08x", cp);
    }
    return str_new(out);
}

Ref bi_abs(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("abs", nargs, kw, 1, 1);
    return number_abs(args[0]);
}

Ref bi_isinstance(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("isinstance", nargs, kw, 2, 2);
    return Ref::borrow(bool_obj(object_isinstance(args[0], args[1])));
}

Ref bi_issubclass(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("issubclass", nargs, kw, 2, 2);
    return Ref::borrow(bool_obj(object_issubclass(args[0], args[1])));
}

// min() and max(): one iterable (with default=) or several arguments, with key=.
Ref min_max(const char* name, Args args, size_t nargs, Tuple* kw, CompareOp better) {
    static const char* const kNames[] = {"key", "default"};
    Object* opts[2] = {};
    if (kw) bind_args(name, args + nargs, 0, kw, kNames, 2, 0, opts);
    Object* key = opts[0] && opts[0] != None ? opts[0] : nullptr;
    if (nargs == 0) raise(&TypeError_type, format("%s expected at least 1 argument, got 0", name));
    if (nargs > 1 && opts[1]) {
        raise(&TypeError_type,
              format("Cannot specify a default for %s() with multiple positional arguments", name));
    }
    Ref it = get_iter(nargs == 1 ? args[0] : tuple_from(args, nargs).get());
    Ref best, best_key;
    while (Ref item = iter_next(it.get())) {
        Ref k = key ? call1(key, item.get()) : item;
        if (!best || compare_bool(k.get(), best_key.get(), better)) {
            best = std::move(item);
            best_key = std::move(k);
        }
    }
    if (best) return best;
    if (opts[1]) return Ref::borrow(opts[1]);
    raise(&ValueError_type, format("%s() arg is an empty sequence", name));
}

Ref bi_min(Object*, Args args, size_t nargs, Tuple* kw) {
    return min_max("min", args, nargs, kw, CompareOp::Lt);
}
Ref bi_max(Object*, Args args, size_t nargs, Tuple* kw) {
    return min_max("max", args, nargs, kw, CompareOp::Gt);
}

// sum()'s fast step: total += item when both are small ints and so is the result; false otherwise
// (binary_op then adds them).
bool add_small_ints(Ref& total, Object* item) {
    if (!is_small_int(total.get()) || !is_small_int(item)) return false;
    int64_t n = small_int_value(total.get()) + small_int_value(item);
    if (!fits_small_int(n)) return false;
    total = Ref::steal(make_small_int(n));
    return true;
}

Ref bi_sum(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"iterable", "start"};
    Object* a[2] = {};
    bind_args("sum", args, nargs, kw, kNames, 2, 1, a);
    Ref total = a[1] ? Ref::borrow(a[1]) : Ref::steal(make_small_int(0));
    if (is_instance(total.get(), &str_type))
        raise(&TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_instance(total.get(), &bytes_type))
        raise(&TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_instance(total.get(), &bytearray_type))
        raise(&TypeError_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
    if (type_of(a[0]) == &generator_type) {
        // sum(x for x in ...): small ints are added as the generator yields them, its frame
        // running on (objects/generator.h, YieldSink); anything else is yielded and added here.
        struct SumSink : YieldSink {
            Ref total;
        };
        SumSink sink;
        sink.target = nullptr;
        sink.total = std::move(total);
        sink.take = [](YieldSink* s, Object* value) {
            if (!add_small_ints(static_cast<SumSink*>(s)->total, value)) return false;
            decref(value);
            return true;
        };
        sink.add = [](YieldSink* s, Object* value) {
            Ref& sum = static_cast<SumSink*>(s)->total;
            sum = binary_op(sum.get(), value, BinaryOp::Add);
        };
        generator_drain(a[0], &sink);
        return std::move(sink.total);
    }
    Ref it = get_iter(a[0]);
    while (Ref item = iter_next(it.get())) {
        if (!add_small_ints(total, item.get())) total = binary_op(total.get(), item.get(), BinaryOp::Add);
    }
    return total;
}

// `method` (__divmod__ or __rdivmod__) of self's class called with other; null when the class has
// none or it returns NotImplemented.
Ref call_divmod_dunder(Object* self, Object* other, const char* method) {
    Ref m = type_lookup(type_of(self), intern(method));
    if (!m) return nullptr;
    Object* pair[2] = {self, other};
    Ref result = call(m.get(), pair, 2);
    return result.get() == NotImplemented ? nullptr : result;
}

// divmod(a, b): a's __divmod__, else b's __rdivmod__ (int and float have both); CPython's error
// names divmod() when neither takes the pair.
Ref bi_divmod(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("divmod", nargs, kw, 2, 2);
    Object* a = args[0];
    Object* b = args[1];
    if (Ref r = call_divmod_dunder(a, b, "__divmod__")) return r;
    if (type_of(b) != type_of(a))
        if (Ref r = call_divmod_dunder(b, a, "__rdivmod__")) return r;
    raise(&TypeError_type, format("unsupported operand type(s) for divmod(): '%s' and '%s'",
                                  type_of(a)->name.c_str(), type_of(b)->name.c_str()));
}

Ref bi_pow(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"base", "exp", "mod"};
    Object* a[3] = {};
    bind_args("pow", args, nargs, kw, kNames, 3, 2, a);
    if (a[2] && a[2] != None) {
        if (is_int(a[0]) && is_int(a[1]) && is_int(a[2])) return int_pow_mod(a[0], a[1], a[2]);
        // As CPython's ternary_op: the base's own __pow__(exp, mod) first (three-argument power
        // never uses __rpow__), then the built-in numbers' refusals.
        if (is_heap_type(type_of(a[0])))
            if (Ref m = special_method(a[0], intern("__pow__"))) {
                Object* rest[2] = {a[1], a[2]};
                Ref r = call(m.get(), rest, 2);
                if (r.get() != NotImplemented) return r;
            }
        if (is_instance(a[0], &complex_type) || is_instance(a[1], &complex_type))
            raise(&ValueError_type, "complex modulo");
        auto number = [](Object* o) { return is_int(o) || is_instance(o, &float_type); };
        if (number(a[0]) && number(a[1]))
            raise(&TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
        raise(&TypeError_type,
              format("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     type_of(a[0])->name.c_str(), type_of(a[1])->name.c_str(), type_of(a[2])->name.c_str()));
    }
    return binary_op(a[0], a[1], BinaryOp::Pow);
}

// round(x[, ndigits]) calls x's __round__ (int, float, Fraction, Decimal), as CPython's builtin_round.
Ref bi_round(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"number", "ndigits"};
    Object* a[2] = {};
    bind_args("round", args, nargs, kw, kNames, 2, 1, a);
    Ref method = type_lookup(type_of(a[0]), intern("__round__"));
    if (!method)
        raise(&TypeError_type,
              format("type %s doesn't define __round__ method", type_of(a[0])->name.c_str()));
    Object* call_args[2] = {a[0], a[1]};
    return call(method.get(), call_args, a[1] && a[1] != None ? 2 : 1);
}

Ref bi_chr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("chr", nargs, kw, 1, 1);
    // CPython reads the argument as a C int: beyond 32 bits is an OverflowError, not a range error.
    int64_t cp = INT64_MAX;
    if (!is_int(args[0]))
        cp = as_index(args[0]);
    else
        int_to_i64(args[0], &cp);
    if (cp < INT32_MIN || cp > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    if (cp < 0 || cp > 0x10FFFF) raise(&ValueError_type, "chr() arg not in range(0x110000)");
    return str_from_codepoint(static_cast<uint32_t>(cp));
}

Ref bi_ord(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ord", nargs, kw, 1, 1);
    if (is_bytes_like(args[0])) {
        std::string data = bytes_like_data(args[0]);
        if (data.size() != 1)
            raise(&TypeError_type,
                  format("ord() expected a character, but string of length %zu found", data.size()));
        return Ref::steal(make_small_int(static_cast<unsigned char>(data[0])));
    }
    if (!is_str(args[0])) {
        raise(&TypeError_type,
              format("ord() expected string of length 1, but %s found", type_of(args[0])->name.c_str()));
    }
    Str* s = as_str(args[0]);
    if (s->length != 1) {
        raise(&TypeError_type, format("ord() expected a character, but string of length %lld found",
                                      static_cast<long long>(s->length)));
    }
    const auto* p = reinterpret_cast<const unsigned char*>(s->utf8.data());
    int len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 1 ? p[0] : p[0] & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (p[k] & 0x3F);
    return Ref::steal(make_small_int(cp));
}

Ref bi_input(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("input", nargs, kw, 0, 1);
    if (sys_stdin() == None) raise(&RuntimeError_type, "input(): lost sys.stdin");
    if (sys_stdout() == None) raise(&RuntimeError_type, "input(): lost sys.stdout");
    if (nargs == 1) {
        write_to_stream(sys_stdout(), str_utf8(args[0]));
    }
    flush_stream(sys_stdout());
    // As CPython when input is not a terminal it edits: a line of sys.stdin, so input() and
    // sys.stdin.read() share one buffer (and a replaced sys.stdin is read).
    Ref line = call0(get_attr(sys_stdin(), intern("readline")).get());
    if (!is_str(line.get())) raise(&TypeError_type, "object.readline() returned non-string");
    std::string text = str_utf8_of(line.get());
    if (text.empty()) raise(&EOFError_type, "EOF when reading a line");
    if (text.back() == '\n') text.pop_back();
    return str_new(text);
}

Ref bi_sorted(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "reverse"};
    Object* opts[2] = {};
    if (nargs != 1) raise(&TypeError_type, format("sorted expected 1 argument, got %zu", nargs));
    if (kw) bind_args("sorted", args + nargs, 0, kw, kNames, 2, 0, opts);
    Ref list = list_from_iterable(args[0]);
    list_sort(list.get(), opts[0] && opts[0] != None ? opts[0] : nullptr, opts[1] && is_true(opts[1]));
    return list;
}

Ref bi_locals(Object*, Args, size_t nargs, Tuple* kw);

// The text of a str or buffer (bytes, memoryview, array) source for exec/eval/compile; false for
// anything else. CPython 3.11 refuses NUL characters with ValueError before parsing; bytes are
// decoded as their coding declaration says (PEP 263), errors naming `filename`.
bool source_text(Object* source, std::string* text, const std::string& filename) {
    if (is_str(source)) {
        // CPython encodes the text to UTF-8 first: a lone surrogate's UnicodeEncodeError
        // ("surrogates not allowed", with the position) is what the caller gets.
        *text = str_encode(source, nullptr, nullptr);
    } else if (exports_buffer(source))
        *text = decode_source(bytes_like_data(source), filename);
    else
        return false;
    if (text->find('\0') != std::string::npos)
        raise(&ValueError_type, "source code string cannot contain null bytes");
    return true;
}

Ref compile_text(const std::string& text, const std::string& filename, CompileMode mode, int optimize = -1,
                 bool top_level_await = false) {
    auto compile = [&]() -> Ref {
        try {
            auto tree = syntax::parse(
                text, filename,
                mode == CompileMode::Interactive ? syntax::Mode::Interactive : syntax::Mode::File);
            return compile_module(*tree, text, filename, mode, optimize, top_level_await);
        } catch (const syntax::SyntaxError& e) {
            raise_syntax_error(e);
        }
    };
    // Text compiled while a module is imported is the same at every run (namedtuple's __new__,
    // dataclasses' __init__): the compiled-code cache keeps it, as it keeps the module, and skips
    // the parser, whose first parse in a process is slow (9.4 M instructions for namedtuple's first
    // lambda, its prediction tables being empty).
    if (!import_lock_held() || mode == CompileMode::Interactive) return compile();
    std::string key = std::to_string(static_cast<int>(mode)) + " " +
                      std::to_string(optimize < 0 ? optimize_level() : optimize) + "\n" + filename + "\n" +
                      text;
    return embedding_hooks().import_time_code(key, filename, compile);
}

// "invalid syntax" at a 1-based line and column: a func_type text that is not
// "(argtypes) -> returns", or a second line after an 'eval' expression.
[[noreturn]] void throw_invalid_syntax(const std::string& text, const std::string& filename, int line = 1,
                                       int col = 1) {
    syntax::SyntaxErrorInfo info;
    info.msg = "invalid syntax";
    info.filename = filename;
    info.line = line;
    info.col = col;
    size_t start = 0;
    for (int l = 1; l < line && start != std::string::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string::npos) ++start;
    }
    if (start != std::string::npos) info.text = text.substr(start, text.find('\n', start) - start);
    throw syntax::SyntaxError(info);
}

// compile(..., PyCF_ONLY_AST) (ast.parse): the `_ast` tree of the text instead of code. 'eval'
// accepts what eval() accepts; 'func_type' reads "(argtypes) -> returns", parsed with its arrow
// written as a comma so that the columns stay the source's.
Ref parse_to_objects(std::string text, const std::string& filename, AstRoot root) {
    try {
        if (root == AstRoot::FunctionType) {
            size_t arrow = text.rfind("->");
            if (arrow == std::string::npos) throw_invalid_syntax(text, filename);
            text.replace(arrow, 2, ", ");
        }
        auto tree = syntax::parse(
            text, filename, root == AstRoot::Interactive ? syntax::Mode::Interactive : syntax::Mode::File);
        issue_source_warnings(*tree, text, filename);
        bool one_expression = tree->body.size() == 1 && tree->body[0]->kind == ast::StmtKind::Expr;
        if (root == AstRoot::Expression && tree->body.size() > 1 &&
            tree->body[0]->kind == ast::StmtKind::Expr)
            throw_invalid_syntax(text, filename, tree->body[1]->pos.line, tree->body[1]->pos.col + 1);
        // compile_module reports the text that is no expression with eval()'s own SyntaxError.
        if (root == AstRoot::Expression && !one_expression)
            compile_module(*tree, text, filename, CompileMode::Eval);
        if (root == AstRoot::FunctionType &&
            (!one_expression || ast::as<ast::ExprStmt>(*tree->body[0]).value->kind != ast::ExprKind::Tuple))
            throw_invalid_syntax(text, filename);
        return ast_to_objects(*tree, text, root);
    } catch (const syntax::SyntaxError& e) {
        raise_syntax_error(e);
    }
}

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1): a code object that
// exec() or eval() runs. Modes as CPython's: 'exec' (a module), 'eval' (one expression), 'single'
// (one interactive statement, whose expression values are printed). The source is text or an
// `_ast` tree (ast_objects.h); of the flags only PyCF_ONLY_AST and PyCF_ALLOW_TOP_LEVEL_AWAIT change
// anything (minipy has no __future__ features that change compilation, and type comments are not
// kept). `optimize` is the
// level as -O's (-1: the interpreter's own).
Ref bi_compile(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"source",   "filename",        "mode", "flags", "dont_inherit",
                                         "optimize", "_feature_version"};
    Object* a[7];
    bind_args("compile", args, nargs, kw, kNames, 7, 3, a);
    int64_t flags = a[3] ? as_index(a[3]) : 0;
    // The __future__ features' flags (0x1fe0010) and the compile-only ones (PyCF_ONLY_AST,
    // PyCF_TYPE_COMMENTS, PyCF_ALLOW_TOP_LEVEL_AWAIT, ...: 0x7600), as CPython checks them.
    if (flags & ~int64_t{0x1fe0010 | 0x7600}) raise(&ValueError_type, "compile(): unrecognised flags");
    bool only_ast = flags & kOnlyAstFlag;
    bool top_level_await = flags & kTopLevelAwaitFlag;
    bool source_is_tree = is_ast_object(a[0]);
    std::string text;
    // A str, bytes or os.PathLike (pathlib.Path) file name, converted first as CPython's clinic does.
    Ref filename_object = fspath(a[1]);
    std::string filename = is_str(filename_object.get()) ? str_utf8_of(filename_object.get())
                                                         : bytes_like_data(filename_object.get());
    if (!source_is_tree && !source_text(a[0], &text, filename))
        raise(&TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
    if (!is_str(a[2]))
        raise(&TypeError_type,
              format("compile() argument 'mode' must be str, not %s", type_of(a[2])->name.c_str()));
    int64_t optimize = a[5] ? as_index(a[5]) : -1;
    if (optimize < -1 || optimize > 2) raise(&ValueError_type, "compile(): invalid optimize value");
    const std::string& m = str_utf8_of(a[2]);
    CompileMode mode;
    AstRoot root;
    if (m == "exec") {
        mode = CompileMode::File;
        root = AstRoot::Module;
    } else if (m == "eval") {
        mode = CompileMode::Eval;
        root = AstRoot::Expression;
    } else if (m == "single") {
        mode = CompileMode::Interactive;
        root = AstRoot::Interactive;
    } else if (m == "func_type") {
        if (!only_ast) raise(&ValueError_type, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        mode = CompileMode::File;
        root = AstRoot::FunctionType;
    } else {
        raise(&ValueError_type, only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                         : "compile() mode must be 'exec', 'eval' or 'single'");
    }
    if (source_is_tree) {
        if (only_ast) return Ref::borrow(a[0]);
        auto tree = ast_from_objects(a[0], mode);
        try {
            return compile_module(*tree, "", filename, mode, static_cast<int>(optimize), top_level_await);
        } catch (const syntax::SyntaxError& e) {
            raise_syntax_error(e);
        }
    }
    if (only_ast) return parse_to_objects(text, filename, root);
    return compile_text(text, filename, mode, static_cast<int>(optimize), top_level_await);
}

// The closure exec() was given, checked against the code it runs as CPython 3.11's builtin_exec:
// a tuple of exactly one cell per free variable, and none for code without free variables.
Tuple* checked_closure(Object* source, Object* closure) {
    bool is_code = type_of(source) == &code_type;
    if (closure && !is_code) raise(&TypeError_type, "closure can only be used when source is a code object");
    if (!is_code) return nullptr;
    size_t nfree = as_code(source)->freevars.size();
    if (nfree == 0) {
        if (closure) raise(&TypeError_type, "cannot use a closure with this code object");
        return nullptr;
    }
    bool fits = closure && type_of(closure) == &tuple_type && as_tuple(closure)->size == nfree;
    for (size_t i = 0; fits && i < nfree; ++i) fits = type_of(as_tuple(closure)->items[i]) == &cell_type;
    if (!fits) raise(&TypeError_type, format("code object requires a closure of exactly length %zu", nfree));
    return as_tuple(closure);
}

// exec(source, globals=None, locals=None, /, *, closure=None) and eval(source, globals=None,
// locals=None, /): compile the text (or take a code object from compile()) and run it in the given
// namespaces, by default the caller's.
Ref run_source(const char* fname, Args args, size_t nargs, Tuple* kw, CompileMode mode) {
    Object* a[3] = {nullptr, nullptr, nullptr};
    Object* closure = nullptr;
    bool is_exec = mode != CompileMode::Eval;
    if (is_exec) {
        if (nargs < 1)
            raise(&TypeError_type, format("exec() takes at least 1 positional argument (%zu given)", nargs));
        if (nargs > 3)
            raise(&TypeError_type, format("exec() takes at most 3 positional arguments (%zu given)", nargs));
        for (size_t i = 0; kw && i < kw->size; ++i) {
            const std::string& key = str_utf8_of(kw->items[i]);
            if (key != "closure")
                raise(&TypeError_type, format("'%s' is an invalid keyword argument for exec()", key.c_str()));
            closure = args[nargs + i] == None ? nullptr : args[nargs + i];
        }
    } else {
        check_positional("eval", nargs, kw, 1, 3);
    }
    for (size_t i = 0; i < nargs; ++i) a[i] = args[i];
    std::string text;
    bool is_code_object = type_of(a[0]) == &code_type;
    if (!is_code_object && !source_text(a[0], &text, "<string>"))
        raise(&TypeError_type, format("%s() arg 1 must be a string, bytes or code object", fname));
    // eval() drops the spaces and tabs before an expression, as CPython's (" 1+1" is 2).
    if (!is_exec && !is_code_object) text.erase(0, text.find_first_not_of(" \t"));
    Tuple* cells = is_exec ? checked_closure(a[0], closure) : nullptr;
    if (!is_exec && is_code_object && !as_code(a[0])->freevars.empty())
        raise(&TypeError_type, "code object passed to eval() may not contain free variables");
    Frame* caller = thread_state()->frame;
    if (a[1] && a[1] != None && !is_instance(a[1], &dict_type))
        raise(&TypeError_type,
              format("%s() globals must be a dict, not %s", fname, type_of(a[1])->name.c_str()));
    bool own_globals = a[1] && a[1] != None;
    Dict* globals = own_globals ? as_dict(a[1]) : caller->globals;
    Ref locals;
    if (a[2] && a[2] != None)
        locals = Ref::borrow(a[2]);
    else if (own_globals)
        locals = Ref::borrow(globals);
    else
        locals = caller->locals ? Ref::borrow(caller->locals) : bi_locals(nullptr, nullptr, 0, nullptr);
    // As CPython: globals without `__builtins__` get the caller's builtins dict.
    if (!dict_get_str(globals, intern("__builtins__")))
        dict_set(globals, intern("__builtins__"), caller->builtins);
    Ref code = is_code_object ? Ref::borrow(a[0]) : compile_text(text, "<string>", mode);
    Ref result = run_code(as_code(code.get()), globals, as_dict(locals.get()), cells);
    return mode == CompileMode::Eval ? result : Ref::borrow(None);
}

Ref bi_exec(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_source("exec", args, nargs, kw, CompileMode::File);
}
Ref bi_eval(Object*, Args args, size_t nargs, Tuple* kw) {
    return run_source("eval", args, nargs, kw, CompileMode::Eval);
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Ref bi_import(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "globals", "locals", "fromlist", "level"};
    Object* a[5];
    bind_args("__import__", args, nargs, kw, kNames, 5, 1, a);
    if (!is_str(a[0]))
        raise(&TypeError_type,
              format("__import__() argument 1 must be str, not %s", type_of(a[0])->name.c_str()));
    Dict* globals = a[1] && type_of(a[1]) == &dict_type ? as_dict(a[1]) : thread_state()->frame->globals;
    int64_t level = a[4] ? as_index(a[4]) : 0;
    if (level < 0) raise(&ValueError_type, "level must be >= 0");
    if (level == 0 && str_utf8_of(a[0]).empty()) raise(&ValueError_type, "Empty module name");
    // Any sequence of names serves as the fromlist (encodings passes a list), as CPython.
    Ref fromlist = a[3] && a[3] != None ? tuple_from_iterable(a[3]) : Ref::borrow(None);
    return import_module_level(intern(str_utf8_of(a[0])), fromlist.get(), static_cast<int>(level), globals);
}

// iter(callable, sentinel): calls callable until it returns the sentinel.
struct CallableIterator : Object {
    MINIPY_GC_ALLOCATED
    Object* callable;  // owned; null once the sentinel was seen
    Object* sentinel;  // owned
};
Type callable_iterator_type;

void callable_iterator_dealloc(Object* o) {
    auto* c = static_cast<CallableIterator*>(o);
    xdecref(c->callable);
    decref(c->sentinel);
    delete c;
}

void callable_iterator_traverse(Object* o, VisitProc visit, void* arg) {
    auto* c = static_cast<CallableIterator*>(o);
    if (c->callable) visit(c->callable, arg);
    visit(c->sentinel, arg);
}

Ref callable_iterator_next(Object* o) {
    auto* c = static_cast<CallableIterator*>(o);
    if (!c->callable) return nullptr;
    Ref v;
    try {
        v = call0(c->callable);
    } catch (PyException& e) {
        // The callable's StopIteration ends the iteration, without its value (CPython's calliter).
        if (!is_instance(e.exception(), &StopIteration_type)) throw;
        decref(std::exchange(c->callable, nullptr));
        return nullptr;
    }
    if (!equals(v.get(), c->sentinel)) return v;
    decref(std::exchange(c->callable, nullptr));
    return nullptr;
}

Ref bi_iter(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("iter", nargs, kw, 1, 2);
    if (nargs == 1) return get_iter(args[0]);
    if (!type_of(args[0])->call) raise(&TypeError_type, "iter(v, w): v must be callable");
    auto* c = new CallableIterator();
    init_header(c, &callable_iterator_type);
    c->callable = newref(args[0]);
    c->sentinel = newref(args[1]);
    return Ref::steal(c);
}

Ref bi_next(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("next", nargs, kw, 1, 2);
    if (!type_of(args[0])->next) {
        raise(&TypeError_type, format("'%s' object is not an iterator", type_of(args[0])->name.c_str()));
    }
    if (nargs == 2) {
        try {
            if (Ref v = iter_next_raising(args[0])) return v;
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &StopIteration_type)) throw;
        }
        return Ref::borrow(args[1]);
    }
    if (Ref v = iter_next_raising(args[0])) return v;
    raise_object(exception_new(&StopIteration_type, empty_tuple()));
}

Ref any_all(Object* iterable, bool want) {
    Ref it = get_iter(iterable);
    while (Ref item = iter_next(it.get())) {
        if (is_true(item.get()) == want) return Ref::borrow(bool_obj(want));
    }
    return Ref::borrow(bool_obj(!want));
}

Ref bi_any(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("any", nargs, kw, 1, 1);
    return any_all(args[0], true);
}

Ref bi_all(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("all", nargs, kw, 1, 1);
    return any_all(args[0], false);
}

Ref bi_hash(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("hash", nargs, kw, 1, 1);
    return int_from_i64(hash(args[0]));
}

Ref bi_id(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("id", nargs, kw, 1, 1);
    return int_from_i64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(args[0]) >> 1) << 1 >> 1);
}

Ref bi_callable(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("callable", nargs, kw, 1, 1);
    return Ref::borrow(bool_obj(type_of(args[0])->call != nullptr));
}

Str* attr_name(Object* o) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type, format("attribute name must be string, not '%s'", type_of(o)->name.c_str()));
    return intern(str_utf8_of(o));
}

Ref bi_getattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getattr", nargs, kw, 2, 3);
    Str* name = attr_name(args[1]);
    if (nargs == 3) {
        Ref v = get_attr_opt(args[0], name);
        return v ? v : Ref::borrow(args[2]);
    }
    return get_attr(args[0], name);
}

Ref bi_setattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setattr", nargs, kw, 3, 3);
    set_attr(args[0], attr_name(args[1]), args[2]);
    return Ref::borrow(None);
}

Ref bi_delattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("delattr", nargs, kw, 2, 2);
    del_attr(args[0], attr_name(args[1]));
    return Ref::borrow(None);
}

Ref bi_hasattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("hasattr", nargs, kw, 2, 2);
    Str* name = attr_name(args[1]);
    try {
        return Ref::borrow(bool_obj(static_cast<bool>(get_attr_opt(args[0], name))));
    } catch (PyException& e) {
        if (is_instance(e.exception(), &AttributeError_type)) return Ref::borrow(False);
        throw;
    }
}

Ref int_text(const char* fname, Args args, size_t nargs, Tuple* kw, int base) {
    check_positional(fname, nargs, kw, 1, 1);
    Ref value = Ref::borrow(args[0]);
    if (!is_int(args[0])) {
        value = index_value(args[0]);
        if (!value) raise_not_an_integer(args[0]);
    }
    return str_new(int_to_base(value.get(), base, true));
}

Ref bi_hex(Object*, Args args, size_t nargs, Tuple* kw) { return int_text("hex", args, nargs, kw, 16); }
Ref bi_oct(Object*, Args args, size_t nargs, Tuple* kw) { return int_text("oct", args, nargs, kw, 8); }
Ref bi_bin(Object*, Args args, size_t nargs, Tuple* kw) { return int_text("bin", args, nargs, kw, 2); }

Ref bi_format(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("format", nargs, kw, 1, 2);
    if (nargs == 2 && !is_instance(args[1], &str_type)) {
        raise(&TypeError_type,
              format("format() argument 2 must be str, not %s", type_of(args[1])->name.c_str()));
    }
    return format_value(args[0], nargs == 2 ? std::string_view(str_utf8_of(args[1])) : std::string_view());
}

Ref bi_globals(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("globals", nargs, kw, 0, 0);
    Frame* f = thread_state()->frame;
    return Ref::borrow(f->globals);
}

// locals(): the namespace dict of module and class bodies; for functions a snapshot of the fast
// locals and cells that are bound, as CPython 3.11 builds it.
Ref bi_locals(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("locals", nargs, kw, 0, 0);
    Frame* f = thread_state()->frame;
    if (f->locals) return Ref::borrow(f->locals);
    Code* co = f->code;
    Ref d = dict_new();
    Object** lp = f->localsplus();
    for (int i = 0; i < co->nlocals(); ++i)
        if (lp[i]) dict_set(as_dict(d.get()), co->varnames[i], lp[i]);
    size_t nderef = co->cellvars.size() + co->freevars.size();
    for (size_t i = 0; i < nderef; ++i) {
        Str* name = co->deref_name(i);
        Object* cell = lp[co->nlocals() + i];
        if (Object* v = cell ? static_cast<Cell*>(cell)->ref : nullptr) dict_set(as_dict(d.get()), name, v);
    }
    return d;
}

Ref bi_vars(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional("vars", nargs, kw, 0, 1);
    if (nargs == 0) return bi_locals(self, args, 0, kw);
    Ref d = get_attr_opt(args[0], intern("__dict__"));
    if (!d) raise(&TypeError_type, "vars() argument must have __dict__ attribute");
    return d;
}

// dir(obj): the sorted names of its __dict__ and of every class in its type's mro (or its own mro
// for a class).
Ref bi_dir(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional("dir", nargs, kw, 0, 1);
    Ref list;
    if (nargs == 0) {
        // The keys of the locals: a dict's, or what another mapping's keys() gives, a dict
        // subclass's included (CPython's PyMapping_Keys).
        Ref locals = bi_locals(self, args, 0, kw);
        if (is_exact(locals.get(), &dict_type)) {
            list = list_from_iterable(locals.get());
        } else {
            Ref keys = call0(get_attr(locals.get(), intern("keys")).get());
            if (!special_method(keys.get(), intern("__iter__")))
                raise(&TypeError_type,
                      format("%s.keys() returned a non-iterable (type %s)",
                             type_of(locals.get())->name.c_str(), type_of(keys.get())->name.c_str()));
            list = list_from_iterable(keys.get());
        }
    } else {
        // The __dir__ of its type (object's, type's, module's or a class's own), as a sorted list.
        Ref dir = special_method(args[0], intern("__dir__"));
        if (!dir) raise(&TypeError_type, "object does not provide __dir__");
        list = list_from_iterable(call(dir.get(), nullptr, 0).get());
    }
    list_sort(list.get(), nullptr, false);
    return list;
}

// ---- map and filter: lazy iterators over their arguments ----

// Both tracked by the cycle collector, as CPython's; neither has a clear slot (their fields are
// never null), so a cycle through one is broken at its other members.
struct MapObject : Object {
    MINIPY_GC_ALLOCATED
    Object* func;                // owned
    std::vector<Object*> iters;  // owned
};
struct FilterObject : Object {
    MINIPY_GC_ALLOCATED
    Object* func;  // owned; None keeps the true items
    Object* iter;  // owned
};
Type map_type, filter_type;

void map_dealloc(Object* o) {
    auto* m = static_cast<MapObject*>(o);
    decref(m->func);
    for (Object* it : m->iters) decref(it);
    delete m;
}

void map_traverse(Object* o, VisitProc visit, void* arg) {
    auto* m = static_cast<MapObject*>(o);
    visit(m->func, arg);
    for (Object* it : m->iters) visit(it, arg);
}

// map and filter wrap iterators: nested 100,000 deep they would overflow the C stack through
// iter_next, so each level counts against the recursion limit (tests/py/robust/010). Like
// enumerate, they hand on the StopIteration of what they wrap (iter_next_raising).
Ref map_next(Object* o) {
    RecursionGuard guard;
    auto* m = static_cast<MapObject*>(o);
    std::vector<Ref> items;
    std::vector<Object*> raw;
    for (Object* it : m->iters) {
        Ref v = iter_next_raising(it);
        if (!v) return nullptr;
        raw.push_back(v.get());
        items.push_back(std::move(v));
    }
    return call(m->func, raw.data(), raw.size());
}

// map and filter may be subclassed: `type` is the class being instantiated.
Ref map_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size && refuses_keywords(static_cast<Type*>(type), &map_type)) raise_no_kwargs("map");
    if (nargs < 2) raise(&TypeError_type, "map() must have at least two arguments.");
    auto* m = new MapObject();
    init_header(m, static_cast<Type*>(type));
    m->func = newref(args[0]);
    Ref owner = Ref::steal(m);
    for (size_t i = 1; i < nargs; ++i) m->iters.push_back(get_iter(args[i]).release());
    return owner;
}

void filter_dealloc(Object* o) {
    auto* f = static_cast<FilterObject*>(o);
    decref(f->func);
    decref(f->iter);
    delete f;
}

void filter_traverse(Object* o, VisitProc visit, void* arg) {
    auto* f = static_cast<FilterObject*>(o);
    visit(f->func, arg);
    visit(f->iter, arg);
}

Ref filter_next(Object* o) {
    RecursionGuard guard;  // as map_next
    auto* f = static_cast<FilterObject*>(o);
    while (Ref item = iter_next_raising(f->iter)) {
        bool keep = f->func == None ? is_true(item.get()) : is_true(call1(f->func, item.get()).get());
        if (keep) return item;
    }
    return nullptr;
}

Ref filter_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size && refuses_keywords(static_cast<Type*>(type), &filter_type)) raise_no_kwargs("filter");
    if (nargs != 2) raise(&TypeError_type, format("filter expected 2 arguments, got %zu", nargs));
    Ref it = get_iter(args[1]);
    auto* f = new FilterObject();
    init_header(f, static_cast<Type*>(type));
    f->func = newref(args[0]);
    f->iter = it.release();
    return Ref::steal(f);
}

const MethodDef kBuiltinFunctions[] = {
    {"print", bi_print, "print(value, ..., sep=' ', end='\\n', file=None, flush=False)"},
    {"len", bi_len, "Return the number of items in a container."},
    {"repr", bi_repr, "Return the canonical string representation of the object."},
    {"ascii", bi_ascii, "Return an ASCII-only representation of an object."},
    {"abs", bi_abs, "Return the absolute value of the argument."},
    {"isinstance", bi_isinstance,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", bi_issubclass, "Return whether 'cls' is derived from another class or is the same class."},
    {"min", bi_min, "min(iterable, *[, default=obj, key=func]) -> value"},
    {"max", bi_max, "max(iterable, *[, default=obj, key=func]) -> value"},
    {"sum", bi_sum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"divmod", bi_divmod, "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"round", bi_round, "Round a number to a given precision in decimal digits."},
    {"chr", bi_chr, "Return a Unicode string of one character with ordinal i."},
    {"ord", bi_ord, "Return the Unicode code point for a one-character string."},
    {"input", bi_input, "Read a string from standard input."},
    {"sorted", bi_sorted, "Return a new list containing all items from the iterable in ascending order."},
    {"iter", bi_iter, "iter(iterable) -> iterator"},
    {"next", bi_next, "next(iterator[, default])"},
    {"aiter", bi_aiter, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", bi_anext,
     "async anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is "
     "given and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration."},
    {"breakpoint", bi_breakpoint,
     "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  sys.breakpointhook() must "
     "accept\nwhatever arguments are passed.\n\nBy default, this drops you into the pdb debugger."},
    {"any", bi_any, "Return True if bool(x) is True for any x in the iterable."},
    {"all", bi_all, "Return True if bool(x) is True for all values x in the iterable."},
    {"hash", bi_hash, "Return the hash value for the given object."},
    {"id", bi_id, "Return the identity of an object."},
    {"callable", bi_callable, "Return whether the object is callable."},
    {"getattr", bi_getattr, "getattr(object, name[, default]) -> value"},
    {"setattr", bi_setattr, "Sets the named attribute on the given object to the specified value."},
    {"delattr", bi_delattr, "Deletes the named attribute from the given object."},
    {"hasattr", bi_hasattr, "Return whether the object has an attribute with the given name."},
    {"hex", bi_hex, "Return the hexadecimal representation of an integer."},
    {"oct", bi_oct, "Return the octal representation of an integer."},
    {"bin", bi_bin, "Return the binary representation of an integer."},
    {"format", bi_format, "Return value.__format__(format_spec)"},
    {"open", builtin_open, "Open file and return a stream."},
    {"locals", bi_locals, "Return a dictionary containing the current scope's local variables."},
    {"vars", bi_vars, "vars([object]) -> dictionary"},
    {"dir", bi_dir, "dir([object]) -> list of strings"},
    {"__import__", bi_import, "Import a module."},
    {"compile", bi_compile, "Compile source into a code object that can be executed by exec() or eval()."},
    {"exec", bi_exec, "Execute the given source in the context of globals and locals."},
    {"eval", bi_eval, "Evaluate the given source in the context of globals and locals."},
    {"globals", bi_globals, "Return the dictionary containing the current scope's global variables."},
    {"__build_class__", build_class, "Internal helper used by the class statement."},
    {nullptr, nullptr, nullptr},
};

// map.__new__(cls, ...) and filter.__new__, for super().__new__ in a subclass's own __new__.
Ref map_new(Object*, Args args, size_t nargs, Tuple* kw) {
    return builtin_type_new(&map_type, args, nargs, kw);
}
Ref filter_new(Object*, Args args, size_t nargs, Tuple* kw) {
    return builtin_type_new(&filter_type, args, nargs, kw);
}
// Pickling, as CPython's: (map, (func, iterator, ...)), (filter, (func, iterator)), and
// (iter, (callable, sentinel)) or, once the sentinel was seen, (iter, ((),)).
Ref map_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* m = static_cast<MapObject*>(args[0]);
    Ref items = tuple_new(m->iters.size() + 1);
    as_tuple(items.get())->items[0] = newref(m->func);
    for (size_t i = 0; i < m->iters.size(); ++i) as_tuple(items.get())->items[i + 1] = newref(m->iters[i]);
    return reduce_value(type_of(args[0]), items);
}

Ref filter_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* f = static_cast<FilterObject*>(args[0]);
    Object* items[] = {f->func, f->iter};
    return reduce_value(type_of(args[0]), tuple_from(items, 2));
}

Ref callable_iterator_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* c = static_cast<CallableIterator*>(args[0]);
    if (!c->callable) return reduce_iter_at(nullptr, 0, false);
    Object* items[] = {c->callable, c->sentinel};
    return reduce_value(builtin_iter(), tuple_from(items, 2));
}

constexpr const char* kReduceDoc = "Return state information for pickling.";
const MethodDef kMapMethods[] = {{"__new__", map_new, "Create and return a new object.", MethodKind::Static},
                                 {"__reduce__", map_reduce, kReduceDoc},
                                 {nullptr, nullptr, nullptr}};
const MethodDef kFilterMethods[] = {
    {"__new__", filter_new, "Create and return a new object.", MethodKind::Static},
    {"__reduce__", filter_reduce, kReduceDoc},
    {nullptr, nullptr, nullptr}};
const MethodDef kCallableIteratorMethods[] = {{"__reduce__", callable_iterator_reduce, kReduceDoc},
                                              {nullptr, nullptr, nullptr}};

void init_iterator_types() {
    map_type.methods = kMapMethods;
    filter_type.methods = kFilterMethods;
    callable_iterator_type.methods = kCallableIteratorMethods;
    init_iterator_type(callable_iterator_type, "callable_iterator", sizeof(CallableIterator),
                       callable_iterator_dealloc, callable_iterator_next);
    callable_iterator_type.traverse = callable_iterator_traverse;
    init_iterator_type(map_type, "map", sizeof(MapObject), map_dealloc, map_next);
    map_type.construct = map_construct;
    map_type.traverse = map_traverse;
    init_iterator_type(filter_type, "filter", sizeof(FilterObject), filter_dealloc, filter_next);
    filter_type.construct = filter_construct;
    filter_type.traverse = filter_traverse;
    for (Type* t : {&map_type, &filter_type}) {
        t->is_basetype = true;
        t->constructs_subclasses = true;
    }
    // CPython's docstrings, as objects/type_docs.cpp gives the other built-in types.
    dict_set(
        map_type.dict, intern("__doc__"),
        str_new("map(func, *iterables) --> map object\n\nMake an iterator that computes the function using "
                "arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.")
            .get());
    dict_set(
        filter_type.dict, intern("__doc__"),
        str_new("filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those "
                "items of iterable for which function(item)\nis true. If function is None, return the items "
                "that are true.")
            .get());
}

}  // namespace

Ref init_builtins_module() {
    init_iterator_types();
    Ref module = native_module_new("builtins", kBuiltinFunctions);
    Dict* d = module_dict(module.get());
    Type* const kTypes[] = {&int_type,         &bool_type,      &float_type,    &str_type,
                            &list_type,        &tuple_type,     &dict_type,     &set_type,
                            &frozenset_type,   &range_type,     &slice_type,    &object_type,
                            &type_type,        &enumerate_type, &zip_type,      &reversed_type,
                            &map_type,         &filter_type,    &bytes_type,    &bytearray_type,
                            &memoryview_type,  &complex_type,   &property_type, &staticmethod_type,
                            &classmethod_type, &super_type};
    for (Type* t : kTypes) dict_set(d, intern(t->name), t);
    for (Type* t : builtin_exception_types()) dict_set(d, intern(t->name), t);
    // OSError's old names, kept by CPython as aliases of the same class.
    for (const char* alias : {"IOError", "EnvironmentError"}) dict_set(d, intern(alias), &OSError_type);
    set_reduce_builtins(dict_get_str(d, intern("iter")), dict_get_str(d, intern("next")),
                        dict_get_str(d, intern("getattr")));
    dict_set(d, intern("None"), None);
    dict_set(d, intern("True"), True);
    dict_set(d, intern("False"), False);
    dict_set(d, intern("Ellipsis"), Ellipsis);
    dict_set(d, intern("NotImplemented"), NotImplemented);
    dict_set(d, intern("__debug__"), bool_obj(optimize_level() == 0));
    return module;
}

}  // namespace minipy
