// format.cpp — printf into a std::string: a stack buffer first, the exact size when it is short.
#include "runtime/format.h"

#include <cstdarg>
#include <cstdio>

#include "runtime/c_numbers.h"

namespace minipy {

std::string format(const char* fmt, ...) {
    char small[256];
    CNumericScope c_numbers;  // "%g" in a message reads the same in any locale
    va_list ap;
    va_start(ap, fmt);
    int n = std::vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < static_cast<int>(sizeof small)) return std::string(small, n > 0 ? n : 0);
    std::string out(n, '\0');
    va_start(ap, fmt);
    std::vsnprintf(out.data(), out.size() + 1, fmt, ap);
    va_end(ap);
    return out;
}

}  // namespace minipy
