// gc_module.cpp — the native `gc` module: the cycle collector's switches, thresholds, statistics and
// introspection (get_objects, get_referrers, ...), with CPython 3.11's names, defaults and errors.
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/collector.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref bool_ref(bool b) { return Ref::borrow(b ? True : False); }

// The one optional argument `name` of fname(), given by position or keyword; null when omitted.
Object* optional_arg(const char* fname, const char* name, Args args, size_t nargs, Tuple* kw) {
    size_t nkw = kw ? kw->size : 0;
    if (nargs + nkw > 1) {
        raise(&TypeError_type, format("%s() takes at most 1 argument (%zu given)", fname, nargs + nkw));
    }
    if (nargs == 1) return args[0];
    if (nkw == 1) {
        if (str_utf8_of(kw->items[0]) != name) {
            raise(&TypeError_type, format("%s() got an unexpected keyword argument '%s'", fname,
                                          str_utf8_of(kw->items[0]).c_str()));
        }
        return args[0];
    }
    return nullptr;
}

Ref gc_collect_fn(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* g = optional_arg("collect", "generation", args, nargs, kw);
    int64_t generation = kGcGenerations - 1;
    if (g) generation = as_index(g);
    if (generation < 0 || generation >= kGcGenerations) raise(&ValueError_type, "invalid generation");
    return int_from_i64(gc_collect(static_cast<int>(generation)));
}

Ref gc_enable(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("enable", nargs, kw, 0, 0);
    gc_set_enabled(true);
    return Ref::borrow(None);
}

Ref gc_disable(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("disable", nargs, kw, 0, 0);
    gc_set_enabled(false);
    return Ref::borrow(None);
}

Ref gc_isenabled(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("isenabled", nargs, kw, 0, 0);
    return bool_ref(gc_is_enabled());
}

Ref int_triple(int64_t a, int64_t b, int64_t c) {
    Ref t = tuple_new(3);
    as_tuple(t.get())->items[0] = int_from_i64(a).release();
    as_tuple(t.get())->items[1] = int_from_i64(b).release();
    as_tuple(t.get())->items[2] = int_from_i64(c).release();
    return t;
}

Ref gc_get_count(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_count", nargs, kw, 0, 0);
    GcState& s = gc_state();
    int64_t counts[kGcGenerations];
    s.lists_lock.lock();  // other threads' allocations update the counts (minipy-ft)
    for (int i = 0; i < kGcGenerations; ++i) counts[i] = s.gens[i].count;
    s.lists_lock.unlock();
    return int_triple(counts[0], counts[1], counts[2]);
}

Ref gc_get_threshold(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_threshold", nargs, kw, 0, 0);
    GcState& s = gc_state();
    int64_t thresholds[kGcGenerations];
    s.lists_lock.lock();
    for (int i = 0; i < kGcGenerations; ++i) thresholds[i] = s.gens[i].threshold;
    s.lists_lock.unlock();
    return int_triple(thresholds[0], thresholds[1], thresholds[2]);
}

// set_threshold(threshold0[, threshold1[, threshold2]]): C ints, as CPython's "i|ii".
Ref gc_set_threshold(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise(&TypeError_type, "set_threshold() takes no keyword arguments");
    if (nargs < 1)
        raise(&TypeError_type, format("set_threshold() takes at least 1 argument (%zu given)", nargs));
    if (nargs > 3)
        raise(&TypeError_type, format("set_threshold() takes at most 3 arguments (%zu given)", nargs));
    int64_t values[3];
    for (size_t i = 0; i < nargs; ++i) {
        if (is_instance(args[i], &float_type)) raise_not_an_integer(args[i]);
        values[i] = as_index(args[i]);
        if (values[i] > INT32_MAX) raise(&OverflowError_type, "signed integer is greater than maximum");
        if (values[i] < INT32_MIN) raise(&OverflowError_type, "signed integer is less than minimum");
    }
    GcState& s = gc_state();
    s.lists_lock.lock();  // gc_track reads generation 0's threshold under it
    for (size_t i = 0; i < nargs; ++i) s.gens[i].threshold = values[i];
    s.lists_lock.unlock();
    return Ref::borrow(None);
}

Ref gc_get_objects(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* g = optional_arg("get_objects", "generation", args, nargs, kw);
    int generation = -1;
    if (g && g != None) {
        int64_t v = as_index(g);
        if (v >= kGcGenerations) {
            raise(&ValueError_type, format("generation parameter must be less than the number of available "
                                           "generations (%i)",
                                           kGcGenerations));
        }
        if (v < -1) raise(&ValueError_type, "generation parameter cannot be negative");
        generation = static_cast<int>(v);  // -1: all, as None
    }
    std::vector<Ref> objects = gc_objects(generation);
    Ref out = list_new(objects.size());
    for (const Ref& o : objects) list_append(out.get(), o.get());
    return out;
}

void collect_referent(Object* o, void* arg) { static_cast<std::vector<Object*>*>(arg)->push_back(o); }

// What each tracked argument's traverse slot visits (nothing for objects the collector ignores).
Ref gc_get_referents(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise(&TypeError_type, "get_referents() takes no keyword arguments");
    Ref out = list_new();
    for (size_t i = 0; i < nargs; ++i) {
        if (!gc_has_head(args[i])) continue;
        std::vector<Object*> found;
        gc_traverse(args[i], collect_referent, &found);
        for (Object* o : found) list_append(out.get(), o);
    }
    return out;
}

// Every tracked object whose traverse slot visits one of the arguments.
Ref gc_get_referrers(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise(&TypeError_type, "get_referrers() takes no keyword arguments");
    std::vector<Ref> found = gc_referrers(args, nargs);
    Ref out = list_new();
    for (const Ref& o : found) list_append(out.get(), o.get());
    return out;
}

// METH_O functions: CPython names them with the module.
void check_one_arg(const char* fname, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise(&TypeError_type, format("gc.%s() takes no keyword arguments", fname));
    if (nargs != 1)
        raise(&TypeError_type, format("gc.%s() takes exactly one argument (%zu given)", fname, nargs));
}

Ref gc_is_tracked(Object*, Args args, size_t nargs, Tuple* kw) {
    check_one_arg("is_tracked", nargs, kw);
    return bool_ref(gc_has_head(args[0]) && gc_is_tracked(args[0]));
}

Ref gc_is_finalized(Object*, Args args, size_t nargs, Tuple* kw) {
    check_one_arg("is_finalized", nargs, kw);
    return bool_ref(gc_has_head(args[0]) && finalizer_ran(args[0]));
}

Ref gc_freeze_fn(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("freeze", nargs, kw, 0, 0);
    gc_freeze();
    return Ref::borrow(None);
}

Ref gc_unfreeze_fn(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("unfreeze", nargs, kw, 0, 0);
    gc_unfreeze();
    return Ref::borrow(None);
}

Ref gc_get_freeze_count(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_freeze_count", nargs, kw, 0, 0);
    return int_from_i64(gc_freeze_count());
}

Ref gc_get_stats(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_stats", nargs, kw, 0, 0);
    Ref out = list_new();
    for (int i = 0; i < kGcGenerations; ++i) {
        GcGenStats st = gc_gen_stats(i);
        Ref d = dict_new();
        dict_set(as_dict(d.get()), intern("collections"), int_from_i64(st.collections).get());
        dict_set(as_dict(d.get()), intern("collected"), int_from_i64(st.collected).get());
        dict_set(as_dict(d.get()), intern("uncollectable"), int_from_i64(st.uncollectable).get());
        list_append(out.get(), d.get());
    }
    return out;
}

Ref gc_set_debug_fn(Object*, Args args, size_t nargs, Tuple* kw) {
    check_one_arg("set_debug", nargs, kw);
    if (is_instance(args[0], &float_type)) raise_not_an_integer(args[0]);
    gc_set_debug(static_cast<int>(as_index(args[0])));
    return Ref::borrow(None);
}

Ref gc_get_debug_fn(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("get_debug", nargs, kw, 0, 0);
    return int_from_i64(gc_get_debug());
}

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect_fn, "Run the garbage collector."},
    {"enable", gc_enable, "Enable automatic garbage collection."},
    {"disable", gc_disable, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, "Set the collection thresholds (the collection frequency)."},
    {"get_objects", gc_get_objects,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", gc_get_referrers, "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, "Return the list of objects that are directly referred to by objs."},
    {"is_tracked", gc_is_tracked, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, "Returns true if the object has been already finalized by the GC."},
    {"freeze", gc_freeze_fn, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze_fn, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, "Return the number of objects in the permanent generation."},
    {"get_stats", gc_get_stats, "Return a list of dictionaries containing per-generation statistics."},
    {"set_debug", gc_set_debug_fn, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug_fn, "Get the garbage collection debugging flags."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_gc_module() {
    Ref m = native_module_new("gc", kGcFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("garbage"), gc_garbage_list());
    dict_set(d, intern("callbacks"), gc_callbacks_list());
    dict_set(d, intern("DEBUG_STATS"), int_from_i64(kGcDebugStats).get());
    dict_set(d, intern("DEBUG_COLLECTABLE"), int_from_i64(kGcDebugCollectable).get());
    dict_set(d, intern("DEBUG_UNCOLLECTABLE"), int_from_i64(kGcDebugUncollectable).get());
    dict_set(d, intern("DEBUG_SAVEALL"), int_from_i64(kGcDebugSaveAll).get());
    dict_set(d, intern("DEBUG_LEAK"), int_from_i64(kGcDebugLeak).get());
    return m;
}

}  // namespace minipy
