// c_numbers.h — number text in the C locale whatever locale.setlocale() chose: printf's "%g" and
// strtod read LC_NUMERIC, which a program may set to a locale whose decimal point is a comma.
// CPython formats and parses floats with its own dtoa and never sees the locale. Header-only and
// free of minipy's other headers, so the syntax layer may use it too.
#pragma once

#include <clocale>
#include <cstdlib>

namespace minipy {

// The C locale as a locale_t, made once.
inline locale_t c_locale() {
    static const locale_t c = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
    return c;
}

// strtod with '.' as the decimal point.
inline double c_strtod(const char* text, char** end = nullptr) { return strtod_l(text, end, c_locale()); }

// printf, strtod and their kin use the C locale on this thread for as long as this lives.
class CNumericScope {
public:
    CNumericScope() : previous_(uselocale(c_locale())) {}
    ~CNumericScope() { uselocale(previous_); }
    CNumericScope(const CNumericScope&) = delete;
    CNumericScope& operator=(const CNumericScope&) = delete;

private:
    locale_t previous_;
};

}  // namespace minipy
