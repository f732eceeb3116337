// generic_alias.cpp — `list[int]` (types.GenericAlias, PEP 585) and `int | str` (types.UnionType,
// PEP 604): the objects typing and annotations build on, with CPython's repr, equality and
// substitution of type variables (anything with __typing_subst__).
#include "objects/generic_alias.h"

#include <string>
#include <utility>

#include "objects/abstract.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/iterators.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "objects/weakref.h"

namespace minipy {

Type generic_alias_type, union_type;

namespace {

struct Alias : Object {
    MINIPY_GC_ALLOCATED
    Object* origin;  // owned (null for a union)
    Object* args;    // owned tuple
    Object* params;  // owned tuple: the type variables among args, found once at creation
    bool starred;    // `*tuple[int, str]` (PEP 646): what iterating an alias gives
};

Alias* as_alias(Object* o) { return static_cast<Alias*>(o); }

void alias_dealloc(Object* o) {
    weakrefs_clear(o);
    xdecref(as_alias(o)->origin);
    decref(as_alias(o)->args);
    xdecref(as_alias(o)->params);
    delete as_alias(o);
}

// Tracked, as CPython's (list[C] may sit in C's own annotations); args is never null, so no clear.
void alias_traverse(Object* o, VisitProc visit, void* arg) {
    Alias* a = as_alias(o);
    for (Object* field : {a->origin, a->args, a->params})
        if (field) visit(field, arg);
}

Ref collect_parameters(Tuple* args);

Ref alias_make(Type* t, Object* origin, Ref args, bool starred = false) {
    if (type_of(args.get()) != &tuple_type) {
        Object* one = args.get();
        args = tuple_from(&one, 1);
    }
    auto* a = new Alias();
    init_header(a, t);
    a->origin = origin ? newref(origin) : nullptr;
    a->args = args.release();
    a->params = collect_parameters(as_tuple(a->args)).release();
    a->starred = starred;
    return Ref::steal(a);
}

// CPython's ga_repr_item: a class as module.qualname (builtins without module), ... as `...`.
std::string repr_item(Object* p) {
    if (p == Ellipsis) return "...";
    if (type_of(p) == &generic_alias_type || type_of(p) == &union_type) return repr_utf8(p);
    Ref qualname = get_attr_opt(p, intern("__qualname__"));
    Ref module = get_attr_opt(p, intern("__module__"));
    if (qualname && module && get_attr_opt(p, intern("__origin__")).get() == nullptr) {
        if (is_str(module.get()) && str_utf8_of(module.get()) == "builtins") return str_utf8(qualname.get());
        return str_utf8(module.get()) + "." + str_utf8(qualname.get());
    }
    return repr_utf8(p);
}

Ref alias_repr(Object* o) {
    Alias* a = as_alias(o);
    Tuple* args = as_tuple(a->args);
    std::string s = a->starred ? "*" : "";
    s += repr_item(a->origin) + "[";
    for (size_t i = 0; i < args->size; ++i) {
        if (i) s += ", ";
        s += repr_item(args->items[i]);
    }
    if (args->size == 0) s += "()";
    return str_new(s + "]");
}

// The type variables among `args` (objects with __typing_subst__, and those of nested aliases).
Ref collect_parameters(Tuple* args) {
    Ref params = list_new();
    auto add = [&](Object* p) {
        for (Object* q : as_list(params.get())->items)
            if (q == p) return;
        list_append(params.get(), p);
    };
    for (size_t i = 0; i < args->size; ++i) {
        Object* arg = args->items[i];
        if (is_type(arg)) continue;
        if (get_attr_opt(arg, intern("__typing_subst__"))) {
            add(arg);
        } else if (Ref sub = get_attr_opt(arg, intern("__parameters__"))) {
            if (type_of(sub.get()) == &tuple_type)
                for (size_t j = 0; j < as_tuple(sub.get())->size; ++j) add(as_tuple(sub.get())->items[j]);
        }
    }
    return tuple_from_iterable(params.get());
}

Object* parameters_of(Alias* a) { return a->params; }

// The names an alias answers itself; every other attribute (methods, `__doc__`, `__getitem__`) is
// the origin's, as CPython's ga_getattro: `list[int].append(a, 1)` is list.append.
constexpr const char* kAliasOwnNames[] = {
    "__class__",       "__origin__",     "__args__",
    "__unpacked__",    "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__",  "__reduce__",
    "__copy__",        "__deepcopy__"};

bool is_alias_own_name(const std::string& n) {
    for (const char* own : kAliasOwnNames)
        if (n == own) return true;
    return false;
}

Ref alias_getattr(Object* o, Str* name) {
    if (!is_alias_own_name(name->utf8)) return get_attr(as_alias(o)->origin, name);
    return alias_own_attribute(o, name);
}

// dir(alias): the origin's names and the alias's own.
Ref alias_dir(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__dir__", nargs - 1, kw, 0, 0);
    Object* origin = as_alias(args[0])->origin;
    Ref dir = special_method(origin, intern("__dir__"));
    Ref names = list_from_iterable(call(dir.get(), nullptr, 0).get());
    for (const char* own : kAliasOwnNames) {
        Object* s = intern(own);
        if (!contains(names.get(), s)) list_append(names.get(), s);
    }
    return names;
}

// list[int](...) makes a list.
Ref alias_call(Object* o, Object* const* args, size_t nargs, Tuple* kw) {
    Ref r = call(as_alias(o)->origin, args, nargs, kw);
    try {
        set_attr(r.get(), intern("__orig_class__"), o);
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &AttributeError_type) && !is_instance(e.exception(), &TypeError_type))
            throw;
    }
    return r;
}

Ref alias_compare(Object* a, Object* b, CompareOp op) {
    // A GenericAlias equals one of a subclass (collections.abc's _CallableGenericAlias), as CPython's.
    bool both_unions = type_of(a) == &union_type && type_of(b) == &union_type;
    bool both_aliases = is_instance(a, &generic_alias_type) && is_instance(b, &generic_alias_type);
    if ((op != CompareOp::Eq && op != CompareOp::Ne) || !(both_unions || both_aliases))
        return Ref::borrow(NotImplemented);
    bool eq;
    if (type_of(a) == &union_type) {
        // Unions are equal when they hold the same members in any order.
        Ref x = set_new(&frozenset_type);
        Ref y = set_new(&frozenset_type);
        for_each_item(as_alias(a)->args, [&](Object* m) { set_add(x.get(), m); });
        for_each_item(as_alias(b)->args, [&](Object* m) { set_add(y.get(), m); });
        eq = is_true(compare(x.get(), y.get(), CompareOp::Eq).get());
    } else {
        eq = as_alias(a)->starred == as_alias(b)->starred &&
             is_true(compare(as_alias(a)->origin, as_alias(b)->origin, CompareOp::Eq).get()) &&
             is_true(compare(as_alias(a)->args, as_alias(b)->args, CompareOp::Eq).get());
    }
    return Ref::borrow(bool_obj(eq == (op == CompareOp::Eq)));
}

int64_t alias_hash(Object* o) {
    if (type_of(o) == &union_type) {
        Ref s = set_new(&frozenset_type);
        for_each_item(as_alias(o)->args, [&](Object* m) { set_add(s.get(), m); });
        return hash(s.get());
    }
    int64_t h = hash(as_alias(o)->origin) ^ hash(as_alias(o)->args);
    return h == -1 ? -2 : h;
}

long index_of(Tuple* t, Object* item) {
    for (size_t i = 0; i < t->size; ++i)
        if (t->items[i] == item) return static_cast<long>(i);
    return -1;
}

// A nested alias (`list[T]` inside `dict[str, list[T]]`) subscripted with the arguments of its own
// type variables; a TypeVarTuple's (an iterable parameter) tuple of arguments is spliced in whole.
Ref substitute_nested(Object* arg, Tuple* params, Tuple* given) {
    Ref sub = get_attr_opt(arg, intern("__parameters__"));
    if (!sub || type_of(sub.get()) != &tuple_type || as_tuple(sub.get())->size == 0) return Ref::borrow(arg);
    Tuple* sp = as_tuple(sub.get());
    Ref subargs = list_new();
    for (size_t k = 0; k < sp->size; ++k) {
        long j = index_of(params, sp->items[k]);
        Object* pick = j < 0 ? sp->items[k] : given->items[j];
        if (j >= 0 && type_of(pick) == &tuple_type &&
            get_attr_opt(type_of(params->items[j]), intern("__iter__"))) {
            for_each_item(pick, [&](Object* x) { list_append(subargs.get(), x); });
        } else {
            list_append(subargs.get(), pick);
        }
    }
    return get_item(arg, tuple_from_iterable(subargs.get()).get());
}

// alias[X, ...]: each type variable in __parameters__ replaced by the matching argument, as
// CPython 3.11's _Py_subs_parameters: parameters may first reshape the arguments
// (__typing_prepare_subst__: a TypeVarTuple gathers its share into a tuple), and an unpacked
// TypeVarTuple among the arguments is replaced by the items of its tuple.
Ref alias_getitem(Object* o, Object* key) {
    Alias* a = as_alias(o);
    Tuple* params = as_tuple(parameters_of(a));
    if (params->size == 0) raise(&TypeError_type, format("%s is not a generic class", repr_utf8(o).c_str()));
    Ref items = type_of(key) == &tuple_type ? Ref::borrow(key) : tuple_from(&key, 1);
    for (size_t j = 0; j < params->size; ++j) {
        Ref prepare = get_attr_opt(params->items[j], intern("__typing_prepare_subst__"));
        if (!prepare || prepare.get() == None) continue;
        Object* prepare_args[2] = {o, items.get()};
        items = call(prepare.get(), prepare_args, 2);
    }
    Tuple* given = as_tuple(items.get());
    if (given->size != params->size)
        raise(&TypeError_type, format("Too %s arguments for %s; actual %zu, expected %zu",
                                      given->size > params->size ? "many" : "few", repr_utf8(o).c_str(),
                                      given->size, params->size));
    Tuple* args = as_tuple(a->args);
    Ref out = list_new();
    for (size_t i = 0; i < args->size; ++i) {
        Object* arg = args->items[i];
        if (is_type(arg)) {
            list_append(out.get(), arg);
            continue;
        }
        Ref unpacked = get_attr_opt(arg, intern("__typing_is_unpacked_typevartuple__"));
        // The type variable checks and converts its argument (TypeVar.__typing_subst__).
        Ref subst = get_attr_opt(arg, intern("__typing_subst__"));
        long j = index_of(params, arg);
        Ref v = subst && subst.get() != None && j >= 0 ? call1(subst.get(), given->items[j])
                                                       : substitute_nested(arg, params, given);
        if (unpacked && is_true(unpacked.get()) && type_of(v.get()) == &tuple_type) {
            for_each_item(v.get(), [&](Object* x) { list_append(out.get(), x); });
        } else {
            list_append(out.get(), v.get());
        }
    }
    // A union's new members are or-ed together, as CPython's union_getitem: duplicates fold, and
    // one left is the result itself (`(list[T] | list[S])[int, int]` is list[int]).
    if (type_of(o) == &union_type) {
        const ListItems& members = as_list(out.get())->items;
        Ref result = Ref::borrow(members[0]);
        for (size_t i = 1; i < members.size(); ++i)
            result = binary_op(result.get(), members[i], BinaryOp::Or);
        return result;
    }
    return alias_make(type_of(o), a->origin, tuple_from_iterable(out.get()), a->starred);
}

// iter(tuple[int, str]) gives `*tuple[int, str]` once: `tuple[*tuple[int, str]]` (PEP 646). The
// iterator is CPython's generic_alias_iterator, which pickles as iter(the alias).
Type alias_iterator_type;

struct AliasIter : Object {
    Object* alias;  // owned; null once the starred alias was given
};

Ref alias_iter(Object* o) {
    auto* it = new (gc_alloc(sizeof(AliasIter))) AliasIter();
    init_header(it, &alias_iterator_type);
    it->alias = newref(o);
    return Ref::steal(it);
}

Ref alias_iter_next(Object* o) {
    Object* alias = std::exchange(static_cast<AliasIter*>(o)->alias, nullptr);
    if (!alias) return nullptr;
    Ref owned = Ref::steal(alias);
    return alias_make(type_of(alias), as_alias(alias)->origin, Ref::borrow(as_alias(alias)->args), true);
}

void alias_iter_dealloc(Object* o) {
    xdecref(static_cast<AliasIter*>(o)->alias);
    static_cast<AliasIter*>(o)->~AliasIter();
    gc_free(o);
}

void alias_iter_traverse(Object* o, VisitProc visit, void* arg) {
    if (Object* alias = static_cast<AliasIter*>(o)->alias) visit(alias, arg);
}

void alias_iter_clear(Object* o) { xdecref(std::exchange(static_cast<AliasIter*>(o)->alias, nullptr)); }

// (iter, (alias,)), or (iter, ((),)) once exhausted.
Ref alias_iter_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Object* alias = static_cast<AliasIter*>(args[0])->alias;
    Ref empty = tuple_from(nullptr, 0);
    Object* one = alias ? alias : empty.get();
    return reduce_value(builtin_iter(), tuple_from(&one, 1));
}

const MethodDef kAliasIterMethods[] = {{"__reduce__", alias_iter_reduce, nullptr}, {}};

Ref alias_mro_entries(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__mro_entries__", nargs - 1, kw, 1, 1);
    Object* origin = as_alias(args[0])->origin;
    return tuple_from(&origin, 1);
}

Ref alias_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Alias* a = as_alias(args[0]);
    // *tuple[int] pickles as next(iter(tuple[int])), as CPython's.
    if (a->starred) {
        Ref it = get_iter(alias_make(type_of(a), a->origin, Ref::borrow(a->args)).get());
        Object* one = it.get();
        return reduce_value(builtin_next(), tuple_from(&one, 1));
    }
    Object* inner[2] = {a->origin, a->args};
    Ref pair = tuple_from(inner, 2);
    Object* outer[2] = {&generic_alias_type, pair.get()};
    return tuple_from(outer, 2);
}

Ref alias_instancecheck(Object*, Object* const*, size_t, Tuple*) {
    raise(&TypeError_type, "isinstance() argument 2 cannot be a parameterized generic");
}

Ref alias_subclasscheck(Object*, Object* const*, size_t, Tuple*) {
    raise(&TypeError_type, "issubclass() argument 2 cannot be a parameterized generic");
}

const MethodDef kAliasMethods[] = {
    {"__mro_entries__", alias_mro_entries, nullptr},
    {"__reduce__", alias_reduce, nullptr},
    {"__dir__", alias_dir, nullptr},
    {"__instancecheck__", alias_instancecheck, nullptr},
    {"__subclasscheck__", alias_subclasscheck, nullptr},
    {nullptr, nullptr, nullptr},
};

// GenericAlias(origin, args), or a class derived from it (collections.abc's _CallableGenericAlias).
Ref alias_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("GenericAlias", nargs, kw, 2, 2);
    return alias_make(static_cast<Type*>(type), args[0], Ref::borrow(args[1]));
}

// ---- X | Y ----

bool unionable(Object* o) {
    return o == None || is_type(o) || is_instance(o, &generic_alias_type) || type_of(o) == &union_type;
}

// The members of `o` added to `out` once each, unions flattened and None as type(None).
void add_members(Object* o, Object* out) {
    if (type_of(o) == &union_type) {
        Tuple* args = as_tuple(as_alias(o)->args);
        for (size_t i = 0; i < args->size; ++i) add_members(args->items[i], out);
        return;
    }
    Object* member = o == None ? static_cast<Object*>(type_of(None)) : o;
    for (Object* m : as_list(out)->items)
        if (m == member || (is_instance(m, &generic_alias_type) && is_instance(member, &generic_alias_type) &&
                            is_true(compare(m, member, CompareOp::Eq).get())))
            return;
    list_append(out, member);
}

Ref union_repr(Object* o) {
    Tuple* args = as_tuple(as_alias(o)->args);
    std::string s;
    for (size_t i = 0; i < args->size; ++i) {
        if (i) s += " | ";
        s += args->items[i] == type_of(None) ? "None" : repr_item(args->items[i]);
    }
    return str_new(s);
}

Ref union_getattr(Object* o, Str* name) {
    if (name->utf8 == "__args__") return Ref::borrow(as_alias(o)->args);
    if (name->utf8 == "__parameters__") return Ref::borrow(parameters_of(as_alias(o)));
    // The type's, as CPython's union_getattro gives it for typing: 'types'.
    if (name->utf8 == "__module__") return get_attr(&union_type, name);
    return generic_getattr(o, name);
}

Ref union_or_slot(Object* a, Object* b) { return union_or(a, b); }

}  // namespace

Ref union_or(Object* a, Object* b) {
    if (!unionable(a) || !unionable(b)) return Ref::borrow(NotImplemented);
    Ref members = list_new();
    add_members(a, members.get());
    add_members(b, members.get());
    if (as_list(members.get())->items.size() == 1) return Ref::borrow(as_list(members.get())->items[0]);
    return alias_make(&union_type, nullptr, tuple_from_iterable(members.get()));
}

Ref generic_alias_new(Object* origin, Object* args) {
    return alias_make(&generic_alias_type, origin, Ref::borrow(args));
}

Ref class_getitem(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__class_getitem__", nargs - 1, kw, 1, 1);
    return generic_alias_new(args[0], args[1]);
}

void add_class_getitem(Type* t) {
    static const MethodDef kClassGetItem[] = {
        {"__class_getitem__", class_getitem, "See PEP 585", MethodKind::Class}, {}};
    add_methods(t, kClassGetItem);
}

const Tuple* union_args(Object* u) { return as_tuple(as_alias(u)->args); }

void init_generic_alias_types() {
    Type& g = generic_alias_type;
    g.name = "types.GenericAlias";
    g.instance_size = sizeof(Alias);
    g.dealloc = alias_dealloc;
    g.traverse = alias_traverse;
    g.repr = alias_repr;
    g.getattr = alias_getattr;
    g.call = alias_call;
    g.compare = alias_compare;
    g.hash = alias_hash;
    g.getitem = alias_getitem;
    g.iter = alias_iter;
    g.construct = alias_construct;
    g.binary[static_cast<size_t>(BinaryOp::Or)] = union_or_slot;
    g.methods = kAliasMethods;
    g.is_basetype = true;
    g.constructs_subclasses = true;
    init_type(&g);
    alias_iterator_type.methods = kAliasIterMethods;
    alias_iterator_type.traverse = alias_iter_traverse;
    alias_iterator_type.clear = alias_iter_clear;
    init_iterator_type(alias_iterator_type, "generic_alias_iterator", sizeof(AliasIter), alias_iter_dealloc,
                       alias_iter_next);
    Type& u = union_type;
    u.name = "types.UnionType";
    u.instance_size = sizeof(Alias);
    u.dealloc = alias_dealloc;
    u.traverse = alias_traverse;
    u.repr = union_repr;
    u.getattr = union_getattr;
    u.compare = alias_compare;
    u.hash = alias_hash;
    u.getitem = alias_getitem;
    u.binary[static_cast<size_t>(BinaryOp::Or)] = union_or_slot;
    init_type(&u);
}

Ref alias_own_attribute(Object* o, Str* name) {
    Alias* a = as_alias(o);
    const std::string& n = name->utf8;
    if (n == "__origin__") return Ref::borrow(a->origin);
    if (n == "__args__") return Ref::borrow(a->args);
    if (n == "__parameters__") return Ref::borrow(parameters_of(a));
    if (n == "__unpacked__") return Ref::borrow(bool_obj(a->starred));
    if (n == "__typing_unpacked_tuple_args__")
        return Ref::borrow(a->starred && a->origin == &tuple_type ? a->args : None);
    return generic_getattr(o, name);
}

}  // namespace minipy
