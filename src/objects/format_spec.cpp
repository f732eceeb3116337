// format_spec.cpp — the format-spec mini-language for int, float and str, with CPython 3.11's
// error messages. Float digits come from snprintf, which glibc rounds correctly.
#include "objects/format_spec.h"

#include <algorithm>
#include <climits>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "objects/abstract.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/c_numbers.h"

namespace minipy {
namespace {

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

size_t utf8_char_len(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 0x6) return 2;
    if ((c >> 4) == 0xE) return 3;
    return 4;
}

int64_t count_code_points(const std::string& s) {
    int64_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// A width or precision: any size a Py_ssize_t holds, as CPython's get_integer.
int64_t parse_number(std::string_view spec, size_t& i) {
    int64_t n = 0;
    for (; i < spec.size() && spec[i] >= '0' && spec[i] <= '9'; ++i) {
        int digit = spec[i] - '0';
        if (n > (INT64_MAX - digit) / 10) raise(&ValueError_type, "Too many decimal digits in format string");
        n = n * 10 + digit;
    }
    return n;
}

// Pads `body` (sign and prefix already split off into `head`) to the spec's width.
std::string pad(const std::string& head, const std::string& body, const FormatSpec& spec,
                char default_align) {
    char align = spec.align ? spec.align : default_align;
    int64_t len = count_code_points(head) + count_code_points(body);
    int64_t missing = spec.width > len ? spec.width - len : 0;
    // The fill, n times; a width no memory holds is a MemoryError before anything is built.
    auto fill = [&](int64_t n) { return repeated(spec.fill, n, 1, "width too big"); };
    switch (align) {
        case '<':
            return head + body + fill(missing);
        case '^':
            return fill(missing / 2) + head + body + fill(missing - missing / 2);
        case '=':
            return head + fill(missing) + body;
        default:
            return fill(missing) + head + body;
    }
}

// Inserts `sep` every `group` digits from the right of `digits`; with zero padding ('0' flag), the
// zeros are grouped too, so the result is at least `min_width` long, as CPython does.
std::string group_digits(const std::string& digits, char sep, int group, int64_t min_width) {
    // The fewest digits whose grouped text is min_width long: about min_width * group / (group + 1).
    auto grouped_len = [&](int64_t n) { return n + (n - 1) / group; };
    auto count = static_cast<int64_t>(digits.size());
    if (min_width > grouped_len(count)) {
        check_allocation(static_cast<uint64_t>(min_width), 1);
        count = std::max<int64_t>(1, min_width - min_width / (group + 1));
        while (count > 1 && grouped_len(count - 1) >= min_width) --count;
        while (grouped_len(count) < min_width) ++count;
    }
    std::string padded = std::string(static_cast<size_t>(count) - digits.size(), '0') + digits;
    std::string out;
    size_t n = padded.size();
    for (size_t i = 0; i < n; ++i) {
        out += padded[i];
        size_t left = n - i - 1;
        if (left > 0 && left % group == 0) out += sep;
    }
    return out;
}

// The 'n' type's separators: the LC_NUMERIC locale's, as CPython's LT_CURRENT_LOCALE reads them
// (none in the C locale, where 'n' is 'd' or 'g').
struct LocaleSeparators {
    std::string decimal_point;
    std::string thousands_sep;
    std::string grouping;  // group sizes from the right, the last repeating; CHAR_MAX ends grouping
};

LocaleSeparators locale_separators() {
    std::lconv* lc = std::localeconv();
    return {lc->decimal_point, lc->thousands_sep, lc->grouping};
}

// `digits` with the locale's thousands separator placed by its grouping.
std::string group_by_locale(const std::string& digits, const LocaleSeparators& locale) {
    if (locale.thousands_sep.empty() || locale.grouping.empty()) return digits;
    std::string out;
    size_t end = digits.size();
    size_t g = 0;
    int size = 0;
    while (end > 0) {
        if (g < locale.grouping.size()) size = static_cast<unsigned char>(locale.grouping[g++]);
        if (size <= 0 || size >= CHAR_MAX || static_cast<size_t>(size) >= end) break;
        out.insert(0, locale.thousands_sep + digits.substr(end - size, size));
        end -= size;
    }
    return digits.substr(0, end) + out;
}

std::string sign_text(bool negative, char sign) {
    if (negative) return "-";
    if (sign == '+') return "+";
    if (sign == ' ') return " ";
    return "";
}

// Digits (no sign) with grouping applied; zero padding is folded in when grouping, else left to pad().
std::string finish_number(bool negative, const std::string& prefix, std::string digits,
                          const std::string& suffix, const FormatSpec& spec, int group) {
    std::string head = sign_text(negative, spec.sign) + prefix;
    if (spec.grouping) {
        int64_t min_width = 0;
        if (spec.align == '=' && spec.fill == "0" && spec.width > 0)
            min_width = spec.width - count_code_points(head) - count_code_points(suffix);
        digits = group_digits(digits, spec.grouping, group, min_width);
    }
    return pad(head, digits + suffix, spec, '>');
}

[[noreturn]] void unknown_code(char type, const char* type_name) {
    raise(&ValueError_type, format("Unknown format code '%c' for object of type '%s'", type, type_name));
}

}  // namespace

FormatSpec parse_format_spec(std::string_view spec, const char* type_name) {
    FormatSpec out;
    size_t i = 0;
    bool fill_given = false;
    size_t first = spec.empty() ? 0 : utf8_char_len(static_cast<unsigned char>(spec[0]));
    if (spec.size() > first && is_align(spec[first])) {
        out.fill = std::string(spec.substr(0, first));
        out.align = spec[first];
        fill_given = true;
        i = first + 1;
    } else if (!spec.empty() && is_align(spec[0])) {
        out.align = spec[0];
        i = 1;
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) out.sign = spec[i++];
    if (i < spec.size() && spec[i] == 'z') {
        out.coerce_zero = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '#') {
        out.alternate = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '0') {
        out.zero_pad = true;
        // '0' pads with zeros unless a fill is given, whatever the alignment ('<05' -> 'ab000').
        if (!fill_given) out.fill = std::string(1, '0');
        if (!out.align) {
            out.align = '=';
            out.align_from_zero = true;
        }
        ++i;
    }
    if (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') out.width = parse_number(spec, i);
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) out.grouping = spec[i++];
    // A second separator of the other kind is refused here; one of the same kind is read as the type
    // (',,' -> "Cannot specify ',' with ','."), as CPython's parser does.
    if (i < spec.size() && out.grouping && (spec[i] == ',' || spec[i] == '_') && spec[i] != out.grouping)
        raise(&ValueError_type, "Cannot specify both ',' and '_'.");
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        if (i >= spec.size() || spec[i] < '0' || spec[i] > '9')
            raise(&ValueError_type, "Format specifier missing precision");
        out.precision = parse_number(spec, i);
    }
    if (spec.size() - i > 1)
        raise(&ValueError_type, format("Invalid format specifier '%.*s' for object of type '%s'",
                                       static_cast<int>(spec.size()), spec.data(), type_name));
    if (i < spec.size()) out.type = spec[i];
    // As CPython, a separator that does not suit the type is reported before anything else:
    // ',' goes with decimal and float types only, '_' also with the binary/octal/hex ones.
    char type = out.type ? out.type : std::strcmp(type_name, "str") == 0 ? 's' : 0;  // str's default is 's'
    if (out.grouping && type && !strchr(out.grouping == ',' ? "deEfFgG%" : "deEfFgG%boxX", type))
        raise(&ValueError_type, format("Cannot specify '%c' with '%c'.", out.grouping, type));
    return out;
}

namespace {

// printf of one double with a precision, as long as it comes out (format(0.1, ".600f")).
std::string print_double(const char* fmt, int precision, double value) {
    CNumericScope c_numbers;
    int n = std::snprintf(nullptr, 0, fmt, precision, value);
    // glibc fails (-1, or 0 for "%.2147483647f") past INT_MAX characters.
    if (n <= 0) raise(&MemoryError_type, "");
    std::string text(static_cast<size_t>(n) + 1, '\0');
    std::snprintf(text.data(), text.size(), fmt, precision, value);
    text.resize(static_cast<size_t>(n));
    return text;
}

// Drops the zeros that end the fraction of `text` (and then a bare point); an exponent stays.
std::string strip_fraction_zeros(std::string text) {
    size_t e = std::min(text.find('e'), text.size());
    if (text.find('.') >= e) return text;
    size_t end = text.find_last_not_of('0', e - 1);
    if (text[end] == '.') --end;
    return text.erase(end + 1, e - end - 1);
}

// 'g' with `precision` significant digits, written out here rather than by printf: glibc's "%#g"
// loses the zeros when rounding carries into a new digit (999999.5 -> "1.e+06"). Fixed-point when
// the exponent is at least -4 and below the precision (one below with `add_dot_0`, which also
// keeps a ".0" on integral values: float's no-type format, CPython's Py_DTSF_ADD_DOT_0); `keep`
// ('#') keeps the trailing zeros and the point.
std::string general_text(double magnitude, int precision, bool keep, bool add_dot_0) {
    std::string text = print_double(keep ? "%#.*e" : "%.*e", precision - 1, magnitude);
    int exponent = std::atoi(text.c_str() + text.find('e') + 1);
    if (exponent < -4 || exponent >= (add_dot_0 ? precision - 1 : precision))
        return keep ? text : strip_fraction_zeros(text);
    text = print_double(keep ? "%#.*f" : "%.*f", precision - 1 - exponent, magnitude);
    if (!keep) text = strip_fraction_zeros(text);
    if (add_dot_0 && text.find('.') == std::string::npos) text += ".0";
    return text;
}

// The digits of |value| as a float presentation type gives them ('%' included), before sign and
// padding. With no type: repr, or 'g' with the precision given, where `add_dot_0` is float's
// format (not complex's): see general_text.
std::string float_digits(double magnitude, const FormatSpec& spec, bool add_dot_0) {
    char type = spec.type == 'n' ? 'g' : spec.type;
    if (std::isinf(magnitude) || std::isnan(magnitude)) {
        std::string text = std::isnan(magnitude) ? "nan" : "inf";
        if (type == 'E' || type == 'F' || type == 'G') text = std::isnan(magnitude) ? "NAN" : "INF";
        return type == '%' ? text + "%" : text;
    }
    if (!type && spec.precision < 0) {
        std::string text = float_repr(magnitude);
        if (!add_dot_0 && text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
            text.resize(text.size() - 2);
        // '#' always shows the point: 1e+100 -> 1.e+100.
        if (spec.alternate && text.find('.') == std::string::npos) {
            size_t e = text.find('e');
            text.insert(e == std::string::npos ? text.size() : e, 1, '.');
        }
        return text;
    }
    int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);  // at most INT_MAX
    if (!type || type == 'g' || type == 'G') {
        std::string text =
            general_text(magnitude, std::max(precision, 1), spec.alternate, add_dot_0 && !type);
        if (type == 'G')
            for (char& c : text) c = static_cast<char>(toupper(c));
        return text;
    }
    std::string suffix;
    char conv = type;
    if (conv == '%') {
        magnitude *= 100;
        conv = 'f';
        suffix = "%";
    }
    char fmt[16];
    std::snprintf(fmt, sizeof fmt, "%%%s.*%c", spec.alternate ? "#" : "", conv);
    return print_double(fmt, precision, magnitude) + suffix;
}

// Sign and digits of one float as `spec` asks, grouping applied, unpadded. `sign` is the spec's
// sign flag ('+', ' ' or 0); zero padding with grouping groups the zeros too, within `width`.
std::string float_number(double value, const FormatSpec& spec, char sign, bool add_dot_0, int64_t width) {
    bool negative = std::signbit(value) && !std::isnan(value);
    std::string digits = float_digits(std::fabs(value), spec, add_dot_0);
    // 'z': no nonzero digit before the exponent ("0.0E+00", "0.00%") is a zero.
    if (spec.coerce_zero && negative && std::isfinite(value) &&
        digits.find_first_of("123456789") >= digits.find_first_of("eE"))
        negative = false;
    std::string head = sign_text(negative, sign);
    // Grouping applies to the integer part only.
    size_t int_end = digits.find_first_not_of("0123456789");
    std::string rest = int_end == std::string::npos ? "" : digits.substr(int_end);
    std::string int_part = digits.substr(0, int_end);
    if (spec.grouping && !int_part.empty()) {
        int64_t min_width = width > 0 ? width - static_cast<int64_t>(head.size() + rest.size()) : 0;
        int_part = group_digits(int_part, spec.grouping, 3, min_width);
    }
    if (spec.type == 'n') {
        LocaleSeparators locale = locale_separators();
        int_part = group_by_locale(int_part, locale);
        if (!rest.empty() && rest[0] == '.') rest = locale.decimal_point + rest.substr(1);
    }
    return head + int_part + rest;
}

// CPython formats a float with a C int precision.
void check_float_precision(const FormatSpec& spec) {
    if (spec.precision > INT_MAX) raise(&ValueError_type, "precision too big");
}

}  // namespace

std::string format_float(double value, const FormatSpec& spec) {
    if (spec.type && !strchr("eEfFgGn%", spec.type)) unknown_code(spec.type, "float");
    check_float_precision(spec);
    bool zeros = spec.align == '=' && spec.fill == "0" && spec.width > 0;
    std::string number = float_number(value, spec, spec.sign, true, zeros ? spec.width : 0);
    // Split the sign off, so '=' pads between it and the digits.
    size_t sign_len = !number.empty() && strchr("+- ", number[0]) ? 1 : 0;
    return pad(number.substr(0, sign_len), number.substr(sign_len), spec, '>');
}

// format(complex, spec), as CPython's format_complex_internal: both parts in the float's
// presentation; with no type like str(): the real part left out when it is +0, else parentheses.
std::string format_complex(double re, double im, const FormatSpec& spec) {
    if (spec.type && !strchr("eEfFgGn", spec.type)) unknown_code(spec.type, "complex");
    check_float_precision(spec);
    if (spec.fill == "0") raise(&ValueError_type, "Zero padding is not allowed in complex format specifier");
    if (spec.align == '=')
        raise(&ValueError_type, "'=' alignment flag is not allowed in complex format specifier");
    bool skip_re = !spec.type && re == 0.0 && !std::signbit(re);
    bool parens = !spec.type && !skip_re;
    std::string text = skip_re ? "" : float_number(re, spec, spec.sign, false, 0);
    text += float_number(im, spec, skip_re ? spec.sign : '+', false, 0) + "j";
    return pad("", parens ? "(" + text + ")" : text, spec, '>');
}

std::string format_int(Object* value, const FormatSpec& spec) {
    char type = spec.type ? spec.type : 'd';
    if (strchr("eEfFgG%", type)) return format_float(int_to_double(value), spec);
    if (!strchr("bcdoxXn", type)) unknown_code(type, type_of(value)->name.c_str());
    if (spec.precision >= 0) raise(&ValueError_type, "Precision not allowed in integer format specifier");
    if (spec.coerce_zero)
        raise(&ValueError_type, "Negative zero coercion (z) not allowed in integer format specifier");
    if (spec.grouping == ',' && type != 'd')
        raise(&ValueError_type, format("Cannot specify ',' with '%c'.", type));
    if (type == 'c') {
        if (spec.sign) raise(&ValueError_type, "Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            raise(&ValueError_type, "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t cp = 0;
        if (!int_to_i64(value, &cp)) raise(&OverflowError_type, "Python int too large to convert to C long");
        if (cp < 0 || cp > 0x10FFFF) raise(&OverflowError_type, "%c arg not in range(0x110000)");
        return pad("", str_utf8_of(str_from_codepoint(static_cast<uint32_t>(cp)).get()), spec, '>');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string text = int_to_base(value, base, false);
    bool negative = !text.empty() && text[0] == '-';
    std::string digits(text.begin() + (negative ? 1 : 0), text.end());
    if (type == 'X')
        for (char& c : digits) c = static_cast<char>(toupper(c));
    if (type == 'n') digits = group_by_locale(digits, locale_separators());
    const char* prefix = "";
    if (spec.alternate && base != 10)
        prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    return finish_number(negative, prefix, digits, "", spec, base == 10 ? 3 : 4);
}

std::string format_str(const std::string& utf8, const FormatSpec& spec) {
    if (spec.type && spec.type != 's') unknown_code(spec.type, "str");
    if (spec.sign)
        raise(&ValueError_type, spec.sign == ' ' ? "Space not allowed in string format specifier"
                                                 : "Sign not allowed in string format specifier");
    if (spec.coerce_zero)
        raise(&ValueError_type, "Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate) raise(&ValueError_type, "Alternate form (#) not allowed in string format specifier");
    if (spec.grouping) raise(&ValueError_type, format("Cannot specify '%c' with 's'.", spec.grouping));
    // Since 3.10 a '0' flag on a str pads with zeros on the right ('<'): only an explicit '=' is refused.
    FormatSpec s = spec;
    if (s.align_from_zero) s.align = '<';
    if (s.align == '=') raise(&ValueError_type, "'=' alignment not allowed in string format specifier");
    std::string text = utf8;
    if (spec.precision >= 0 && count_code_points(text) > spec.precision) {
        size_t pos = 0;
        for (int64_t i = 0; i < spec.precision; ++i)
            pos += utf8_char_len(static_cast<unsigned char>(text[pos]));
        text.resize(pos);
    }
    return pad("", text, s, '<');
}

Ref format_value(Object* value, std::string_view spec) {
    Type* t = type_of(value);
    bool builtin = t == &int_type || t == &bool_type || t == &float_type || t == &str_type;
    // A class's own __format__ serves format(), f-strings and str.format alike; object's native
    // one leaves subclasses of float and str to the built-in formatting below.
    Ref method = builtin ? nullptr : type_lookup(t, intern("__format__"));
    if (method && !is_method_descriptor(method.get())) {
        Object* args[2] = {value, str_new(spec).release()};
        Ref spec_ref = Ref::steal(args[1]);
        Ref result = call(method.get(), args, 2);
        if (!is_str(result.get()))
            raise(&TypeError_type,
                  format("__format__ must return a str, not %s", type_of(result.get())->name.c_str()));
        return result;
    }
    if (spec.empty()) return str(value);
    return format_builtin(value, spec);
}

Ref format_builtin(Object* value, std::string_view spec) {
    Type* t = type_of(value);
    // Subclasses of int and float format as their base, naming their own type in errors.
    if (is_int(value)) return str_new(format_int(value, parse_format_spec(spec, t->name.c_str())));
    if (is_float(value))
        return str_new(format_float(float_value(value), parse_format_spec(spec, t->name.c_str())));
    if (is_instance(value, &complex_type)) {
        auto* c = static_cast<Complex*>(value);
        return str_new(format_complex(c->real, c->imag, parse_format_spec(spec, t->name.c_str())));
    }
    if (is_instance(value, &str_type))
        return str_new(format_str(str_utf8_of(value), parse_format_spec(spec, "str")));
    raise(&TypeError_type, format("unsupported format string passed to %s.__format__", t->name.c_str()));
}

// int.__format__, float.__format__, complex.__format__ and str.__format__: the built-in formatting,
// also for a subclass whose own __format__ calls super().__format__ (IntEnum's does).
Ref builtin_format_method(Object*, Object* const* args, size_t nargs, Tuple* kw) {
    check_positional("__format__", nargs, kw, 2, 2);
    if (!is_str(args[1]))
        raise(&TypeError_type, format("__format__() argument must be str, not %s",
                                      args[1] == None ? "None" : type_of(args[1])->name.c_str()));
    const std::string& spec = str_utf8_of(args[1]);
    return spec.empty() ? str(args[0]) : format_builtin(args[0], spec);
}

}  // namespace minipy
