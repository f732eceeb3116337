// import.h — the import system: finding modules and packages on sys.path, running them once into
// sys.modules, relative imports, and the fromlist of `from m import a, b`.
#pragma once

#include <string>
#include <vector>

#include "objects/containers.h"

namespace minipy {

// The three entry points below reach the VM and the modules as objects/embedding.h's hooks
// (import_module_level, import_from_module, import_star), installed by initialize_runtime().
// __import__(name, globals, locals, fromlist, level), with the importing module's globals
// (for relative imports): the top package for `import a.b`, the module itself with a fromlist.
Ref find_and_import(Str* name, Object* fromlist, int level, Dict* globals);
// `from module import name`: the attribute, or an already imported submodule; else CPython's
// ImportError (naming a circular import when the module is still initializing).
Ref import_attribute(Object* module, Str* name);
// `from module import *` into `locals`.
void import_all(Object* module, Dict* locals);
// The module sys.modules holds under `name`, or null: nothing is imported (objects/embedding.h\'s
// loaded_module hook).
Ref find_loaded_module(const char* name);
// True while the module's code is still running (a circular import sees it half made).
bool module_initializing(Object* module);
// The modules and packages `import` could find in `package` ("" for the top level, else a dotted
// name): native modules, then the .py files and folders of the sys.path entries, found without
// importing anything (the REPL's Tab completion after `import` and `from`).
std::vector<std::string> importable_names(const std::string& package);
// sys.path for a run: the script's folder, the MINIPYPATH entries, the PYTHONPATH ones, then the
// library folders (minipy's own stdlib/, then CPython's pure-Python Lib). The modules of the first
// library folder replace those of the second, even where the second also stands earlier on
// sys.path (a script run from CPython's Lib).
Ref initial_sys_path(const std::string& script_dir, const std::vector<std::string>& library_dirs);

// From now on each module run from a .py file gets __spec__ and __loader__ before its code runs;
// called once start-up has imported its own modules (importlib._bootstrap describes those when it
// loads).
void enable_source_specs();
// Gives the __main__ of a script or of stdin the __loader__ CPython gives it (importlib._bootstrap's
// _describe_main). Not for -c, whose start-up stays without importlib.
void give_main_loader(Object* module);

}  // namespace minipy
