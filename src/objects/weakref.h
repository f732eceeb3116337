// weakref.h — weak references: objects that refer to another without keeping it alive, cleared
// (with their callbacks run) when it is freed. The `_weakref` module (modules/) publishes them.
#pragma once

#include <vector>

#include "objects/gc.h"
#include "objects/object.h"

namespace minipy {

extern Type weakref_type, weakproxy_type, weakcallableproxy_type;

// A container for the cycle collector (its callback may lead back to it), as in CPython.
struct WeakRef : Object {
    MINIPY_GC_ALLOCATED
    Object* referent;  // not owned; null once it is gone; read and cleared under weakref.cpp's lock
    Object* callback;  // owned or null
    int64_t hash = 0;
    bool hash_known = false;
};

void init_weakref_types();  // at start-up
// Lets instances of a native type be referred to weakly (deque, files, patterns, locks...), as
// CPython's types with a weaklist slot. The type's dealloc must call weakrefs_clear.
void allow_weak_references(Type* t);
// Whether instances of t may be referred to weakly (a class: unless __slots__ leave __weakref__ out).
bool instances_weakly_referable(Type* t);
Ref weakref_new(Object* referent, Object* callback);
Ref weakproxy_new(Object* referent, Object* callback);
// Whether the weak reference `ref`'s referent is gone.
bool weakref_is_dead(Object* ref);
// The live weak references to `referent`.
std::vector<Ref> weakrefs_to(Object* referent);
// Called as a weakly referable object is freed: clears the references to it and runs their callbacks.
void weakrefs_clear(Object* referent);
// The same in two steps, for the cycle collector, which clears every weak reference to its garbage
// before any callback runs: detach (the references, now dead), then run their callbacks.
std::vector<Ref> weakrefs_detach(Object* referent);
// Returns how many references with a callback died after it ran (the collector counts them).
int64_t weakrefs_run_callbacks(std::vector<Ref>& refs);
// Where a failing callback's exception goes (the modules layer reports it as CPython's unraisable).
extern void (*weakref_callback_error)(Object* callback, Ref exc);

}  // namespace minipy
