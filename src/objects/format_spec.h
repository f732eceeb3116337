// format_spec.h — Python's format-spec mini-language
// (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`), shared by format(), f-strings and
// str.format for int, float and str.
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
    int width = -1;
    char grouping = 0;  // ',' or '_'
    int precision = -1;
    char type = 0;  // 0 when absent
};

// Parses a spec for an object of type `type_name` (named in CPython's error messages).
FormatSpec parse_format_spec(std::string_view spec, const char* type_name);

std::string format_int(Object* value, const FormatSpec& spec);  // int or bool
std::string format_float(double value, const FormatSpec& spec);
std::string format_str(const std::string& utf8, const FormatSpec& spec);

// format(value, spec) for the built-in types; other objects accept only an empty spec.
Ref format_value(Object* value, std::string_view spec);

}  // namespace minipy
