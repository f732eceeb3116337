// module.cpp — the module type: attribute reads and writes go to the module's dict.
#include "objects/module.h"

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type module_type;

namespace {

// Storage from the collector: modules are tracked, as CPython's (a module's functions refer back to
// its dict through their globals).
void module_dealloc(Object* o) {
    weakrefs_clear(o);
    decref(module_dict(o));
    static_cast<ModuleObject*>(o)->~ModuleObject();
    gc_free(o);
}

// No clear slot: the dict is never null, and the collector clearing the dict breaks the cycle.
void module_traverse(Object* o, VisitProc visit, void* arg) { visit(module_dict(o), arg); }

// repr(module), as importlib._bootstrap._module_repr (CPython's module_repr calls it): from the
// module's __spec__ when it has one (<module 'math' (built-in)>, <module 'json' from '...'>), else
// its loader's module_repr(), else its __name__ and __file__ or loader.
Ref module_repr_from_spec(Object* spec) {
    Ref name = get_attr(spec, intern("name"));
    std::string shown = name.get() == None ? "'?'" : repr_utf8(name.get());
    Ref origin = get_attr(spec, intern("origin"));
    if (origin.get() == None) {
        Ref loader = get_attr(spec, intern("loader"));
        if (loader.get() == None) return str_new("<module " + shown + ">");
        return str_new("<module " + shown + " (" + repr_utf8(loader.get()) + ")>");
    }
    Ref has_location = get_attr(spec, intern("has_location"));
    if (is_true(has_location.get()))
        return str_new("<module " + shown + " from " + repr_utf8(origin.get()) + ">");
    return str_new("<module " + repr_utf8(name.get()) + " (" + str_utf8_of(str(origin.get()).get()) + ")>");
}

Ref module_repr(Object* o) {
    Ref loader = get_attr_opt(o, intern("__loader__"));
    if (Ref spec = get_attr_opt(o, intern("__spec__")); spec && is_true(spec.get()))
        return module_repr_from_spec(spec.get());
    if (loader && loader.get() != None) {
        if (Ref custom = get_attr_opt(loader.get(), intern("module_repr"))) {
            try {
                return call1(custom.get(), o);
            } catch (PyException& e) {
                if (!is_instance(e.exception(), &Exception_type)) throw;
                Ref ignored = e.take();
            }
        }
    }
    Ref name = get_attr_opt(o, intern("__name__"));
    std::string shown = name ? repr_utf8(name.get()) : "'?'";
    if (Ref file = get_attr_opt(o, intern("__file__")))
        return str_new("<module " + shown + " from " + repr_utf8(file.get()) + ">");
    if (!loader || loader.get() == None) return str_new("<module " + shown + ">");
    return str_new("<module " + shown + " (" + repr_utf8(loader.get()) + ")>");
}

Ref module_getattr(Object* o, Str* name) {
    if (name->utf8 == "__dict__") return Ref::borrow(module_dict(o));
    // The reference is taken under the dict's lock: another thread may rebind the global.
    if (Ref v = dict_get_str_ref(module_dict(o), name)) return v;
    if (name->utf8 == "__class__") return Ref::borrow(type_of(o));
    // CPython's module_get_annotations: a module that annotated nothing gets an empty dict on first
    // read, kept in its __dict__ from then on.
    if (name->utf8 == "__annotations__") {
        Ref annotations = dict_new();
        dict_set(module_dict(o), name, annotations.get());
        return annotations;
    }
    if (Ref found = type_lookup(type_of(o), name)) return bind_class_attr(found.get(), o, type_of(o));
    // PEP 562: a module's own __getattr__(name) answers for names it does not hold
    // (concurrent.futures imports its executors this way, on first use).
    if (Ref hook = dict_get_str_ref(module_dict(o), intern("__getattr__"))) {
        Object* arg = name;
        return call(hook.get(), &arg, 1);
    }
    return nullptr;
}

void module_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 == "__class__") return set_object_class(o, value);
    if (value) {
        dict_set(module_dict(o), name, value);
    } else if (!dict_del(module_dict(o), name)) {
        if (name->utf8 == "__annotations__") raise(&AttributeError_type, "__annotations__");
        raise_missing_attribute(o, name);
    }
}

// module.__init__(name, doc=None), as CPython's module_init_dict: the name and doc, and None for
// __package__, __loader__ and __spec__.
void module_init_dict(Object* m, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"name", "doc"};
    Object* a[2] = {};
    bind_args("module", args, nargs, kw, kNames, 2, 1, a);
    if (!is_str(a[0]))
        raise(&TypeError_type,
              format("module() argument 'name' must be str, not %s", type_of(a[0])->name.c_str()));
    Dict* d = module_dict(m);
    dict_set(d, intern("__name__"), a[0]);
    dict_set(d, intern("__doc__"), a[1] ? a[1] : None);
    for (const char* n : {"__package__", "__loader__", "__spec__"}) dict_set(d, intern(n), None);
}

// types.ModuleType(name, doc=None); a class derived from it whose own __init__ takes the arguments
// (class.cpp passes none then) gets a module with an empty dict, as CPython's new_module.
Ref module_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    if (type != &module_type && nargs == 0 && (!kw || kw->size == 0)) return module_new_empty();
    Ref m = module_new("");
    module_init_dict(m.get(), args, nargs, kw);
    return m;
}

Ref module_init(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    if (nargs == 0 || !is_instance(args[0], &module_type))
        raise(&TypeError_type, "descriptor '__init__' of 'module' object needs an argument");
    module_init_dict(args[0], args + 1, nargs - 1, kw);
    return Ref::borrow(None);
}

// module.__dir__: the module's own __dir__ (PEP 562) if its dict has one, else its dict's keys.
Ref module_dir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__dir__", nargs, kw, 1, 1);
    // The dict __dict__ names, as CPython's module___dir__ reads it: a subclass may shadow it.
    Ref found = get_attr(args[0], intern("__dict__"));
    if (!is_instance(found.get(), &dict_type))
        raise(&TypeError_type, "<module>.__dict__ is not a dictionary");
    Dict* d = as_dict(found.get());
    if (Ref hook = dict_get_str_ref(d, intern("__dir__"))) return call(hook.get(), nullptr, 0);
    return list_from_iterable(d);
}

const MethodDef kModuleMethods[] = {
    {"__init__", module_init, "Initialize self.  See help(type(self)) for accurate signature."},
    {"__dir__", module_dir, "Specialized dir() implementation"},
    {nullptr, nullptr, nullptr},
};

Dict* module_instance_dict(Object* o) { return module_dict(o); }

}  // namespace

void raise_missing_attribute(Object* o, Str* name) {
    if (!is_module(o)) raise_no_attribute(o, name);
    Object* mod_name = dict_get_str(module_dict(o), intern("__name__"));
    // Joined rather than formatted: a name may hold a NUL, which %s would cut.
    if (!mod_name || !is_str(mod_name))  // a module module.__new__ made and nothing named
        raise(&AttributeError_type, "module has no attribute '" + name->utf8 + "'");
    const std::string& module_name = str_utf8_of(mod_name);
    if (module_is_initializing(o))
        raise(&AttributeError_type, "partially initialized module '" + module_name + "' has no attribute '" +
                                        name->utf8 + "' (most likely due to a circular import)");
    // A submodule whose import is running (importlib's spec lists it in _uninitialized_submodules).
    if (Object* spec = dict_get_str(module_dict(o), intern("__spec__")); spec && spec != None) {
        Ref loading = get_attr_opt(spec, intern("_uninitialized_submodules"));
        if (loading && type_of(loading.get()) == &list_type && contains(loading.get(), name))
            raise(&AttributeError_type, "cannot access submodule '" + name->utf8 + "' of module '" +
                                            module_name + "' (most likely due to a circular import)");
    }
    raise(&AttributeError_type, "module '" + module_name + "' has no attribute '" + name->utf8 + "'");
}

Ref module_new_empty() {
    Ref m = module_new("");
    dict_clear(module_dict(m.get()));
    return m;
}

void init_module_type() {
    module_type.name = "module";
    module_type.instance_size = sizeof(ModuleObject);
    module_type.dealloc = module_dealloc;
    module_type.traverse = module_traverse;
    module_type.repr = module_repr;
    module_type.getattr = module_getattr;
    module_type.setattr = module_setattr;
    module_type.construct = module_construct;
    module_type.methods = kModuleMethods;
    module_type.is_basetype = true;
    module_type.instance_dict = module_instance_dict;
    init_type(&module_type);
}

Ref module_new(const std::string& name) {
    ModuleObject* m = new (gc_alloc(sizeof(ModuleObject))) ModuleObject();
    init_header(m, &module_type);
    m->dict = as_dict(dict_new().release());
    dict_set(m->dict, intern("__name__"), str_new(name).get());
    dict_set(m->dict, intern("__doc__"), None);
    return Ref::steal(m);
}

Ref native_module_new(const std::string& name, const MethodDef* functions, Object* self) {
    Ref module = module_new(name);
    Ref module_name = str_new(name);
    for (const MethodDef* def = functions; def->name; ++def)
        dict_set(module_dict(module.get()), intern(def->name),
                 native_function_new(def, self, module_name.get()).get());
    return module;
}

}  // namespace minipy
