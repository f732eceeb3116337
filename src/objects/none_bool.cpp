// none_bool.cpp — the immortal singletons None, True, False, NotImplemented and Ellipsis, and their
// types. bool subclasses int: True and False are heap objects that int.cpp reads as 1 and 0.
#include "objects/abstract.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

Type bool_type;

namespace {

Type none_type, not_implemented_type, ellipsis_type;
Object none_object, true_object, false_object, not_implemented_object, ellipsis_object;

Ref none_repr(Object*) { return Ref::borrow(intern("None")); }
bool none_truthy(Object*) { return false; }

Ref none_construct(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
    if (nargs || kwnames) raise(&TypeError_type, "NoneType takes no arguments");
    return Ref::borrow(None);
}

// NotImplementedType() and ellipsis() return their one instance, as CPython's.
Ref not_implemented_construct(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
    if (nargs || kwnames) raise(&TypeError_type, "NotImplementedType takes no arguments");
    return Ref::borrow(NotImplemented);
}

Ref ellipsis_construct(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
    if (nargs || kwnames) raise(&TypeError_type, "ellipsis takes no arguments");
    return Ref::borrow(Ellipsis);
}

Ref not_implemented_repr(Object*) { return Ref::borrow(intern("NotImplemented")); }

// CPython 3.9+: true, with a DeprecationWarning (`if NotImplemented:` is a bug in a binary method).
bool not_implemented_truthy(Object*) {
    warn(&DeprecationWarning_type, "NotImplemented should not be used in a boolean context");
    return true;
}
Ref ellipsis_repr(Object*) { return Ref::borrow(intern("Ellipsis")); }

// pickle saves the two singletons by their builtins name: __reduce__ gives the name as a str, as
// CPython's.
Ref singleton_reduce(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__reduce__", nargs - 1, kw, 0, 0);
    return type_of(args[0])->repr(args[0]);
}

const MethodDef kSingletonMethods[] = {{"__reduce__", singleton_reduce, nullptr}, {}};

Ref bool_repr(Object* o) { return Ref::borrow(intern(o == True ? "True" : "False")); }
bool bool_truthy(Object* o) { return o == True; }
int64_t bool_hash(Object* o) { return o == True ? 1 : 0; }

Ref bool_construct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) raise_no_kwargs("bool");
    if (nargs > 1) raise_arg_count("bool", 0, 1, nargs);
    return Ref::borrow(bool_obj(nargs == 1 && is_true(args[0])));
}

// bool & bool stays a bool; any other int operand makes it int arithmetic.
template <BinaryOp op>
Ref bool_bitwise(Object* a, Object* b) {
    if (type_of(a) == &bool_type && type_of(b) == &bool_type) {
        bool x = a == True, y = b == True;
        if (op == BinaryOp::And) return Ref::borrow(bool_obj(x && y));
        if (op == BinaryOp::Or) return Ref::borrow(bool_obj(x || y));
        return Ref::borrow(bool_obj(x != y));
    }
    if (!is_int(a) || !is_int(b)) return Ref::borrow(NotImplemented);
    return int_binary(a, b, op);
}

void init_singleton(Object& o, Type* t) {
    make_immortal(&o);
    o.type = t;
}

void define_singleton_type(Type& t, const char* name, UnarySlot repr) {
    t.name = name;
    t.repr = repr;
    t.instance_size = sizeof(Object);
    init_type(&t);
}

}  // namespace

Object* None = &none_object;
Object* True = &true_object;
Object* False = &false_object;
Object* NotImplemented = &not_implemented_object;
Object* Ellipsis = &ellipsis_object;

void init_none_bool_types() {
    none_type.truthy = none_truthy;
    none_type.construct = none_construct;
    not_implemented_type.construct = not_implemented_construct;
    not_implemented_type.truthy = not_implemented_truthy;
    ellipsis_type.construct = ellipsis_construct;
    not_implemented_type.methods = kSingletonMethods;
    ellipsis_type.methods = kSingletonMethods;
    define_singleton_type(none_type, "NoneType", none_repr);
    define_singleton_type(not_implemented_type, "NotImplementedType", not_implemented_repr);
    define_singleton_type(ellipsis_type, "ellipsis", ellipsis_repr);
    init_singleton(none_object, &none_type);
    init_singleton(not_implemented_object, &not_implemented_type);
    init_singleton(ellipsis_object, &ellipsis_type);
    init_singleton(true_object, &bool_type);
    init_singleton(false_object, &bool_type);
}

// After int: bool inherits its arithmetic slots.
void init_bool_type() {
    Type& t = bool_type;
    t.name = "bool";
    t.base = &int_type;
    t.repr = bool_repr;
    t.truthy = bool_truthy;
    t.hash = bool_hash;
    t.construct = bool_construct;
    t.binary[static_cast<size_t>(BinaryOp::And)] = bool_bitwise<BinaryOp::And>;
    t.binary[static_cast<size_t>(BinaryOp::Or)] = bool_bitwise<BinaryOp::Or>;
    t.binary[static_cast<size_t>(BinaryOp::Xor)] = bool_bitwise<BinaryOp::Xor>;
    init_type(&t);
}

}  // namespace minipy
