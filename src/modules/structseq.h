// structseq.h — CPython's struct sequences (os.stat_result, os.terminal_size, ...): tuples whose
// items also have names, some of them (st_atime as a float, st_blocks) reachable only by name.
#pragma once

#include <cstddef>
#include <mutex>

#include "objects/object.h"

namespace minipy {

// One struct sequence type. The first `visible` fields are the tuple's items; the rest are hidden
// after them in the same allocation, as CPython's structseq keeps them past ob_size. A name may
// appear twice (st_atime is item 7, an int, and hidden field 10, a float): the last one wins for
// attribute access, the first is what repr shows. The type object itself is the Type this extends.
struct StructSeqType : Type {
    StructSeqType(const char* module_name, const char* name_in_module, const char* const* field_names,
                  size_t n_visible, size_t n_total, size_t n_unnamed = 0,
                  void (*complete_fn)(Object**) = nullptr)
        : module(module_name),
          type_name(name_in_module),
          fields(field_names),
          visible(n_visible),
          total(n_total),
          unnamed(n_unnamed),
          complete(complete_fn) {}
    const char* module;     // "os"; "" for a type of no module (asyncgen_hooks)
    const char* type_name;  // "stat_result"
    const char* const* fields;
    size_t visible;
    size_t total;
    size_t unnamed;  // n_unnamed_fields, 0 but for stat_result's int times
    // Fills the hidden fields that `T(sequence)` left as None, or null (stat_result copies the int
    // times into the float ones, as CPython's statresult_new).
    void (*complete)(Object** values);
    std::once_flag ready;
};

// Readies `t` once (thread-safe); later calls do nothing.
void structseq_init(StructSeqType& t);
// An instance whose fields are `values` (total of them), each an owned reference it takes over.
Ref structseq_new(StructSeqType& t, Object** values);

}  // namespace minipy
