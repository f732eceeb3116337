// imp_module.cpp — the native `_imp`: the import machinery's view of what is built in, with
// CPython's interface and minipy's honest answers. minipy has no frozen modules and loads no
// extension modules; its built-in modules are those of registry.cpp, and the import lock is the
// one IMPORT_NAME holds (vm/embedding.h). test.support.import_helper imports it.
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/siphash.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref none() { return Ref::borrow(None); }

Str* str_argument(const char* function, Object* o) {
    if (!is_str(o))
        raise(&TypeError_type,
              format("%s() argument must be str, not %s", function, type_of(o)->name.c_str()));
    return static_cast<Str*>(o);
}

Ref imp_acquire_lock(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("acquire_lock", nargs, kw, 0, 0);
    import_lock_acquire();
    return none();
}

Ref imp_release_lock(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("release_lock", nargs, kw, 0, 0);
    if (!import_lock_release()) raise(&RuntimeError_type, "not holding the import lock");
    return none();
}

Ref imp_lock_held(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("lock_held", nargs, kw, 0, 0);
    return Ref::borrow(import_lock_held() ? True : False);
}

// 1 for a built-in module, 0 for any other name, and -1 for sys and builtins, which CPython
// cannot initialise a second time.
Ref imp_is_builtin(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_builtin", nargs, kw, 1, 1);
    const std::string& name = str_argument("is_builtin", args[0])->utf8;
    if (!find_native_module(name)) return int_from_i64(0);
    return int_from_i64(name == "sys" || name == "builtins" ? -1 : 1);
}

// The module of a built-in module's spec: the one already imported, else a new one; None for a
// name that is not built in, as CPython.
Ref imp_create_builtin(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("create_builtin", nargs, kw, 1, 1);
    Ref name = get_attr(args[0], intern("name"));
    const std::string& text = str_argument("create_builtin", name.get())->utf8;
    if (Ref loaded = loaded_module(text.c_str())) return loaded;
    const NativeModule* native = find_native_module(text);
    return native ? native->init() : Ref::borrow(None);
}

// Built-in modules are complete once created: there is nothing left to execute.
Ref imp_exec_builtin(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("exec_builtin", nargs, kw, 1, 1);
    return int_from_i64(0);
}

Ref imp_create_dynamic(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("create_dynamic", nargs, kw, 1, 2);
    Ref name = get_attr(args[0], intern("name"));
    raise(&ImportError_type, format("minipy cannot load extension module %s",
                                    str_argument("create_dynamic", name.get())->utf8.c_str()));
}

Ref imp_exec_dynamic(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("exec_dynamic", nargs, kw, 1, 1);
    return int_from_i64(0);
}

// No extension modules load, so no file suffix names one.
Ref imp_extension_suffixes(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("extension_suffixes", nargs, kw, 0, 0);
    return list_new();
}

Ref imp_is_frozen(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_frozen", nargs, kw, 1, 1);
    str_argument("is_frozen", args[0]);
    return Ref::borrow(False);
}

Ref imp_is_frozen_package(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_frozen_package", nargs, kw, 1, 1);
    raise(&ImportError_type,
          format("No such frozen object named %s", str_argument("is_frozen_package", args[0])->utf8.c_str()));
}

Ref imp_find_frozen(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("find_frozen", nargs, kw, 1, 1);
    str_argument("find_frozen", args[0]);
    return none();
}

Ref imp_get_frozen_object(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get_frozen_object", nargs, kw, 1, 2);
    raise(&ImportError_type,
          format("No such frozen object named %s", str_argument("get_frozen_object", args[0])->utf8.c_str()));
}

Ref imp_init_frozen(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("init_frozen", nargs, kw, 1, 1);
    str_argument("init_frozen", args[0]);
    return none();
}

Ref imp_frozen_module_names(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_frozen_module_names", nargs, kw, 0, 0);
    return tuple_from(nullptr, 0);
}

// CPython's switch between frozen and source stdlib modules for tests; with none frozen, a no-op.
Ref imp_override_frozen_modules_for_tests(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_override_frozen_modules_for_tests", nargs, kw, 1, 1);
    as_index(args[0]);
    return none();
}

// source_hash(key, source): the 8 bytes of SipHash-1-3 keyed with `key` that a hash-based .pyc
// records, as CPython's _Py_KeyedHash, so importlib.util.source_hash gives CPython's values.
Ref imp_source_hash(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"key", "source"};
    Object* a[2] = {};
    bind_args("source_hash", args, nargs, kw, kNames, 2, 2, a);
    auto key = static_cast<uint64_t>(as_index(a[0]));
    const std::string* data = nullptr;
    if (is_bytes(a[1])) data = &static_cast<Bytes*>(a[1])->data;
    if (is_bytearray(a[1])) data = &static_cast<ByteArray*>(a[1])->data;
    if (!data)
        raise(&TypeError_type,
              format("a bytes-like object is required, not '%s'", type_of(a[1])->name.c_str()));
    uint64_t hash = siphash13(data->data(), data->size(), key, 0);
    char out[8];
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(hash >> (8 * i));
    return bytes_new(std::string_view(out, 8));
}

void fix_filename(Code* code, const std::string& path) {
    code->filename = path;
    for (Object* c : code->consts) {
        if (type_of(c) == &code_type) fix_filename(as_code(c), path);
    }
}

// _fix_co_filename(code, path): the code object and the functions, classes and comprehensions
// compiled inside it name `path` as their file.
Ref imp_fix_co_filename(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_fix_co_filename", nargs, kw, 2, 2);
    if (type_of(args[0]) != &code_type)
        raise(&TypeError_type,
              format("_fix_co_filename() argument 1 must be code, not %s", type_of(args[0])->name.c_str()));
    fix_filename(as_code(args[0]), str_argument("_fix_co_filename", args[1])->utf8);
    return none();
}

const MethodDef kImpFunctions[] = {
    {"acquire_lock", imp_acquire_lock, "Acquires the interpreter's import lock for the current thread."},
    {"release_lock", imp_release_lock, "Release the interpreter's import lock."},
    {"lock_held", imp_lock_held, "Return True if the import lock is currently held, else False."},
    {"is_builtin", imp_is_builtin, "Returns True if the module name corresponds to a built-in module."},
    {"create_builtin", imp_create_builtin, "Create an extension module."},
    {"exec_builtin", imp_exec_builtin, "Initialize a built-in module."},
    {"create_dynamic", imp_create_dynamic, "Create an extension module."},
    {"exec_dynamic", imp_exec_dynamic, "Initialize an extension module."},
    {"extension_suffixes", imp_extension_suffixes,
     "Returns the list of file suffixes used to identify extension modules."},
    {"is_frozen", imp_is_frozen, "Returns True if the module name corresponds to a frozen module."},
    {"is_frozen_package", imp_is_frozen_package, "Returns True if the module name is of a frozen package."},
    {"find_frozen", imp_find_frozen,
     "Return info about the corresponding frozen module (if there is one) or None."},
    {"get_frozen_object", imp_get_frozen_object, "Create a code object for a frozen module."},
    {"init_frozen", imp_init_frozen, "Initializes a frozen module."},
    {"_frozen_module_names", imp_frozen_module_names, "Returns the list of available frozen modules."},
    {"_override_frozen_modules_for_tests", imp_override_frozen_modules_for_tests,
     "(internal-only) Override PyConfig.use_frozen_modules."},
    {"source_hash", imp_source_hash, "source_hash(key, source)"},
    {"_fix_co_filename", imp_fix_co_filename, "Changes code.co_filename to specify the passed-in file path."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_imp_module() {
    Ref module = native_module_new("_imp", kImpFunctions);
    // "default": hash-based .pyc files are checked when they ask to be (minipy writes none).
    dict_set(module_dict(module.get()), intern("check_hash_based_pycs"), str_new("default").get());
    return module;
}

}  // namespace minipy
