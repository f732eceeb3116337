// structseq.cpp — struct sequences (structseq.h): a tuple type with named fields, the visible ones
// indexable and the hidden ones kept after them, reached by attribute only.
#include "modules/structseq.h"

#include <string>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/getset_descriptor.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

Ref structseq_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw);

StructSeqType* seq_type_of(Object* o) {
    for (Type* t = type_of(o); t; t = t->base) {
        if (t->construct == structseq_construct) {
            return static_cast<StructSeqType*>(t);
        }
    }
    raise(&TypeError_type, "not a struct sequence");
}

// The hidden fields are freed with the visible ones: the tuple's own dealloc sees the full size.
void structseq_dealloc(Object* o) {
    as_tuple(o)->size = seq_type_of(o)->total;
    tuple_type.dealloc(o);
}

// "os.stat_result"; a type of no module (sys's asyncgen_hooks) goes by its bare name, as in CPython.
std::string full_name(const StructSeqType* t) {
    return *t->module ? std::string(t->module) + "." + t->type_name : std::string(t->type_name);
}

Ref structseq_repr(Object* o) {
    StructSeqType* t = seq_type_of(o);
    std::string s = full_name(t) + "(";
    for (size_t i = 0; i < t->visible; ++i)
        s += std::string(i ? ", " : "") + t->fields[i] + "=" + repr_utf8(as_tuple(o)->items[i]);
    return str_new(s + ")");
}

Ref structseq_getattr(Object* o, Str* name) {
    StructSeqType* t = seq_type_of(o);
    for (size_t i = t->total; i-- > 0;)
        if (name->utf8 == t->fields[i]) return Ref::borrow(as_tuple(o)->items[i]);
    return generic_getattr(o, name);
}

// Fields are read-only ("readonly attribute", as CPython's member descriptors say); a struct
// sequence has no other attributes to set.
void structseq_setattr(Object* o, Str* name, Object*) {
    StructSeqType* t = seq_type_of(o);
    for (size_t i = 0; i < t->total; ++i)
        if (name->utf8 == t->fields[i]) raise(&AttributeError_type, "readonly attribute");
    raise(&AttributeError_type,
          format("'%s' object has no attribute '%s'", full_name(t).c_str(), name->utf8.c_str()));
}

// T(sequence, dict=None): between `visible` and `total` values; the hidden fields the sequence does
// not give come from the dict by name (how __reduce__ hands them back), else None.
Ref structseq_construct(Object* type, Object* const* args, size_t nargs, Tuple* kw) {
    StructSeqType* t = static_cast<StructSeqType*>(static_cast<Type*>(type));
    std::string fname = full_name(t);
    if (kw && kw->size) raise_no_kwargs(fname.c_str());
    if (nargs < 1 || nargs > 2) raise_arg_count(fname.c_str(), 1, 2, nargs);
    Object* dict = nargs == 2 && args[1] != None ? args[1] : nullptr;
    if (dict && !is_instance(dict, &dict_type))
        raise(&TypeError_type, fname + "() takes a dict as second arg, if any");
    Ref seq = tuple_from_iterable(args[0]);
    size_t n = as_tuple(seq.get())->size;
    if (t->visible == t->total && n != t->visible)
        raise(&TypeError_type,
              format("%s() takes a %zu-sequence (%zu-sequence given)", fname.c_str(), t->visible, n));
    if (n < t->visible)
        raise(&TypeError_type, format("%s() takes an at least %zu-sequence (%zu-sequence given)",
                                      fname.c_str(), t->visible, n));
    if (n > t->total)
        raise(&TypeError_type,
              format("%s() takes an at most %zu-sequence (%zu-sequence given)", fname.c_str(), t->total, n));
    std::vector<Object*> values(t->total);
    for (size_t i = 0; i < t->total; ++i) {
        Object* given = i < n ? as_tuple(seq.get())->items[i] : nullptr;
        if (!given && dict && i >= t->visible) given = dict_get(as_dict(dict), intern(t->fields[i]));
        values[i] = newref(given ? given : None);
    }
    if (t->complete) t->complete(values.data());
    return structseq_new(*t, values.data());
}

// __reduce__: (type, (visible items, {hidden field name: value})), as CPython's structseq.
Ref structseq_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs, kw, 1, 1);
    Object* self = args[0];
    StructSeqType* t = seq_type_of(self);
    Ref visible = tuple_from(as_tuple(self)->items, t->visible);
    Ref hidden = dict_new();
    for (size_t i = t->visible; i < t->total; ++i)
        dict_set(as_dict(hidden.get()), intern(t->fields[i]), as_tuple(self)->items[i]);
    Object* state[] = {visible.get(), hidden.get()};
    Ref state_tuple = tuple_from(state, 2);
    Object* result[] = {type_of(self), state_tuple.get()};
    return tuple_from(result, 2);
}

const MethodDef kStructSeqMethods[] = {
    {"__reduce__", structseq_reduce, "Return state information for pickling."},
    {nullptr, nullptr, nullptr},
};

void init_once(StructSeqType& t) {
    Type& type = t;
    type.name = t.type_name;
    type.base = &tuple_type;
    type.construct = structseq_construct;
    type.dealloc = structseq_dealloc;
    type.repr = structseq_repr;
    type.getattr = structseq_getattr;
    type.setattr = structseq_setattr;
    type.methods = kStructSeqMethods;
    init_type(&type);
    dict_set(type.dict, intern("__module__"), str_new(*t.module ? t.module : "builtins").get());
    dict_set(type.dict, intern("n_sequence_fields"), int_from_i64(static_cast<int64_t>(t.visible)).get());
    dict_set(type.dict, intern("n_fields"), int_from_i64(static_cast<int64_t>(t.total)).get());
    dict_set(type.dict, intern("n_unnamed_fields"), int_from_i64(static_cast<int64_t>(t.unnamed)).get());
    // Each field a member descriptor in the type's dict (so dir() lists them); __match_args__ the
    // named visible fields, for class patterns.
    add_attribute_descriptors(&type, t.fields, t.total, true);
    size_t named = t.visible - t.unnamed;
    Ref match_args = tuple_new(named);
    for (size_t i = 0; i < named; ++i) as_tuple(match_args.get())->items[i] = newref(intern(t.fields[i]));
    dict_set(type.dict, intern("__match_args__"), match_args.get());
}

}  // namespace

void structseq_init(StructSeqType& t) {
    std::call_once(t.ready, [&] { init_once(t); });
}

Ref structseq_new(StructSeqType& t, Object** values) {
    Ref r = tuple_new(t.total);
    Tuple* tuple = as_tuple(r.get());
    for (size_t i = 0; i < t.total; ++i) tuple->items[i] = values[i];
    tuple->size = t.visible;
    r->type = &t;
    return r;
}

}  // namespace minipy
