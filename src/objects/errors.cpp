// errors.cpp — raising Python exceptions from C++, and the one place each of CPython's common
// TypeError texts is spelled.
#include "objects/errors.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

Ref make_exception(Type* t, const std::string& message) {
    Ref text = str_new(message);
    Object* item = text.get();
    Ref args = tuple_from(&item, 1);
    return exception_new(t, args.get());
}

void raise(Type* t, const std::string& message) { throw PyException(make_exception(t, message)); }

void raise_object(Ref exception) { throw PyException(std::move(exception)); }

namespace {

uint64_t physical_memory() {
    long pages = sysconf(_SC_PHYS_PAGES), page_size = sysconf(_SC_PAGESIZE);
    return pages > 0 && page_size > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size)
                                      : uint64_t{1} << 40;
}

std::atomic<uint64_t> g_allocation_limit{physical_memory()};

}  // namespace

void check_allocation(uint64_t count, uint64_t item_size) {
    if (item_size != 0 && count > g_allocation_limit.load(std::memory_order_relaxed) / item_size)
        raise(&MemoryError_type, "");
}

std::string repeated(std::string_view piece, int64_t count, uint64_t length, const char* too_long) {
    if (count <= 0 || piece.empty()) return {};
    if (length > static_cast<uint64_t>(INT64_MAX) / static_cast<uint64_t>(count))
        raise(&OverflowError_type, too_long);
    check_allocation(static_cast<uint64_t>(count), piece.size());
    size_t total = piece.size() * static_cast<size_t>(count);
    std::string out(total, '\0');
    std::memcpy(out.data(), piece.data(), piece.size());
    for (size_t done = piece.size(); done < total;) {
        size_t n = std::min(done, total - done);
        std::memcpy(out.data() + done, out.data(), n);
        done += n;
    }
    return out;
}

void set_allocation_limit(uint64_t bytes) { g_allocation_limit.store(bytes, std::memory_order_relaxed); }

static const char* tname(Object* o) { return type_of(o)->name.c_str(); }

void raise_unsupported_operands(const char* op, Object* a, Object* b) {
    raise(&TypeError_type,
          format("unsupported operand type(s) for %s: '%s' and '%s'", op, tname(a), tname(b)));
}

void raise_bad_unary_operand(const char* op, Object* a) {
    raise(&TypeError_type, format("bad operand type for unary %s: '%s'", op, tname(a)));
}

void raise_not_subscriptable(Object* o) {
    raise(&TypeError_type, format("'%s' object is not subscriptable", tname(o)));
}

void raise_not_callable(Object* o) {
    raise(&TypeError_type, format("'%s' object is not callable", tname(o)));
}

void raise_not_iterable(Object* o) {
    raise(&TypeError_type, format("'%s' object is not iterable", tname(o)));
}

void raise_no_attribute(Object* o, Str* name) {
    // Joined rather than formatted: a name may hold a NUL (getattr(x, '\0')), which %s would cut.
    if (is_type(o))
        raise(&AttributeError_type,
              "type object '" + static_cast<Type*>(o)->name + "' has no attribute '" + name->utf8 + "'");
    raise(&AttributeError_type,
          std::string("'") + tname(o) + "' object has no attribute '" + name->utf8 + "'");
}

void raise_unhashable(Object* o) { raise(&TypeError_type, format("unhashable type: '%s'", tname(o))); }

void raise_not_an_integer(Object* o) {
    raise(&TypeError_type, format("'%s' object cannot be interpreted as an integer", tname(o)));
}

void raise_recursion_error(const char* where) {
    raise(&RecursionError_type, std::string("maximum recursion depth exceeded") + where);
}

void RecursionGuard::fail(const char* where) {
    --ts_->depth;  // the destructor of a guard whose constructor throws never runs
    raise_recursion_error(where);
}

static std::string count_text(size_t n) { return n == 1 ? "1 argument" : format("%zu arguments", n); }

void raise_wrapper_arg_count(size_t want, size_t given) {
    raise(&TypeError_type, format("expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", given));
}

void raise_arg_count(const char* fname, size_t min, size_t max, size_t given) {
    if (min == max && min == 0)
        raise(&TypeError_type, format("%s() takes no arguments (%zu given)", fname, given));
    if (min == max && min == 1)
        raise(&TypeError_type, format("%s() takes exactly one argument (%zu given)", fname, given));
    if (min == max)
        raise(&TypeError_type, format("%s expected %s, got %zu", fname, count_text(min).c_str(), given));
    if (given < min)
        raise(&TypeError_type,
              format("%s expected at least %s, got %zu", fname, count_text(min).c_str(), given));
    raise(&TypeError_type, format("%s expected at most %s, got %zu", fname, count_text(max).c_str(), given));
}

void raise_no_kwargs(const char* fname) {
    raise(&TypeError_type, format("%s() takes no keyword arguments", fname));
}

void raise_zero_division(const char* message) { raise(&ZeroDivisionError_type, message); }

Ref key_error(Object* key) {
    Ref args = tuple_from(&key, 1);
    return exception_new(&KeyError_type, args.get());
}

void raise_key_error(Object* key) { throw PyException(key_error(key)); }

Ref index_out_of_range(const char* what) {
    return make_exception(&IndexError_type, format("%s index out of range", what));
}

namespace {

// The warnings module, or null without an import system yet (or a warnings module to find): the
// callers then show the warning as the module's default action would, less the source line.
Ref warnings_module() {
    if (!embedding_hooks().import_module_level) return nullptr;
    try {
        if (!is_finalizing()) return import_module_level(intern("warnings"), None, 0, nullptr);
        // Once the program has ended nothing is imported: warnings.py if it is still loaded, else
        // the native _warnings, which stays loaded to the end.
        Ref loaded = loaded_module("warnings");
        if (loaded && loaded.get() != None) return loaded;
        return import_module_level(intern("_warnings"), None, 0, nullptr);
    } catch (PyException&) {
    }
    return nullptr;
}

}  // namespace

void warn_explicit(Type* category, const std::string& message, const std::string& filename, int lineno) {
    Ref warnings = warnings_module();
    if (!warnings) {
        std::fprintf(stderr, "%s:%d: %s: %s\n", filename.c_str(), lineno, category->name.c_str(),
                     message.c_str());
        return;
    }
    Ref warn = get_attr(warnings.get(), intern("warn_explicit"));
    Ref text = str_new(message), file = str_new(filename), line = int_from_i64(lineno);
    Object* args[] = {text.get(), category, file.get(), line.get()};
    call(warn.get(), args, 4);
}

void warn(Type* category, const std::string& message, int stacklevel) {
    Ref warnings = warnings_module();
    if (!warnings) {
        std::fprintf(stderr, "%s: %s\n", category->name.c_str(), message.c_str());
        return;
    }
    Ref function = get_attr(warnings.get(), intern("warn"));
    Ref text = str_new(message), level = int_from_i64(stacklevel);
    Object* args[] = {text.get(), category, level.get()};
    call(function.get(), args, 3);
}

}  // namespace minipy
