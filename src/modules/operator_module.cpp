// operator_module.cpp — the native `_operator` that CPython's operator.py replaces its pure-Python
// definitions with (`from _operator import *` at its end): the operator functions, itemgetter,
// attrgetter and methodcaller, with CPython 3.11's reprs, pickling and error texts. Being native,
// `map(operator.add, ...)` and `sorted(key=itemgetter(1))` call no Python frame per item.
#include <string>
#include <vector>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/embedding.h"
#include "objects/errors.h"
#include "objects/gc.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// ---- the operator functions ----

template <BinaryOp op>
Ref binary_function(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional(static_cast<NativeFunction*>(self)->def->name, nargs, kw, 2, 2);
    return binary_op(args[0], args[1], op);
}

template <BinaryOp op>
Ref inplace_function(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional(static_cast<NativeFunction*>(self)->def->name, nargs, kw, 2, 2);
    return inplace_op(args[0], args[1], op);
}

template <CompareOp op>
Ref compare_function(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional(static_cast<NativeFunction*>(self)->def->name, nargs, kw, 2, 2);
    return compare(args[0], args[1], op);
}

template <Ref (*fn)(Object*)>
Ref unary_function(Object* self, Args args, size_t nargs, Tuple* kw) {
    check_positional(static_cast<NativeFunction*>(self)->def->name, nargs, kw, 1, 1);
    return fn(args[0]);
}

Ref truth(Object* o) { return Ref::borrow(bool_obj(is_true(o))); }
Ref not_(Object* o) { return Ref::borrow(bool_obj(!is_true(o))); }

Ref index(Object* o) {
    if (is_int(o)) return int_exact(o);
    if (Ref i = index_value(o)) return i;
    raise_not_an_integer(o);
}

Ref is_(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_", nargs, kw, 2, 2);
    return Ref::borrow(bool_obj(args[0] == args[1]));
}

Ref is_not(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("is_not", nargs, kw, 2, 2);
    return Ref::borrow(bool_obj(args[0] != args[1]));
}

// concat and iconcat take sequences only: objects whose class has __getitem__.
void check_sequence(Object* o) {
    if (!type_of(o)->getitem && !special_method(o, intern("__getitem__")))
        raise(&TypeError_type, format("'%s' object can't be concatenated", type_of(o)->name.c_str()));
}

Ref concat(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("concat", nargs, kw, 2, 2);
    check_sequence(args[0]);
    return binary_op(args[0], args[1], BinaryOp::Add);
}

Ref iconcat(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("iconcat", nargs, kw, 2, 2);
    check_sequence(args[0]);
    return inplace_op(args[0], args[1], BinaryOp::Add);
}

Ref contains_(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("contains", nargs, kw, 2, 2);
    return Ref::borrow(bool_obj(contains(args[0], args[1])));
}

Ref count_of(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("countOf", nargs, kw, 2, 2);
    int64_t n = 0;
    for_each_item(args[0], [&](Object* item) { n += item == args[1] || equals(item, args[1]); });
    return int_from_i64(n);
}

Ref index_of(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("indexOf", nargs, kw, 2, 2);
    Ref it = get_iter(args[0]);
    for (int64_t i = 0; Ref item = iter_next(it.get()); ++i) {
        if (item.get() == args[1] || equals(item.get(), args[1])) return int_from_i64(i);
    }
    raise(&ValueError_type, "sequence.index(x): x not in sequence");
}

Ref getitem(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("getitem", nargs, kw, 2, 2);
    return get_item(args[0], args[1]);
}

Ref setitem(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("setitem", nargs, kw, 3, 3);
    set_item(args[0], args[1], args[2]);
    return Ref::borrow(None);
}

Ref delitem(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("delitem", nargs, kw, 2, 2);
    del_item(args[0], args[1]);
    return Ref::borrow(None);
}

// call(obj, /, *args, **kwargs).
Ref call_(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 1) raise(&TypeError_type, "call() missing required argument 'obj' (pos 1)");
    return call(args[0], args + 1, nargs - 1, kw);
}

// length_hint(obj, default=0): len(obj), else obj.__length_hint__(), else default.
Ref length_hint_(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("length_hint", nargs, kw, 1, 2);
    Object* fallback = nargs > 1 ? args[1] : make_small_int(0);
    if (!is_int(fallback))
        raise(&TypeError_type,
              format("'%s' object cannot be interpreted as an integer", type_of(fallback)->name.c_str()));
    return int_from_i64(length_hint(args[0], as_index(fallback)));
}

// _compare_digest(a, b): a == b in time that depends on the length alone, for ASCII strs or
// bytes-like objects.
Ref compare_digest(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("_compare_digest", nargs, kw, 2, 2);
    Object *a = args[0], *b = args[1];
    std::string x, y;
    if (is_str(a) && is_str(b)) {
        if (!as_str(a)->ascii || !as_str(b)->ascii)
            raise(&TypeError_type, "comparing strings with non-ASCII characters is not supported");
        x = as_str(a)->utf8;
        y = as_str(b)->utf8;
    } else if (!exports_buffer(a) && !exports_buffer(b)) {
        raise(&TypeError_type, format("unsupported operand types(s) or combination of types: '%s' and '%s'",
                                      type_of(a)->name.c_str(), type_of(b)->name.c_str()));
    } else {
        x = bytes_like_data(a);  // raises "a bytes-like object is required" for the other kind
        y = bytes_like_data(b);
    }
    // Every byte of `y` is visited whatever the lengths, so the time tells nothing about `x`.
    const std::string& reference = y;
    unsigned char differs = x.size() != y.size();
    const std::string& probe = x.size() == y.size() ? x : y;
    for (size_t i = 0; i < reference.size(); ++i) differs |= probe[i] ^ reference[i];
    return Ref::borrow(bool_obj(differs == 0));
}

// ---- itemgetter, attrgetter, methodcaller ----

Type itemgetter_type, attrgetter_type, methodcaller_type;

// The three share a layout: what they fetch or call with, and methodcaller's keywords.
struct Getter : Object {
    MINIPY_GC_ALLOCATED
    Tuple* items;   // owned: itemgetter's keys; attrgetter's names, each a tuple of dotted parts;
                    // methodcaller's name then its positional arguments
    Dict* kwargs;   // owned, methodcaller's keyword arguments; null for the others
    Tuple* source;  // owned: the constructor's arguments, for repr and __reduce__
};

Getter* as_getter(Object* o) { return static_cast<Getter*>(o); }

Ref getter_new(Type* t, Ref items, Ref source, Ref kwargs = nullptr) {
    auto* g = new Getter();
    init_header(g, t);
    g->items = as_tuple(items.release());
    g->source = as_tuple(source.release());
    g->kwargs = kwargs ? as_dict(kwargs.release()) : nullptr;
    return Ref::steal(g);
}

void getter_dealloc(Object* o) {
    Getter* g = as_getter(o);
    decref(g->items);
    decref(g->source);
    if (g->kwargs) decref(g->kwargs);
    delete g;
}

void getter_traverse(Object* o, VisitProc visit, void* arg) {
    Getter* g = as_getter(o);
    visit(g->items, arg);
    visit(g->source, arg);
    if (g->kwargs) visit(g->kwargs, arg);
}

Ref itemgetter_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("itemgetter");
    if (nargs < 1) raise(&TypeError_type, "itemgetter expected 1 argument, got 0");
    Ref items = tuple_from(args, nargs);
    return getter_new(&itemgetter_type, items, items);
}

Ref itemgetter_call(Object* o, Args args, size_t nargs, Tuple* kw) {
    check_positional("itemgetter", nargs, kw, 1, 1);
    Tuple* items = as_getter(o)->items;
    if (items->size == 1) return get_item(args[0], items->items[0]);
    Ref result = tuple_new(items->size);
    for (size_t i = 0; i < items->size; ++i)
        as_tuple(result.get())->items[i] = get_item(args[0], items->items[i]).release();
    return result;
}

Ref attrgetter_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    if (kw && kw->size) raise_no_kwargs("attrgetter");
    if (nargs < 1) raise(&TypeError_type, "attrgetter expected 1 argument, got 0");
    Ref names = tuple_new(nargs);
    for (size_t i = 0; i < nargs; ++i) {
        if (!is_str(args[i])) raise(&TypeError_type, "attribute name must be a string");
        // "a.b.c" is kept as the interned parts ("a", "b", "c").
        std::vector<Object*> parts;
        const std::string& text = as_str(args[i])->utf8;
        for (size_t start = 0;;) {
            size_t dot = text.find('.', start);
            parts.push_back(intern(text.substr(start, dot - start)));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        as_tuple(names.get())->items[i] = tuple_from(parts.data(), parts.size()).release();
    }
    return getter_new(&attrgetter_type, names, tuple_from(args, nargs));
}

Ref dotted_attr(Object* o, Tuple* parts) {
    Ref value = Ref::borrow(o);
    for (size_t i = 0; i < parts->size; ++i) value = get_attr(value.get(), as_str(parts->items[i]));
    return value;
}

Ref attrgetter_call(Object* o, Args args, size_t nargs, Tuple* kw) {
    check_positional("attrgetter", nargs, kw, 1, 1);
    Tuple* names = as_getter(o)->items;
    if (names->size == 1) return dotted_attr(args[0], as_tuple(names->items[0]));
    Ref result = tuple_new(names->size);
    for (size_t i = 0; i < names->size; ++i)
        as_tuple(result.get())->items[i] = dotted_attr(args[0], as_tuple(names->items[i])).release();
    return result;
}

// methodcaller(name, /, *args, **kwargs).
Ref methodcaller_construct(Object*, Args args, size_t nargs, Tuple* kw) {
    if (nargs < 1) raise(&TypeError_type, "methodcaller needs at least one argument, the method name");
    if (!is_str(args[0])) raise(&TypeError_type, "method name must be a string");
    Ref items = tuple_from(args, nargs);
    as_tuple(items.get())->items[0] = intern(as_str(args[0])->utf8);
    decref(args[0]);
    Ref kwargs = dict_new();
    for (size_t k = 0; kw && k < kw->size; ++k)
        dict_set(as_dict(kwargs.get()), kw->items[k], args[nargs + k]);
    return getter_new(&methodcaller_type, items, items, kwargs);
}

Ref methodcaller_call(Object* o, Args args, size_t nargs, Tuple* kw) {
    check_positional("methodcaller", nargs, kw, 1, 1);
    Getter* g = as_getter(o);
    Ref method = get_attr(args[0], as_str(g->items->items[0]));
    std::vector<Object*> call_args(g->items->items + 1, g->items->items + g->items->size);
    std::vector<Object*> names;
    Object *k, *v;
    for (size_t pos = 0; dict_next(g->kwargs, &pos, &k, &v);) {
        names.push_back(k);
        call_args.push_back(v);
    }
    Ref kwnames = names.empty() ? nullptr : tuple_from(names.data(), names.size());
    return call(method.get(), call_args.data(), g->items->size - 1, as_tuple(kwnames.get()));
}

// "operator.itemgetter(1, 'a')", "operator.methodcaller('f', 1, k=2)"; "...(...)" when it
// contains itself.
Ref getter_repr(Object* o) {
    Getter* g = as_getter(o);
    std::string name = type_of(o)->name;
    ReprGuard guard(o);
    if (!guard.entered()) return str_new(name + "(...)");
    std::string out = name + "(";
    for (size_t i = 0; i < g->source->size; ++i) out += (i ? ", " : "") + repr_utf8(g->source->items[i]);
    Object *k, *v;
    for (size_t pos = 0; g->kwargs && dict_next(g->kwargs, &pos, &k, &v);)
        out += ", " + str_utf8(k) + "=" + repr_utf8(v);
    return str_new(out + ")");
}

// (type, constructor arguments); methodcaller with keywords: (partial(type, name, **kwargs), args).
Ref getter_reduce(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    Getter* g = as_getter(args[0]);
    if (!g->kwargs || dict_size(g->kwargs) == 0) {
        Object* parts[2] = {type_of(g), g->source};
        return tuple_from(parts, 2);
    }
    Object* fromlist_name = intern("partial");
    Ref fromlist = tuple_from(&fromlist_name, 1);
    Ref functools = import_module_level(intern("functools"), fromlist.get(), 0, nullptr);
    Ref partial = get_attr(functools.get(), intern("partial"));
    std::vector<Object*> partial_args = {type_of(g), g->items->items[0]};
    std::vector<Object*> names;
    Object *k, *v;
    for (size_t pos = 0; dict_next(g->kwargs, &pos, &k, &v);) {
        names.push_back(k);
        partial_args.push_back(v);
    }
    Ref kwnames = tuple_from(names.data(), names.size());
    Ref bound = call(partial.get(), partial_args.data(), 2, as_tuple(kwnames.get()));
    Ref rest = tuple_from(g->items->items + 1, g->items->size - 1);
    Object* parts[2] = {bound.get(), rest.get()};
    return tuple_from(parts, 2);
}

const MethodDef kGetterMethods[] = {
    {"__reduce__", getter_reduce, "Return state information for pickling"},
    {nullptr, nullptr, nullptr},
};

void init_getter_type(Type& t, const char* name, CallSlot construct, CallSlot call) {
    t.name = name;
    t.instance_size = sizeof(Getter);
    t.dealloc = getter_dealloc;
    t.traverse = getter_traverse;
    t.repr = getter_repr;
    t.construct = construct;
    t.call = call;
    t.methods = kGetterMethods;
    init_type(&t);
}

const MethodDef kOperatorFunctions[] = {
    {"abs", unary_function<number_abs>, "Same as abs(a)."},
    {"add", binary_function<BinaryOp::Add>, "Same as a + b."},
    {"and_", binary_function<BinaryOp::And>, "Same as a & b."},
    {"call", call_, "Same as obj(*args, **kwargs)."},
    {"concat", concat, "Same as a + b, for a and b sequences."},
    {"contains", contains_, "Same as b in a (note reversed operands)."},
    {"countOf", count_of, "Return the number of items in a which are, or which equal, b."},
    {"delitem", delitem, "Same as del a[b]."},
    {"eq", compare_function<CompareOp::Eq>, "Same as a == b."},
    {"floordiv", binary_function<BinaryOp::FloorDiv>, "Same as a // b."},
    {"ge", compare_function<CompareOp::Ge>, "Same as a >= b."},
    {"getitem", getitem, "Same as a[b]."},
    {"gt", compare_function<CompareOp::Gt>, "Same as a > b."},
    {"iadd", inplace_function<BinaryOp::Add>, "Same as a += b."},
    {"iand", inplace_function<BinaryOp::And>, "Same as a &= b."},
    {"iconcat", iconcat, "Same as a += b, for a and b sequences."},
    {"ifloordiv", inplace_function<BinaryOp::FloorDiv>, "Same as a //= b."},
    {"ilshift", inplace_function<BinaryOp::LShift>, "Same as a <<= b."},
    {"imatmul", inplace_function<BinaryOp::MatMul>, "Same as a @= b."},
    {"imod", inplace_function<BinaryOp::Mod>, "Same as a %= b."},
    {"imul", inplace_function<BinaryOp::Mul>, "Same as a *= b."},
    {"index", unary_function<index>, "Same as a.__index__()"},
    {"indexOf", index_of, "Return the first index of b in a."},
    {"inv", unary_function<unary_invert>, "Same as ~a."},
    {"invert", unary_function<unary_invert>, "Same as ~a."},
    {"ior", inplace_function<BinaryOp::Or>, "Same as a |= b."},
    {"ipow", inplace_function<BinaryOp::Pow>, "Same as a **= b."},
    {"irshift", inplace_function<BinaryOp::RShift>, "Same as a >>= b."},
    {"is_", is_, "Same as a is b."},
    {"is_not", is_not, "Same as a is not b."},
    {"isub", inplace_function<BinaryOp::Sub>, "Same as a -= b."},
    {"itruediv", inplace_function<BinaryOp::TrueDiv>, "Same as a /= b."},
    {"ixor", inplace_function<BinaryOp::Xor>, "Same as a ^= b."},
    {"le", compare_function<CompareOp::Le>, "Same as a <= b."},
    {"length_hint", length_hint_,
     "Return an estimate of the number of items in obj.\n\n"
     "This is useful for presizing containers when building from an iterable.\n\n"
     "If the object supports len(), the result will be exact.\n"
     "Otherwise, it may over- or under-estimate by an arbitrary amount.\n"
     "The result will be an integer >= 0."},
    {"lshift", binary_function<BinaryOp::LShift>, "Same as a << b."},
    {"lt", compare_function<CompareOp::Lt>, "Same as a < b."},
    {"matmul", binary_function<BinaryOp::MatMul>, "Same as a @ b."},
    {"mod", binary_function<BinaryOp::Mod>, "Same as a % b."},
    {"mul", binary_function<BinaryOp::Mul>, "Same as a * b."},
    {"ne", compare_function<CompareOp::Ne>, "Same as a != b."},
    {"neg", unary_function<unary_neg>, "Same as -a."},
    {"not_", unary_function<not_>, "Same as not a."},
    {"or_", binary_function<BinaryOp::Or>, "Same as a | b."},
    {"pos", unary_function<unary_pos>, "Same as +a."},
    {"pow", binary_function<BinaryOp::Pow>, "Same as a ** b."},
    {"rshift", binary_function<BinaryOp::RShift>, "Same as a >> b."},
    {"setitem", setitem, "Same as a[b] = c."},
    {"sub", binary_function<BinaryOp::Sub>, "Same as a - b."},
    {"truediv", binary_function<BinaryOp::TrueDiv>, "Same as a / b."},
    {"truth", unary_function<truth>, "Return True if a is true, False otherwise."},
    {"xor", binary_function<BinaryOp::Xor>, "Same as a ^ b."},
    {"_compare_digest", compare_digest,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_operator_module() {
    if (!itemgetter_type.dict) {
        init_getter_type(itemgetter_type, "operator.itemgetter", itemgetter_construct, itemgetter_call);
        init_getter_type(attrgetter_type, "operator.attrgetter", attrgetter_construct, attrgetter_call);
        init_getter_type(methodcaller_type, "operator.methodcaller", methodcaller_construct,
                         methodcaller_call);
    }
    Ref m = native_module_new("_operator", kOperatorFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("itemgetter"), &itemgetter_type);
    dict_set(d, intern("attrgetter"), &attrgetter_type);
    dict_set(d, intern("methodcaller"), &methodcaller_type);
    return m;
}

}  // namespace minipy
