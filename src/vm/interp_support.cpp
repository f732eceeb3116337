// interp_support.cpp — the interpreter loop's slow paths (see interp_support.h), each with
// CPython 3.11's error messages.
#include "vm/interp_support.h"

#include <utility>
#include <vector>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/format_spec.h"
#include "objects/function.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace minipy {

void raise_unbound_local(Code* co, uint32_t index) {
    raise(&UnboundLocalError_type,
          format("cannot access local variable '%s' where it is not associated with a value",
                 co->varnames[index]->utf8.c_str()));
}

void raise_unbound_deref(Code* co, uint32_t index) {
    if (index < co->cellvars.size()) {
        raise(&UnboundLocalError_type,
              format("cannot access local variable '%s' where it is not associated with a value",
                     co->cellvars[index]->utf8.c_str()));
    }
    raise(
        &NameError_type,
        format("cannot access free variable '%s' where it is not associated with a value in enclosing scope",
               co->deref_name(index)->utf8.c_str()));
}

// With the name as its `name`, as CPython's format_exc_check_arg: the traceback's "Did you mean"
// suggestion reads it.
void raise_name_error(Str* name) {
    Ref exc = make_exception(&NameError_type, format("name '%s' is not defined", name->utf8.c_str()));
    set_attr(exc.get(), intern("name"), name);
    raise_object(std::move(exc));
}

// A class namespace that is a dict subclass (from __prepare__) is read through its __getitem__.
Ref load_name_mapping(Object* locals, Str* name) {
    try {
        // A dict subclass with dict's __getitem__ (enum's _EnumDict) misses without raising.
        if (has_dict_getitem(locals)) return dict_getitem_opt(locals, name);
        return get_item(locals, name);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &KeyError_type)) throw;
        return nullptr;
    }
}

void delete_name_mapping(Dict* locals, Str* name) {
    try {
        set_item(locals, name, nullptr);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &KeyError_type)) throw;
        raise_name_error(name);
    }
}

// A namespace's value for `name` (a new reference), or null when it has none: a plain dict read
// under its lock (another thread may rebind the name), any other mapping (a dict subclass
// included) asked through its __getitem__, a KeyError (__missing__'s too) meaning none, as
// CPython's lookups ask them. Locals, globals and builtins alike.
Object* namespace_value(Object* ns, Str* name) {
    if (!is_exact(ns, &dict_type)) return load_name_mapping(ns, name).release();
    return dict_get_str_ref(as_dict(ns), name).release();
}

namespace {

Object* load_from_locals(Frame* f, Str* name) {
    return f->locals ? namespace_value(f->locals, name) : nullptr;
}

}  // namespace

Object* load_name(Frame* f, Str* name) {
    if (Object* v = load_from_locals(f, name)) return v;
    if (f->globals != f->locals) {
        if (Ref v = dict_get_str_ref(f->globals, name)) return v.release();
    }
    if (Object* v = namespace_value(f->builtins, name)) return v;
    raise_name_error(name);
}

Object* load_class_deref(Frame* f, uint32_t index) {
    Code* co = f->code;
    if (Object* v = load_from_locals(f, co->deref_name(index))) return v;
    Object* v = static_cast<Cell*>(f->localsplus()[co->nlocals() + index])->ref;
    if (!v) raise_unbound_deref(co, index);
    return newref(v);
}

Object* load_global_slow(Frame* f, uint32_t index) {
    Code* co = f->code;
    Str* name = co->names[index];
    // Globals or builtins that are dict subclasses are asked through __getitem__, each time: the
    // cache, which reads the dicts' own tables, is not filled for them.
    if (!is_exact(f->globals, &dict_type) || !is_exact(f->builtins, &dict_type)) {
        Object* v = namespace_value(f->globals, name);
        if (!v) v = namespace_value(f->builtins, name);
        if (!v) raise_name_error(name);
        return v;
    }
    DictCacheLookup globals = dict_lookup_str_for_cache(f->globals, name);
    DictCacheLookup builtins;
    if (!globals.value) {
        builtins = dict_lookup_str_for_cache(as_dict(f->builtins), name);
        if (!builtins.value) raise_name_error(name);
    }
    bool in_globals = static_cast<bool>(globals.value);
    Object* v = in_globals ? globals.value.release() : builtins.value.release();
    GlobalCache& cache = co->global_cache[index];
    uint32_t seq = cache.seq.load(std::memory_order_relaxed);
    // Another thread is filling this entry: leave it to that thread.
    if ((seq & 1) || !cache.seq.compare_exchange_strong(seq, seq + 1, std::memory_order_acquire)) return v;
    std::atomic_thread_fence(std::memory_order_release);
    cache.entry.store(in_globals ? globals.entry : builtins.entry, std::memory_order_relaxed);
    cache.globals_keys.store(globals.keys_version, std::memory_order_relaxed);
    cache.builtins_keys.store(in_globals ? 0 : builtins.keys_version, std::memory_order_relaxed);
    cache.seq.store(seq + 2, std::memory_order_release);
    return v;
}

Object* load_module_name(Frame* f, uint32_t index) {
    Object* v = load_global_cached(f->code->global_cache[index], f);
    return v ? v : load_global_slow(f, index);
}

void store_module_global(Dict* globals, Str* name, Object* value, GlobalCache& cache) {
    defer_definition(value);
    dict_set_str_hinted(globals, name, value, &cache.store_hint);  // only a hint: checked
}

Ref build_set(Object* const* items, size_t n) {
    Ref s = set_new(&set_type);
    for (size_t i = 0; i < n; ++i) set_add(s.get(), items[i]);
    return s;
}

Ref build_map(Object* const* items, size_t pairs) {
    Ref d = dict_new();
    for (size_t i = 0; i < pairs; ++i) dict_set(as_dict(d.get()), items[2 * i], items[2 * i + 1]);
    return d;
}

Ref build_string(Object* const* items, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += str_utf8_of(items[i]);
    return str_new(out);
}

namespace {

bool is_iterable(Object* o) {
    Type* t = type_of(o);
    return t->iter || t->getitem;
}

bool is_mapping(Object* o) {
    static Str* const kKeys = intern("keys");
    return type_of(o) == &dict_type || static_cast<bool>(type_lookup(type_of(o), kKeys));
}

// How CPython names a callable in the errors of f(*x, **y) (its _PyObject_FunctionStr):
// "module.qualname()", without the module for builtins, or str() of what has no __qualname__.
std::string callable_desc(Object* callable) {
    Ref qualname = get_attr_opt(callable, intern("__qualname__"));
    if (!qualname) return str_utf8(callable);
    Ref module = get_attr_opt(callable, intern("__module__"));
    std::string name = str_utf8(qualname.get()) + "()";
    if (!module || module.get() == None || (is_str(module.get()) && str_utf8_of(module.get()) == "builtins"))
        return name;
    return str_utf8(module.get()) + "." + name;
}

}  // namespace

void list_extend_checked(Object* list, Object* iterable) {
    if (!is_iterable(iterable)) {
        raise(&TypeError_type,
              format("Value after * must be an iterable, not %s", type_of(iterable)->name.c_str()));
    }
    list_extend(list, iterable);
}

void dict_update_checked(Dict* d, Object* mapping) {
    if (!is_mapping(mapping)) {
        raise(&TypeError_type, format("'%s' object is not a mapping", type_of(mapping)->name.c_str()));
    }
    dict_update(d, mapping);
}

void dict_merge_kwargs(Dict* d, Object* mapping, Object* callable) {
    if (!is_mapping(mapping)) {
        raise(&TypeError_type, format("%s argument after ** must be a mapping, not %s",
                                      callable_desc(callable).c_str(), type_of(mapping)->name.c_str()));
    }
    Ref src = dict_new();
    dict_update(as_dict(src.get()), mapping);
    Object *key, *value;
    for (size_t pos = 0; dict_next(as_dict(src.get()), &pos, &key, &value);) {
        // Any key: one that is no name is refused by the call (call_with_star_args).
        if (dict_get(d, key)) {
            raise(&TypeError_type, format("%s got multiple values for keyword argument '%s'",
                                          callable_desc(callable).c_str(), str_utf8(key).c_str()));
        }
        dict_set(d, key, value);
    }
}

namespace {

std::vector<Ref> collect_items(Object* seq) {
    std::vector<Ref> items;
    if (type_of(seq) == &tuple_type) {
        Tuple* t = as_tuple(seq);
        for (size_t i = 0; i < t->size; ++i) items.push_back(Ref::borrow(t->items[i]));
        return items;
    }
    if (!is_iterable(seq)) {
        raise(&TypeError_type, format("cannot unpack non-iterable %s object", type_of(seq)->name.c_str()));
    }
    Ref it = get_iter(seq);
    while (Ref item = iter_next(it.get())) items.push_back(std::move(item));
    return items;
}

}  // namespace

// `a, b = t` for an exact tuple or list of the right length copies the items straight into the
// stack slots (CPython 3.11's UNPACK_SEQUENCE_TWO_TUPLE/_TUPLE/_LIST specializations). Without it
// bench/pyperf/unpack_sequence took 5x CPython's time, 75% of it building a std::vector per unpack.
bool unpack_exact(Object* seq, size_t n, Object** dest) {
    Type* t = type_of(seq);
    if (t == &tuple_type) {
        Tuple* tuple = as_tuple(seq);
        if (tuple->size != n) return false;
        for (size_t i = 0; i < n; ++i) dest[n - 1 - i] = newref(tuple->items[i]);
        return true;
    }
    if (t == &list_type) {
        List* list = as_list(seq);
        CriticalSection cs(list->mutex);
        if (list->items.size() != n) return false;
        for (size_t i = 0; i < n; ++i) dest[n - 1 - i] = newref(list->items[i]);
        return true;
    }
    return false;
}

namespace {

// STORE_FAST of `value` (owned) as the instruction `store` does it; a finalizer run by the release
// of the old value sees the frame at the next instruction.
MINIPY_ALWAYS_INLINE void store_local(Frame* f, const uint32_t* store, Object** lp, Object* value) {
    Object*& slot = lp[instr_arg(*store)];
    Object* old = std::exchange(slot, value);
    if (old && !is_small_int(old) && refcount_dec(old->refcnt)) {
        f->ip = store + 1;
        dealloc_object(old);
    }
}

}  // namespace

bool unpack_to_locals(Frame* f, Object* seq, size_t n, const uint32_t* stores, Object** lp) {
    if (type_of(seq) == &tuple_type) {
        // Straight from the items: a tuple cannot change, and the caller's stack keeps it alive
        // while a finalizer run by a store runs.
        if (as_tuple(seq)->size != n) return false;
        Object* const* items = as_tuple(seq)->items;
        for (size_t i = 0; i < n; ++i) store_local(f, stores + i, lp, newref(items[i]));
        return true;
    }
    if (type_of(seq) != &list_type) return false;
    // A list may change under a finalizer (or another thread): its items are taken first.
    Object* small[16];
    std::vector<Object*> large;
    Object** items = small;
    if (n > 16) {
        large.resize(n);
        items = large.data();
    }
    if (!unpack_exact(seq, n, items)) return false;
    for (size_t i = 0; i < n; ++i) store_local(f, stores + i, lp, items[n - 1 - i]);
    return true;
}

void unpack_sequence(Object* seq, size_t n, Object** dest) {
    if (unpack_exact(seq, n, dest)) return;
    std::vector<Ref> items;
    if (type_of(seq) == &list_type || type_of(seq) == &tuple_type || !is_iterable(seq)) {
        items = collect_items(seq);
    } else {
        // A general iterator is read only as far as needed, as CPython does.
        Ref it = get_iter(seq);
        for (size_t i = 0; i < n; ++i) {
            Ref item = iter_next(it.get());
            if (!item) {
                raise(&ValueError_type, format("not enough values to unpack (expected %zu, got %zu)", n, i));
            }
            items.push_back(std::move(item));
        }
        if (iter_next(it.get()))
            raise(&ValueError_type, format("too many values to unpack (expected %zu)", n));
    }
    if (items.size() < n) {
        raise(&ValueError_type,
              format("not enough values to unpack (expected %zu, got %zu)", n, items.size()));
    }
    if (items.size() > n) raise(&ValueError_type, format("too many values to unpack (expected %zu)", n));
    for (size_t i = 0; i < n; ++i) dest[n - 1 - i] = items[i].release();
}

void unpack_ex(Object* seq, size_t before, size_t after, Object** dest) {
    std::vector<Ref> items = collect_items(seq);
    if (items.size() < before + after) {
        raise(&ValueError_type, format("not enough values to unpack (expected at least %zu, got %zu)",
                                       before + after, items.size()));
    }
    size_t m = before + after + 1;
    size_t middle_end = items.size() - after;
    Ref middle = list_new(middle_end - before);
    for (size_t i = before; i < middle_end; ++i) list_append(middle.get(), items[i].get());
    size_t j = 0;
    for (size_t i = 0; i < before; ++i) dest[m - 1 - j++] = items[i].release();
    dest[m - 1 - j++] = middle.release();
    for (size_t i = middle_end; i < items.size(); ++i) dest[m - 1 - j++] = items[i].release();
}

Ref call_object(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames, bool is_method) {
    if (is_method && is_method_descriptor(callable)) {
        auto* d = static_cast<MethodDescriptor*>(callable);
        if (is_instance(args[0], d->owner)) return d->def->fn(callable, args, nargs, kwnames);
    }
    return call(callable, args, nargs, kwnames);
}

Ref call_with_star_args(Object* callable, Object* args, Object* kwargs) {
    if (type_of(args) != &tuple_type) {
        if (!is_iterable(args)) {
            raise(&TypeError_type, format("%s argument after * must be an iterable, not %s",
                                          callable_desc(callable).c_str(), type_of(args)->name.c_str()));
        }
    }
    Ref positional = tuple_from_iterable(args);
    Tuple* pos = as_tuple(positional.get());
    if (!kwargs || dict_size(as_dict(kwargs)) == 0) return call(callable, pos->items, pos->size);
    Dict* kw = as_dict(kwargs);
    size_t nkw = static_cast<size_t>(dict_size(kw));
    std::vector<Object*> buf(pos->items, pos->items + pos->size);
    Ref names = tuple_new(nkw);
    Object *key, *value;
    size_t k = 0;
    for (size_t i = 0; dict_next(kw, &i, &key, &value);) {
        if (!is_str(key)) raise(&TypeError_type, "keywords must be strings");
        as_tuple(names.get())->items[k++] = newref(key);
        buf.push_back(value);
    }
    return call(callable, buf.data(), pos->size, as_tuple(names.get()));
}

Ref reraise_current(ThreadState* ts) {
    Object* handled = topmost_handled_exc(ts);
    if (!handled) raise(&RuntimeError_type, "No active exception to reraise");
    return Ref::borrow(handled);
}

namespace {

bool is_exception_class(Object* o) {
    return is_type(o) && is_subtype(static_cast<Type*>(o), &BaseException_type);
}

Ref instantiate_exception(Object* o, const char* what) {
    if (is_exception_class(o)) {
        Ref e = call0(o);
        if (!is_exception_instance(e.get())) {
            raise(&TypeError_type,
                  format("calling %s should have returned an instance of BaseException, not %s",
                         repr_utf8(o).c_str(), type_of(e.get())->name.c_str()));
        }
        return e;
    }
    if (is_exception_instance(o)) return Ref::borrow(o);
    raise(&TypeError_type, what);
}

}  // namespace

Ref make_raised_exception(Object* exc, Object* cause) {
    Ref e = instantiate_exception(exc, "exceptions must derive from BaseException");
    if (!cause) return e;
    auto* eo = static_cast<BaseExceptionObject*>(e.get());
    Ref c = cause == None ? Ref()
                          : instantiate_exception(cause, "exception causes must derive from BaseException");
    xdecref(eo->cause);
    eo->cause = c.release();
    eo->suppress_context = true;
    return e;
}

bool exception_matches(Object* exc, Object* type) {
    auto check = [](Object* t) {
        if (!is_exception_class(t)) {
            raise(&TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
        }
    };
    if (type_of(type) == &tuple_type) {
        Tuple* t = as_tuple(type);
        for (size_t i = 0; i < t->size; ++i) check(t->items[i]);
        for (size_t i = 0; i < t->size; ++i) {
            if (is_instance(exc, static_cast<Type*>(t->items[i]))) return true;
        }
        return false;
    }
    check(type);
    return is_instance(exc, static_cast<Type*>(type));
}

Ref enter_context(Object* mgr, Object** exit_out) {
    static Str* const kEnter = intern("__enter__");
    static Str* const kExit = intern("__exit__");
    Ref enter = get_attr_opt(mgr, kEnter);
    Ref exit = enter ? get_attr_opt(mgr, kExit) : Ref();
    if (!enter || !exit) {
        raise(&TypeError_type, format("'%s' object does not support the context manager protocol",
                                      type_of(mgr)->name.c_str()));
    }
    Ref result = call0(enter.get());
    *exit_out = exit.release();
    return result;
}

void setup_annotations(Dict* locals) {
    if (!locals) raise(&RuntimeError_type, "no locals found when setting up annotations");
    if (is_exact(locals, &dict_type)) {
        if (!dict_get_str(locals, intern("__annotations__")))
            dict_set(locals, intern("__annotations__"), dict_new().get());
        return;
    }
    // Any mapping as locals (exec's third argument, a __prepare__ result): through its
    // __getitem__/__setitem__, as CPython does.
    try {
        get_item(locals, intern("__annotations__"));
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &KeyError_type)) throw;
        set_item(locals, intern("__annotations__"), dict_new().get());
    }
}

Ref call_exit_with_exception(Object* exit, Object* exc) {
    Object* tb = is_exception_instance(exc) ? static_cast<BaseExceptionObject*>(exc)->traceback : nullptr;
    Object* args[3] = {type_of(exc), exc, tb ? tb : None};
    return call(exit, args, 3);
}

namespace {

// ascii(): the repr with every non-ASCII code point escaped.
std::string ascii_text(const std::string& utf8) {
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = c & (0x7F >> len);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += len;
        if (cp <= 0xFF)
            out += format("\\x%02x", cp);
        else if (cp <= 0xFFFF)
            out += format("\\u%04x", cp);
        else
            out += format("\\U%08x", cp);
    }
    return out;
}

}  // namespace

Ref format_value_op(Object* value, uint32_t conversion, Object* spec) {
    Ref converted;
    switch (conversion) {
        case kFormatStr:
            converted = str(value);
            break;
        case kFormatRepr:
            converted = repr(value);
            break;
        case kFormatAscii:
            converted = str_new(ascii_text(repr_utf8(value)));
            break;
        default:
            converted = Ref::borrow(value);
            break;
    }
    if (!spec && is_str(converted.get())) return converted;
    return format_value(converted.get(), spec ? str_utf8_of(spec) : std::string_view());
}

Ref import_from(Object* module, Str* name) { return import_from_module(module, name); }

}  // namespace minipy
