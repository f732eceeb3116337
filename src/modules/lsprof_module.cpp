// lsprof_module.cpp — the native `_lsprof` that CPython's cProfile.py builds on: Profiler, a
// deterministic profiler that hears the thread's call and return events (vm/trace_hooks.h's native
// profile function, CPython's PyEval_SetProfile) and keeps, for each function, how often it was
// called, how often recursively, and the time spent in it in all (totaltime) and in its own code
// (inlinetime), and the same per caller when `subcalls` is on. getstats() hands them out as
// profiler_entry / profiler_subentry struct sequences; pstats turns them into the familiar table.
#include <chrono>
#include <cmath>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "modules/registry.h"
#include "modules/structseq.h"
#include "modules/sys_streams.h"
#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/frame.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/thread_state.h"
#include "vm/trace_hooks.h"

namespace minipy {

namespace {

using Args = Object* const*;

// A function as seen from one caller: the caller's Entry keeps one per function it called.
struct SubEntry {
    int64_t total = 0;  // timer units (nanoseconds for the built-in timer)
    int64_t inline_ = 0;
    int64_t calls = 0;
    int64_t recursive_calls = 0;
    int64_t depth = 0;  // how many calls of it from this caller are running now
};

// A profiled function: a Python code object, or a built-in function keyed by its MethodDef (so
// that every bound `list.append` is one function, as in CPython).
struct Entry {
    Object* user_obj = nullptr;  // owned: the code object, or a str describing the built-in
    int64_t total = 0;
    int64_t inline_ = 0;
    int64_t calls = 0;
    int64_t recursive_calls = 0;
    int64_t depth = 0;  // running calls of it: > 1 means the call that ends now was recursive
    std::unordered_map<Entry*, SubEntry> callees;
    std::vector<Entry*> callee_order;  // first call first, so getstats' order does not vary
};

// One running call: when it began and how much of its time went to the calls it made.
struct Context {
    int64_t t0;
    int64_t sub_time;
    Entry* entry;
};

// The profiler belongs to the thread that enabled it (CPython 3.11's profile functions are per
// thread), so its tables need no lock of their own.
struct Profiler : Object {
    MINIPY_GC_ALLOCATED
    Object* timer = nullptr;  // owned or null: the built-in clock
    double timeunit = 0.0;
    bool subcalls = true;
    bool builtins = true;
    std::vector<std::unique_ptr<Entry>> entries;  // in order of first call
    std::unordered_map<const void*, Entry*> by_key;
    std::vector<Context> running;  // innermost call last
};

Type profiler_type;

Profiler* as_profiler(Object* o) {
    if (!is_instance(o, &profiler_type))
        raise(&TypeError_type, "descriptor requires a '_lsprof.Profiler' object");
    return static_cast<Profiler*>(o);
}

// ---- time ----

int64_t builtin_clock() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A custom timer's reading: an int count of `timeunit`s when timeunit is set, else seconds (an int
// or a float) kept as nanoseconds, as CPython's _PyTime_FromSecondsObject rounds them (floor). A
// timer that raises or returns something else reads 0, its error reported as unraisable.
int64_t external_clock(Profiler* p) {
    try {
        Ref value = call(p->timer, nullptr, 0);
        Object* v = value.get();
        int64_t ticks = 0;
        if (p->timeunit > 0.0) {
            if (!is_int(v)) raise(&TypeError_type, "expect int, got " + type_of(v)->name);
            if (!int_to_i64(v, &ticks))
                raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
            return ticks;
        }
        double seconds = is_int(v) ? int_to_double(v) : to_double(v);
        double ns = std::floor(seconds * 1e9);
        if (!(std::fabs(ns) < 9.2e18))
            raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
        return static_cast<int64_t>(ns);
    } catch (PyException& e) {
        Ref exc = e.take();
        report_unraisable_in(p->timer, exc.get());
        return 0;
    }
}

int64_t now(Profiler* p) { return p->timer ? external_clock(p) : builtin_clock(); }

// ---- what a built-in function is called in the stats ----

// CPython's normalizeUserObj: "<method 'append' of 'list' objects>" (the repr of the method its
// type defines) for a method, "<built-in method builtins.len>" for a module's function. CPython's
// module functions have the module as __self__; minipy's have none, so no self means the same.
Ref describe_builtin(NativeFunction* fn) {
    const char* name = fn->def->name;
    const char* module = fn->module && is_str(fn->module) ? as_str(fn->module)->utf8.c_str() : nullptr;
    if (fn->self) {
        try {
            Ref method = type_lookup(type_of(fn->self), intern(name));
            if (method) return repr(method.get());
        } catch (PyException&) {
            // As CPython: a repr that fails falls back to the function's own name.
        }
    }
    if (module) return str_new(std::string("<built-in method ") + module + "." + name + ">");
    return str_new(std::string("<built-in method ") + name + ">");
}

// ---- the accounting, as CPython's initContext / Stop ----

Entry* entry_for(Profiler* p, const void* key, Object* user_obj) {
    auto found = p->by_key.find(key);
    if (found != p->by_key.end()) return found->second;
    Ref described = type_of(user_obj) == &builtin_function_type
                        ? describe_builtin(static_cast<NativeFunction*>(user_obj))
                        : Ref::borrow(user_obj);
    auto entry = std::make_unique<Entry>();
    entry->user_obj = described.release();
    Entry* e = entry.get();
    p->entries.push_back(std::move(entry));
    p->by_key.emplace(key, e);
    return e;
}

SubEntry& subentry_for(Entry* caller, Entry* callee) {
    auto [it, added] = caller->callees.try_emplace(callee);
    if (added) caller->callee_order.push_back(callee);
    return it->second;
}

void enter_call(Profiler* p, const void* key, Object* user_obj) {
    Entry* e = entry_for(p, key, user_obj);
    ++e->depth;
    if (p->subcalls && !p->running.empty()) ++subentry_for(p->running.back().entry, e).depth;
    p->running.push_back({0, 0, e});
    // The clock is read last, so the profiler's own work counts against the caller, not the callee.
    int64_t t0 = now(p);
    if (!p->running.empty() && p->running.back().entry == e) p->running.back().t0 = t0;
}

// Ends the innermost running call (of `e`): its time goes to the caller's sub_time, and to the
// totals unless an outer call of the same function is still running (that one's total covers it).
void stop_call(Profiler* p, Entry* e) {
    int64_t end = now(p);
    if (p->running.empty()) return;  // the timer cleared the profiler
    Context ctx = p->running.back();
    p->running.pop_back();
    int64_t total = end - ctx.t0;
    int64_t inline_time = total - ctx.sub_time;
    Context* caller = p->running.empty() ? nullptr : &p->running.back();
    if (caller) caller->sub_time += total;
    if (--e->depth == 0)
        e->total += total;
    else
        ++e->recursive_calls;
    e->inline_ += inline_time;
    ++e->calls;
    if (!p->subcalls || !caller) return;
    auto found = caller->entry->callees.find(e);
    if (found == caller->entry->callees.end()) return;
    SubEntry& s = found->second;
    if (--s.depth == 0)
        s.total += total;
    else
        ++s.recursive_calls;
    s.inline_ += inline_time;
    ++s.calls;
}

void leave_call(Profiler* p, const void* key) {
    if (p->running.empty()) return;  // a call that began before the profiler did
    auto found = p->by_key.find(key);
    if (found != p->by_key.end()) {
        stop_call(p, found->second);
        return;
    }
    p->running.pop_back();
}

// The calls still running when the profiler stops end now, as in CPython's flush_unmatched.
void flush_running(Profiler* p) {
    while (!p->running.empty()) stop_call(p, p->running.back().entry);
}

void clear_entries(Profiler* p) {
    p->running.clear();
    p->by_key.clear();
    auto entries = std::move(p->entries);
    p->entries.clear();
    for (auto& e : entries) decref(e->user_obj);
}

// The thread's profile function while the profiler is enabled (trace_hooks.h).
void profiler_event(Object* self, Frame* frame, ProfileEvent event, Object* arg) {
    auto* p = static_cast<Profiler*>(self);
    try {
        switch (event) {
            case ProfileEvent::Call:
                enter_call(p, frame->code, frame->code);
                break;
            case ProfileEvent::Return:
                leave_call(p, frame->code);
                break;
            case ProfileEvent::CCall:
                if (p->builtins && type_of(arg) == &builtin_function_type)
                    enter_call(p, static_cast<NativeFunction*>(arg)->def, arg);
                break;
            case ProfileEvent::CReturn:
            case ProfileEvent::CException:
                if (p->builtins && type_of(arg) == &builtin_function_type)
                    leave_call(p, static_cast<NativeFunction*>(arg)->def);
                break;
        }
    } catch (PyException& e) {
        // The hook must not raise (the profiled code would see the error); CPython's profiler
        // reports a failure as unraisable too.
        Ref exc = e.take();
        report_unraisable_in(self, exc.get());
    }
}

// ---- the type ----

void profiler_dealloc(Object* o) {
    Profiler* p = static_cast<Profiler*>(o);
    clear_entries(p);
    xdecref(std::exchange(p->timer, nullptr));
    delete p;
}

void profiler_traverse(Object* o, VisitProc visit, void* arg) {
    Profiler* p = static_cast<Profiler*>(o);
    if (p->timer) visit(p->timer, arg);
    for (auto& e : p->entries) visit(e->user_obj, arg);
}

void profiler_clear(Object* o) {
    Profiler* p = static_cast<Profiler*>(o);
    clear_entries(p);
    xdecref(std::exchange(p->timer, nullptr));
}

// Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)
Ref profiler_construct(Object* type, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"timer", "timeunit", "subcalls", "builtins"};
    Object* a[4] = {};
    bind_args("Profiler", args, nargs, kw, kNames, 4, 0, a);
    double timeunit = a[1] ? to_double(a[1]) : 0.0;
    bool subcalls = a[2] ? is_true(a[2]) : true;
    bool builtins = a[3] ? is_true(a[3]) : true;
    auto* p = new Profiler();
    init_header(p, static_cast<Type*>(type));
    Ref result = Ref::steal(p);
    p->timer = a[0] && a[0] != None ? newref(a[0]) : nullptr;
    p->timeunit = timeunit;
    p->subcalls = subcalls;
    p->builtins = builtins;
    return result;
}

// enable(subcalls=True, builtins=True): a flag not given keeps its value.
Ref profiler_enable(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"subcalls", "builtins"};
    Object* a[2] = {};
    Profiler* p = as_profiler(args[0]);
    bind_args("enable", args + 1, nargs - 1, kw, kNames, 2, 0, a);
    if (a[0]) p->subcalls = is_true(a[0]);
    if (a[1]) p->builtins = is_true(a[1]);
    set_native_profile_function(thread_state(), profiler_event, p);
    return Ref::borrow(None);
}

// disable(): turns the thread's profile function off, whatever it is, as CPython 3.11 does.
Ref profiler_disable(Object*, Args args, size_t nargs, Tuple* kw) {
    Profiler* p = as_profiler(args[0]);
    check_positional("disable", nargs - 1, kw, 0, 0);
    Ref keep = Ref::borrow(p);  // the thread's hook may hold the last reference
    set_native_profile_function(thread_state(), nullptr, nullptr);
    flush_running(p);
    return Ref::borrow(None);
}

Ref profiler_clear_method(Object*, Args args, size_t nargs, Tuple* kw) {
    Profiler* p = as_profiler(args[0]);
    check_positional("clear", nargs - 1, kw, 0, 0);
    clear_entries(p);
    return Ref::borrow(None);
}

const char* const kEntryFields[] = {"code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"};
StructSeqType entry_type{"_lsprof", "profiler_entry", kEntryFields, 6, 6};
StructSeqType subentry_type{"_lsprof", "profiler_subentry", kEntryFields, 5, 5};

// The counts and times of one entry (or sub-entry), times scaled to seconds, as owned references
// in values[0..5).
template <class E>
void fill_values(Object** values, Entry* callee, const E& e, double factor) {
    values[0] = newref(callee->user_obj);
    values[1] = int_from_i64(e.calls).release();
    values[2] = int_from_i64(e.recursive_calls).release();
    values[3] = float_new(factor * static_cast<double>(e.total)).release();
    values[4] = float_new(factor * static_cast<double>(e.inline_)).release();
}

Ref profiler_getstats(Object*, Args args, size_t nargs, Tuple* kw) {
    Profiler* p = as_profiler(args[0]);
    check_positional("getstats", nargs - 1, kw, 0, 0);
    double factor = !p->timer || p->timeunit == 0.0 ? 1.0 / 1000000000 : p->timeunit;
    Ref result = list_new(0);
    for (auto& owned : p->entries) {
        Entry* e = owned.get();
        if (e->calls == 0) continue;  // still running its first call
        Object* values[6];
        fill_values(values, e, *e, factor);
        if (e->callee_order.empty()) {
            values[5] = newref(None);
        } else {
            Ref calls = list_new(0);
            for (Entry* callee : e->callee_order) {
                Object* sub[5];
                fill_values(sub, callee, e->callees[callee], factor);
                list_append(calls.get(), structseq_new(subentry_type, sub).get());
            }
            values[5] = calls.release();
        }
        list_append(result.get(), structseq_new(entry_type, values).get());
    }
    return result;
}

const MethodDef kProfilerMethods[] = {
    {"getstats", profiler_getstats,
     "getstats($self, /)\n--\n\nlist of profiler_entry objects.\n\ngetstats() -> list of profiler_entry "
     "objects\n\nReturn all information collected by the profiler.\nEach profiler_entry is a tuple-like "
     "object with the\nfollowing attributes:\n\n    code          code object\n    callcount     how many "
     "times this was called\n    reccallcount  how many times called recursively\n    totaltime     total "
     "time in this entry\n    inlinetime    inline time in this entry (not in subcalls)\n    calls         "
     "details of the calls\n\nThe calls attribute is either None or a list of\nprofiler_subentry "
     "objects:\n\n    code          called code object\n    callcount     how many times this is called\n    "
     "reccallcount  how many times this is called recursively\n    totaltime     total time spent in this "
     "call\n    inlinetime    inline time (not in further subcalls)"},
    {"enable", profiler_enable,
     "enable(subcalls=True, builtins=True)\n\nStart collecting profiling information.\nIf 'subcalls' is "
     "True, also records for each function\nstatistics separated according to its current caller.\nIf "
     "'builtins' is True, records the time spent in\nbuilt-in functions separately from their caller.\n"},
    {"disable", profiler_disable, "disable()\n\nStop collecting profiling information.\n"},
    {"clear", profiler_clear_method, "clear()\n\nClear all profiling information collected so far.\n"},
    {nullptr, nullptr, nullptr},
};

const MethodDef kLsprofFunctions[] = {
    {nullptr, nullptr, nullptr},
};

void init_profiler_type() {
    Type& t = profiler_type;
    t.name = "_lsprof.Profiler";
    t.instance_size = sizeof(Profiler);
    t.dealloc = profiler_dealloc;
    t.traverse = profiler_traverse;
    t.clear = profiler_clear;
    t.construct = profiler_construct;
    t.methods = kProfilerMethods;
    t.is_basetype = true;
    t.constructs_subclasses = true;
    init_type(&t);
    dict_set(
        t.dict, intern("__doc__"),
        str_new("Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n    Builds a "
                "profiler object using the specified timer function.\n    The default timer is a fast "
                "built-in one based on real time.\n    For custom timer functions returning integers, "
                "timeunit can\n    be a float specifying a scale (i.e. how long each integer unit\n    is, "
                "in seconds).\n")
            .get());
    structseq_init(entry_type);
    structseq_init(subentry_type);
}

}  // namespace

Ref init_lsprof_module() {
    static std::once_flag types_ready;
    std::call_once(types_ready, init_profiler_type);
    Ref module = native_module_new("_lsprof", kLsprofFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("Profiler"), &profiler_type);
    dict_set(d, intern("profiler_entry"), &entry_type);
    dict_set(d, intern("profiler_subentry"), &subentry_type);
    dict_set(d, intern("__doc__"), str_new("Fast profiler").get());
    return module;
}

}  // namespace minipy
