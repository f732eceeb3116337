// code.h — the code object: what the compiler produces for a module, function, lambda or comprehension,
// and what a frame executes. Immutable once built, except for the LOAD_GLOBAL caches it carries.
#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "objects/object.h"
#include "objects/opcodes.h"

namespace minipy {

extern Type code_type;

// co_flags bits, with CPython's values.
inline constexpr int kCoOptimized = 0x1, kCoNewLocals = 0x2, kCoVarArgs = 0x4, kCoVarKeywords = 0x8,
                     kCoNested = 0x10, kCoGenerator = 0x20, kCoCoroutine = 0x80, kCoIterableCoroutine = 0x100,
                     kCoAsyncGenerator = 0x200;
// Calling a function whose code has one of these makes a generator-like object instead of running it.
inline constexpr int kCoResumable = kCoGenerator | kCoCoroutine | kCoAsyncGenerator;

// The source span an instruction came from (1-based lines, 0-based code-point columns; line 0: none).
struct SourcePos {
    int line = 0;
    int end_line = 0;
    int col = -1;
    int end_col = -1;
};

// Instructions in [start, end) that raise jump to `handler` with the stack cut to `depth` items
// and the exception pushed (CPython 3.11's zero-cost exception table).
struct ExceptionEntry {
    uint32_t start, end, handler, depth;
};

// One LOAD_GLOBAL cache per name, as CPython 3.11's LOAD_GLOBAL_MODULE and LOAD_GLOBAL_BUILTIN:
// the entry of the globals dict that holds the name, or (builtins_keys set) of the builtins dict,
// valid while the dicts' keys keep the versions it saw (objects/containers.h, DictCacheLookup).
// The value is read from the entry at each use, so storing a new value into the global keeps the
// cache valid: pystone's procedures assign globals between every two reads of them. Threads share
// it, so it is a seqlock (vm/interp_support.h reads and fills it): `seq` is odd while a thread
// writes the fields, and a reader that sees it change throws its reading away.
struct GlobalCache {
    std::atomic<uint32_t> seq{0};
    std::atomic<uint32_t> entry{0};
    std::atomic<uint64_t> globals_keys{0};   // 0: empty
    std::atomic<uint64_t> builtins_keys{0};  // 0: the name is in the globals
    // STORE_GLOBAL's own guess at the name's entry (dict_set_str_hinted): a function that assigns a
    // `global` it never reads found no entry above and took the probing path at every store
    // (bench/pyperf/pystone.py, 250k stores at 120 instructions).
    std::atomic<uint32_t> store_hint{0};
    GlobalCache() = default;
    // Code objects are built before any thread runs them: copying (as the vector grows) starts empty.
    GlobalCache(const GlobalCache&) {}
};

// What an attribute name resolves to on one type, for LOAD_ATTR, LOAD_METHOD and STORE_ATTR
// (vm/attr_cache.h decides and uses it): on its instances, or (ClassAttribute) on the class itself.
// The lookup is redone only when the type's version tag (Type::version_tag) differs from the one
// the entry was filled under.
enum class AttrKind : uint8_t {
    Uncacheable,     // the type's own lookup decides (a class, a module, __getattr__): the slow path
    NativeMethod,    // a built-in type's method descriptor (no instance dict to shadow it)
    ClassAttribute,  // C.name on a class C itself (metaclass type): a plain value or function
    // A method (function or built-in method descriptor) on a subclass of a built-in type that keeps
    // instance attributes in a side dict (objects/class.h, side_dict_may_shadow): LOAD_METHOD only.
    SubclassMethod,
    // The kinds below are for plain class instances (objects/class.h, has_generic_instance_attrs).
    InstanceOnly,     // not on the type: only the instance dict can hold it
    Method,           // a function on the type: LOAD_METHOD pushes it unbound, unless the dict shadows it
    ClassValue,       // a plain value on the type (int, str, ...; no __get__), unless the dict shadows it
    DataDescriptor,   // a property or slot: it decides, the instance dict is never read
    OtherDescriptor,  // anything else with __get__ (classmethod, staticmethod): bound unless shadowed
};

// One entry of an attribute cache: what the name resolves to on one type. Shared by threads: a
// seqlock as GlobalCache.
struct AttrCacheEntry {
    std::atomic<uint32_t> seq{0};
    std::atomic<uint32_t> type_version{0};  // 0: empty (no type has tag 0)
    std::atomic<Type*> type{nullptr};       // the type it was filled for
    std::atomic<uint32_t> types_freed{0};   // types_freed() then: `type` is read only while it holds
    std::atomic<AttrKind> kind{AttrKind::Uncacheable};
    std::atomic<bool> immortal{false};    // whether `value` is null or freed_only_by_collector
    std::atomic<Object*> value{nullptr};  // borrowed from the type's dict; null for InstanceOnly

    AttrCacheEntry() = default;
    AttrCacheEntry(const AttrCacheEntry&) {}  // as GlobalCache: copies start empty
};

// One attribute cache per name, with an entry per type the name is read on, up to kAttrCacheWays
// types: object-oriented code reads one name on instances of several classes (`p.step()` on a
// Particle and a HeavyParticle, deltablue's constraint kinds, richards' task kinds), and with one
// entry every type but the first took the slow path (bench/classes.py: 105k get_attr_opt calls in
// a 100-step run).
inline constexpr int kAttrCacheWays = 4;
struct AttrCache {
    AttrCacheEntry ways[kAttrCacheWays];
    // Where the name was last found in an instance's __dict__ (objects/containers.h,
    // dict_get_str_hinted): a hint, checked at each use.
    std::atomic<uint32_t> dict_hint{0};

    AttrCache() = default;
    AttrCache(const AttrCache&) {}  // copies start empty
};

struct Code : Object {
    std::vector<uint32_t> instructions;
    std::vector<ExceptionEntry> exception_table;
    std::vector<Object*> consts;  // owned
    std::vector<Str*> names;      // interned: attributes, globals, imported modules
    std::vector<Str*> varnames;   // fast locals, the parameters first
    std::vector<Str*> cellvars;   // locals captured by inner functions
    std::vector<Str*> freevars;   // variables captured from outer functions
    std::vector<int> cell2arg;    // per cellvar: the parameter it starts from, or -1
    int argcount = 0;             // positional parameters, including positional-only
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    int flags = 0;
    int stacksize = 0;
    int firstlineno = 1;
    Str* name = nullptr;
    Str* qualname = nullptr;
    // The function's docstring, or null: owned, and not interned (CPython does not intern them
    // either; a long docstring hashed twice into the intern table cost more than its use).
    Str* doc = nullptr;
    std::string filename;
    // The interpreter's caches, indexed like `names`: made when the code first runs (push_frame),
    // not when it is built. Most functions an import defines never run, and sizing them at build
    // time was 14% of the memory written for the first time by `import typing, dataclasses, re,
    // json` (callgrind --cache-sim: 18.8 k of 133 k last-level write misses).
    std::vector<GlobalCache> global_cache;
    std::vector<AttrCache> attr_cache;
    bool caches_made() const { return frame_values() != kNotRun; }
    void make_caches();  // once, under a lock: threads may run new code together
    // What a frame of this code holds, locals and value stack (nlocalsplus() + stacksize), set with
    // the caches; until then kNotRun, more than any thread's value stack, so that push_frame's check
    // for room sends a first run to the path that makes them. Adding up the vectors' sizes at each
    // call was 8 of the instructions push_frame spent.
    static constexpr size_t kNotRun = SIZE_MAX / 4;
    size_t frame_values() const { return frame_values_.load(std::memory_order_acquire); }
    int frame_nlocalsplus() const { return frame_nlocalsplus_; }  // once caches_made()

    int nlocals() const { return static_cast<int>(varnames.size()); }
    // The name of cell slot i (LOAD_DEREF's operand): the cellvars, then the freevars.
    Str* deref_name(size_t i) const {
        return i < cellvars.size() ? cellvars[i] : freevars[i - cellvars.size()];
    }
    int nlocalsplus() const { return static_cast<int>(varnames.size() + cellvars.size() + freevars.size()); }
    int total_args() const {
        return argcount + kwonlyargcount + ((flags & kCoVarArgs) ? 1 : 0) +
               ((flags & kCoVarKeywords) ? 1 : 0);
    }
    // The source line of the instruction at `index`; an instruction of no line (an artificial jump,
    // a handler's PUSH_EXC_INFO) takes the line of the nearest one before it, as in CPython; the first
    // line for an out-of-range index.
    int line_of(size_t index) const {
        const std::vector<SourcePos>& at = positions();
        if (index >= at.size()) return firstlineno;
        for (size_t i = index + 1; i-- > 0;) {
            if (at[i].line > 0) return at[i].line;
        }
        return firstlineno;
    }
    // One source position per instruction. A code object read from the compiled-code cache keeps
    // the entry's packed form until something asks (a traceback, a trace hook, co_positions, dis):
    // most code never does, and unpacking them all was 8% of `import typing, dataclasses, re, json`
    // (callgrind: about 10 M of 133 M instructions).
    // The innermost exception handler covering the instruction at `index`, or null. The ranges are
    // disjoint: the compiler tags each instruction with its innermost handler.
    const ExceptionEntry* handler_at(size_t index) const {
        for (const ExceptionEntry& e : exception_table) {
            if (index >= e.start && index < e.end) return &e;
        }
        return nullptr;
    }
    // Takes `text` (a str) as the docstring, a constant like the others (make_constant_immortal
    // where runtime/flavor.h's kCodeConstantsImmortal).
    void set_doc(Ref text);
    const std::vector<SourcePos>& positions() const {
        if (positions_packed_.load(std::memory_order_acquire)) unpack_positions();
        return positions_;
    }
    // For the compiler, which adds one per instruction it emits, and code.replace().
    std::vector<SourcePos>& positions_to_fill() {
        if (positions_packed_.load(std::memory_order_acquire)) unpack_positions();
        return positions_;
    }
    // The cache reader's: `packed` as code_serial wrote it, unpacked on first use.
    void set_packed_positions(std::string_view packed) {
        packed_positions_.assign(packed);
        positions_packed_.store(true, std::memory_order_release);
    }

private:
    mutable std::vector<SourcePos> positions_;
    mutable std::string packed_positions_;
    mutable std::atomic<bool> positions_packed_{false};
    std::atomic<size_t> frame_values_{kNotRun};
    int frame_nlocalsplus_ = 0;

    void unpack_positions() const;  // code.cpp: once, under a lock (threads may ask together)
};

void init_code_type();  // called once at start-up
// A new, empty code object (the compiler fills its fields).
Ref code_new();
inline Code* as_code(Object* o) { return static_cast<Code*>(o); }
// Makes a constant immortal and, for a tuple or frozenset, its items (a code object's constants
// hold no other containers); nested code objects stay mortal: they are counted once per `def` run,
// not once per use. The compiler and the code cache's reader call it where kCodeConstantsImmortal.
void make_constant_immortal(Object* value);

}  // namespace minipy
