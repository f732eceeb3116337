// interpreter.cpp — start-up, the __main__ module, running source text to an exit status, uncaught
// exceptions and SystemExit, imports of native modules and of m.py files on sys.path, and the REPL.
#include "interpreter/interpreter.h"

#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "compiler/codegen.h"
#include "interpreter/code_cache.h"
#include "interpreter/import.h"
#include "modules/codecs_module.h"
#include "modules/io_base.h"
#include "modules/io_binary.h"
#include "modules/registry.h"
#include "modules/source_encoding.h"
#include "modules/sys_hooks.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame_object.h"
#include "objects/gc.h"
#include "objects/generator.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "runtime/environment.h"
#include "runtime/flavor.h"
#include "runtime/locale_config.h"
#include "runtime/thread_state.h"
#include "runtime/version.h"
#include "syntax/parser.h"
#include "vm/dis.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/interp_support.h"
#include "vm/traceback.h"

namespace minipy {

namespace {

Object* g_builtins_module = nullptr;
Object* g_main_module = nullptr;

Dict* sys_dict() { return module_dict(init_sys_module().get()); }
Dict* sys_modules() { return as_dict(dict_get_str(sys_dict(), intern("modules"))); }

// Where threading.py and friends live: the source tree's stdlib/ when running from a build, else
// the installed copy.
std::string stdlib_dir() {
    std::error_code ec;
    if (std::filesystem::is_directory(MINIPY_STDLIB_BUILD_DIR, ec)) return MINIPY_STDLIB_BUILD_DIR;
    return MINIPY_STDLIB_INSTALL_DIR;
}

// Builtins live as long as the process: immortal, they are loaded by every thread (len, range,
// print) without any of them writing their counts.
void immortalize_builtins() {
    Object *name, *value;
    for (size_t pos = 0; dict_next(module_dict(g_builtins_module), &pos, &name, &value);) {
        if (!is_small_int(value)) make_immortal(value);
    }
}

// CPython's site module adds exit, quit, help, copyright, credits and license to builtins; here
// stdlib/_sitebuiltins.py does, once sys.path can find it (without it they are missing, as in
// CPython run with -S).
void install_site_builtins() {
    // Start-up code is not traced: `--trace` shows the user's program from its first instruction.
    bool tracing = trace_enabled();
    set_trace(false);
    try {
        Ref module = find_and_import(intern("_sitebuiltins"), None, 0, nullptr);
        call0(get_attr(module.get(), intern("install")).get());
    } catch (PyException& e) {
        e.take();
    }
    // With -W options (or -X dev, or PYTHONWARNINGS) warnings is imported at start-up, as CPython's
    // init_interp_main does: it reads sys.warnoptions then, reporting a bad option on stderr.
    if (!warn_options().empty() || dev_mode()) {
        try {
            find_and_import(intern("warnings"), None, 0, nullptr);
        } catch (PyException& e) {
            std::fputs("'import warnings' failed; traceback:\n", stderr);
            Ref exc = e.take();
            report_uncaught_exception(exc.get());
        }
    }
    set_trace(tracing);
    immortalize_builtins();
    enable_source_specs();
}

// A command-line argument as CPython decodes it: in the locale's encoding ('utf-8' in UTF-8 mode,
// 'ascii' in the C locale outside it), bytes it cannot decode escaped as lone surrogates (PEP 383).
Ref decode_argument(const std::string& arg) {
    std::string encoding = codec_name(default_text_encoding());
    Ref codec = encoding == "utf-8" ? Ref() : str_new(encoding);
    return bytes_decode(arg, codec.get(), intern("surrogateescape"));
}

void set_argv(const std::vector<std::string>& argv, const std::string& path0) {
    Ref list = list_new();
    for (const auto& a : argv) list_append(list.get(), decode_argument(a).get());
    if (argv.empty()) list_append(list.get(), str_new("").get());
    dict_set(sys_dict(), intern("argv"), list.get());
    std::vector<std::string> libraries = {stdlib_dir()};
    // CPython's own pure-Python modules (Debian's libpython3.11-stdlib), found at build time. Its
    // lib-dynload/ is left out: those are CPython C extensions, which minipy cannot load.
    if (*MINIPY_CPYTHON_LIB) libraries.push_back(MINIPY_CPYTHON_LIB);
    dict_set(sys_dict(), intern("path"), initial_sys_path(path0, libraries).get());
    install_site_builtins();
}

Dict* main_dict(const std::string& file) {
    if (!g_main_module) {
        Ref m = module_new("__main__");
        dict_set(module_dict(m.get()), intern("__builtins__"), g_builtins_module);
        dict_set(module_dict(m.get()), intern("__spec__"), None);  // a script's, -c's: `-m` sets one
        dict_set(module_dict(m.get()), intern("__package__"), None);
        dict_set(module_dict(m.get()), intern("__annotations__"), dict_new().get());
        // __loader__ comes when importlib._bootstrap first loads (_describe_main): making it here
        // would load importlib at every start-up.
        dict_set(sys_modules(), intern("__main__"), m.get());
        g_main_module = m.release();
    }
    if (!file.empty()) dict_set(module_dict(g_main_module), intern("__file__"), str_new(file).get());
    return module_dict(g_main_module);
}

// Set when a program ends in an uncaught KeyboardInterrupt: like CPython, the process then ends
// killed by SIGINT (a shell reports 130), so whoever started it knows it was interrupted. (In the
// REPL a KeyboardInterrupt only ends the entry.)
bool g_exit_by_sigint = false;

// `-i`: the REPL follows the program, so its end is not the process's end.
bool g_inspect_after = false;

// CPython's handling of an uncaught exception: SystemExit gives the exit status (printing a
// non-integer code), anything else prints its traceback and exits with 1.
int handle_uncaught(Object* exc) {
    std::fflush(stdout);
    if (is_instance(exc, &SystemExit_type) && !g_inspect_after) {
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
    report_uncaught_exception(exc);
    return 1;
}

// CPython's finalize_modules: every module written in Python leaves sys.modules (its entry becomes
// None: nothing can be imported any more), and a full collection frees what they held, running
// __del__ methods and finalizers (a coroutine never awaited warns, filed under "sys", line 1). A
// module's globals are intact while that runs: the collector runs every finalizer of the garbage
// before it clears any of it. Native modules keep their entries and stay alive (their C++ state
// may point at them), as do sys and builtins.
void release_modules() {
    set_finalizing();
    Dict* modules = sys_modules();
    // The warnings a finalizer may give need _warnings, which nothing can import from now on.
    if (!dict_get_str(modules, intern("_warnings")))
        dict_set(modules, intern("_warnings"), find_native_module("_warnings")->init().get());
    std::vector<Ref> names, released;
    Object *key, *value;
    for (size_t i = 0; dict_next(modules, &i, &key, &value);) {
        if (!is_module(value) || !is_instance(key, &str_type)) continue;
        const std::string& name = str_utf8_of(key);
        if (name == "sys" || name == "builtins" || find_native_module(name)) continue;
        names.push_back(Ref::borrow(key));
        released.push_back(Ref::borrow(value));
    }
    for (const Ref& name : names) dict_set(modules, name.get(), None);
    released.clear();
    if (Object* main = std::exchange(g_main_module, nullptr)) decref(main);
    gc_collect(2);
}

// What CPython's finalization does once __main__ is done: threading._shutdown() waits for the
// non-daemon threads, then the atexit functions run (multiprocessing's joins its children there),
// then the modules are released (release_modules). Daemon threads may still be running: the
// process ends under them without running destructors or releasing modules, as CPython never lets
// them touch a finalized interpreter.
int finalize(int status) {
    if (Object* threading = dict_get_str(sys_modules(), intern("threading"))) {
        try {
            if (Ref shutdown = get_attr_opt(threading, intern("_shutdown"))) call0(shutdown.get());
        } catch (PyException& e) {
            Ref exc = e.take();
            handle_uncaught(exc.get());
        }
    }
    run_exit_functions();
    flush_open_files();
    report_gil_stats();
    gc_report_stats();
    gil_trace_finish();
    if (running_threads() == 0) {
        release_modules();
        flush_open_files();
    }
    if (g_exit_by_sigint) {
        std::fflush(nullptr);
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
    if (running_threads() > 0) {
        std::fflush(nullptr);
        _exit(status);
    }
    return status;
}

// Runs `program` as the main program: an uncaught exception ends it as CPython's does (a
// traceback, or SystemExit's status), then the interpreter is finalized (unless -i follows).
template <typename Program>
int run_as_main(Program program) {
    try {
        program();
        std::fflush(stdout);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
        return 1;
    } catch (PyException& e) {
        Ref exc = e.take();
        if (g_inspect_after) return handle_uncaught(exc.get());
        g_exit_by_sigint = is_instance(exc.get(), &KeyboardInterrupt_type);
        int status = handle_uncaught(exc.get());
        exc = Ref();  // its traceback's frames would keep __main__'s objects alive at exit
        return finalize(status);
    }
    return g_inspect_after ? 0 : finalize(0);
}

// Parses, compiles and runs `source` in `globals`; returns the exit status.
int execute(const std::string& source, const std::string& filename, Dict* globals, CompileMode mode) {
    return run_as_main([&] {
        auto module =
            syntax::parse(source, filename,
                          mode == CompileMode::Interactive ? syntax::Mode::Interactive : syntax::Mode::File);
        Ref code = compile_module(*module, source, filename, mode);
        run_code(as_code(code.get()), globals, globals);
    });
}

// runpy._run_module_as_main(name, alter_argv): the module `name`, found by the import system, runs
// as __main__ (CPython's -m, and its way of running a folder or zip archive).
void run_through_runpy(Object* name, bool alter_argv) {
    Object* what = intern("_run_module_as_main");
    Ref fromlist = tuple_from(&what, 1);
    Ref runpy = import_name(intern("runpy"), fromlist.get(), 0);
    Object* args[2] = {name, bool_obj(alter_argv)};
    call(get_attr(runpy.get(), intern("_run_module_as_main")).get(), args, 2);
}

// A zip archive, found as zipimport finds one: the end-of-archive record ("PK\5\6") within the
// last 64 KiB (its comment's longest) plus the record's 22 bytes. An archive may follow other bytes
// (zipapp's `#!` line), so its start is not looked at.
bool is_zip_archive(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    std::streamoff size = in.tellg();
    std::streamoff tail = std::min<std::streamoff>(size, 65535 + 22);
    std::string bytes(static_cast<size_t>(tail), '\0');
    in.seekg(size - tail);
    if (!in.read(bytes.data(), tail)) return false;
    return bytes.rfind(std::string("PK\5\6", 4)) != std::string::npos;
}

// A folder or zip archive given as the script, as CPython runs one: it goes first on sys.path, and
// its __main__ module runs through runpy (zipimport reads an archive's), with that module's spec,
// loader and __file__. Without a __main__ module, runpy's "can't find '__main__' module" ends it.
int run_path_entry(const std::string& path, const std::vector<std::string>& argv) {
    std::string abs = std::filesystem::absolute(path).lexically_normal().string();
    if (abs.size() > 1 && abs.back() == '/') abs.pop_back();
    set_argv(argv, abs);
    main_dict("");
    return run_as_main([&] { run_through_runpy(intern("__main__"), false); });
}

}  // namespace

void print_syntax_error(const syntax::SyntaxError& e) {
    std::fflush(stdout);
    std::fputs(syntax::format_syntax_error(e.info(), syntax::colors_for(STDERR_FILENO)).c_str(), stderr);
}

void set_inspect_after(bool on) { g_inspect_after = on; }

Dict* main_namespace() { return main_dict(""); }

namespace {

// PRINT_EXPR's hook: the REPL (and code compiled in "single" mode, as doctest's) shows a value
// through whatever sys.displayhook is now.
void display_value(Object* value) {
    Ref hook = dict_get_str_ref(sys_dict(), intern("displayhook"));
    if (!hook) raise(&RuntimeError_type, "lost sys.displayhook");
    call1(hook.get(), value);
}

}  // namespace

void initialize_runtime() {
    if (g_builtins_module) return;
    set_embedding_hooks({run_function, run_frame_from, run_class_body_function, find_and_import,
                         import_attribute, import_all, find_loaded_module, display_value, report_unraisable,
                         report_unraisable_in, import_time_code});
    install_sigint_handler();
    // As CPython: a write to a pipe or socket whose reader is gone raises BrokenPipeError rather
    // than killing the process (subprocess children get the default back: _posixsubprocess.py).
    std::signal(SIGPIPE, SIG_IGN);
    init_builtin_types();
    init_code_type();
    init_function_types();
    init_module_type();
    init_weakref_types();  // before init_class_support, which adds ref.__new__
    init_class_support();
    init_generator_type();
    init_coroutine_types();
    init_frame_types();
    Ref builtins = init_builtins_module();
    make_immortal(builtins.get());
    g_builtins_module = builtins.release();
    immortalize_builtins();
    set_builtins_dict(module_dict(g_builtins_module));
    Ref sys = init_sys_module();
    dict_set(sys_modules(), intern("builtins"), g_builtins_module);
    dict_set(sys_modules(), intern("sys"), sys.get());
    publish_code_cache_settings();
    install_codec_hooks();
}

bool configure_threads(const std::vector<std::string>& x_options, bool gil_stats, std::string gil_trace,
                       const std::string& program) {
    bool gil = kGilEnabledByDefault;
    if (const char* env = configuration_variable("MINIPY_GIL"); env && *env) gil = std::string(env) != "0";
    for (const std::string& x : x_options) {
        if (x == "gil=0" || x == "gil=1") gil = x == "gil=1";
        if (x == "gilstats") gil_stats = true;
        if (x == "gcstats") gc_set_stats_wanted(true);
        if (x.rfind("giltrace=", 0) == 0) gil_trace = x.substr(9);
    }
    if (!gil && !kGilOptional) {
        std::fprintf(stderr, "%s: the GIL flavor cannot run without the GIL; use minipy-ft\n",
                     executable_name());
        return false;
    }
    set_gil_stats_wanted(gil_stats);
    // Started before the GIL is taken, so the main thread's lane begins with it.
    if (!gil_trace.empty()) gil_trace_start(gil_trace, gil, program);
    set_gil_enabled(gil);
    if (!gil_trace.empty() && !gil) gil_trace_state(TraceState::Running);
    return true;
}

// The __main__ of a script or of stdin gets its __loader__ before the program runs, untraced as the
// rest of start-up.
void give_main_loader_untraced() {
    bool tracing = trace_enabled();
    set_trace(false);
    give_main_loader(g_main_module);
    set_trace(tracing);
}

int run_file(const std::string& path, const std::vector<std::string>& argv) {
    initialize_runtime();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec) || is_zip_archive(path)) return run_path_entry(path, argv);
    std::string source;
    if (!read_file(path, &source)) {
        std::string abs = std::filesystem::absolute(path).lexically_normal().string();
        std::fprintf(stderr, "%s: can't open file '%s': [Errno 2] No such file or directory\n",
                     executable_name(), abs.c_str());
        return 2;
    }
    // CPython 3.11 names the main script by its absolute path (in tracebacks and __file__).
    std::string abs = std::filesystem::absolute(path).lexically_normal().string();
    set_argv(argv, std::filesystem::path(abs).parent_path().string());
    try {
        source = decode_source(std::move(source), abs);  // a `# coding: latin-1` script
    } catch (PyException& e) {
        Ref exc = e.take();
        return finalize(handle_uncaught(exc.get()));
    }
    Dict* globals = main_dict(abs);
    dict_set(globals, intern("__cached__"), None);
    give_main_loader_untraced();
    return execute(source, abs, globals, CompileMode::File);
}

// `-m NAME`, as CPython's: runpy's _run_module_as_main finds the module (for a package, its
// __main__ submodule), puts its full path in sys.argv[0] and runs it as __main__, with the current
// folder first on sys.path. Its errors are CPython's ("No module named ...", "... is a package and
// cannot be directly executed", an exception raised by a parent package with its traceback).
int run_module(const std::string& name, const std::vector<std::string>& argv) {
    initialize_runtime();
    set_argv(argv, std::filesystem::current_path().string());
    main_dict("");
    return run_as_main([&] { run_through_runpy(str_new(name).get(), true); });
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
    Dict* globals = main_dict("<stdin>");  // CPython's __file__ for a program read from stdin
    dict_set(globals, intern("__cached__"), None);
    give_main_loader_untraced();
    return execute(ss.str(), "<stdin>", globals, CompileMode::File);
}

std::string disassemble_file(const std::string& path) {
    std::string source;
    if (!read_file(path, &source)) throw std::runtime_error("can't open file '" + path + "'");
    return disassemble_source(source, path);
}

std::string disassemble_source(const std::string& source, const std::string& filename) {
    initialize_runtime();
    auto module = syntax::parse(source, filename);
    Ref code = compile_module(*module, source, filename);
    return disassemble(as_code(code.get()));
}

std::optional<int> run_interactive_entry(const std::string& source) {
    initialize_runtime();
    Dict* globals = main_dict("");
    std::optional<int> exit_status;
    try {
        auto module = syntax::parse(source, "<stdin>", syntax::Mode::Interactive);
        Ref code = compile_module(*module, source, "<stdin>", CompileMode::Interactive);
        run_code(as_code(code.get()), globals, globals);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
    } catch (PyException& e) {
        Ref exc = e.take();
        if (is_instance(exc.get(), &SystemExit_type))
            exit_status = handle_uncaught(exc.get());
        else
            handle_uncaught(exc.get());
    }
    std::fflush(stdout);
    std::fflush(stderr);
    return exit_status;
}

InteractiveSession::InteractiveSession(const std::vector<std::string>& argv) {
    initialize_runtime();
    if (!g_inspect_after) set_argv(argv, "");
    g_inspect_after = false;
}

std::optional<int> InteractiveSession::run(const std::string& source) {
    return run_interactive_entry(source);
}

void InteractiveSession::run_startup_file() {
    const char* path = configuration_variable("MINIPYSTARTUP");
    if (!path || !*path) return;
    std::string source;
    if (!read_file(path, &source)) {
        // CPython's message for an unreadable PYTHONSTARTUP file.
        std::fprintf(stderr, "Could not open MINIPYSTARTUP\n");
        std::fprintf(stderr, "FileNotFoundError: [Errno 2] No such file or directory: '%s'\n", path);
        return;
    }
    Dict* globals = main_dict("");
    try {
        auto module = syntax::parse(source, path);
        Ref code = compile_module(*module, source, path);
        run_code(as_code(code.get()), globals, globals);
    } catch (const syntax::SyntaxError& e) {
        print_syntax_error(e);
    } catch (PyException& e) {
        Ref exc = e.take();
        handle_uncaught(exc.get());
    }
    std::fflush(stdout);
}

int InteractiveSession::finish(int status) { return finalize(status); }

}  // namespace minipy
