// unicodedata_module.cpp — the native `unicodedata`: character names and properties from the
// Unicode Character Database tables generated at build time (syntax/unicode_names.h,
// syntax/unicode_data.h), and the four normalization forms (NFC, NFD, NFKC, NFKD), computed by the
// front end's syntax/unicode_normalize.cpp, which the lexer uses for identifiers.
// The tables come from the system's unicode-data (Unicode 15.0 on Debian 12) while CPython 3.11
// ships 14.0.0: unidata_version says CPython's, and characters new in 15.0 answer as assigned here.
#include <algorithm>
#include <string>

#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/c_numbers.h"
#include "syntax/unicode_data.h"
#include "syntax/unicode_names.h"

namespace minipy {

namespace {

using Args = Object* const*;

// The one character of a `chr` argument; CPython's TypeError otherwise.
char32_t character_arg(const char* fname, Object* o) {
    if (!is_str(o))
        raise(&TypeError_type,
              format("%s() argument must be a unicode character, not %s", fname, type_of(o)->name.c_str()));
    if (as_str(o)->length != 1)
        raise(&TypeError_type, format("%s() argument must be a unicode character, not str", fname));
    const char* p = as_str(o)->utf8.c_str();
    return utf8_decode(p);
}

unicode_data::Properties properties_arg(const char* fname, Args args, size_t nargs, Tuple* kw, size_t max) {
    check_positional(fname, nargs, kw, 1, max);
    return unicode_data::properties(character_arg(fname, args[0]));
}

Ref name(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("name", nargs, kw, 1, 2);
    std::string found = unicode_names::name(character_arg("name", args[0]));
    if (!found.empty()) return str_new(found);
    if (nargs > 1) return Ref::borrow(args[1]);
    raise(&ValueError_type, "no such name");
}

Ref lookup(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("lookup", nargs, kw, 1, 1);
    std::string text = is_str(args[0]) ? as_str(args[0])->utf8 : bytes_like_data(args[0]);
    if (text.size() > 256) raise(&KeyError_type, "name too long");
    std::optional<char32_t> c = unicode_names::lookup(text);
    if (!c) raise_key_error(str_new("undefined character name '" + text + "'").get());
    return str_from_codepoint(*c);
}

Ref category(Object*, Args args, size_t nargs, Tuple* kw) {
    return str_new(properties_arg("category", args, nargs, kw, 1).category);
}

Ref bidirectional(Object*, Args args, size_t nargs, Tuple* kw) {
    return str_new(properties_arg("bidirectional", args, nargs, kw, 1).bidirectional);
}

Ref combining(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(properties_arg("combining", args, nargs, kw, 1).combining);
}

Ref mirrored(Object*, Args args, size_t nargs, Tuple* kw) {
    return int_from_i64(properties_arg("mirrored", args, nargs, kw, 1).mirrored ? 1 : 0);
}

Ref east_asian_width(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("east_asian_width", nargs, kw, 1, 1);
    return str_new(unicode_data::east_asian_width(character_arg("east_asian_width", args[0])));
}

Ref decomposition(Object*, Args args, size_t nargs, Tuple* kw) {
    return str_new(properties_arg("decomposition", args, nargs, kw, 1).decomposition);
}

Ref decimal(Object*, Args args, size_t nargs, Tuple* kw) {
    int value = properties_arg("decimal", args, nargs, kw, 2).decimal;
    if (value >= 0) return int_from_i64(value);
    if (nargs > 1) return Ref::borrow(args[1]);
    raise(&ValueError_type, "not a decimal");
}

Ref digit(Object*, Args args, size_t nargs, Tuple* kw) {
    int value = properties_arg("digit", args, nargs, kw, 2).digit;
    if (value >= 0) return int_from_i64(value);
    if (nargs > 1) return Ref::borrow(args[1]);
    raise(&ValueError_type, "not a digit");
}

// The Numeric_Value field: "7", "-1/2", "1000000000000" as a float.
Ref numeric(Object*, Args args, size_t nargs, Tuple* kw) {
    std::string text = properties_arg("numeric", args, nargs, kw, 2).numeric;
    if (text.empty()) {
        if (nargs > 1) return Ref::borrow(args[1]);
        raise(&ValueError_type, "not a numeric character");
    }
    size_t slash = text.find('/');
    double value = c_strtod(text.substr(0, slash).c_str());
    if (slash != std::string::npos) value /= c_strtod(text.substr(slash + 1).c_str());
    return float_new(value);
}

// The form named `form` ("NFC", ...), or CPython's ValueError.
unicode_data::NormalForm form_arg(const std::string& form) {
    if (form == "NFC") return unicode_data::NormalForm::NFC;
    if (form == "NFD") return unicode_data::NormalForm::NFD;
    if (form == "NFKC") return unicode_data::NormalForm::NFKC;
    if (form == "NFKD") return unicode_data::NormalForm::NFKD;
    raise(&ValueError_type, "invalid normalization form");
}

std::string normalized(const std::string& form, const std::string& text) {
    return unicode_data::normalize(form_arg(form), text);
}

void check_normalize_args(const char* fname, Args args, size_t nargs, Tuple* kw) {
    check_positional(fname, nargs, kw, 2, 2);
    if (!is_str(args[0]))
        raise(&TypeError_type,
              format("%s() argument 1 must be str, not %s", fname, type_of(args[0])->name.c_str()));
    if (!is_str(args[1]))
        raise(&TypeError_type,
              format("%s() argument 2 must be str, not %s", fname, type_of(args[1])->name.c_str()));
}

Ref normalize(Object*, Args args, size_t nargs, Tuple* kw) {
    check_normalize_args("normalize", args, nargs, kw);
    std::string result = normalized(as_str(args[0])->utf8, as_str(args[1])->utf8);
    if (result == as_str(args[1])->utf8 && is_exact(args[1], &str_type)) return Ref::borrow(args[1]);
    return str_new(result);
}

Ref is_normalized(Object*, Args args, size_t nargs, Tuple* kw) {
    check_normalize_args("is_normalized", args, nargs, kw);
    return Ref::borrow(
        bool_obj(normalized(as_str(args[0])->utf8, as_str(args[1])->utf8) == as_str(args[1])->utf8));
}

const MethodDef kUnicodedataFunctions[] = {
    {"name", name,
     "Returns the name assigned to the character chr as a string.\n\n"
     "If no name is defined, default is returned, or, if not given, ValueError is raised."},
    {"lookup", lookup,
     "Look up character by name.\n\n"
     "If a character with the given name is found, return the corresponding character.  If not found, "
     "KeyError is "
     "raised."},
    {"category", category, "Returns the general category assigned to the character chr as string."},
    {"bidirectional", bidirectional,
     "Returns the bidirectional class assigned to the character chr as string.\n\n"
     "If no such value is defined, an empty string is returned."},
    {"combining", combining,
     "Returns the canonical combining class assigned to the character chr as integer.\n\n"
     "Returns 0 if no combining class is defined."},
    {"mirrored", mirrored,
     "Returns the mirrored property assigned to the character chr as integer.\n\n"
     "Returns 1 if the character has been identified as a \"mirrored\"\n"
     "character in bidirectional text, 0 otherwise."},
    {"east_asian_width", east_asian_width,
     "Returns the east asian width assigned to the character chr as string."},
    {"decomposition", decomposition,
     "Returns the character decomposition mapping assigned to the character chr as string.\n\n"
     "An empty string is returned in case no such mapping is defined."},
    {"decimal", decimal,
     "Converts a Unicode character into its equivalent decimal value.\n\n"
     "Returns the decimal value assigned to the character chr as integer.\n"
     "If no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"digit", digit,
     "Converts a Unicode character into its equivalent digit value.\n\n"
     "Returns the digit value assigned to the character chr as integer.\n"
     "If no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"numeric", numeric,
     "Converts a Unicode character into its equivalent numeric value.\n\n"
     "Returns the numeric value assigned to the character chr as float.\n"
     "If no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"normalize", normalize,
     "Return the normal form 'form' for the Unicode string unistr.\n\n"
     "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"is_normalized", is_normalized,
     "Return whether the Unicode string unistr is in the normal form 'form'.\n\n"
     "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {nullptr, nullptr, nullptr},
};

// ---- ucd_3_2_0: the database as Unicode 3.2, which IDNA (encodings.idna, stringprep) asks ----

Type ucd_type;

// A method of the UCD object: the module function Fn, with a character assigned after Unicode 3.2
// answered as an unassigned one (U+0378 stands in: unassigned in every version), as CPython's
// ucd_3_2_0 does. The few properties Unicode changed since 3.2 for older characters are today's.
template <CallSlot Fn>
Ref ucd_method(Object*, Args args, size_t nargs, Tuple* kw) {
    Object* call_args[3];
    size_t n = std::min<size_t>(nargs - 1, 3);
    std::copy(args + 1, args + 1 + n, call_args);
    Ref stand_in;
    if (n >= 1 && is_str(call_args[0]) && as_str(call_args[0])->length == 1) {
        const char* p = as_str(call_args[0])->utf8.c_str();
        if (!unicode_data::assigned_by_3_2(utf8_decode(p))) {
            stand_in = str_from_codepoint(0x0378);
            call_args[0] = stand_in.get();
        }
    }
    return Fn(nullptr, call_args, nargs - 1, kw);
}

const MethodDef kUcdMethods[] = {
    {"name", ucd_method<name>, "Returns the name assigned to the character chr as a string."},
    {"lookup", ucd_method<lookup>, "Look up character by name."},
    {"category", ucd_method<category>,
     "Returns the general category assigned to the character chr as string."},
    {"bidirectional", ucd_method<bidirectional>,
     "Returns the bidirectional class assigned to the character chr."},
    {"combining", ucd_method<combining>,
     "Returns the canonical combining class assigned to the character chr."},
    {"mirrored", ucd_method<mirrored>,
     "Returns the mirrored property assigned to the character chr as integer."},
    {"east_asian_width", ucd_method<east_asian_width>,
     "Returns the east asian width assigned to the character chr."},
    {"decomposition", ucd_method<decomposition>,
     "Returns the character decomposition mapping assigned to chr."},
    {"decimal", ucd_method<decimal>, "Converts a Unicode character into its equivalent decimal value."},
    {"digit", ucd_method<digit>, "Converts a Unicode character into its equivalent digit value."},
    {"numeric", ucd_method<numeric>, "Converts a Unicode character into its equivalent numeric value."},
    {"normalize", ucd_method<normalize>, "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized", ucd_method<is_normalized>,
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {nullptr, nullptr, nullptr},
};

Ref make_ucd_3_2_0() {
    if (!ucd_type.dict) {
        ucd_type.name = "unicodedata.UCD";
        ucd_type.instance_size = sizeof(Object);
        ucd_type.dealloc = [](Object* o) { delete o; };
        ucd_type.methods = kUcdMethods;
        init_type(&ucd_type);
        dict_set(ucd_type.dict, intern("unidata_version"), str_new("3.2.0").get());
    }
    auto* ucd = new Object();
    init_header(ucd, &ucd_type);
    return Ref::steal(ucd);
}

}  // namespace

Ref init_unicodedata_module() {
    Ref m = native_module_new("unicodedata", kUnicodedataFunctions);
    Dict* d = module_dict(m.get());
    dict_set(d, intern("unidata_version"), str_new("14.0.0").get());
    dict_set(d, intern("ucd_3_2_0"), make_ucd_3_2_0().get());
    dict_set(d, intern("UCD"), &ucd_type);
    return m;
}

}  // namespace minipy
