// bytes_ascii_methods.cpp — the methods of bytes and bytearray that read the bytes as ASCII text:
// case mapping, the is*() tests, padding (ljust, rjust, center, zfill) and expandtabs. Bytes
// outside ASCII are never letters, digits or spaces, whatever the C locale says (CPython's
// pyctype.h has its own table for the same reason), so these use their own classifiers.
#include "objects/bytes_methods.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/native_function.h"

namespace minipy {

namespace {

using Args = Object* const*;

bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool ascii_alpha(unsigned char c) { return ascii_upper(c) || ascii_lower(c); }
bool ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(unsigned char c) { return ascii_alpha(c) || ascii_digit(c); }
bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool ascii(unsigned char c) { return c < 0x80; }

char to_upper(char c) { return ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char to_lower(char c) { return ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char swap_case(char c) { return ascii_upper(c) ? to_lower(c) : to_upper(c); }

// self's bytes, after checking that the method was given no arguments.
std::string no_arg_data(const char* fname, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional(fname, args, nargs, kw, 0, 0);
    return bytes_like_data(args[0]);
}

// ---- case mapping ----

template <char (*Map)(char)>
Ref map_each(const char* fname, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data(fname, args, nargs, kw);
    for (char& c : data) c = Map(c);
    return bytes_result(args[0], data);
}

Ref bytes_upper(Object*, Args args, size_t nargs, Tuple* kw) {
    return map_each<to_upper>("upper", args, nargs, kw);
}
Ref bytes_lower(Object*, Args args, size_t nargs, Tuple* kw) {
    return map_each<to_lower>("lower", args, nargs, kw);
}
Ref bytes_swapcase(Object*, Args args, size_t nargs, Tuple* kw) {
    return map_each<swap_case>("swapcase", args, nargs, kw);
}

Ref bytes_capitalize(Object*, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data("capitalize", args, nargs, kw);
    for (size_t i = 0; i < data.size(); ++i) data[i] = i == 0 ? to_upper(data[i]) : to_lower(data[i]);
    return bytes_result(args[0], data);
}

// Each run of letters starts uppercase and goes on lowercase; anything else ends the run.
Ref bytes_title(Object*, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data("title", args, nargs, kw);
    bool in_word = false;
    for (char& c : data) {
        c = in_word ? to_lower(c) : to_upper(c);
        in_word = ascii_alpha(c);
    }
    return bytes_result(args[0], data);
}

// ---- the is*() tests ----

// True when every byte passes `test`; an empty bytes passes only when `empty_passes`.
template <bool (*Test)(unsigned char), bool empty_passes = false>
Ref all_bytes(const char* fname, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data(fname, args, nargs, kw);
    bool all = empty_passes || !data.empty();
    for (char c : data) all = all && Test(static_cast<unsigned char>(c));
    return Ref::borrow(bool_obj(all));
}

Ref bytes_isdigit(Object*, Args args, size_t nargs, Tuple* kw) {
    return all_bytes<ascii_digit>("isdigit", args, nargs, kw);
}
Ref bytes_isalpha(Object*, Args args, size_t nargs, Tuple* kw) {
    return all_bytes<ascii_alpha>("isalpha", args, nargs, kw);
}
Ref bytes_isalnum(Object*, Args args, size_t nargs, Tuple* kw) {
    return all_bytes<ascii_alnum>("isalnum", args, nargs, kw);
}
Ref bytes_isspace(Object*, Args args, size_t nargs, Tuple* kw) {
    return all_bytes<ascii_space>("isspace", args, nargs, kw);
}
Ref bytes_isascii(Object*, Args args, size_t nargs, Tuple* kw) {
    return all_bytes<ascii, true>("isascii", args, nargs, kw);
}

// islower / isupper: at least one letter, and none of the other case.
template <bool (*Wanted)(unsigned char), bool (*Other)(unsigned char)>
Ref one_case(const char* fname, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data(fname, args, nargs, kw);
    bool any = false;
    for (char c : data) {
        if (Other(static_cast<unsigned char>(c))) return Ref::borrow(False);
        any = any || Wanted(static_cast<unsigned char>(c));
    }
    return Ref::borrow(bool_obj(any));
}

Ref bytes_islower(Object*, Args args, size_t nargs, Tuple* kw) {
    return one_case<ascii_lower, ascii_upper>("islower", args, nargs, kw);
}
Ref bytes_isupper(Object*, Args args, size_t nargs, Tuple* kw) {
    return one_case<ascii_upper, ascii_lower>("isupper", args, nargs, kw);
}

// Whether title() would leave the bytes as they are, and they hold a letter.
Ref bytes_istitle(Object*, Args args, size_t nargs, Tuple* kw) {
    std::string data = no_arg_data("istitle", args, nargs, kw);
    bool any_letter = false, in_word = false;
    for (char c : data) {
        auto b = static_cast<unsigned char>(c);
        if (ascii_upper(b) ? in_word : ascii_lower(b) && !in_word) return Ref::borrow(False);
        in_word = ascii_alpha(b);
        any_letter = any_letter || in_word;
    }
    return Ref::borrow(bool_obj(any_letter));
}

// ---- padding ----

// The optional fill byte of ljust/rjust/center: a bytes or bytearray of length 1, space by default.
char fill_byte(const char* fname, Object* fill) {
    if (!fill) return ' ';
    if (!is_bytes_like(fill) || length(fill) != 1)
        raise(&TypeError_type, format("%s() argument 2 must be a byte string of length 1, not %s", fname,
                                      fill == None ? "None" : type_of(fill)->name.c_str()));
    return bytes_like_data(fill)[0];
}

// Pads self to `width` with `left` fill bytes before and the rest after.
template <typename LeftCount>
Ref pad(const char* fname, Args args, size_t nargs, Tuple* kw, LeftCount left_count) {
    check_bytes_positional(fname, args, nargs, kw, 1, 2);
    int64_t width = as_index(args[1]);
    char fill = fill_byte(fname, nargs > 2 ? args[2] : nullptr);
    std::string data = bytes_like_data(args[0]);
    auto size = static_cast<int64_t>(data.size());
    if (width <= size) return bytes_result_or_self(args[0], data, true);
    int64_t margin = width - size, left = left_count(margin, width);
    std::string out(static_cast<size_t>(left), fill);
    out += data;
    out.append(static_cast<size_t>(margin - left), fill);
    return bytes_result(args[0], out);
}

Ref bytes_ljust(Object*, Args args, size_t nargs, Tuple* kw) {
    return pad("ljust", args, nargs, kw, [](int64_t, int64_t) -> int64_t { return 0; });
}
Ref bytes_rjust(Object*, Args args, size_t nargs, Tuple* kw) {
    return pad("rjust", args, nargs, kw, [](int64_t margin, int64_t) { return margin; });
}
// CPython puts the odd byte of an odd margin on the left only when the width is odd too.
Ref bytes_center(Object*, Args args, size_t nargs, Tuple* kw) {
    return pad("center", args, nargs, kw,
               [](int64_t margin, int64_t width) { return margin / 2 + (margin & width & 1); });
}

// Zeros on the left, after a leading sign byte.
Ref bytes_zfill(Object*, Args args, size_t nargs, Tuple* kw) {
    check_bytes_positional("zfill", args, nargs, kw, 1, 1);
    int64_t width = as_index(args[1]);
    std::string data = bytes_like_data(args[0]);
    if (width <= static_cast<int64_t>(data.size())) return bytes_result_or_self(args[0], data, true);
    std::string out(static_cast<size_t>(width) - data.size(), '0');
    size_t zeros = out.size();
    out += data;
    if (!data.empty() && (data[0] == '+' || data[0] == '-')) {
        out[0] = data[0];
        out[zeros] = '0';
    }
    return bytes_result(args[0], out);
}

// expandtabs(tabsize=8): each tab becomes the spaces up to the next multiple of tabsize, counting
// columns from the last \n or \r; a tabsize of 0 or less drops the tabs.
Ref bytes_expandtabs(Object*, Args args, size_t nargs, Tuple* kw) {
    static const char* const names[] = {"self", "tabsize"};
    Object* a[2];
    bind_bytes_method("expandtabs", args, nargs, kw, names, 0, a);
    int64_t tabsize = a[1] ? as_index(a[1]) : 8;
    if (tabsize < INT32_MIN || tabsize > INT32_MAX)
        raise(&OverflowError_type, "Python int too large to convert to C int");
    std::string data = bytes_like_data(a[0]), out;
    int64_t column = 0;
    for (char c : data) {
        if (c == '\t') {
            if (tabsize <= 0) continue;
            int64_t spaces = tabsize - column % tabsize;
            out.append(static_cast<size_t>(spaces), ' ');
            column += spaces;
            continue;
        }
        out.push_back(c);
        column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
    return bytes_result(a[0], out);
}

}  // namespace

void check_bytes_positional(const char* fname, Args args, size_t nargs, Tuple* kw, size_t min, size_t max) {
    // args[0] is self, or the class for a class method (fromhex).
    Type* owner = is_type(args[0]) ? static_cast<Type*>(args[0]) : type_of(args[0]);
    check_clinic_positional(is_subtype(owner, &bytearray_type) ? "bytearray" : "bytes", fname, nargs - 1, kw,
                            min, max);
}

Ref bytes_result_or_self(Object* self, std::string_view data, bool unchanged) {
    if (unchanged && type_of(self) == &bytes_type) return Ref::borrow(self);
    return bytes_result(self, data);
}

const MethodDef bytes_ascii_methods[] = {
    {"upper", bytes_upper, "ASCII letters converted to uppercase."},
    {"lower", bytes_lower, "ASCII letters converted to lowercase."},
    {"swapcase", bytes_swapcase, "ASCII letters with their case swapped."},
    {"capitalize", bytes_capitalize, "The first byte uppercased, ASCII letters after it lowercased."},
    {"title", bytes_title, "Each run of ASCII letters starting uppercase and going on lowercase."},
    {"isdigit", bytes_isdigit, "Whether all bytes are ASCII digits and there is at least one."},
    {"isalpha", bytes_isalpha, "Whether all bytes are ASCII letters and there is at least one."},
    {"isalnum", bytes_isalnum, "Whether all bytes are ASCII letters or digits and there is at least one."},
    {"isspace", bytes_isspace, "Whether all bytes are ASCII whitespace and there is at least one."},
    {"isascii", bytes_isascii, "Whether all bytes are ASCII (an empty bytes is)."},
    {"islower", bytes_islower, "Whether there is a cased byte and all cased bytes are lowercase ASCII."},
    {"isupper", bytes_isupper, "Whether there is a cased byte and all cased bytes are uppercase ASCII."},
    {"istitle", bytes_istitle, "Whether the bytes are titlecased and there is at least one cased byte."},
    {"ljust", bytes_ljust, "Return a left-justified bytes of length width, padded with fillchar."},
    {"rjust", bytes_rjust, "Return a right-justified bytes of length width, padded with fillchar."},
    {"center", bytes_center, "Return a centered bytes of length width, padded with fillchar."},
    {"zfill", bytes_zfill, "Pad numeric bytes with zeros on the left, to fill a field of the given width."},
    {"expandtabs", bytes_expandtabs, "Return a copy where all tab characters are expanded using spaces."},
    {nullptr, nullptr, nullptr},
};

}  // namespace minipy
