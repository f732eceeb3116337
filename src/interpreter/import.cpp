// import.cpp — the import system, following CPython's importlib._bootstrap: each dotted component
// is imported in turn (a package is a folder with __init__.py, searched through its parent's
// __path__), a module is registered in sys.modules before its code runs and removed if that fails.
#include "interpreter/import.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <sstream>

#include "interpreter/code_cache.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/environment.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace minipy {

namespace {

Dict* sys_dict() { return module_dict(init_sys_module().get()); }
Dict* sys_modules() { return as_dict(dict_get_str(sys_dict(), intern("modules"))); }

Object* str_attr(Dict* d, const char* name) {
    Object* v = d ? dict_get_str(d, intern(name)) : nullptr;
    return v && is_str(v) ? v : nullptr;
}

bool g_describe_sources = false;  // set once start-up has imported its own modules

// Set while this thread imports importlib._bootstrap for call_bootstrap: that import (sys and _imp
// only) must not itself ask importlib._bootstrap about the file entries of sys.path.
thread_local bool t_importing_bootstrap = false;

// Calls the function `name` of importlib._bootstrap, minipy's Python half of the import system.
Ref call_bootstrap(const char* name, std::initializer_list<Object*> args) {
    Str* what = intern(name);
    Object* names[1] = {what};
    Ref fromlist = tuple_from(names, 1);
    bool outermost = !t_importing_bootstrap;
    t_importing_bootstrap = true;
    Ref bootstrap;
    try {
        bootstrap = import_name(intern("importlib._bootstrap"), fromlist.get(), 0);
    } catch (...) {
        if (outermost) t_importing_bootstrap = false;
        throw;
    }
    if (outermost) t_importing_bootstrap = false;
    return call(get_attr(bootstrap.get(), what).get(), args.begin(), args.size());
}

// Gives a module from a .py file (or a namespace package) its __spec__ and __loader__ through
// importlib._bootstrap's _describe_source, as CPython's path finder does, before its code runs.
// Not during start-up: `-c pass` stays as fast; importlib._bootstrap describes those modules when
// it loads. Nor while it loads (its own imports are described by the same pass), nor at the end.
void describe_source(Object* module) {
    thread_local bool loading = false;
    if (!g_describe_sources || loading || is_finalizing()) return;
    loading = true;
    try {
        call_bootstrap("_describe_source", {module});
    } catch (PyException& e) {
        e.take();  // a program's own `importlib`: its modules keep no spec
    }
    loading = false;
}

// Runs `code`, compiled from `file`, as the module `fullname`; `package_dir` is set for a
// package's __init__.py.
Ref run_module_code(const std::string& fullname, const std::string& file, Ref code,
                    const std::string* package_dir) {
    Ref module = module_new(fullname);
    Dict* globals = module_dict(module.get());
    dict_set(globals, intern("__file__"), str_new(file).get());
    dict_set(globals, intern("__cached__"), str_new(cache_path_of(file)).get());
    dict_set(globals, intern("__builtins__"), builtins_dict());  // a module's is the dict, as CPython's
    std::string package =
        package_dir ? fullname
                    : fullname.substr(0, fullname.rfind('.') == std::string::npos ? 0 : fullname.rfind('.'));
    dict_set(globals, intern("__package__"), str_new(package).get());
    if (package_dir) {
        Ref path = list_new();
        list_append(path.get(), str_new(*package_dir).get());
        dict_set(globals, intern("__path__"), path.get());
    }
    Str* key = intern(fullname);
    dict_set(sys_modules(), key, module.get());
    // In sys.modules first: describing `importlib` itself imports importlib._bootstrap.
    describe_source(module.get());
    auto* initializing = &static_cast<ModuleObject*>(module.get())->initializing;
    initializing->store(true, std::memory_order_relaxed);
    auto done = [&] { initializing->store(false, std::memory_order_relaxed); };
    try {
        run_code(as_code(code.get()), globals, globals);
    } catch (...) {
        done();
        dict_del(sys_modules(), key);
        throw;
    }
    done();
    // The module may have replaced itself in sys.modules, as CPython allows.
    Object* final = dict_get_str(sys_modules(), key);
    return Ref::borrow(final ? final : module.get());
}

// A folder without __init__.py found on the path: a namespace package (PEP 420) with no code.
Ref namespace_package(const std::string& fullname, Ref portions) {
    Ref module = module_new(fullname);
    Dict* globals = module_dict(module.get());
    dict_set(globals, intern("__package__"), str_new(fullname).get());
    dict_set(globals, intern("__path__"), portions.get());
    dict_set(globals, intern("__file__"), None);
    dict_set(sys_modules(), intern(fullname), module.get());
    describe_source(module.get());
    return module;
}

// The folder a sys.path (or __path__) entry names, as CPython's FileFinder takes it: '' and '.'
// are the current folder, another relative entry is joined to it (not normalised), so __file__,
// co_filename and tracebacks name absolute paths (`-c "import m"` shows /home/u/m.py, not m.py).
// A current folder that no longer exists leaves the entry as it is.
std::string search_prefix(const std::string& entry) {
    if (!entry.empty() && entry[0] == '/') return entry + "/";
    std::error_code ec;
    std::string cwd = std::filesystem::current_path(ec).string();
    if (ec) return entry.empty() ? "" : entry + "/";
    return entry.empty() || entry == "." ? cwd + "/" : cwd + "/" + entry + "/";
}

// minipy's stdlib/ replaces a few modules of CPython's Lib (threading, hashlib, importlib, ...):
// CPython's versions need its C internals (threading.py hangs in _set_tstate_lock). A script run
// from CPython's Lib (pydoc.py) puts that folder first on sys.path, so a top-level import searched
// there looks in stdlib/ first for the names it replaces. Set once, by initial_sys_path.
struct LibraryOverride {
    std::string replaced_prefix;   // CPython's Lib, as search_prefix gives it
    std::string replacing_prefix;  // minipy's stdlib/
    std::set<std::string> names;   // its top-level modules and packages
};
LibraryOverride g_library_override;

void record_library_override(const std::string& replacing, const std::string& replaced) {
    g_library_override.replacing_prefix = replacing + "/";
    g_library_override.replaced_prefix = replaced + "/";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(replacing, ec)) {
        std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".py") {
            g_library_override.names.insert(entry.path().stem().string());
        } else if (std::filesystem::exists(entry.path() / "__init__.py", ec)) {
            g_library_override.names.insert(name);
        }
    }
}

// The folder to search for the top-level module `part` in place of `prefix`.
const std::string& overriding_prefix(const std::string& prefix, const std::string& part) {
    const LibraryOverride& o = g_library_override;
    if (prefix == o.replaced_prefix && o.names.count(part)) return o.replacing_prefix;
    return prefix;
}

// A sys.path entry that is a file, not a folder (a zip archive), is searched by the path entry
// finder sys.path_hooks makes for it (zipimport's zipimporter), through importlib._bootstrap.
Ref load_from_path_entry(const std::string& fullname, Object* entry) {
    if (t_importing_bootstrap) return nullptr;
    // The entry is the archive itself, or a folder inside one (a zipped package's __path__).
    struct stat st;
    std::string path = str_utf8_of(entry);
    bool in_file = stat(path.c_str(), &st) == 0 ? S_ISREG(st.st_mode) : errno == ENOTDIR;
    if (!in_file) return nullptr;
    Ref m = call_bootstrap("_load_from_entry", {str_new(fullname).get(), entry});
    return m.get() == None ? nullptr : m;
}

// Looks for `part` (the last component of `fullname`) in the folders of `dirs`: a list, or any
// iterable (a namespace package's __path__ is importlib's _NamespacePath).
Ref find_and_run(const std::string& fullname, const std::string& part, Object* dirs) {
    // "a..b" and "x/y" name no file: an empty or slashed part would name a folder on the path.
    if (!dirs || part.empty() || part.find('/') != std::string::npos) return nullptr;
    // Held, and read an item at a time: a path hook's Python code may rebind or change the list.
    Ref listed = type_of(dirs) == &list_type ? Ref::borrow(dirs) : list_from_iterable(dirs);
    Ref portions = list_new();
    for (size_t i = 0;; ++i) {
        Ref held = list_get_opt(listed.get(), i);
        if (!held) break;
        Object* dir = held.get();
        if (!is_str(dir)) continue;
        std::string prefix = search_prefix(str_utf8_of(dir));
        if (fullname == part) prefix = overriding_prefix(prefix, part);
        std::string pkg_dir = prefix + part;
        // A file that cannot be read is passed over, as if it were not there.
        bool entry_not_folder = false;
        for (bool package : {true, false}) {
            std::string file = package ? pkg_dir + "/__init__.py" : prefix + part + ".py";
            SourceStamp stamp;
            if (!stat_source(file, &stamp)) {
                if (package && errno == ENOTDIR) entry_not_folder = true;
                continue;
            }
            if (Ref code = load_module_code(file, stamp))
                return run_module_code(fullname, file, std::move(code), package ? &pkg_dir : nullptr);
        }
        if (entry_not_folder) {
            if (Ref m = load_from_path_entry(fullname, dir)) return m;
            continue;
        }
        std::error_code ec;
        if (std::filesystem::is_directory(pkg_dir, ec)) list_append(portions.get(), str_new(pkg_dir).get());
    }
    if (as_list(portions.get())->items.empty()) return nullptr;
    return namespace_package(fullname, std::move(portions));
}

// The searches of importlib._bootstrap's meta path finders, done here: BuiltinImporter finds the
// native modules (top-level names only), PathFinder the .py files and folders of sys.path or of the
// parent's __path__; FrozenImporter finds nothing, as minipy freezes no module.
enum class NativeSearch { Builtin, Frozen, Path, Other };

Ref search(NativeSearch which, const std::string& fullname, const std::string& part, Object* path) {
    if (which == NativeSearch::Builtin) {
        if (path) return nullptr;
        const NativeModule* native = find_native_module(fullname);
        if (!native) return nullptr;
        Ref m = native->init();
        dict_set(sys_modules(), intern(fullname), m.get());
        return m;
    }
    if (which == NativeSearch::Path)
        return find_and_run(fullname, part, path ? path : dict_get_str(sys_dict(), intern("path")));
    return nullptr;
}

// Which of the native searches a finder of sys.meta_path stands for: importlib._bootstrap's three
// finders say so in their `_minipy_native`; any other finder is Other.
NativeSearch native_search_of(Object* finder) {
    Ref kind = get_attr_opt(finder, intern("_minipy_native"));
    if (!kind || !is_str(kind.get())) return NativeSearch::Other;
    const std::string& text = str_utf8_of(kind.get());
    if (text == "builtin") return NativeSearch::Builtin;
    if (text == "frozen") return NativeSearch::Frozen;
    if (text == "path") return NativeSearch::Path;
    return NativeSearch::Other;
}

// Asks the finders of sys.meta_path in turn, as CPython's _find_spec: a finder a program added (a
// custom importer) through importlib._bootstrap's _load_with, which loads the module from its spec.
Ref import_through_meta_path(const std::string& fullname, const std::string& part, Object* path,
                             Object* meta_path) {
    for (size_t i = 0;; ++i) {
        Ref finder = list_get_opt(meta_path, i);
        if (!finder) return nullptr;
        NativeSearch which = native_search_of(finder.get());
        Ref m;
        if (which != NativeSearch::Other) {
            m = search(which, fullname, part, path);
        } else {
            m = call_bootstrap("_load_with", {finder.get(), str_new(fullname).get(), path ? path : None});
            if (m.get() == None) m = nullptr;
        }
        if (m) return m;
    }
}

[[noreturn]] void raise_not_found(const std::string& name) {
    Ref exc = make_exception(&ModuleNotFoundError_type, "No module named '" + name + "'");
    set_attr(exc.get(), intern("name"), str_new(name).get());
    raise_object(std::move(exc));
}

// The list importlib's ModuleSpec keeps of a package's submodules being loaded, or null (no spec,
// or a spec of another kind).
Ref uninitialized_submodules_of(Object* parent) {
    if (!is_module(parent)) return nullptr;
    Object* spec = dict_get_str(module_dict(parent), intern("__spec__"));
    if (!spec || spec == None) return nullptr;
    Ref list = get_attr_opt(spec, intern("_uninitialized_submodules"));
    return list && type_of(list.get()) == &list_type ? list : nullptr;
}

// Imports one module whose parent (if any) is already imported; binds it on the parent.
Ref import_one(const std::string& fullname, Object* parent) {
    Str* key = intern(fullname);
    if (Object* m = dict_get_str(sys_modules(), key)) {
        // sys.modules[name] = None blocks the import (and so does the end of the program, which
        // sets every module's entry to None).
        if (m == None) {
            Ref exc = make_exception(&ModuleNotFoundError_type,
                                     "import of " + fullname + " halted; None in sys.modules");
            set_attr(exc.get(), intern("name"), key);
            raise_object(std::move(exc));
        }
        return Ref::borrow(m);
    }
    // CPython clears sys.meta_path at the end; minipy keeps it, the message is CPython's. Both it
    // and the parent's __path__ are held: a finder's Python code may rebind them.
    Ref meta_path = dict_get_str_ref(sys_dict(), intern("meta_path"));
    if (is_finalizing() || meta_path.get() == None)
        raise(&ImportError_type, "sys.meta_path is None, Python is likely shutting down");
    size_t dot = fullname.rfind('.');
    std::string part = dot == std::string::npos ? fullname : fullname.substr(dot + 1);
    Ref parent_path;  // the parent's __path__; null for a top-level module
    if (parent) {
        // Any object can stand in sys.modules for a package; its __path__ attribute says it is one.
        parent_path = is_module(parent) ? dict_get_str_ref(module_dict(parent), intern("__path__"))
                                        : get_attr_opt(parent, intern("__path__"));
        if (!parent_path) {
            Ref exc =
                make_exception(&ModuleNotFoundError_type, "No module named '" + fullname + "'; '" +
                                                              fullname.substr(0, dot) + "' is not a package");
            set_attr(exc.get(), intern("name"), str_new(fullname).get());
            raise_object(std::move(exc));
        }
    }
    Object* path = parent_path.get();
    Ref m;
    bool ask_finders =
        meta_path && type_of(meta_path.get()) == &list_type && list_get_opt(meta_path.get(), 0);
    // While the child loads, the parent's spec lists it in _uninitialized_submodules, as CPython's
    // _find_and_load_unlocked: reading parent.child meanwhile says "cannot access submodule".
    Ref loading_in = parent ? uninitialized_submodules_of(parent) : Ref();
    if (loading_in) list_append(loading_in.get(), str_new(part).get());
    auto done_loading = [&] {
        if (loading_in) call0(get_attr(loading_in.get(), intern("pop")).get());
    };
    try {
        if (ask_finders) {
            m = import_through_meta_path(fullname, part, path, meta_path.get());
        } else {
            m = search(NativeSearch::Builtin, fullname, part, path);
            if (!m) m = search(NativeSearch::Path, fullname, part, path);
        }
    } catch (...) {
        done_loading();
        throw;
    }
    done_loading();
    if (!m) raise_not_found(fullname);
    if (parent && is_module(parent)) {
        dict_set(module_dict(parent), intern(part), m.get());
    } else if (parent) {
        // A stand-in parent that refuses the attribute gets CPython's ImportWarning.
        try {
            set_attr(parent, intern(part), m.get());
        } catch (PyException& e) {
            if (!is_instance(e.exception(), &AttributeError_type)) throw;
            e.take();
            warn(&ImportWarning_type, "Cannot set an attribute on '" + fullname.substr(0, dot) +
                                          "' for child module '" + part + "'");
        }
    }
    return m;
}

// The absolute name of a relative import, from the importing module's __package__ (or __name__).
std::string resolve_name(const std::string& name, int level, Dict* globals) {
    if (level == 0) return name;
    // The package the module belongs to, as CPython's _calc___package__ finds it: __package__,
    // else __spec__.parent, else (with an ImportWarning) from __name__ and __path__.
    std::string package;
    Object* given = globals ? dict_get_str(globals, intern("__package__")) : nullptr;
    Object* spec = globals ? dict_get_str(globals, intern("__spec__")) : nullptr;
    if (given && given != None) {
        if (!is_str(given)) raise(&TypeError_type, "package must be a string");
        package = str_utf8_of(given);
    } else if (spec && spec != None) {
        Ref parent = get_attr(spec, intern("parent"));
        if (!is_str(parent.get())) raise(&TypeError_type, "package must be a string");
        package = str_utf8_of(parent.get());
    } else {
        warn(&ImportWarning_type,
             "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1);
        if (Object* n = str_attr(globals, "__name__")) {
            package = str_utf8_of(n);
            if (!dict_get_str(globals, intern("__path__")))
                package = package.substr(0, package.rfind('.') == std::string::npos ? 0 : package.rfind('.'));
        }
    }
    if (package.empty()) raise(&ImportError_type, "attempted relative import with no known parent package");
    for (int i = 1; i < level; ++i) {
        size_t dot = package.rfind('.');
        if (dot == std::string::npos)
            raise(&ImportError_type, "attempted relative import beyond top-level package");
        package.resize(dot);
    }
    return name.empty() ? package : package + "." + name;
}

bool has_items(Object* fromlist) {
    return fromlist && fromlist != None && type_of(fromlist) == &tuple_type && as_tuple(fromlist)->size > 0;
}

}  // namespace

Ref find_and_import(Str* name, Object* fromlist, int level, Dict* globals) {
    std::string full = resolve_name(name->utf8, level, globals);
    // A name that starts with a dot (".", "..", ".x.y") is no module: CPython's first step imports
    // it up to its second dot as a top-level name, and finds none.
    if (!full.empty() && full[0] == '.') raise_not_found(full.substr(0, full.find('.', 1)));
    Ref top, module;
    for (size_t start = 0;;) {
        size_t dot = full.find('.', start);
        std::string prefix = full.substr(0, dot);
        module = import_one(prefix, module.get());
        if (!top) top = module;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (!has_items(fromlist)) return level == 0 ? top : module;
    // `from pkg import sub` imports pkg.sub when pkg has no attribute sub yet.
    if (is_module(module.get()) ? dict_get_str(module_dict(module.get()), intern("__path__")) != nullptr
                                : static_cast<bool>(get_attr_opt(module.get(), intern("__path__")))) {
        Tuple* names = as_tuple(fromlist);
        for (size_t i = 0; i < names->size; ++i) {
            Object* n = names->items[i];
            if (!is_str(n) || str_utf8_of(n) == "*") continue;
            bool bound = is_module(module.get())
                             ? dict_get_str(module_dict(module.get()), as_str(n)) != nullptr
                             : static_cast<bool>(get_attr_opt(module.get(), as_str(n)));
            if (bound) continue;
            std::string sub = full + "." + str_utf8_of(n);
            try {
                import_one(sub, module.get());
            } catch (PyException& e) {
                // No such submodule: `from pkg import x` then looks for an attribute x and words the
                // error. A module the submodule itself failed to import is the user's error: it
                // propagates, as CPython's _handle_fromlist lets it.
                if (!is_instance(e.exception(), &ModuleNotFoundError_type)) throw;
                Ref missing = get_attr_opt(e.exception(), intern("name"));
                if (!missing || !is_str(missing.get()) || str_utf8_of(missing.get()) != sub) throw;
            }
        }
    }
    return module;
}

Ref import_attribute(Object* module, Str* name) {
    if (Ref v = get_attr_opt(module, name)) return v;
    // Named by its __name__, whatever the object is (builtins.__import__ may return any), as CPython's
    // import_from.
    std::string mod = "<unknown module name>", where = "unknown location";
    Ref module_name = get_attr_opt(module, intern("__name__"));
    if (module_name && is_str(module_name.get())) {
        mod = str_utf8_of(module_name.get());
        // A submodule being imported circularly is in sys.modules before it is bound on its parent.
        if (Object* sub = dict_get_str(sys_modules(), intern(mod + "." + name->utf8)))
            return Ref::borrow(sub);
    }
    Object* file = is_module(module) ? str_attr(module_dict(module), "__file__") : nullptr;
    if (file) where = str_utf8_of(file);
    std::string message =
        module_initializing(module)
            ? format(
                  "cannot import name '%s' from partially initialized module '%s' (most likely due to a "
                  "circular import) (%s)",
                  name->utf8.c_str(), mod.c_str(), where.c_str())
            : format("cannot import name '%s' from '%s' (%s)", name->utf8.c_str(), mod.c_str(),
                     where.c_str());
    // With the module's name and file as the exception's name and path, as CPython's import_from.
    Ref exc = make_exception(&ImportError_type, message);
    set_attr(exc.get(), intern("name"), module_name && is_str(module_name.get()) ? module_name.get() : None);
    set_attr(exc.get(), intern("path"), file ? file : None);
    raise_object(std::move(exc));
}

// `from m import *`: the names in m.__all__, else every global not starting with an underscore.
// CPython's TypeError for a name in __all__ (or, for an object without one, a key of its __dict__)
// that is not a str.
[[noreturn]] void raise_bad_star_name(Object* module, Object* name, bool from_dict) {
    Ref modname = get_attr(module, intern("__name__"));
    if (!is_str(modname.get()))
        raise(&TypeError_type,
              format("module __name__ must be a string, not %s", type_of(modname.get())->name.c_str()));
    raise(&TypeError_type, format("%s in %s.%s must be str, not %s", from_dict ? "Key" : "Item",
                                  str_utf8_of(modname.get()).c_str(), from_dict ? "__dict__" : "__all__",
                                  type_of(name)->name.c_str()));
}

void import_all(Object* module, Dict* locals) {
    Ref all = get_attr_opt(module, intern("__all__"));
    if (all) {
        for_each_item(all.get(), [&](Object* n) {
            if (!is_str(n)) raise_bad_star_name(module, n, false);
            dict_set(locals, n, import_attribute(module, as_str(n)).get());
        });
        return;
    }
    auto is_public = [](Object* name) { return str_utf8_of(name).empty() || str_utf8_of(name)[0] != '_'; };
    if (is_module(module)) {
        Object *k, *v;
        for (size_t pos = 0; dict_next(module_dict(module), &pos, &k, &v);) {
            if (!is_str(k)) raise_bad_star_name(module, k, true);
            if (is_public(k)) dict_set(locals, k, v);
        }
        return;
    }
    // Any other object (`from x import *` where sys.modules holds a class, say): the public keys of
    // its __dict__, each read as an attribute.
    Ref dict = get_attr_opt(module, intern("__dict__"));
    if (!dict) raise(&ImportError_type, "from-import-* object has no __dict__ and no __all__");
    Ref keys = list_from_iterable(dict.get());
    for (Object* name : as_list(keys.get())->items) {
        if (!is_str(name)) raise_bad_star_name(module, name, true);
        if (is_public(name)) dict_set(locals, name, get_attr(module, as_str(name)).get());
    }
}

Ref find_loaded_module(const char* name) { return dict_get_str_ref(sys_modules(), intern(name)); }

bool module_initializing(Object* module) { return module_is_initializing(module); }

std::vector<std::string> importable_names(const std::string& package) {
    std::vector<std::string> names;
    std::string subdir = package;
    std::replace(subdir.begin(), subdir.end(), '.', '/');
    if (package.empty()) names = native_module_names();
    Object* path = dict_get_str(sys_dict(), intern("path"));
    if (!path || type_of(path) != &list_type) return names;
    Ref entries = list_from_iterable(path);
    for (Object* entry : as_list(entries.get())->items) {
        if (!is_str(entry)) continue;
        std::filesystem::path folder = str_utf8_of(entry);
        if (folder.empty()) folder = ".";
        if (!subdir.empty()) folder /= subdir;
        std::error_code ec;
        for (const auto& item : std::filesystem::directory_iterator(folder, ec)) {
            std::string name = item.path().filename().string();
            if (item.is_directory(ec) && name != "__pycache__" && name.find('.') == std::string::npos) {
                names.push_back(name);
            } else if (item.path().extension() == ".py" && name != "__init__.py") {
                names.push_back(item.path().stem().string());
            }
        }
    }
    return names;
}

Ref initial_sys_path(const std::string& script_dir, const std::vector<std::string>& library_dirs) {
    Ref path = list_new();
    if (!isolated_mode()) list_append(path.get(), str_new(script_dir).get());
    // minipy's own variable, then CPython's (a test or a tool that sets PYTHONPATH for a child).
    for (const char* variable : {"MINIPYPATH", "PYTHONPATH"}) {
        const char* extra = configuration_variable(variable);
        if (!extra) continue;
        std::stringstream ss(extra);
        for (std::string dir; std::getline(ss, dir, ':');) {
            if (!dir.empty()) list_append(path.get(), str_new(dir).get());
        }
    }
    for (const std::string& dir : library_dirs) list_append(path.get(), str_new(dir).get());
    if (library_dirs.size() == 2) record_library_override(library_dirs[0], library_dirs[1]);
    return path;
}

void enable_source_specs() { g_describe_sources = true; }

void give_main_loader(Object* module) {
    try {
        call_bootstrap("_describe_main", {module});
    } catch (PyException& e) {
        e.take();  // a program's own `importlib` shadows minipy's: its __main__ has no __loader__
    }
}

}  // namespace minipy
