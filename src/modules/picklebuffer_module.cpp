// picklebuffer_module.cpp — _picklebuffer, minipy's home for pickle.PickleBuffer (objects/memoryview.h):
// CPython's C `_pickle` exports the type, and minipy's `_pickle` is a Python module
// (stdlib/_pickle.py), which imports it from here.
#include "modules/registry.h"
#include "objects/containers.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

const MethodDef kPickleBufferFunctions[] = {
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_picklebuffer_module() {
    Ref module = native_module_new("_picklebuffer", kPickleBufferFunctions);
    dict_set(module_dict(module.get()), intern("PickleBuffer"), &picklebuffer_type);
    return module;
}

}  // namespace minipy
