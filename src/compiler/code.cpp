// code.cpp — the code object type: allocation, release of its constants, its repr, and the co_*
// attributes that describe it (what help(), inspect and dis-like tools read).
#include "compiler/code.h"

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

void code_dealloc(Object* o) {
    Code* c = as_code(o);
    for (Object* k : c->consts) decref(k);
    delete c;
}

Ref code_repr(Object* o) {
    Code* c = as_code(o);
    return str_new(format("<code object %s at %p, file \"%s\", line %d>", c->name->utf8.c_str(),
                          static_cast<void*>(c), c->filename.c_str(), c->firstlineno));
}

Ref names_tuple(const std::vector<Str*>& names) {
    std::vector<Object*> items(names.begin(), names.end());
    return tuple_from(items.data(), items.size());
}

// The co_* attributes that inspect, dis-like tools and tests read, with CPython's meanings.
// co_code holds minipy's own instruction words (4 bytes each, little-endian), not CPython's.
Ref code_getattr(Object* o, Str* name) {
    Code* c = as_code(o);
    const std::string& n = name->utf8;
    if (n == "co_name") return Ref::borrow(c->name);
    if (n == "co_qualname") return Ref::borrow(c->qualname ? c->qualname : c->name);
    if (n == "co_filename") return str_new(c->filename);
    if (n == "co_firstlineno") return int_from_i64(c->firstlineno);
    if (n == "co_argcount") return int_from_i64(c->argcount);
    if (n == "co_posonlyargcount") return int_from_i64(c->posonlyargcount);
    if (n == "co_kwonlyargcount") return int_from_i64(c->kwonlyargcount);
    if (n == "co_nlocals") return int_from_i64(c->nlocals());
    if (n == "co_flags") return int_from_i64(c->flags);
    if (n == "co_stacksize") return int_from_i64(c->stacksize);
    if (n == "co_varnames") return names_tuple(c->varnames);
    if (n == "co_cellvars") return names_tuple(c->cellvars);
    if (n == "co_freevars") return names_tuple(c->freevars);
    if (n == "co_names") return names_tuple(c->names);
    if (n == "co_consts") return tuple_from(c->consts.data(), c->consts.size());
    if (n == "co_code") {
        std::string bytes(c->instructions.size() * 4, '\0');
        for (size_t i = 0; i < c->instructions.size(); ++i)
            for (int k = 0; k < 4; ++k) bytes[i * 4 + k] = static_cast<char>(c->instructions[i] >> (8 * k));
        return bytes_new(bytes);
    }
    return generic_getattr(o, name);
}

}  // namespace

Type code_type;

void init_code_type() {
    code_type.name = "code";
    code_type.instance_size = sizeof(Code);
    code_type.dealloc = code_dealloc;
    code_type.repr = code_repr;
    code_type.getattr = code_getattr;
    init_type(&code_type);
}

Ref code_new() {
    Code* c = new Code();
    init_header(c, &code_type);
    return Ref::steal(c);
}

}  // namespace minipy
