// contextvars_module.cpp — the native `_contextvars` behind contextvars.py (PEP 567): ContextVar,
// Token, Context and copy_context. Each thread has a current context; a context's mapping is never
// changed in place (set() makes a new one), so a copied context keeps the values it was copied with.
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/generic_alias.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Type context_type, contextvar_type, token_type;
Object* g_missing = nullptr;  // Token.MISSING

struct Context : Object {
    Dict* vars;  // owned; replaced, never mutated, once other contexts may share it
    bool entered = false;
};

struct ContextVar : Object {
    Object* name;      // owned str
    Object* default_;  // owned or null
};

struct Token : Object {
    Object* context;  // owned
    Object* var;      // owned
    Object* old;      // owned: the previous value or Token.MISSING
    bool used = false;
};

thread_local Object* t_context = nullptr;  // this thread's current Context, made on first use

Context* as_ctx(Object* o) { return static_cast<Context*>(o); }

Ref context_new(Dict* vars) {
    auto* c = new Context();
    init_header(c, &context_type);
    c->vars = as_dict(newref(vars));
    return Ref::steal(c);
}

Context* current() {
    if (!t_context) {
        Ref d = dict_new();
        t_context = context_new(as_dict(d.get())).release();
    }
    return as_ctx(t_context);
}

// The context's mapping with `var` set to `value` (or removed when value is null).
void context_set(Context* c, Object* var, Object* value) {
    Ref copy = dict_copy(c->vars);
    if (value)
        dict_set(as_dict(copy.get()), var, value);
    else
        dict_del(as_dict(copy.get()), var);
    decref(c->vars);
    c->vars = as_dict(copy.release());
}

// ---- Context ----

Ref ctx_construct(Object*, Args, size_t nargs, Tuple* kw) {
    if (nargs > 0 || (kw && kw->size > 0)) raise(&TypeError_type, "Context() does not accept any arguments");
    Ref d = dict_new();
    return context_new(as_dict(d.get()));
}

Ref ctx_run(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 2) raise(&TypeError_type, "run() missing 1 required positional argument");
    Context* c = as_ctx(args[0]);
    if (c->entered)
        raise(&RuntimeError_type,
              format("cannot enter context: %s is already entered", repr_utf8(c).c_str()));
    Object* saved = t_context;
    current();
    saved = t_context;
    t_context = newref(c);
    c->entered = true;
    auto leave = [&] {
        c->entered = false;
        decref(t_context);
        t_context = saved;
    };
    try {
        Ref r = call(args[1], args + 2, nargs - 2, kw);
        leave();
        return r;
    } catch (...) {
        leave();
        throw;
    }
}

Ref ctx_copy(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("copy", nargs - 1, kw, 0, 0);
    return context_new(as_ctx(args[0])->vars);
}

// A context's keys are ContextVars: anything else is a TypeError, even where a dict would just
// miss it (`in`, get()).
void check_var_key(Object* key) {
    if (type_of(key) != &contextvar_type)
        raise(&TypeError_type, format("a ContextVar key was expected, got %s", repr_utf8(key).c_str()));
}

Ref ctx_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get", nargs - 1, kw, 1, 2);
    check_var_key(args[1]);
    Object* v = dict_get(as_ctx(args[0])->vars, args[1]);
    return Ref::borrow(v ? v : nargs > 2 ? args[2] : None);
}

Ref ctx_view(Object*, Args args, size_t nargs, Tuple* kw, const char* what) {
    check_positional(what, nargs - 1, kw, 0, 0);
    return call0(get_attr(as_ctx(args[0])->vars, intern(what)).get());
}

Ref ctx_keys(Object* c, Args a, size_t n, Tuple* k) { return ctx_view(c, a, n, k, "keys"); }
Ref ctx_values(Object* c, Args a, size_t n, Tuple* k) { return ctx_view(c, a, n, k, "values"); }
Ref ctx_items(Object* c, Args a, size_t n, Tuple* k) { return ctx_view(c, a, n, k, "items"); }

const MethodDef kContextMethods[] = {
    {"run", ctx_run, "Run callable in this context."},
    {"copy", ctx_copy, "Return a shallow copy of the context object."},
    {"get", ctx_get, "Return the value for `key` if `key` has the value in the context object."},
    {"keys", ctx_keys, "Return all variables in the context object."},
    {"values", ctx_values, "Return all variables' values in the context object."},
    {"items", ctx_items, "Return all variables and their values in the context object."},
    {nullptr, nullptr, nullptr},
};

Ref ctx_getitem(Object* o, Object* key) {
    check_var_key(key);
    Object* v = dict_get(as_ctx(o)->vars, key);
    if (!v) raise_key_error(key);
    return Ref::borrow(v);
}

bool ctx_contains(Object* o, Object* key) {
    check_var_key(key);
    return dict_get(as_ctx(o)->vars, key) != nullptr;
}

// Contexts are equal when they map the same variables to equal values, as CPython's (a mapping's ==).
Ref ctx_compare(Object* a, Object* b, CompareOp op) {
    if (type_of(b) != &context_type || (op != CompareOp::Eq && op != CompareOp::Ne))
        return Ref::borrow(NotImplemented);
    return compare(as_ctx(a)->vars, as_ctx(b)->vars, op);
}
int64_t ctx_len(Object* o) { return dict_size(as_ctx(o)->vars); }
Ref ctx_iter(Object* o) { return get_iter(as_ctx(o)->vars); }

// ---- ContextVar ----

Ref var_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    // ContextVar(name, *, default): CPython's argument parser words its errors so.
    static const char* const kNames[] = {"name", "default"};
    size_t nkw = kw ? kw->size : 0;
    if (nargs + nkw > 2)
        raise(&TypeError_type, format("ContextVar() takes at most 2 arguments (%zu given)", nargs + nkw));
    if (nargs > 1)
        raise(&TypeError_type, format("ContextVar() takes at most 1 positional argument (%zu given)", nargs));
    if (nargs == 0) raise(&TypeError_type, "ContextVar() takes exactly 1 positional argument (0 given)");
    Object* a[2] = {};
    bind_args("ContextVar", args, nargs, kw, kNames, 2, 1, a);
    if (!is_str(a[0])) raise(&TypeError_type, "context variable name must be a str");
    auto* v = new ContextVar();
    init_header(v, &contextvar_type);
    v->name = newref(a[0]);
    v->default_ = a[1] ? newref(a[1]) : nullptr;
    return Ref::steal(v);
}

Ref var_get(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("get", nargs - 1, kw, 0, 1);
    auto* v = static_cast<ContextVar*>(args[0]);
    if (Object* found = dict_get(current()->vars, v)) return Ref::borrow(found);
    if (nargs > 1) return Ref::borrow(args[1]);
    if (v->default_) return Ref::borrow(v->default_);
    raise_object(call1(&LookupError_type, v));
}

Ref var_set(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("set", nargs - 1, kw, 1, 1);
    Context* c = current();
    Object* old = dict_get(c->vars, args[0]);
    auto* t = new Token();
    init_header(t, &token_type);
    t->context = newref(c);
    t->var = newref(args[0]);
    t->old = newref(old ? old : g_missing);
    Ref token = Ref::steal(t);
    context_set(c, args[0], args[1]);
    return token;
}

Ref var_reset(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("reset", nargs - 1, kw, 1, 1);
    if (type_of(args[1]) != &token_type)
        raise(&TypeError_type, format("expected an instance of Token, got %s", repr_utf8(args[1]).c_str()));
    auto* t = static_cast<Token*>(args[1]);
    if (t->used) raise(&RuntimeError_type, format("%s has already been used once", repr_utf8(t).c_str()));
    if (t->var != args[0])
        raise(&ValueError_type, format("%s was created by a different ContextVar", repr_utf8(t).c_str()));
    if (t->context != current())
        raise(&ValueError_type, format("%s was created in a different Context", repr_utf8(t).c_str()));
    t->used = true;
    context_set(current(), args[0], t->old == g_missing ? nullptr : t->old);
    return Ref::borrow(None);
}

const MethodDef kVarMethods[] = {
    {"get", var_get, "Return a value for the context variable for the current context."},
    {"set", var_set, "Call to set a new value for the context variable in the current context."},
    {"reset", var_reset, "Reset the context variable."},
    {nullptr, nullptr, nullptr},
};

Ref var_getattr(Object* o, Str* name) {
    if (name->utf8 == "name") return Ref::borrow(static_cast<ContextVar*>(o)->name);
    return generic_getattr(o, name);
}

Ref var_repr(Object* o) {
    auto* v = static_cast<ContextVar*>(o);
    std::string s = "<ContextVar name=" + repr_utf8(v->name);
    if (v->default_) s += " default=" + repr_utf8(v->default_);
    return str_new(s + format(" at %p>", static_cast<void*>(o)));
}

Ref token_getattr(Object* o, Str* name) {
    auto* t = static_cast<Token*>(o);
    if (name->utf8 == "var") return Ref::borrow(t->var);
    if (name->utf8 == "old_value") return Ref::borrow(t->old);
    return generic_getattr(o, name);
}

Ref token_repr(Object* o) {
    auto* t = static_cast<Token*>(o);
    return str_new(format("<Token%s var=%s at %p>", t->used ? " used" : "", repr_utf8(t->var).c_str(),
                          static_cast<void*>(o)));
}

Ref ctxvars_copy_context(Object*, Args, size_t nargs, Tuple* kw) {
    check_positional("copy_context", nargs, kw, 0, 0);
    return context_new(current()->vars);
}

const MethodDef kContextvarsFunctions[] = {
    {"copy_context", ctxvars_copy_context, "Return a copy of the current context."},
    {nullptr, nullptr, nullptr},
};

void init_types() {
    if (context_type.dict) return;
    context_type.name = "_contextvars.Context";
    context_type.instance_size = sizeof(Context);
    context_type.dealloc = [](Object* o) {
        decref(as_ctx(o)->vars);
        delete as_ctx(o);
    };
    context_type.construct = ctx_construct;
    context_type.getitem = ctx_getitem;
    context_type.contains = ctx_contains;
    context_type.compare = ctx_compare;
    context_type.len = ctx_len;
    context_type.iter = ctx_iter;
    context_type.methods = kContextMethods;
    init_type(&context_type);
    contextvar_type.name = "_contextvars.ContextVar";
    contextvar_type.instance_size = sizeof(ContextVar);
    contextvar_type.dealloc = [](Object* o) {
        auto* v = static_cast<ContextVar*>(o);
        decref(v->name);
        xdecref(v->default_);
        delete v;
    };
    contextvar_type.construct = var_construct;
    contextvar_type.getattr = var_getattr;
    contextvar_type.repr = var_repr;
    contextvar_type.methods = kVarMethods;
    init_type(&contextvar_type);
    add_class_getitem(&contextvar_type);
    token_type.name = "_contextvars.Token";
    token_type.instance_size = sizeof(Token);
    token_type.dealloc = [](Object* o) {
        auto* t = static_cast<Token*>(o);
        decref(t->context);
        decref(t->var);
        decref(t->old);
        delete t;
    };
    token_type.getattr = token_getattr;
    token_type.repr = token_repr;
    init_type(&token_type);
    add_class_getitem(&token_type);
    g_missing = str_new("<Token.MISSING>").release();
    make_immortal(g_missing);
    dict_set(token_type.dict, intern("MISSING"), g_missing);
}

}  // namespace

Ref init_contextvars_module() {
    init_types();
    Ref m = native_module_new("_contextvars", kContextvarsFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("Context"), &context_type);
    dict_set(d, intern("ContextVar"), &contextvar_type);
    dict_set(d, intern("Token"), &token_type);
    return m;
}

}  // namespace minipy
