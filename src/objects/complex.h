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

}  // namespace minipy
