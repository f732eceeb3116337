// collector.h — what the `gc` module and the interpreter see of the cycle collector (collector.cpp):
// switches, debug flags, statistics, the generation lists. The per-object side is objects/gc.h.
#pragma once

#include <cstdint>
#include <vector>

#include "objects/gc.h"

namespace minipy {

// gc.DEBUG_* (CPython's values).
inline constexpr int kGcDebugStats = 1;
inline constexpr int kGcDebugCollectable = 2;
inline constexpr int kGcDebugUncollectable = 4;
inline constexpr int kGcDebugSaveAll = 32;
inline constexpr int kGcDebugLeak = kGcDebugCollectable | kGcDebugUncollectable | kGcDebugSaveAll;

struct GcGenStats {
    int64_t collections = 0;
    int64_t collected = 0;
    int64_t uncollectable = 0;
};

bool gc_is_enabled();
void gc_set_enabled(bool on);
int gc_get_debug();
void gc_set_debug(int flags);
bool gc_is_collecting();
GcGenStats gc_gen_stats(int generation);
// gc.garbage and gc.callbacks: lists made on first use, never freed.
Object* gc_garbage_list();
Object* gc_callbacks_list();
// The tracked objects of one generation (all when generation < 0), for gc.get_objects and
// gc.get_referrers.
std::vector<Ref> gc_objects(int generation);
// Every tracked object whose traverse slot visits one of `targets` (gc.get_referrers).
std::vector<Ref> gc_referrers(Object* const* targets, size_t n);
void gc_freeze();
void gc_unfreeze();
int64_t gc_freeze_count();

}  // namespace minipy
