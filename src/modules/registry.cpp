// registry.cpp — the list of native modules.
#include "modules/registry.h"

namespace minipy {

namespace {

const NativeModule kNativeModules[] = {
    {"builtins", init_builtins_module},
    {"sys", init_sys_module},
    {"math", init_math_module},
    {"random", init_random_module},
    {"_io", init_io_module},
    {"_thread", init_thread_module},
    {"time", init_time_module},
    {"posix", init_posix_module},
    {"errno", init_errno_module},
    {"_signal", init_signal_module},
    {"pwd", init_pwd_module},
    {"termios", init_termios_module},
    {"select", init_select_module},
    {"_socket", init_socket_module},
    {"_serial", init_serial_module},
    {"_multiprocessing", init_multiprocessing_module},
    {"atexit", init_atexit_module},
    {"_warnings", init_warnings_module},
    {"_tracemalloc", init_tracemalloc_module},
    {"_weakref", init_weakref_module},
    {"_string", init_string_module},
    {"_struct", init_struct_module},
    {"_contextvars", init_contextvars_module},
    {"_asyncio", init_asyncio_module},
    {"_sre", init_sre_module},
    {"_hashlib", init_hashlib_module},
    {"zlib", init_zlib_module},
    {"gc", init_gc_module},
    {"_codecs", init_codecs_module},
    {"_json", init_json_module},
    {"_imp", init_imp_module},
    {"_bisect", init_bisect_module},
    {"_dis", init_dis_module},
    {"_heapq", init_heapq_module},
    {"binascii", init_binascii_module},
    {"array", init_array_module},
    {"_collections", init_collections_module},
    {"_csv", init_csv_module},
    {"_operator", init_operator_module},
    {"unicodedata", init_unicodedata_module},
    {"marshal", init_marshal_module},
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
