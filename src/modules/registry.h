// registry.h — the native modules minipy can import (`import sys`), each a name and the function
// that builds its module object. The one list of them is in registry.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"

namespace minipy {

using ModuleInit = Ref (*)();

struct NativeModule {
    const char* name;
    ModuleInit init;
};

// The native module called `name`, or null.
const NativeModule* find_native_module(std::string_view name);
// Every native module's name, in the list's order.
std::vector<std::string> native_module_names();

// The init functions, one per native module file.
Ref init_builtins_module();
Ref init_sys_module();
Ref init_math_module();
Ref init_cmath_module();
Ref init_random_module();
Ref init_io_module();

// open(file, mode='r', ...), defined in io_module.cpp and listed by builtins too.
Ref builtin_open(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
Ref init_thread_module();
Ref init_time_module();
Ref init_posix_module();
Ref init_errno_module();
Ref init_signal_module();
Ref init_pwd_module();
Ref init_stat_module();
Ref init_termios_module();
Ref init_select_module();
Ref init_socket_module();
Ref init_serial_module();
Ref init_multiprocessing_module();
Ref init_atexit_module();
Ref init_faulthandler_module();
Ref init_functools_module();
Ref init_queue_module();
Ref init_lsprof_module();
Ref init_picklebuffer_module();
// -X faulthandler, PYTHONFAULTHANDLER or -X dev: the fatal-signal handlers go in before the program runs.
void enable_faulthandler_at_startup();
Ref init_warnings_module();
Ref init_tracemalloc_module();
Ref init_weakref_module();
Ref init_string_module();
Ref init_struct_module();
Ref init_contextvars_module();
Ref init_asyncio_module();
Ref init_sre_module();
Ref init_hashlib_module();
Ref init_zlib_module();
Ref init_bz2_module();
Ref init_lzma_module();
Ref init_sqlite3_module();
Ref init_pyexpat_module();
Ref init_gc_module();
Ref init_codecs_module();
Ref init_json_module();
Ref init_imp_module();
Ref init_bisect_module();
Ref init_dis_module();
Ref init_heapq_module();
Ref init_binascii_module();
Ref init_array_module();
Ref init_collections_module();
Ref init_csv_module();
Ref init_operator_module();
Ref init_unicodedata_module();
Ref init_marshal_module();
Ref init_abc_module();
Ref init_itertools_module();
Ref init_locale_module();

// Runs the functions atexit.register() collected, last first; the interpreter calls it at exit.
void run_exit_functions();

}  // namespace minipy
