// complex.h — the complex number type (`1+2j`, complex(re, im)).
#pragma once

#include "objects/object.h"

namespace minipy {

extern Type complex_type;

struct Complex : Object {
    double real, imag;
};

void init_complex_type();
Ref complex_new(double real, double imag);
// A number as (re, im), as CPython's PyComplex_AsCComplex (the "D" argument converter): a complex
// (or subclass) as it is, else what __complex__ returns, else the float that __float__ or
// __index__ gives with a zero imaginary part; TypeError "must be real number, not str" otherwise.
void complex_as_parts(Object* o, double* re, double* im);

}  // namespace minipy
