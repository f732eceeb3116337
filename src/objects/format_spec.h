// format_spec.h — Python's format-spec mini-language
// (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`), shared by format(), f-strings and
// str.format for int, float, complex and str.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace minipy {

struct FormatSpec {
    std::string fill = " ";        // one code point, UTF-8
    char align = 0;                // '<', '>', '^', '=' or 0 (the type's default)
    char sign = 0;                 // '+', '-', ' ' or 0
    bool coerce_zero = false;      // 'z': a negative zero after rounding prints as zero (3.11)
    bool alternate = false;        // '#'
    bool zero_pad = false;         // '0' before the width
    bool align_from_zero = false;  // `align` is the '=' that '0' implies (strs left-align instead)
    int64_t width = -1;
    char grouping = 0;  // ',' or '_'
    int64_t precision = -1;
    char type = 0;  // 0 when absent
};

// Parses a spec for an object of type `type_name` (named in CPython's error messages).
FormatSpec parse_format_spec(std::string_view spec, const char* type_name);

std::string format_int(Object* value, const FormatSpec& spec);  // int or bool
std::string format_float(double value, const FormatSpec& spec);
std::string format_str(const std::string& utf8, const FormatSpec& spec);
std::string format_complex(double re, double im, const FormatSpec& spec);

// format(value, spec): a class's own __format__, else the built-in types' formatting; other
// objects accept only an empty spec.
Ref format_value(Object* value, std::string_view spec);
// The built-in formatting of an int, float, complex or str (or subclass) for a non-empty spec.
Ref format_builtin(Object* value, std::string_view spec);
// The __format__ method of int, float, complex and str.
Ref builtin_format_method(Object*, Object* const* args, size_t nargs, Tuple* kw);

}  // namespace minipy
