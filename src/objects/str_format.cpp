// str_format.cpp — the two older ways to format text: printf-style `fmt % args` and
// str.format/format_map with its replacement fields, both with CPython 3.11's errors. The format
// spec after ':' goes through the shared mini-language in format_spec.cpp.
#include <algorithm>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "runtime/unicode_ctype.h"

namespace minipy {

std::string ascii_repr_text(Object* o) {
    std::string text = repr_utf8(o), out;
    for (const char* p = text.data(); p < text.data() + text.size();) {
        uint32_t cp = utf8_decode(p);
        if (cp < 0x80)
            out.push_back(static_cast<char>(cp));
        else
            out += cp < 0x100     ? format("\\x%02x", cp)
                   : cp < 0x10000 ? format("\\u%04x", cp)
                                  : format("\\U%08x", cp);
    }
    return out;
}

namespace {

int64_t code_points_in(std::string_view s) {
    return std::count_if(s.begin(), s.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// n copies of `c` (none for n <= 0): a width's padding, a MemoryError where no memory holds it.
std::string padding(int64_t n, char c) {
    if (n <= 0) return {};
    check_allocation(static_cast<uint64_t>(n), 1);
    return std::string(static_cast<size_t>(n), c);
}
std::string spaces(int64_t n) { return padding(n, ' '); }

// ---- printf-style: one conversion specifier at a time ----
// `fmt % args` for str, and for bytes/bytearray (PEP 461): the same specifiers, with bytes' own
// %s/%b (bytes-like or __bytes__), %c (a byte) and error texts. Text is UTF-8 for str and raw bytes
// for bytes, so widths and precisions count code points for str and bytes for bytes.
struct Conversion {
    bool left = false, plus = false, space = false, alternate = false, zero = false;
    int64_t width = -1, precision = -1;
    char type = 0;
    bool bytes = false;  // formatting a bytes/bytearray
};

int64_t length_of(std::string_view text, const Conversion& c) {
    return c.bytes ? static_cast<int64_t>(text.size()) : code_points_in(text);
}

std::string pad_text(const std::string& text, const Conversion& c) {
    int64_t missing = c.width - length_of(text, c);
    return c.left ? text + spaces(missing) : spaces(missing) + text;
}

// Cuts `text` to the conversion's precision, counted as pad_text counts.
std::string truncate_text(std::string text, const Conversion& c) {
    if (c.precision < 0 || length_of(text, c) <= c.precision) return text;
    if (c.bytes) {
        text.resize(static_cast<size_t>(c.precision));
        return text;
    }
    const char* p = text.data();
    for (int64_t i = 0; i < c.precision; ++i) utf8_decode(p);
    text.resize(static_cast<size_t>(p - text.data()));
    return text;
}
// CPython's PyNumber_Check: what %d accepts before it asks int() for the value.
bool is_number(Object* o) {
    if (is_int(o) || is_float(o) || is_instance(o, &complex_type)) return true;
    for (const char* dunder : {"__index__", "__int__", "__float__"})
        if (special_method(o, intern(dunder))) return true;
    return false;
}

// The int that %d, %i and %u (int(arg): a float truncated, __int__, __index__) or %o, %x and %X
// (only __index__) format, as CPython's mainformatlong; a TypeError on the way becomes its own.
Ref percent_int_value(Object* arg, const Conversion& c) {
    if (is_int(arg)) return Ref::borrow(arg);
    bool integral_only = c.type == 'x' || c.type == 'X' || c.type == 'o';
    try {
        if (is_number(arg)) {
            if (!integral_only) return call1(&int_type, arg);
            if (Ref v = index_value(arg)) return v;
        }
    } catch (PyException& e) {
        if (!is_instance(e.exception(), &TypeError_type)) throw;
    }
    raise(&TypeError_type,
          format("%%%c format: %s is required, not %s", c.type,
                 integral_only ? "an integer" : "a real number", type_of(arg)->name.c_str()));
}

std::string percent_int(Object* arg, const Conversion& c) {
    Ref value = percent_int_value(arg, c);
    int base = c.type == 'o' ? 8 : (c.type == 'x' || c.type == 'X') ? 16 : 10;
    std::string text = int_to_base(value.get(), base, false);
    bool negative = text[0] == '-';
    std::string digits = text.substr(negative ? 1 : 0);
    if (c.type == 'X') std::transform(digits.begin(), digits.end(), digits.begin(), ::toupper);
    if (c.precision > static_cast<int64_t>(digits.size()))
        digits.insert(0, padding(c.precision - static_cast<int64_t>(digits.size()), '0'));
    std::string head = negative ? "-" : c.plus ? "+" : c.space ? " " : "";
    if (c.alternate && base != 10) head += c.type == 'o' ? "0o" : c.type == 'x' ? "0x" : "0X";
    int64_t missing = c.width - static_cast<int64_t>(head.size() + digits.size());
    if (c.left) return head + digits + spaces(missing);
    if (c.zero) return head + padding(missing, '0') + digits;
    return spaces(missing) + head + digits;
}

std::string percent_float(Object* arg, const Conversion& c) {
    FormatSpec spec;
    spec.type = c.type;
    spec.precision = c.precision < 0 ? 6 : c.precision;
    spec.sign = c.plus ? '+' : c.space ? ' ' : 0;
    spec.alternate = c.alternate;
    spec.width = c.width;
    if (c.left) {
        spec.align = '<';
    } else if (c.zero) {
        spec.align = '=';
        spec.fill = "0";
    }
    // bytes' %f says so whatever the conversion's error was (CPython's formatfloat in bytesobject.c).
    double value;
    try {
        value = to_double(arg);
    } catch (PyException& e) {
        if (!c.bytes) throw;
        raise(&TypeError_type, format("float argument required, not %s", type_of(arg)->name.c_str()));
    }
    return format_float(value, spec);
}

// %c: one character (one byte for bytes), or an int or an object with __index__ giving its code.
std::string percent_char(Object* arg, const Conversion& c) {
    Ref code = is_int(arg) || is_str(arg) ? Ref::borrow(arg) : index_value(arg);
    if (c.bytes) {
        bool one_byte = is_instance(arg, &bytes_type) || is_instance(arg, &bytearray_type);
        if (one_byte && bytes_like_data(arg).size() == 1) return pad_text(bytes_like_data(arg), c);
        if (!code || !is_int(code.get()))
            raise(&TypeError_type, "%c requires an integer in range(256) or a single byte");
        int64_t byte;
        if (!int_to_i64(code.get(), &byte) || byte < 0 || byte > 255)
            raise(&OverflowError_type, "%c arg not in range(256)");
        return pad_text(std::string(1, static_cast<char>(byte)), c);
    }
    if (is_str(arg) && as_str(arg)->length == 1) return pad_text(str_utf8_of(arg), c);
    if (!code || !is_int(code.get())) raise(&TypeError_type, "%c requires int or char");
    int64_t cp;
    if (!int_to_i64(code.get(), &cp) || cp < 0 || cp > 0x10FFFF)
        raise(&OverflowError_type, "%c arg not in range(0x110000)");
    return pad_text(str_utf8_of(str_from_codepoint(static_cast<uint32_t>(cp)).get()), c);
}

// bytes' %s and %b: the data of a bytes-like object, or what its __bytes__ returns.
std::string bytes_argument(Object* arg) {
    if (exports_buffer(arg)) return bytes_like_data(arg);
    if (Ref result = bytes_from_dunder(arg)) return bytes_data(result.get());
    raise(&TypeError_type,
          format("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                 type_of(arg)->name.c_str()));
}

std::string percent_text(Object* arg, const Conversion& c) {
    std::string text;
    if (c.type == 'a' || (c.bytes && c.type == 'r'))
        text = ascii_repr_text(arg);
    else if (c.bytes)
        text = bytes_argument(arg);
    else
        text = c.type == 's' ? str_utf8(arg) : repr_utf8(arg);
    return pad_text(truncate_text(std::move(text), c), c);
}

// Walks the positional arguments of `fmt % args`: a tuple's items, or the single non-tuple value.
class PercentArgs {
public:
    PercentArgs(Object* args, bool bytes) : args_(args) {
        bool is_tuple = is_instance(args, &tuple_type);
        if (is_tuple) count_ = static_cast<int64_t>(as_tuple(args)->size);
        // As CPython's PyMapping_Check: anything subscriptable but a tuple or a string of the
        // format's own kind (str for str; str, bytes or bytearray for bytes) supplies %(key)s.
        bool string = is_instance(args, &str_type) || (bytes && is_bytes_like(args));
        if (!is_tuple && !string && type_of(args)->getitem) mapping_ = args;
    }
    Object* next() {
        if (count_ < 0) {
            if (used_) raise(&TypeError_type, "not enough arguments for format string");
            used_ = true;
            return args_;
        }
        if (index_ >= count_) raise(&TypeError_type, "not enough arguments for format string");
        return as_tuple(args_)->items[index_++];
    }
    // After a %(key)s, an argument without a key is missing: CPython's walker has moved on to the
    // key's value, which that conversion used.
    void key_used() { count_ = -1, used_ = true; }
    Object* mapping() const { return mapping_; }
    bool all_used() const { return mapping_ || (count_ < 0 ? used_ : index_ == count_); }

private:
    Object* args_;
    Object* mapping_ = nullptr;
    int64_t count_ = -1;  // -1: a single value, not a tuple
    int64_t index_ = 0;
    bool used_ = false;
};

// A width or precision given as `*`: an int, at most what CPython's Py_ssize_t (width) or C int
// (precision) holds.
int64_t star_arg(PercentArgs& args, bool precision) {
    Object* o = args.next();
    if (!is_int(o)) raise(&TypeError_type, "* wants int");
    int64_t v;
    if (!int_to_i64(o, &v) || (precision && (v > INT32_MAX || v < INT32_MIN)))
        raise(&OverflowError_type,
              format("Python int too large to convert to C %s", precision ? "int" : "ssize_t"));
    return v;
}

}  // namespace

namespace {

// The text of `fmt % args`, for str (`bytes` false: `t` UTF-8) or bytes (`t` raw bytes).
std::string percent_format(const std::string& t, Object* args, bool bytes) {
    PercentArgs walker(args, bytes);
    std::string out;
    size_t i = 0, n = t.size();
    while (i < n) {
        size_t pct = t.find('%', i);
        out.append(t, i, (pct == std::string::npos ? n : pct) - i);
        if (pct == std::string::npos) break;
        i = pct + 1;
        // Only "%%" is a literal percent; CPython treats "%5%" as a bad conversion.
        if (i < n && t[i] == '%') {
            out += '%';
            ++i;
            continue;
        }
        Object* arg = nullptr;
        Ref keyed;
        if (i < n && t[i] == '(') {
            if (!walker.mapping()) raise(&TypeError_type, "format requires a mapping");
            size_t start = ++i;
            for (int depth = 1; i < n && depth > 0; ++i) depth += t[i] == '(' ? 1 : t[i] == ')' ? -1 : 0;
            if (i > n || t[i - 1] != ')') raise(&ValueError_type, "incomplete format key");
            std::string_view key = std::string_view(t).substr(start, i - 1 - start);
            keyed = get_item(walker.mapping(), bytes ? bytes_new(key).get() : str_new(key).get());
            arg = keyed.get();
            walker.key_used();
        }
        Conversion c;
        c.bytes = bytes;
        for (; i < n && std::string_view("-+ #0").find(t[i]) != std::string_view::npos; ++i) {
            char f = t[i];
            c.left |= f == '-', c.plus |= f == '+', c.space |= f == ' ', c.alternate |= f == '#',
                c.zero |= f == '0';
        }
        if (i < n && t[i] == '*') {
            c.width = star_arg(walker, false);
            if (c.width < 0) c.left = true, c.width = -c.width;
            ++i;
        } else {
            for (; i < n && t[i] >= '0' && t[i] <= '9'; ++i) {
                c.width = std::max<int64_t>(c.width, 0);
                if (c.width > (INT64_MAX - (t[i] - '0')) / 10) raise(&ValueError_type, "width too big");
                c.width = c.width * 10 + (t[i] - '0');
            }
        }
        if (i < n && t[i] == '.') {
            c.precision = 0;
            if (++i < n && t[i] == '*') {
                c.precision = std::max<int64_t>(star_arg(walker, true), 0);
                ++i;
            }
            for (; i < n && t[i] >= '0' && t[i] <= '9'; ++i) {
                if (c.precision > (INT32_MAX - (t[i] - '0')) / 10)
                    raise(&ValueError_type, bytes ? "prec too big" : "precision too big");
                c.precision = c.precision * 10 + (t[i] - '0');
            }
        }
        while (i < n && (t[i] == 'h' || t[i] == 'l' || t[i] == 'L')) ++i;
        if (i >= n) raise(&ValueError_type, "incomplete format");
        c.type = t[i++];
        if (!arg) arg = walker.next();
        switch (c.type) {
            case 'b':
                if (!bytes) goto unsupported;
                [[fallthrough]];
            case 's':
            case 'r':
            case 'a':
                out += percent_text(arg, c);
                break;
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
                out += percent_int(arg, c);
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                out += percent_float(arg, c);
                break;
            case 'c':
                out += percent_char(arg, c);
                break;
            default:
            unsupported : {
                if (bytes)
                    raise(&ValueError_type,
                          format("unsupported format character '%c' (0x%x) at index %lld", t[i - 1],
                                 static_cast<unsigned char>(t[i - 1]), static_cast<long long>(i - 1)));
                const char* p = t.data() + i - 1;
                uint32_t cp = utf8_decode(p);
                std::string ch;
                utf8_append(ch, cp);
                raise(&ValueError_type,
                      format("unsupported format character '%s' (0x%x) at index %lld", ch.c_str(), cp,
                             static_cast<long long>(code_points_in(t.substr(0, i - 1)))));
            }
        }
    }
    if (!walker.all_used())
        raise(&TypeError_type,
              format("not all arguments converted during %s formatting", bytes ? "bytes" : "string"));
    return out;
}

}  // namespace

Ref str_percent_format(Object* fmt, Object* args) {
    return str_new(percent_format(str_utf8_of(fmt), args, false));
}

Ref bytes_percent_format(Object* fmt, Object* args) {
    return bytes_of_type(type_of(fmt), percent_format(bytes_like_data(fmt), args, true));
}

// ---- str.format: replacement fields {name.attr[key]!conv:spec} ----
namespace {

// One replacement field as CPython's parse_field splits it: the name, the conversion after '!'
// (0 when none) and the spec after ':' (nested fields still in it when `nested` is set).
struct Field {
    std::string_view name;
    uint32_t conversion = 0;
    std::string_view spec;
    bool nested = false;
};

// Reads the field that starts at t[i] (just past its '{') and moves i past its closing '}'. The
// name ends at '!', ':' or '}' outside brackets; the spec at the '}' that balances its '{'s.
Field parse_field(std::string_view t, size_t& i) {
    Field f;
    size_t start = i;
    char c = 0;
    for (; i < t.size(); ++i) {
        c = t[i];
        if (c == '{') raise(&ValueError_type, "unexpected '{' in field name");
        if (c == '[') {
            while (i + 1 < t.size() && t[i + 1] != ']') ++i;
            continue;
        }
        if (c == '}' || c == ':' || c == '!') break;
    }
    if (i >= t.size()) raise(&ValueError_type, "expected '}' before end of string");
    f.name = t.substr(start, i - start);
    ++i;
    if (c == '}') return f;
    if (c == '!') {
        if (i >= t.size()) raise(&ValueError_type, "end of string while looking for conversion specifier");
        const char* p = t.data() + i;
        f.conversion = utf8_decode(p);
        i = p - t.data();
        if (i < t.size()) {
            c = t[i++];
            if (c == '}') return f;
            if (c != ':') raise(&ValueError_type, "expected ':' after conversion specifier");
        }
    }
    size_t spec_start = i;
    for (int count = 1; i < t.size(); ++i) {
        if (t[i] == '{') {
            f.nested = true;
            ++count;
        } else if (t[i] == '}' && --count == 0) {
            f.spec = t.substr(spec_start, i - spec_start);
            ++i;
            return f;
        }
    }
    raise(&ValueError_type, "unmatched '{' in format spec");
}

// CPython's get_integer: the value of a field name or [key] made only of Unicode decimal digits,
// -1 for any other text.
int64_t field_integer(std::string_view s) {
    if (s.empty()) return -1;
    int64_t value = 0;
    for (const char* p = s.data(); p < s.data() + s.size();) {
        int digit = unicode_decimal_value(utf8_decode(p));
        if (digit < 0) return -1;
        if (value > (INT64_MAX - digit) / 10)
            raise(&ValueError_type, "Too many decimal digits in format string");
        value = value * 10 + digit;
    }
    return value;
}

class FieldFormatter {
public:
    FieldFormatter(Object* const* args, size_t nargs, Object* mapping, bool is_format_map)
        : args_(args), nargs_(nargs), mapping_(mapping), is_format_map_(is_format_map) {}

    // Formats `t`; `depth` counts nested specs: CPython allows a field inside a spec, no deeper.
    std::string render(std::string_view t, int depth) {
        if (depth > 1) raise(&ValueError_type, "Max string recursion exceeded");
        std::string out;
        for (size_t i = 0; i < t.size();) {
            size_t brace = t.find_first_of("{}", i);
            if (brace == std::string_view::npos) brace = t.size();
            out.append(t.substr(i, brace - i));
            if (brace == t.size()) break;
            i = brace + 1;
            bool doubled = i < t.size() && t[i] == t[brace];
            if (t[brace] == '}' && !doubled)
                raise(&ValueError_type, "Single '}' encountered in format string");
            if (i == t.size()) raise(&ValueError_type, "Single '{' encountered in format string");
            if (doubled) {
                out += t[brace];
                ++i;
                continue;
            }
            out += render_field(parse_field(t, i), depth);
        }
        return out;
    }

private:
    std::string render_field(const Field& f, int depth) {
        Ref value = lookup(f.name);
        switch (f.conversion) {
            case 0:
                break;
            case 's':
                value = str(value.get());
                break;
            case 'r':
                value = repr(value.get());
                break;
            case 'a':
                value = str_new(ascii_repr_text(value.get()));
                break;
            default:
                raise(&ValueError_type, f.conversion > 32 && f.conversion < 127
                                            ? format("Unknown conversion specifier %c", f.conversion)
                                            : format("Unknown conversion specifier \\x%x", f.conversion));
        }
        std::string spec = f.nested ? render(f.spec, depth + 1) : std::string(f.spec);
        return str_utf8_of(format_value(value.get(), spec).get());
    }

    // The argument named by the first part of the field, then each .attr and [key] after it.
    Ref lookup(std::string_view name) {
        size_t first_end = std::min(name.find_first_of(".["), name.size());
        Ref value = argument(name.substr(0, first_end));
        for (size_t i = first_end; i < name.size();) {
            std::string_view part;
            bool attribute = name[i] == '.';
            if (attribute) {
                size_t next = std::min(name.find_first_of(".[", i + 1), name.size());
                part = name.substr(i + 1, next - i - 1);
                i = next;
            } else if (name[i] == '[') {
                size_t close = name.find(']', i);
                if (close == std::string_view::npos) raise(&ValueError_type, "Missing ']' in format string");
                part = name.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                raise(&ValueError_type, "Only '.' or '[' may follow ']' in format field specifier");
            }
            if (part.empty()) raise(&ValueError_type, "Empty attribute in format string");
            if (attribute) {
                value = get_attr(value.get(), intern(part));
            } else {
                int64_t index = field_integer(part);
                value = get_item(value.get(), index >= 0 ? int_from_i64(index).get() : str_new(part).get());
            }
        }
        return value;
    }

    Ref argument(std::string_view name) {
        int64_t index = field_integer(name);
        if (!name.empty() && index < 0) {
            if (!mapping_) raise_key_error(str_new(name).get());
            return get_item(mapping_, str_new(name).get());
        }
        if (name.empty()) {
            if (numbering_ == Numbering::Manual)
                raise(&ValueError_type,
                      "cannot switch from manual field specification to automatic field numbering");
            numbering_ = Numbering::Automatic;
            index = next_auto_++;
        } else {
            if (numbering_ == Numbering::Automatic)
                raise(&ValueError_type,
                      "cannot switch from automatic field numbering to manual field specification");
            numbering_ = Numbering::Manual;
        }
        if (is_format_map_) raise(&ValueError_type, "Format string contains positional fields");
        if (index >= static_cast<int64_t>(nargs_))
            raise(&IndexError_type, format("Replacement index %lld out of range for positional args tuple",
                                           static_cast<long long>(index)));
        return Ref::borrow(args_[index]);
    }

    enum class Numbering { Unknown, Automatic, Manual };
    Object* const* args_;
    size_t nargs_;
    Object* mapping_;
    bool is_format_map_;
    Numbering numbering_ = Numbering::Unknown;
    int64_t next_auto_ = 0;
};

}  // namespace

Ref str_format(Object* fmt, Object* const* args, size_t nargs, Object* mapping) {
    FieldFormatter formatter(args, nargs, mapping, false);
    return str_new(formatter.render(str_utf8_of(fmt), 0));
}

Ref str_format_map(Object* fmt, Object* mapping) {
    FieldFormatter formatter(nullptr, 0, mapping, true);
    return str_new(formatter.render(str_utf8_of(fmt), 0));
}

}  // namespace minipy
