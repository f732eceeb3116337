// registry.cpp — the list of native modules, and what makes each look like CPython's built-in
// modules once made: __spec__, __loader__ (importlib's BuiltinImporter) and __package__.
#include "modules/registry.h"

#include "objects/abstract.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/str.h"

namespace minipy {

namespace {

// Gives a fresh native module its __spec__, __loader__ and __package__ through importlib._bootstrap
// (minipy's stdlib/importlib), which the first native import loads and which then describes the native
// modules made before it (sys, builtins), as CPython's import system does at start-up. Not at
// start-up itself: `-c pass` imports no native module, and stays as fast. The modules the
// bootstrap imports while it loads are described by its own pass. Where importlib cannot be
// imported (a program's own `importlib`), and once the program is ending (is_finalizing), modules
// keep no spec.
void describe_builtin(Object* module) {
    thread_local bool loading = false;
    if (loading || is_finalizing()) return;
    loading = true;
    try {
        Object* name = intern("_describe_builtin");
        Ref fromlist = tuple_from(&name, 1);
        Ref bootstrap = import_name(intern("importlib._bootstrap"), fromlist.get(), 0);
        Ref describe = get_attr(bootstrap.get(), intern("_describe_builtin"));
        call1(describe.get(), module);
    } catch (PyException& e) {
        e.take();
    }
    loading = false;
}

template <ModuleInit Init>
Ref builtin() {
    Ref module = Init();
    describe_builtin(module.get());
    return module;
}

const NativeModule kNativeModules[] = {
    {"builtins", builtin<init_builtins_module>},
    {"sys", builtin<init_sys_module>},
    {"math", builtin<init_math_module>},
    {"cmath", builtin<init_cmath_module>},
    {"_random", builtin<init_random_module>},
    {"_io", builtin<init_io_module>},
    {"_thread", builtin<init_thread_module>},
    {"time", builtin<init_time_module>},
    {"posix", builtin<init_posix_module>},
    {"errno", builtin<init_errno_module>},
    {"_signal", builtin<init_signal_module>},
    {"pwd", builtin<init_pwd_module>},
    {"_stat", builtin<init_stat_module>},
    {"termios", builtin<init_termios_module>},
    {"select", builtin<init_select_module>},
    {"_socket", builtin<init_socket_module>},
    {"_serial", builtin<init_serial_module>},
    {"_multiprocessing", builtin<init_multiprocessing_module>},
    {"atexit", builtin<init_atexit_module>},
    {"faulthandler", builtin<init_faulthandler_module>},
    {"_functools", builtin<init_functools_module>},
    {"_queue", builtin<init_queue_module>},
    {"_lsprof", builtin<init_lsprof_module>},
    {"_picklebuffer", builtin<init_picklebuffer_module>},
    {"_warnings", builtin<init_warnings_module>},
    {"_tracemalloc", builtin<init_tracemalloc_module>},
    {"_weakref", builtin<init_weakref_module>},
    {"_string", builtin<init_string_module>},
    {"_struct", builtin<init_struct_module>},
    {"_contextvars", builtin<init_contextvars_module>},
    {"_asyncio", builtin<init_asyncio_module>},
    {"_sre", builtin<init_sre_module>},
    {"_hashlib", builtin<init_hashlib_module>},
    {"zlib", builtin<init_zlib_module>},
    {"_bz2", builtin<init_bz2_module>},
    {"_lzma", builtin<init_lzma_module>},
    {"_sqlite3", builtin<init_sqlite3_module>},
    {"pyexpat", builtin<init_pyexpat_module>},
    {"gc", builtin<init_gc_module>},
    {"_codecs", builtin<init_codecs_module>},
    {"_json", builtin<init_json_module>},
    {"_imp", builtin<init_imp_module>},
    {"_bisect", builtin<init_bisect_module>},
    {"_dis", builtin<init_dis_module>},
    {"_heapq", builtin<init_heapq_module>},
    {"binascii", builtin<init_binascii_module>},
    {"array", builtin<init_array_module>},
    {"_collections", builtin<init_collections_module>},
    {"_csv", builtin<init_csv_module>},
    {"_operator", builtin<init_operator_module>},
    {"unicodedata", builtin<init_unicodedata_module>},
    {"marshal", builtin<init_marshal_module>},
    {"_abc", builtin<init_abc_module>},
    {"itertools", builtin<init_itertools_module>},
    {"_locale", builtin<init_locale_module>},
};

}  // namespace

const NativeModule* find_native_module(std::string_view name) {
    for (const NativeModule& m : kNativeModules) {
        if (name == m.name) return &m;
    }
    return nullptr;
}

std::vector<std::string> native_module_names() {
    std::vector<std::string> names;
    for (const NativeModule& m : kNativeModules) names.emplace_back(m.name);
    return names;
}

}  // namespace minipy
