// exception_class.cpp — see exception_class.h.
#include "modules/exception_class.h"

#include <vector>

#include "objects/class.h"
#include "objects/containers.h"
#include "objects/str.h"

namespace minipy {

Ref new_exception_class(const char* module, const char* name, std::initializer_list<Object*> bases) {
    Ref ns = dict_new();
    dict_set(as_dict(ns.get()), intern("__module__"), str_new(module).get());
    std::vector<Object*> items(bases);
    Ref base_tuple = tuple_from(items.data(), items.size());
    return class_new(name, as_tuple(base_tuple.get()), as_dict(ns.get()));
}

}  // namespace minipy
