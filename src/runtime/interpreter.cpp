// interpreter.cpp — start-up, the __main__ module, running source text to an exit status, uncaught
// exceptions and SystemExit, imports of native modules and of m.py files on sys.path, and the REPL.
#include "runtime/interpreter.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "compiler/codegen.h"
#include "modules/registry.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/errors.h"
#include "runtime/version.h"
#include "syntax/parser.h"
#include "vm/class.h"
#include "vm/dis.h"
#include "vm/generator.h"
#include "vm/interp_support.h"
#include "vm/module.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

Object* g_builtins_module = nullptr;
Object* g_main_module = nullptr;

Dict* sys_dict() { return module_dict(init_sys_module().get()); }
Dict* sys_modules() { return as_dict(dict_get_str(sys_dict(), intern("modules"))); }

void set_argv(const std::vector<std::string>& argv, const std::string& path0) {
    Ref list = list_new();
    for (const auto& a : argv) list_append(list.get(), str_new(a).get());
    if (argv.empty()) list_append(list.get(), str_new("").get());
    dict_set(sys_dict(), intern("argv"), list.get());
    Ref path = list_new();
    list_append(path.get(), str_new(path0).get());
    dict_set(sys_dict(), intern("path"), path.get());
}

Dict* main_dict(const std::string& file) {
    if (!g_main_module) {
        Ref m = module_new("__main__");
        dict_set(module_dict(m.get()), intern("__builtins__"), g_builtins_module);
        dict_set(sys_modules(), intern("__main__"), m.get());
        g_main_module = m.release();
    }
    if (!file.empty()) dict_set(module_dict(g_main_module), intern("__file__"), str_new(file).get());
    return module_dict(g_main_module);
}

void print_syntax_error(const syntax::SyntaxError& e) {
    std::fflush(stdout);
    std::fputs(syntax::format_syntax_error(e.info()).c_str(), stderr);
}

// CPython's handling of an uncaught exception: SystemExit gives the exit status (printing a
// non-integer code), anything else prints its traceback and exits with 1.
int handle_uncaught(Object* exc) {
    std::fflush(stdout);
    if (is_instance(exc, &SystemExit_type)) {
        auto* e = static_cast<BaseExceptionObject*>(exc);
        Tuple* args = as_tuple(e->args);
        Object* code = args->size == 0 ? None : args->size == 1 ? args->items[0] : e->args;
        if (code == None) return 0;
        int64_t status;
        if (is_int(code) && int_to_i64(code, &status)) return static_cast<int>(status);
        std::string text = str_utf8(code) + "\n";
        std::fputs(text.c_str(), stderr);
        return 1;
    }
    std::string text = format_exception(exc);
    try {
        write_to_stream(sys_stderr(), text);
        flush_stream(sys_stderr());
    } catch (PyException&) {
        std::fputs(text.c_str(), stderr);
    }
    return 1;
}

// Parses, compiles and runs `source` in `globals`; returns the exit status.
int execute(const std::string& source, const std::string& filename, Dict* globals, CompileMode mode) {
    try {
        auto module = syntax::parse(source, filename,
                                    mode == CompileMode::Interactive ? syntax::Mode::Interactive : syntax::Mode::File);
        Ref code = compile_module(*module, source, filename, mode);
        run_code(as_code(code.get()), globals, globals);
        std::fflush(stdout);
        return 0;
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
        return 1;
    } catch (PyException& e) {
        Ref exc = e.take();
        return handle_uncaught(exc.get());
    }
}

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

// Imports name.py from the directories on sys.path, running it as a new module.
Ref import_python_module(Str* name) {
    Object* path = dict_get_str(sys_dict(), intern("path"));
    if (!path || type_of(path) != &list_type) return nullptr;
    for (Object* dir : as_list(path)->items) {
        if (!is_str(dir)) continue;
        std::string base = str_utf8_of(dir);
        std::string file = (base.empty() ? "" : base + "/") + name->utf8 + ".py";
        std::string source;
        if (!read_file(file, &source)) continue;
        Ref module = module_new(name->utf8);
        Dict* globals = module_dict(module.get());
        dict_set(globals, intern("__file__"), str_new(file).get());
        dict_set(globals, intern("__builtins__"), g_builtins_module);
        dict_set(sys_modules(), name, module.get());
        try {
            auto tree = syntax::parse(source, file);
            Ref code = compile_module(*tree, source, file);
            run_code(as_code(code.get()), globals, globals);
        } catch (...) {
            dict_del(sys_modules(), name);
            throw;
        }
        return module;
    }
    return nullptr;
}

}  // namespace

void initialize_runtime() {
    if (g_builtins_module) return;
    init_builtin_types();
    init_code_type();
    init_function_types();
    init_module_type();
    init_vm_iterator_types();
    init_class_support();
    init_generator_type();
    Ref builtins = init_builtins_module();
    make_immortal(builtins.get());
    g_builtins_module = builtins.release();
    set_builtins_dict(module_dict(g_builtins_module));
    Ref sys = init_sys_module();
    dict_set(sys_modules(), intern("builtins"), g_builtins_module);
    dict_set(sys_modules(), intern("sys"), sys.get());
}

Ref import_module_hook(Str* name, Object*, int level) {
    if (level > 0) raise(&ImportError_type, "attempted relative import with no known parent package");
    if (Object* m = dict_get_str(sys_modules(), name)) return Ref::borrow(m);
    if (const NativeModule* native = find_native_module(name->utf8)) {
        Ref m = native->init();
        dict_set(sys_modules(), name, m.get());
        return m;
    }
    if (Ref m = import_python_module(name)) return m;
    Ref exc = make_exception(&ModuleNotFoundError_type, "No module named '" + name->utf8 + "'");
    raise_object(std::move(exc));
}

void display_hook(Object* value) {
    if (value == None) return;
    dict_set(module_dict(g_builtins_module), intern("_"), None);
    write_to_stream(sys_stdout(), repr_utf8(value) + "\n");
    dict_set(module_dict(g_builtins_module), intern("_"), value);
}

int run_file(const std::string& path, const std::vector<std::string>& argv) {
    initialize_runtime();
    std::string source;
    if (!read_file(path, &source)) {
        std::string abs = std::filesystem::absolute(path).lexically_normal().string();
        std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n", executable_name(),
                     abs.c_str());
        return 2;
    }
    // CPython 3.11 names the main script by its absolute path (in tracebacks and __file__).
    std::string abs = std::filesystem::absolute(path).lexically_normal().string();
    set_argv(argv, std::filesystem::path(abs).parent_path().string());
    return execute(source, abs, main_dict(abs), CompileMode::File);
}

int run_command(const std::string& code, const std::vector<std::string>& argv) {
    initialize_runtime();
    set_argv(argv, "");
    return execute(code, "<string>", main_dict(""), CompileMode::File);
}

int run_stdin(const std::vector<std::string>& argv) {
    initialize_runtime();
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    set_argv(argv, "");
    return execute(ss.str(), "<stdin>", main_dict(""), CompileMode::File);
}

int run_string(const std::string& code, const std::string& filename) {
    initialize_runtime();
    return execute(code, filename, main_dict(""), CompileMode::File);
}

std::string disassemble_file(const std::string& path) {
    initialize_runtime();
    std::string source;
    if (!read_file(path, &source)) throw std::runtime_error("can't open file '" + path + "'");
    auto module = syntax::parse(source, path);
    Ref code = compile_module(*module, source, path);
    return disassemble(as_code(code.get()));
}

void run_interactive_entry(const std::string& source) {
    initialize_runtime();
    Dict* globals = main_dict("");
    try {
        auto module = syntax::parse(source, "<stdin>", syntax::Mode::Interactive);
        Ref code = compile_module(*module, source, "<stdin>", CompileMode::Interactive);
        run_code(as_code(code.get()), globals, globals);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
    } catch (PyException& e) {
        Ref exc = e.take();
        if (is_instance(exc.get(), &SystemExit_type)) std::exit(handle_uncaught(exc.get()));
        handle_uncaught(exc.get());
    }
    std::fflush(stdout);
}

InteractiveSession::InteractiveSession(const std::vector<std::string>& argv) {
    initialize_runtime();
    set_argv(argv, "");
}

void InteractiveSession::run(const std::string& source) { run_interactive_entry(source); }

bool InteractiveSession::feed(const std::string& line) {
    pending_ += line + "\n";
    if (syntax::is_incomplete(pending_)) return true;
    std::string entry = std::move(pending_);
    pending_.clear();
    run(entry);
    return false;
}

}  // namespace minipy
