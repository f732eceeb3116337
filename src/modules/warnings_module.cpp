// warnings_module.cpp — the native `_warnings` module, CPython's C half of warnings.py: `warn`,
// `warn_explicit`, the filters list, the "once" registry, the default action and
// `_filters_mutated`. warnings.py imports them in place of its pure-Python versions, as it does in
// CPython. Two reasons to have it rather than run the pure-Python fallback: the fallback's
// warn_explicit hands `source` to WarningMessage as its `file` (CPython never runs that code), so
// every warning given a source object ("coroutine ... was never awaited", ResourceWarnings) failed
// while being shown; and warnings raised from C++ (errors.h's warn()) no longer run Python frames
// to find their caller.
//
// What the module keeps is only the starting value of each piece of state: once warnings.py is
// imported, its module attributes `filters`, `onceregistry` and `defaultaction` are the ones read
// (catch_warnings swaps `filters` for a copy), as CPython's get_warnings_attr reads them.
#include "modules/warnings_module.h"

#include <atomic>
#include <cstdio>
#include <string>

#include "modules/registry.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exception_types.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace minipy {

namespace {

using Args = Object* const*;

// The module's own state, made once; warnings.py's attributes take over once it is imported.
struct WarningsState {
    Ref filters;  // a list of (action, message regex or None, category, module regex/str or None, lineno)
    Ref once_registry;   // a dict
    Ref default_action;  // a str
    // Bumped by warnings.py whenever it changes the filters: a registry filled under another version
    // is cleared before use, so a new filter applies to warnings already seen.
    std::atomic<int64_t> filters_version{0};
};

// One filter of the start-up list: CPython's order and shape (module names as plain strings).
Ref make_filter(const char* action, Type* category, const char* module) {
    Object* items[] = {intern(action), None, category, module ? intern(module) : None, make_small_int(0)};
    return tuple_from(items, 5);
}

WarningsState& state() {
    static WarningsState* s = [] {
        auto* st = new WarningsState;
        st->filters = list_new();
        // CPython's defaults outside its development mode: DeprecationWarning shown for __main__
        // only, and four categories ignored.
        list_append(st->filters.get(), make_filter("default", &DeprecationWarning_type, "__main__").get());
        list_append(st->filters.get(), make_filter("ignore", &DeprecationWarning_type, nullptr).get());
        list_append(st->filters.get(), make_filter("ignore", &PendingDeprecationWarning_type, nullptr).get());
        list_append(st->filters.get(), make_filter("ignore", &ImportWarning_type, nullptr).get());
        list_append(st->filters.get(), make_filter("ignore", &ResourceWarning_type, nullptr).get());
        st->once_registry = dict_new();
        st->default_action = Ref::borrow(intern("default"));
        return st;
    }();
    return *s;
}

// warnings.<name> when warnings.py is imported (or, with `import_it`, importable, unless the
// program has ended), else null.
Ref warnings_attr(const char* name, bool import_it) {
    Ref module;
    Object* modules = dict_get_str(module_dict(init_sys_module().get()), intern("modules"));
    Object* m = modules && is_instance(modules, &dict_type)
                    ? dict_get_str(as_dict(modules), intern("warnings"))
                    : nullptr;
    if (m) {
        module = Ref::borrow(m);
    } else if (import_it && !is_finalizing()) {
        try {
            module = import_module_level(intern("warnings"), None, 0, nullptr);
        } catch (PyException&) {
            return nullptr;
        }
    }
    if (!module || module.get() == None) return nullptr;
    return get_attr_opt(module.get(), intern(name));
}

Ref current_filters() {
    if (Ref filters = warnings_attr("filters", false)) {
        if (!is_instance(filters.get(), &list_type))
            raise(&ValueError_type, "_warnings.filters must be a list");
        return filters;
    }
    return state().filters;
}

// warnings.<name> when warnings.py has it, checked to be an instance of `expected` (`words` in
// CPython's TypeError), else the module's own starting value.
Ref current_checked(const char* name, Type* expected, const char* words, const Ref& own) {
    if (Ref value = warnings_attr(name, false)) {
        if (!is_instance(value.get(), expected))
            raise(&TypeError_type, format("_warnings.%s must be %s, not '%s'", name, words,
                                          type_of(value.get())->name.c_str()));
        return value;
    }
    return own;
}

Ref current_once_registry() {
    return current_checked("onceregistry", &dict_type, "a dict", state().once_registry);
}

Ref current_default_action() {
    return current_checked("defaultaction", &str_type, "a string", state().default_action);
}

// issubclass(cls, base), __subclasscheck__ included.
bool subclass_of(Object* cls, Object* base) { return object_issubclass(cls, base); }

// A filter's message or module part: None matches anything, a str only itself, anything else
// is a compiled pattern whose match() decides.
bool filter_part_matches(Object* pattern, Object* text) {
    if (pattern == None) return true;
    if (is_str(pattern)) return equals(pattern, text);
    Ref match = get_attr(pattern, intern("match"));
    return is_true(call1(match.get(), text).get());
}

// The action of the first filter that matches, and that filter (None for the default action).
Ref choose_action(Object* category, Object* text, int64_t lineno, Object* module, Ref* matched) {
    Ref filters = current_filters();
    Ref snapshot = list_from_iterable(filters.get());  // a filter may run code that edits the list
    size_t n = static_cast<size_t>(length(snapshot.get()));
    for (size_t i = 0; i < n; ++i) {
        Ref item = list_get_opt(snapshot.get(), i);
        if (!is_instance(item.get(), &tuple_type) || as_tuple(item.get())->size != 5)
            raise(&ValueError_type, format("_warnings.filters item %zu isn't a 5-tuple", i));
        Object** f = as_tuple(item.get())->items;
        Object *action = f[0], *message = f[1], *cat = f[2], *mod = f[3];
        int64_t line = as_index(f[4]);
        if (filter_part_matches(message, text) && filter_part_matches(mod, module) &&
            subclass_of(category, cat) && (line == 0 || line == lineno)) {
            if (!is_instance(action, &str_type))
                raise(&TypeError_type,
                      format("action must be a string, not '%s'", type_of(action)->name.c_str()));
            *matched = item;
            return Ref::borrow(action);
        }
    }
    *matched = Ref::borrow(None);
    return current_default_action();
}

// Whether `key` was already warned about in `registry`; a registry filled under an older filters
// version is emptied first. With `mark`, the key is recorded when it was not.
bool already_warned(Dict* registry, Object* key, bool mark) {
    Str* version_key = intern("version");
    int64_t version = state().filters_version.load(std::memory_order_relaxed);
    Object* seen_version = dict_get_str(registry, version_key);
    if (!seen_version || !is_exact(seen_version, &int_type) || as_index(seen_version) != version) {
        dict_clear(registry);
        dict_set(registry, version_key, int_from_i64(version).get());
    } else if (Object* seen = dict_get(registry, key); seen && is_true(seen)) {
        return true;
    }
    if (mark) dict_set(registry, key, True);
    return false;
}

// Prints the warning as warnings.py's formatting does, for when warnings.py cannot be imported.
void show_without_warnings_module(Object* category, Object* text, Object* filename, int64_t lineno) {
    Ref name = get_attr(category, intern("__name__"));
    std::string line = str_utf8_of(str(filename).get()) + ":" + std::to_string(lineno) + ": " +
                       str_utf8_of(str(name.get()).get()) + ": " + str_utf8_of(str(text).get()) + "\n";
    Object* err = sys_stderr();
    if (!err || err == None) {
        std::fputs(line.c_str(), stderr);
        return;
    }
    Ref write = get_attr(err, intern("write"));
    call1(write.get(), str_new(line).get());
}

// Hands the warning to warnings._showwarnmsg (which honours a replaced warnings.showwarning).
void show_warning(Object* message, Object* category, Object* text, Object* filename, int64_t lineno,
                  Object* source) {
    Ref show = warnings_attr("_showwarnmsg", true);
    if (!show) {
        show_without_warnings_module(category, text, filename, lineno);
        return;
    }
    if (!type_of(show.get())->call)
        raise(&TypeError_type, "warnings._showwarnmsg() must be set to a callable");
    Ref message_class = warnings_attr("WarningMessage", false);
    if (!message_class) raise(&RuntimeError_type, "unable to get warnings.WarningMessage");
    Ref line = int_from_i64(lineno);
    Object* args[] = {message, category, filename, line.get(), None, None, source ? source : None};
    Ref msg = call(message_class.get(), args, 7);
    call1(show.get(), msg.get());
}

// "foo.py" -> "foo": the module name a warning without one is filed under.
Ref module_from_filename(Object* filename) {
    const std::string& name = str_utf8_of(filename);
    if (name.empty()) return str_new("<unknown>");
    if (name.size() >= 3 && name.compare(name.size() - 3, 3, ".py") == 0)
        return str_new(name.substr(0, name.size() - 3));
    return Ref::borrow(filename);
}

// CPython's warn_explicit: filter, record in the registries, then show (or raise, for "error").
void warn_explicit_impl(Object* category, Object* message, Object* filename, int64_t lineno, Object* module,
                        Object* registry, Object* source) {
    if (module == None) return;  // warnings emitted while the interpreter is torn down
    if (registry && registry != None && !is_instance(registry, &dict_type))
        raise(&TypeError_type, "'registry' must be a dict or None");
    Ref module_ref = module ? Ref::borrow(module) : module_from_filename(filename);
    Ref text, warning;
    if (is_instance(message, &Warning_type)) {
        text = str(message);
        warning = Ref::borrow(message);
        category = type_of(message);
    } else {
        text = Ref::borrow(message);
        warning = call1(category, message);
    }
    if (source == None) source = nullptr;
    Dict* reg = registry && registry != None ? static_cast<Dict*>(registry) : nullptr;
    Ref line = int_from_i64(lineno);
    Object* key_items[] = {text.get(), category, line.get()};
    Ref key = tuple_from(key_items, 3);
    if (reg && already_warned(reg, key.get(), false)) return;

    Ref matched;
    Ref action = choose_action(category, text.get(), lineno, module_ref.get(), &matched);
    const std::string& what = str_utf8_of(action.get());
    if (what == "error") throw PyException(warning);
    if (what == "ignore") return;
    if (what != "always") {
        if (reg) dict_set(reg, key.get(), True);
        Object* alt_items[] = {text.get(), category};
        if (what == "once") {
            Ref once = reg ? Ref::borrow(reg) : current_once_registry();
            if (already_warned(static_cast<Dict*>(once.get()), tuple_from(alt_items, 2).get(), true)) return;
        } else if (what == "module") {
            if (reg && already_warned(reg, tuple_from(alt_items, 2).get(), true)) return;
        } else if (what != "default") {
            raise(&RuntimeError_type,
                  format("Unrecognized action (%s) in warnings.filters:\n %s",
                         repr_utf8(action.get()).c_str(), repr_utf8(matched.get()).c_str()));
        }
    }
    show_warning(warning.get(), category, text.get(), filename, lineno, source);
}

// A frame of the import machinery's bootstrap, which `stacklevel` steps over (none in minipy,
// whose import system is native, but a program may run importlib's Python one).
bool is_internal_frame(Frame* f) {
    if (!f) return false;
    const std::string& file = f->code->filename;
    return file.find("importlib") != std::string::npos && file.find("_bootstrap") != std::string::npos;
}

// The caller `stacklevel` frames up, and where the warning is filed: its file, line, module name
// and the `__warningregistry__` of its globals (made on first use).
struct WarningContext {
    Ref filename;
    int64_t lineno;
    Ref module;
    Ref registry;
};

WarningContext find_context(int64_t stacklevel) {
    Frame* f = thread_state()->frame;
    if (stacklevel <= 0 || is_internal_frame(f)) {
        while (--stacklevel > 0 && f) f = f->previous;
    } else {
        while (--stacklevel > 0 && f) {
            do f = f->previous;
            while (f && is_internal_frame(f));
        }
    }
    WarningContext ctx;
    Dict* globals;
    if (!f) {
        globals = module_dict(init_sys_module().get());
        ctx.filename = str_new("sys");
        ctx.lineno = 1;
    } else {
        globals = f->globals;
        ctx.filename = str_new(f->code->filename);
        ctx.lineno = f->code->line_of(f->lasti());
    }
    Str* registry_name = intern("__warningregistry__");
    ctx.registry = dict_get_str_ref(globals, registry_name);
    if (!ctx.registry) {
        ctx.registry = dict_new();
        dict_set(globals, registry_name, ctx.registry.get());
    }
    Object* name = dict_get_str(globals, intern("__name__"));
    ctx.module =
        name && (name == None || is_instance(name, &str_type)) ? Ref::borrow(name) : str_new("<string>");
    return ctx;
}

// The category of warn(message, category): the message's own class when it is a Warning,
// UserWarning when none is given; anything else must be a Warning subclass.
Object* category_of(Object* message, Object* category) {
    if (is_instance(message, &Warning_type)) return type_of(message);
    if (!category || category == None) return &UserWarning_type;
    if (!is_type(category) || !subclass_of(category, &Warning_type))
        raise(&TypeError_type,
              format("category must be a Warning subclass, not '%s'", type_of(category)->name.c_str()));
    return category;
}

void warn_at_level(Object* message, Object* category, int64_t stacklevel, Object* source) {
    WarningContext ctx = find_context(stacklevel);
    warn_explicit_impl(category, message, ctx.filename.get(), ctx.lineno, ctx.module.get(),
                       ctx.registry.get(), source);
}

// warn(message, category=None, stacklevel=1, source=None)
Ref warnings_warn(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"message", "category", "stacklevel", "source"};
    Object* a[4] = {};
    bind_args("warn", args, nargs, kw, kNames, 4, 0, a);
    if (!a[0])
        raise(&TypeError_type,
              "warn() missing required argument 'message' (pos 1)");  // Argument Clinic's words
    Object* category = category_of(a[0], a[1]);
    warn_at_level(a[0], category, a[2] ? as_index(a[2]) : 1, a[3]);
    return Ref::borrow(None);
}

// warn_explicit(message, category, filename, lineno, module=None, registry=None,
//               module_globals=None, source=None)
Ref warnings_warn_explicit(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"message", "category", "filename",       "lineno",
                                         "module",  "registry", "module_globals", "source"};
    Object* a[8] = {};
    bind_args("warn_explicit", args, nargs, kw, kNames, 8, 4, a);
    if (!is_instance(a[2], &str_type))
        raise(&TypeError_type,
              format("warn_explicit() argument 3 must be str, not %s", type_of(a[2])->name.c_str()));
    int64_t lineno = as_index(a[3]);
    if (Object* globals = a[6]; globals && globals != None) {
        if (!is_instance(globals, &dict_type))
            raise(&TypeError_type,
                  format("module_globals must be a dict, not '%s'", type_of(globals)->name.c_str()));
        // The source of a module loaded from somewhere other than a file (a zip) is only known
        // through its loader: linecache asks it now, so that the shown warning has its line.
        Ref linecache = import_module_level(intern("linecache"), None, 0, nullptr);
        Ref getlines = get_attr(linecache.get(), intern("getlines"));
        Object* line_args[] = {a[2], globals};
        call(getlines.get(), line_args, 2);
    }
    warn_explicit_impl(a[1], a[0], a[2], lineno, a[4], a[5], a[7]);
    return Ref::borrow(None);
}

Ref warnings_filters_mutated(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("_filters_mutated", nargs, kw, 0, 0);
    state().filters_version.fetch_add(1, std::memory_order_relaxed);
    return Ref::borrow(None);
}

const MethodDef kWarningsFunctions[] = {
    {"warn", warnings_warn, "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", warnings_warn_explicit, "Low-level interface to warnings functionality."},
    {"_filters_mutated", warnings_filters_mutated, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void warn_with_source(Type* category, const std::string& message, Object* source) {
    Ref text = str_new(message);
    warn_at_level(text.get(), category, 1, source);
}

Ref init_warnings_module() {
    Ref m = native_module_new("_warnings", kWarningsFunctions);
    Dict* d = module_dict(m.get());
    WarningsState& st = state();
    dict_set(d, intern("filters"), st.filters.get());
    dict_set(d, intern("_onceregistry"), st.once_registry.get());
    dict_set(d, intern("_defaultaction"), st.default_action.get());
    dict_set(d, intern("__doc__"),
             str_new("_warnings provides basic warning filtering support.\n"
                     "It is a helper module to speed up interpreter start-up.")
                 .get());
    return m;
}

}  // namespace minipy
