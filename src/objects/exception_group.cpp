// exception_group.cpp — BaseExceptionGroup and ExceptionGroup (PEP 654), after CPython 3.11's
// Objects/exceptions.c: the constructor's checks and its choice of class, str(), and split/subgroup/
// derive. Like OSError's fields here, message and exceptions live in the instance dict.
#include "objects/exception_group.h"

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/generic_alias.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type BaseExceptionGroup_type, ExceptionGroup_type;

namespace {

Ref field(Object* eg, const char* name) {
    Ref v = get_attr_opt(eg, intern(name));
    return v ? v : Ref::borrow(None);
}

// BaseExceptionGroup(message, exceptions): BaseExceptionGroup itself becomes ExceptionGroup when
// every exception is an Exception; ExceptionGroup (and subclasses of Exception) refuse the others.
Ref group_construct(Object* type, Object* const* args, size_t nargs, Tuple* kwnames) {
    auto* cls = static_cast<Type*>(type);
    if (kwnames && kwnames->size) raise_no_kwargs(cls->name.c_str());
    if (nargs != 2) {
        raise(&TypeError_type,
              format("BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs));
    }
    if (!is_instance(args[0], &str_type)) {
        raise(&TypeError_type, format("BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                                      type_of(args[0])->name.c_str()));
    }
    Object* given = args[1];
    if (!type_of(given)->getitem || is_instance(given, &dict_type)) {
        raise(&TypeError_type, "second argument (exceptions) must be a sequence");
    }
    Ref excs = tuple_from_iterable(given);
    Tuple* items = as_tuple(excs.get());
    if (items->size == 0)
        raise(&ValueError_type, "second argument (exceptions) must be a non-empty sequence");
    bool nests_base_exceptions = false;
    for (size_t i = 0; i < items->size; ++i) {
        if (!is_exception_instance(items->items[i])) {
            raise(&ValueError_type,
                  format("Item %zu of second argument (exceptions) is not an exception", i));
        }
        nests_base_exceptions |= !is_instance(items->items[i], &Exception_type);
    }
    if (cls == &BaseExceptionGroup_type) {
        if (!nests_base_exceptions) cls = &ExceptionGroup_type;
    } else if (cls == &ExceptionGroup_type) {
        if (nests_base_exceptions) raise(&TypeError_type, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nests_base_exceptions && is_subtype(cls, &Exception_type)) {
        raise(&TypeError_type, format("Cannot nest BaseExceptions in '%s'", cls->name.c_str()));
    }
    Ref eg = exception_new(cls, tuple_from(args, 2).get());
    auto* e = static_cast<BaseExceptionObject*>(eg.get());
    if (!e->dict) e->dict = as_dict(dict_new().release());
    dict_set(e->dict, intern("message"), args[0]);
    dict_set(e->dict, intern("exceptions"), excs.get());
    return eg;
}

// message and exceptions are read-only, as CPython's member descriptors.
void group_setattr(Object* eg, Str* name, Object* value) {
    if (name->utf8 == "message" || name->utf8 == "exceptions")
        raise(&AttributeError_type, "readonly attribute");
    BaseException_type.setattr(eg, name, value);
}

Ref group_str(Object* eg) {
    size_t n = as_tuple(exception_group_exceptions(eg).get())->size;
    return str_new(format("%s (%zu sub-exception%s)", str_utf8(field(eg, "message").get()).c_str(), n,
                          n == 1 ? "" : "s"));
}

// derive(excs) and the metadata CPython copies onto every part split() makes.
Ref derive_part(Object* eg, Object* list) {
    Ref derive = type_lookup(type_of(eg), intern("derive"));  // a subclass may override it
    Object* derive_args[2] = {eg, list};
    Ref part = call(derive.get(), derive_args, 2);
    if (!is_exception_group(part.get())) {
        raise(&TypeError_type, "derive must return an instance of BaseExceptionGroup");
    }
    for (const char* name : {"__traceback__", "__cause__", "__context__"}) {
        set_attr(part.get(), intern(name), field(eg, name).get());
    }
    // Notes that are a sequence are copied, so that each part's list is its own; others are not.
    Ref notes = get_attr_opt(eg, intern("__notes__"));
    if (notes && type_of(notes.get())->getitem && !is_instance(notes.get(), &dict_type)) {
        Ref copy = list_new();
        for_each_item(notes.get(), [&](Object* note) { list_append(copy.get(), note); });
        set_attr(part.get(), intern("__notes__"), copy.get());
    }
    return part;
}

Ref group_derive(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("derive", nargs - 1, kw, 1, 1);
    Object* ctor_args[2] = {field(args[0], "message").get(), args[1]};
    return call(&BaseExceptionGroup_type, ctor_args, 2);
}

Ref group_split(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("split", nargs - 1, kw, 1, 1);
    Ref match, rest;
    exception_group_split(args[0], exception_group_matcher(args[1]), true, &match, &rest);
    Object* pair[2] = {match ? match.get() : None, rest ? rest.get() : None};
    return tuple_from(pair, 2);
}

Ref group_subgroup(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("subgroup", nargs - 1, kw, 1, 1);
    Ref match, rest;
    exception_group_split(args[0], exception_group_matcher(args[1]), false, &match, &rest);
    return match ? match : Ref::borrow(None);
}

const MethodDef kGroupMethods[] = {
    {"derive", group_derive, nullptr},
    {"split", group_split, nullptr},
    {"subgroup", group_subgroup, nullptr},
    {"__class_getitem__", class_getitem, "See PEP 585", MethodKind::Class},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref exception_group_exceptions(Object* eg) { return field(eg, "exceptions"); }

Ref exception_group_from_list(const char* message, Object* list) {
    Object* args[2] = {intern(message), list};
    return call(&BaseExceptionGroup_type, args, 2);
}

Ref exception_group_wrap(Object* exc) { return exception_group_from_list("", tuple_from(&exc, 1).get()); }

std::function<bool(Object*)> exception_group_matcher(Object* condition) {
    auto is_exception_class = [](Object* t) {
        return is_type(t) && is_subtype(static_cast<Type*>(t), &BaseException_type);
    };
    bool types = is_exception_class(condition);
    if (!types && type_of(condition) == &tuple_type) {
        Tuple* t = as_tuple(condition);
        types = true;
        for (size_t i = 0; i < t->size; ++i) types = types && is_exception_class(t->items[i]);
    }
    if (types) {
        Ref cond = Ref::borrow(condition);
        return [cond](Object* exc) {
            if (type_of(cond.get()) != &tuple_type) return is_instance(exc, static_cast<Type*>(cond.get()));
            Tuple* t = as_tuple(cond.get());
            for (size_t i = 0; i < t->size; ++i) {
                if (is_instance(exc, static_cast<Type*>(t->items[i]))) return true;
            }
            return false;
        };
    }
    if (!is_type(condition) && type_of(condition)->call) {
        Ref fn = Ref::borrow(condition);
        return [fn](Object* exc) { return is_true(call1(fn.get(), exc).get()); };
    }
    raise(&TypeError_type, "expected a function, exception type or tuple of exception types");
}

void exception_group_split(Object* exc, const std::function<bool(Object*)>& matches, bool want_rest,
                           Ref* match, Ref* rest) {
    RecursionGuard guard(" in exceptiongroup_split_recursive");
    *match = Ref();
    *rest = Ref();
    if (matches(exc)) {
        *match = Ref::borrow(exc);
        return;
    }
    if (!is_exception_group(exc)) {
        if (want_rest) *rest = Ref::borrow(exc);
        return;
    }
    Ref match_list = list_new(), rest_list = list_new();
    Ref excs = exception_group_exceptions(exc);
    Tuple* items = as_tuple(excs.get());
    for (size_t i = 0; i < items->size; ++i) {
        Ref m, r;
        exception_group_split(items->items[i], matches, want_rest, &m, &r);
        if (m) list_append(match_list.get(), m.get());
        if (r) list_append(rest_list.get(), r.get());
    }
    if (length(match_list.get()) > 0) *match = derive_part(exc, match_list.get());
    if (want_rest && length(rest_list.get()) > 0) *rest = derive_part(exc, rest_list.get());
}

void init_exception_group_types(std::vector<Type*>& all) {
    Type& b = BaseExceptionGroup_type;
    b.name = "BaseExceptionGroup";
    b.base = &BaseException_type;
    b.is_basetype = true;
    b.methods = kGroupMethods;
    init_type(&b);
    b.construct = group_construct;
    b.setattr = group_setattr;
    b.str = group_str;
    dict_set(b.dict, intern("__doc__"), str_new("A combination of multiple unrelated exceptions.").get());
    all.push_back(&b);

    // ExceptionGroup(BaseExceptionGroup, Exception): its mro is written out, as a built-in type has
    // one base here.
    Type& e = ExceptionGroup_type;
    e.name = "ExceptionGroup";
    e.base = &BaseExceptionGroup_type;
    e.is_basetype = true;
    init_type(&e);
    e.mro = {&ExceptionGroup_type, &BaseExceptionGroup_type, &Exception_type, &BaseException_type,
             &object_type};
    all.push_back(&e);
}

}  // namespace minipy
