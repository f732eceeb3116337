// code.cpp — the code object type: allocation, release of its constants, and its repr.
#include "compiler/code.h"

#include "objects/abstract.h"
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

}  // namespace

Type code_type;

void init_code_type() {
    code_type.name = "code";
    code_type.instance_size = sizeof(Code);
    code_type.dealloc = code_dealloc;
    code_type.repr = code_repr;
    init_type(&code_type);
}

Ref code_new() {
    Code* c = new Code();
    init_header(c, &code_type);
    return Ref::steal(c);
}

}  // namespace minipy
