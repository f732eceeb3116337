// function.cpp — function, cell and bound-method objects, and the argument binder that gives
// CPython's exact TypeErrors for wrong calls.
#include "objects/function.h"

#include <memory>
#include <type_traits>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/iterators.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type function_type, cell_type, method_type;

namespace {

void function_dealloc(Object* o) {
    Function* f = as_function(o);
    weakrefs_clear(o);
    decref(f->code);
    decref(f->globals);
    decref(f->builtins);
    xdecref(f->defaults);
    xdecref(f->kwdefaults);
    xdecref(f->closure);
    decref(f->name);
    decref(f->qualname);
    xdecref(f->module);
    xdecref(f->dict);
    xdecref(f->annotations);
    delete f;
}

Ref function_repr(Object* o) {
    return str_new(
        format("<function %s at %p>", as_function(o)->qualname->utf8.c_str(), static_cast<void*>(o)));
}

Ref function_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    return call_function(as_function(callable), args, nargs, kwnames);
}

// The function's own attributes below are all dunders; any other name (`work.calls`) skips the
// dozen string comparisons (bench/exceptions.py: 590 instructions per read of `work.calls`).
bool is_dunder(const std::string& n) { return n.size() > 4 && n[0] == '_' && n[1] == '_'; }

Ref function_getattr(Object* o, Str* name) {
    Function* f = as_function(o);
    const std::string& n = name->utf8;
    if (!is_dunder(n)) {
        if (f->dict) {
            if (Ref v = dict_get_str_ref(f->dict, name)) return v;
        }
        Ref attr = type_lookup(&function_type, name);
        return attr ? bind_class_attr(attr.get(), o, &function_type) : nullptr;
    }
    if (n == "__name__") return Ref::borrow(f->name);
    if (n == "__qualname__") return Ref::borrow(f->qualname);
    if (n == "__class__") return Ref::borrow(&function_type);
    if (n == "__code__") return Ref::borrow(f->code);
    if (n == "__globals__") return Ref::borrow(f->globals);
    if (n == "__module__") return Ref::borrow(f->module ? f->module : None);
    if (n == "__defaults__") return Ref::borrow(f->defaults ? static_cast<Object*>(f->defaults) : None);
    if (n == "__kwdefaults__") return Ref::borrow(f->kwdefaults ? static_cast<Object*>(f->kwdefaults) : None);
    if (n == "__closure__") return Ref::borrow(f->closure ? static_cast<Object*>(f->closure) : None);
    if (n == "__builtins__") return Ref::borrow(f->builtins);
    if (n == "__annotations__") {
        // Made on first use from MAKE_FUNCTION's flat (name, value, ...) tuple, as CPython does.
        if (!f->annotations || type_of(f->annotations) == &tuple_type) {
            Ref d = dict_new();
            if (f->annotations) {
                Tuple* pairs = as_tuple(f->annotations);
                for (size_t i = 0; i + 1 < pairs->size; i += 2)
                    dict_set(as_dict(d.get()), pairs->items[i], pairs->items[i + 1]);
                decref(f->annotations);
            }
            f->annotations = d.release();
        }
        return Ref::borrow(f->annotations);
    }
    if (n == "__doc__" && !(f->dict && dict_get_str(f->dict, name)))
        return Ref::borrow(f->code->doc ? static_cast<Object*>(f->code->doc) : None);
    if (n == "__dict__") {
        if (!f->dict) f->dict = as_dict(dict_new().release());
        return Ref::borrow(f->dict);
    }
    if (f->dict) {
        if (Ref v = dict_get_str_ref(f->dict, name)) return v;
    }
    // function's own methods (__get__, the dunders) bind to the function.
    Ref attr = type_lookup(&function_type, name);
    return attr ? bind_class_attr(attr.get(), o, &function_type) : nullptr;
}

// `f.name = value` (or `del f.name` when value is null) for a name kept in the function's __dict__.
void set_in_dict(Function* f, Str* name, Object* value) {
    if (!f->dict) f->dict = as_dict(dict_new().release());
    if (value) {
        dict_set(f->dict, name, value);
    } else if (!dict_del(f->dict, name)) {
        raise_no_attribute(f, name);
    }
}

void function_setattr(Object* o, Str* name, Object* value) {
    Function* f = as_function(o);
    const std::string& n = name->utf8;
    auto replace = [&](Str*& field) {
        if (!value || !is_str(value))
            raise(&TypeError_type, "__" + n.substr(2, n.size() - 4) + "__ must be set to a string object");
        decref(field);
        field = as_str(newref(value));
    };
    if (!is_dunder(n)) return set_in_dict(f, name, value);
    if (n == "__name__") return replace(f->name);
    if (n == "__qualname__") return replace(f->qualname);
    auto set_field = [&](auto*& field, Type* type, const char* message) {
        Object* v = value && value != None ? value : nullptr;
        if (v && type && !is_instance(v, type)) raise(&TypeError_type, message);
        xdecref(field);
        field = static_cast<std::remove_reference_t<decltype(field)>>(v ? newref(v) : nullptr);
    };
    if (n == "__module__") return set_field(f->module, nullptr, "");
    if (n == "__defaults__")
        return set_field(f->defaults, &tuple_type, "__defaults__ must be set to a tuple object");
    if (n == "__kwdefaults__")
        return set_field(f->kwdefaults, &dict_type, "__kwdefaults__ must be set to a dict object");
    if (n == "__annotations__")
        return set_field(f->annotations, &dict_type, "__annotations__ must be set to a dict object");
    if (n == "__globals__" || n == "__closure__" || n == "__builtins__")
        raise(&AttributeError_type, "readonly attribute");
    if (n == "__dict__") return assign_dict_attribute(f->dict, value);
    if (n == "__code__") {
        if (!value || type_of(value) != &code_type)
            raise(&TypeError_type, "__code__ must be set to a code object");
        if (as_code(value)->freevars.size() != f->code->freevars.size())
            raise(&ValueError_type,
                  format("%s() requires a code object with %zu free vars, not %zu", f->name->utf8.c_str(),
                         f->code->freevars.size(), as_code(value)->freevars.size()));
        decref(f->code);
        f->code = as_code(newref(value));
        return;
    }
    set_in_dict(f, name, value);
}

void cell_dealloc(Object* o) {
    xdecref(static_cast<Cell*>(o)->ref);
    delete static_cast<Cell*>(o);
}

Ref cell_repr(Object* o) {
    Object* ref = static_cast<Cell*>(o)->ref;
    if (!ref) return str_new(format("<cell at %p: empty>", static_cast<void*>(o)));
    return str_new(format("<cell at %p: %s object at %p>", static_cast<void*>(o), type_of(ref)->name.c_str(),
                          static_cast<void*>(ref)));
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None), with CPython 3.11's
// checks and messages (func_new_impl).
Ref function_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    static const char* const kNames[] = {"code", "globals", "name", "argdefs", "closure"};
    Object* a[5];
    bind_args("function", args, nargs, kw, kNames, 5, 2, a);
    if (type_of(a[0]) != &code_type)
        raise(&TypeError_type,
              format("function() argument 'code' must be code, not %s", type_of(a[0])->name.c_str()));
    if (!is_instance(a[1], &dict_type))
        raise(&TypeError_type,
              format("function() argument 'globals' must be dict, not %s", type_of(a[1])->name.c_str()));
    Object* name = a[2] && a[2] != None ? a[2] : nullptr;
    Object* defaults = a[3] && a[3] != None ? a[3] : nullptr;
    Object* closure = a[4] && a[4] != None ? a[4] : nullptr;
    Code* code = as_code(a[0]);
    if (name && !is_instance(name, &str_type)) raise(&TypeError_type, "arg 3 (name) must be None or string");
    if (defaults && !is_instance(defaults, &tuple_type))
        raise(&TypeError_type, "arg 4 (defaults) must be None or tuple");
    if (closure && !is_instance(closure, &tuple_type))
        raise(&TypeError_type, "arg 5 (closure) must be None or tuple");
    if (!closure && !code->freevars.empty()) raise(&TypeError_type, "arg 5 (closure) must be tuple");
    size_t nclosure = closure ? as_tuple(closure)->size : 0;
    if (nclosure != code->freevars.size())
        raise(&ValueError_type, format("%s requires closure of length %zu, not %zu", code->name->utf8.c_str(),
                                       code->freevars.size(), nclosure));
    for (size_t i = 0; i < nclosure; ++i) {
        Object* item = as_tuple(closure)->items[i];
        if (type_of(item) != &cell_type)
            raise(&TypeError_type,
                  format("arg 5 (closure) expected cell, found %s", type_of(item)->name.c_str()));
    }
    Ref made = function_new(code, static_cast<Dict*>(a[1]));
    Function* f = as_function(made.get());
    if (name) {
        decref(f->name);
        f->name = as_str(newref(name));
    }
    if (defaults) f->defaults = static_cast<Tuple*>(newref(defaults));
    if (closure) f->closure = static_cast<Tuple*>(newref(closure));
    return made;
}

// types.CellType(contents): a cell holding contents, or an empty one.
Ref cell_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("cell", nargs, kw, 0, 1);
    return cell_new(nargs ? args[0] : nullptr);
}

// types.MethodType(function, instance).
Ref method_construct(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("method", nargs, kw, 2, 2);
    if (!type_of(args[0])->call) raise(&TypeError_type, "first argument must be callable");
    if (args[1] == None) raise(&TypeError_type, "instance must not be None");
    return method_new(args[0], args[1]);
}

Ref cell_getattr(Object* o, Str* name) {
    if (name->utf8 == "cell_contents") {
        Object* ref = static_cast<Cell*>(o)->ref;
        if (!ref) raise(&ValueError_type, "Cell is empty");
        return Ref::borrow(ref);
    }
    return generic_getattr(o, name);
}

// cell_contents is writable and deletable (emptying an empty cell is no error), as CPython's.
void cell_setattr(Object* o, Str* name, Object* value) {
    if (name->utf8 != "cell_contents") return builtin_generic_setattr(o, name, value);
    Cell* c = static_cast<Cell*>(o);
    Object* old = c->ref;
    c->ref = value ? newref(value) : nullptr;
    xdecref(old);
}

// CPython's cell_richcompare: two full cells compare their contents; an empty cell comes before a
// full one and equals another empty one.
Ref cell_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &cell_type) return Ref::borrow(NotImplemented);
    Object* x = static_cast<Cell*>(a)->ref;
    Object* y = static_cast<Cell*>(b)->ref;
    if (x && y) return compare(x, y, op);
    return compare(make_small_int(x != nullptr), make_small_int(y != nullptr), op);
}

void method_dealloc(Object* o) {
    weakrefs_clear(o);
    Method* m = static_cast<Method*>(o);
    decref(m->func);
    decref(m->self);
    delete m;
}

Ref method_repr(Object* o) {
    Method* m = static_cast<Method*>(o);
    Ref qualname = get_attr_opt(m->func, intern("__qualname__"));
    std::string name = qualname && is_str(qualname.get()) ? str_utf8_of(qualname.get()) : "?";
    return str_new("<bound method " + name + " of " + repr_utf8(m->self) + ">");
}

// Calls func(self, *args): self goes in front of the arguments in a small buffer on the C stack.
Ref method_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
    Method* m = static_cast<Method*>(callable);
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    Object* small[8];
    std::unique_ptr<Object*[]> big;
    Object** buf = small;
    if (total + 1 > 8) {
        big.reset(new Object*[total + 1]);
        buf = big.get();
    }
    buf[0] = m->self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    return call(m->func, buf, nargs + 1, kwnames);
}

Ref method_getattr(Object* o, Str* name) {
    Method* m = static_cast<Method*>(o);
    if (name->utf8 == "__self__") return Ref::borrow(m->self);
    if (name->utf8 == "__func__") return Ref::borrow(m->func);
    if (name->utf8 == "__class__") return Ref::borrow(&method_type);
    if (name->utf8 == "__doc__") return get_attr_opt(m->func, name);
    // What the method type and object define comes first, as CPython's method_getattro: a bound
    // method pickles by its own __reduce__, not its function's.
    if (Ref found = generic_getattr(o, name)) return found;
    return get_attr_opt(m->func, name);
}

// getattr(self, the function's __name__).
Ref method_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    auto* m = static_cast<Method*>(args[0]);
    return reduce_as_getattr(m->self, get_attr(m->func, intern("__name__")).get());
}

const MethodDef kMethodMethods[] = {{"__reduce__", method_reduce, nullptr}, {}};

// CPython's method_richcompare and method_hash: each lookup of `a.f` makes a new bound method, so
// two are equal when their functions are equal and they are bound to the very same object.
Ref method_compare(Object* a, Object* b, CompareOp op) {
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &method_type)
        return Ref::borrow(NotImplemented);
    auto* x = static_cast<Method*>(a);
    auto* y = static_cast<Method*>(b);
    bool same = x->self == y->self && equals(x->func, y->func);
    return Ref::borrow(bool_obj(op == CompareOp::Eq ? same : !same));
}

int64_t method_hash(Object* o) {
    auto* m = static_cast<Method*>(o);
    int64_t h = object_type.hash(m->self) ^ hash(m->func);
    return h == -1 ? -2 : h;
}

// The cycle collector's slots. Only fields that may be null are cleared (globals and the closure stay:
// the collector clears the dict and the cells in a cycle through them instead).
void function_traverse(Object* o, VisitProc visit, void* arg) {
    Function* f = as_function(o);
    for (Object* p :
         {static_cast<Object*>(f->globals), static_cast<Object*>(f->builtins),
          static_cast<Object*>(f->defaults), static_cast<Object*>(f->kwdefaults),
          static_cast<Object*>(f->closure), f->module, static_cast<Object*>(f->dict), f->annotations})
        if (p) visit(p, arg);
}

void function_clear(Object* o) {
    Function* f = as_function(o);
    Object* defaults = std::exchange(f->defaults, nullptr);
    Object* kwdefaults = std::exchange(f->kwdefaults, nullptr);
    Object* dict = std::exchange(f->dict, nullptr);
    Object* annotations = std::exchange(f->annotations, nullptr);
    xdecref(defaults);
    xdecref(kwdefaults);
    xdecref(dict);
    xdecref(annotations);
}

void cell_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* ref = static_cast<Cell*>(o)->ref) visit(ref, arg);
}

void cell_clear(Object* o) { xdecref(std::exchange(static_cast<Cell*>(o)->ref, nullptr)); }

// No clear slot, as CPython's bound methods: func and self are never null.
void method_traverse(Object* o, VisitProc visit, void* arg) {
    visit(static_cast<Method*>(o)->func, arg);
    visit(static_cast<Method*>(o)->self, arg);
}

}  // namespace

void init_function_types() {
    function_type.name = "function";
    function_type.instance_size = sizeof(Function);
    function_type.dealloc = function_dealloc;
    function_type.traverse = function_traverse;
    function_type.clear = function_clear;
    function_type.repr = function_repr;
    function_type.call = function_call;
    function_type.getattr = function_getattr;
    function_type.setattr = function_setattr;
    function_type.construct = function_construct;
    init_type(&function_type);
    add_attribute_descriptors(&function_type, {"__code__", "__defaults__", "__kwdefaults__",
                                               "__annotations__", "__dict__", "__name__", "__qualname__"});
    add_attribute_descriptors(&function_type,
                              {"__globals__", "__closure__", "__doc__", "__module__", "__builtins__"}, true);

    cell_type.name = "cell";
    cell_type.instance_size = sizeof(Cell);
    cell_type.dealloc = cell_dealloc;
    cell_type.traverse = cell_traverse;
    cell_type.clear = cell_clear;
    cell_type.repr = cell_repr;
    cell_type.getattr = cell_getattr;
    cell_type.setattr = cell_setattr;
    cell_type.compare = cell_compare;
    cell_type.hash = hash_not_implemented;
    cell_type.construct = cell_construct;
    init_type(&cell_type);
    add_attribute_descriptors(&cell_type, {"cell_contents"});

    method_type.name = "method";
    method_type.construct = method_construct;
    method_type.instance_size = sizeof(Method);
    method_type.dealloc = method_dealloc;
    method_type.traverse = method_traverse;
    method_type.repr = method_repr;
    method_type.call = method_call;
    method_type.getattr = method_getattr;
    method_type.compare = method_compare;
    method_type.hash = method_hash;
    method_type.methods = kMethodMethods;
    init_type(&method_type);
    add_attribute_descriptors(&method_type, {"__func__", "__self__"}, true);
}

namespace {

// As CPython 3.13t, only functions defined at the top level are deferred: a nested one is more
// likely to hold variables through its cells (its own class, with super()), and a program that
// makes them in a loop wants them freed as soon as they are rebound, not at the next collection.
bool is_nested_function(Object* o) { return is_function(o) && (as_function(o)->code->flags & kCoNested); }
void note_nested(Object* referent, void* found) {
    if (is_nested_function(referent)) *static_cast<bool*>(found) = true;
}

}  // namespace

void defer_definition_of_type(Object* value, Type* t) {
    // A staticmethod, classmethod or property is deferred unless it wraps a nested function.
    bool nested = is_nested_function(value);
    if (t != &function_type && t->traverse) t->traverse(value, note_nested, &nested);
    if (!nested) make_deferred(value);
}

namespace {
Object* (*g_running_builtins)() = nullptr;
}  // namespace

void set_running_builtins(Object* (*running)()) { g_running_builtins = running; }

Object* builtins_of_globals(Dict* globals) {
    static Str* const kBuiltins = intern("__builtins__");
    Object* b = dict_get_str(globals, kBuiltins);
    if (!b) return g_running_builtins();
    if (is_module(b)) return module_dict(b);  // __main__'s
    // An imported module's dict as it is; any other mapping (a dict subclass included) is asked
    // through its __getitem__ by LOAD_GLOBAL and LOAD_NAME, as CPython's.
    return b;
}

Ref function_new(Code* code, Dict* globals) {
    Function* f = new Function();
    init_header(f, &function_type);
    f->code = static_cast<Code*>(newref(code));
    f->globals = static_cast<Dict*>(newref(globals));
    f->builtins = newref(builtins_of_globals(globals));
    f->defaults = nullptr;
    f->kwdefaults = nullptr;
    f->closure = nullptr;
    f->name = static_cast<Str*>(newref(code->name));
    f->qualname = static_cast<Str*>(newref(code->qualname));
    static Str* const kName = intern("__name__");  // interned once: MAKE_FUNCTION runs this
    Object* module = dict_get_str(globals, kName);
    f->module = module ? newref(module) : nullptr;
    f->dict = nullptr;
    f->annotations = nullptr;
    return Ref::steal(f);
}

Ref cell_new(Object* value) {
    Cell* c = new Cell();
    init_header(c, &cell_type);
    c->ref = value ? newref(value) : nullptr;
    return Ref::steal(c);
}

Ref method_new(Object* func, Object* self) {
    Method* m = new Method();
    init_header(m, &method_type);
    m->func = newref(func);
    m->self = newref(self);
    return Ref::steal(m);
}

// ---- argument binding ----

namespace {

// "'a', 'b', and 'c'", as CPython's format_missing() lists names.
std::string name_list(const std::vector<Str*>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() > 2 ? ", " : " ";
        if (i > 0 && i + 1 == names.size()) out += "and ";
        out += "'" + names[i]->utf8 + "'";
    }
    return out;
}

[[noreturn]] void raise_missing(Function* f, const std::vector<Str*>& missing, const char* kind) {
    size_t n = missing.size();
    raise(&TypeError_type, format("%s() missing %zu required %s argument%s: %s", f->qualname->utf8.c_str(), n,
                                  kind, n == 1 ? "" : "s", name_list(missing).c_str()));
}

[[noreturn]] void raise_too_many(Function* f, size_t given, Object** locals) {
    Code* co = f->code;
    size_t defaults = f->defaults ? f->defaults->size : 0;
    size_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; ++i)
        kwonly_given += locals[i] != nullptr;
    std::string takes;
    if (defaults > 0) {
        takes = format("from %zu to %d positional arguments", co->argcount - defaults, co->argcount);
    } else {
        takes = format("%d positional argument%s", co->argcount, co->argcount == 1 ? "" : "s");
    }
    std::string given_text = format("%zu", given);
    if (kwonly_given > 0) {
        given_text += format(" positional argument%s (and %zu keyword-only argument%s)",
                             given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    }
    raise(&TypeError_type, format("%s() takes %s but %s %s given", f->qualname->utf8.c_str(), takes.c_str(),
                                  given_text.c_str(), given == 1 && kwonly_given == 0 ? "was" : "were"));
}

int find_parameter(Code* co, Str* name, int first, int end) {
    for (int i = first; i < end; ++i) {
        if (co->varnames[i] == name) return i;
    }
    for (int i = first; i < end; ++i) {
        if (str_equal(co->varnames[i], name)) return i;
    }
    return -1;
}

}  // namespace

void bind_arguments(Function* f, Object** locals, Object* const* args, size_t nargs, Tuple* kwnames) {
    Code* co = f->code;
    size_t argcount = static_cast<size_t>(co->argcount);
    int kwonly_end = co->argcount + co->kwonlyargcount;
    size_t n = std::min(nargs, argcount);
    for (size_t i = 0; i < n; ++i) locals[i] = newref(args[i]);
    int extra = kwonly_end;
    if (co->flags & kCoVarArgs) {
        locals[extra++] = nargs > argcount ? tuple_from(args + argcount, nargs - argcount).release()
                                           : newref(empty_tuple());
    }
    Dict* kwdict = nullptr;
    if (co->flags & kCoVarKeywords) {
        kwdict = as_dict(dict_new().release());
        locals[extra] = kwdict;
    }
    std::vector<Str*> posonly_as_keyword;
    size_t nkw = kwnames ? kwnames->size : 0;
    for (size_t j = 0; j < nkw; ++j) {
        Str* name = as_str(kwnames->items[j]);
        Object* value = args[nargs + j];
        int i = find_parameter(co, name, co->posonlyargcount, kwonly_end);
        if (i < 0) {
            if (kwdict) {
                dict_set(kwdict, name, value);
                continue;
            }
            if (find_parameter(co, name, 0, co->posonlyargcount) >= 0) {
                posonly_as_keyword.push_back(name);
                continue;
            }
            raise(&TypeError_type, format("%s() got an unexpected keyword argument '%s'",
                                          f->qualname->utf8.c_str(), name->utf8.c_str()));
        }
        if (locals[i]) {
            raise(&TypeError_type, format("%s() got multiple values for argument '%s'",
                                          f->qualname->utf8.c_str(), name->utf8.c_str()));
        }
        locals[i] = newref(value);
    }
    if (nargs > argcount && !(co->flags & kCoVarArgs)) raise_too_many(f, nargs, locals);
    if (!posonly_as_keyword.empty()) {
        std::string names;
        for (size_t i = 0; i < posonly_as_keyword.size(); ++i)
            names += (i ? ", '" : "'") + posonly_as_keyword[i]->utf8 + "'";
        raise(&TypeError_type,
              format("%s() got some positional-only arguments passed as keyword arguments: %s",
                     f->qualname->utf8.c_str(), names.c_str()));
    }
    if (n < argcount) {
        size_t ndefaults = f->defaults ? f->defaults->size : 0;
        size_t first_default = argcount - ndefaults;
        std::vector<Str*> missing;
        for (size_t i = n; i < argcount; ++i) {
            if (locals[i]) continue;
            if (i >= first_default)
                locals[i] = newref(f->defaults->items[i - first_default]);
            else
                missing.push_back(co->varnames[i]);
        }
        if (!missing.empty()) raise_missing(f, missing, "positional");
    }
    if (co->kwonlyargcount > 0) {
        std::vector<Str*> missing;
        for (int i = co->argcount; i < kwonly_end; ++i) {
            if (locals[i]) continue;
            Object* d = f->kwdefaults ? dict_get_str(f->kwdefaults, co->varnames[i]) : nullptr;
            if (d)
                locals[i] = newref(d);
            else
                missing.push_back(co->varnames[i]);
        }
        if (!missing.empty()) raise_missing(f, missing, "keyword-only");
    }
}

}  // namespace minipy
