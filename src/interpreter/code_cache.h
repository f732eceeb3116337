// code_cache.h — the compiled-code cache, minipy's __pycache__: an imported module's code object is
// kept in a file beside its source (or in a per-user folder when that folder is read-only), so the
// next run skips the parser and the compiler. How it is keyed and where it lives: code_cache.cpp.
#pragma once

#include <functional>
#include <string>

#include "objects/object.h"

namespace minipy {

// What stat() says of a source file: a cache entry is current only for the same two values.
struct SourceStamp {
    int64_t mtime_ns = 0;
    uint64_t size = 0;
};

// The whole of a file (a source) into *out; false when it cannot be opened.
bool read_file(const std::string& path, std::string* out);
// Whether `path` is a regular file, and its stamp (the import system's test for a module file).
bool stat_source(const std::string& path, SourceStamp* stamp);

// The module code for the source file `path`: from its cache entry when that is current and whole,
// else parsed and compiled from the file (and the entry written, unless sys.dont_write_bytecode).
// Null when the source cannot be read; a SyntaxError in it is raised as a Python exception.
Ref load_module_code(const std::string& path, const SourceStamp& stamp);

// The code of a string compiled while a module is imported, from its entry when an earlier run
// compiled the same key (mode, optimization level, filename, text), else compile()'s, then written
// (EmbeddingHooks::import_time_code).
Ref import_time_code(const std::string& key, const std::string& filename,
                     const std::function<Ref()>& compile);

// Where the cache entry of `path` is read from and written to first (the module's __cached__).
std::string cache_path_of(const std::string& path);

// -B (or MINIPYDONTWRITEBYTECODE set and not empty, checked here): entries are still read, never
// written. Called by the command line before the runtime starts.
void set_dont_write_bytecode(bool from_option);
// Puts the settings in sys: dont_write_bytecode, flags.dont_write_bytecode and pycache_prefix
// (MINIPYCACHEPREFIX, or None), which the cache then reads back, as CPython's importlib does.
void publish_code_cache_settings();

}  // namespace minipy
