// locale_module.cpp — the native `_locale` module, CPython's interface (Modules/_localemodule.c) to
// the C library's locale, under which Lib/locale.py runs: setlocale, localeconv, nl_langinfo and
// its keys, strcoll/strxfrm, getencoding, the gettext family, the LC_* categories and locale.Error.
#include <langinfo.h>
#include <libintl.h>

#include <cerrno>
#include <climits>
#include <clocale>
#include <cstring>
#include <cwchar>
#include <optional>
#include <string>

#include "modules/exception_class.h"
#include "modules/posix_module.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/locale_config.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_error = nullptr;  // locale.Error, a subclass of Exception

[[noreturn]] void raise_locale_error(const char* message) {
    raise_object(call1(g_error, str_new(message).get()));
}

// ---- text between Python and the C library ----

// Text the C library gives in the LC_CTYPE locale's encoding, as CPython's PyUnicode_DecodeLocale.
// A byte sequence the locale cannot decode becomes a lone surrogate (surrogateescape) where CPython
// would raise UnicodeDecodeError; no locale minipy meets gives one.
Ref decode_locale(const char* text) {
    std::string utf8;
    std::mbstate_t state{};
    const char* end = text + std::strlen(text);
    while (text < end) {
        wchar_t c;
        size_t n = std::mbrtowc(&c, text, end - text, &state);
        if (n == static_cast<size_t>(-1) || n == static_cast<size_t>(-2)) {
            utf8_append(utf8, 0xDC00 + static_cast<unsigned char>(*text++));
            state = std::mbstate_t{};
            continue;
        }
        utf8_append(utf8, static_cast<uint32_t>(c));
        text += n ? n : 1;
    }
    return str_new(utf8);
}

// "f() argument 2" or, for a function of one argument, "f() argument": Argument Clinic's words.
std::string argument_name(const char* fname, int position) {
    std::string name = std::string(fname) + "() argument";
    return position ? name + " " + std::to_string(position) : name;
}

[[noreturn]] void raise_embedded_null() { raise(&ValueError_type, "embedded null character"); }

// A str argument as a C string (Argument Clinic's `str` converter), or nullopt for None where
// `allow_none`. `position` is 0 for a function's only argument.
std::optional<std::string> c_string_arg(const char* fname, int position, Object* o, bool allow_none = false) {
    if (allow_none && o == None) return std::nullopt;
    if (!is_instance(o, &str_type))
        raise(&TypeError_type, format("%s must be %s, not %s", argument_name(fname, position).c_str(),
                                      allow_none ? "str or None" : "str", type_of(o)->name.c_str()));
    const std::string& text = str_utf8_of(o);
    if (text.find('\0') != std::string::npos) raise_embedded_null();
    return text;
}

const char* c_str_or_null(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }

// A str as the C library's wide characters (UTF-32 on Linux), for wcscoll and wcsxfrm.
std::wstring wide_arg(const char* fname, int position, Object* o) {
    if (!is_instance(o, &str_type))
        raise(&TypeError_type, format("%s must be str, not %s", argument_name(fname, position).c_str(),
                                      type_of(o)->name.c_str()));
    std::wstring wide;
    const std::string& text = str_utf8_of(o);
    for (const char* p = text.data(); p < text.data() + text.size();) {
        uint32_t c = utf8_decode(p);
        if (c == 0) raise_embedded_null();
        wide.push_back(static_cast<wchar_t>(c));
    }
    return wide;
}

Ref from_wide(const wchar_t* wide, size_t n) {
    std::string utf8;
    for (size_t i = 0; i < n; ++i) {
        auto c = static_cast<uint32_t>(wide[i]);
        if (c > 0x10FFFF)
            raise(&ValueError_type, format("character U+%x is not in range [U+0000; U+10ffff]", c));
        utf8_append(utf8, c);
    }
    return str_new(utf8);
}

// ---- setlocale and localeconv ----

Ref locale_setlocale(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "setlocale", nargs, kw, 1, 2);
    int category = as_c_int(args[0]);
    std::optional<std::string> name = nargs > 1 ? c_string_arg("setlocale", 2, args[1], true) : std::nullopt;
    const char* result = std::setlocale(category, c_str_or_null(name));
    if (!result) raise_locale_error(name ? "unsupported locale setting" : "locale query failed");
    return decode_locale(result);
}

// A grouping string ("\3\3", or "\3\177" where CHAR_MAX stops the grouping) as CPython's list: the
// sizes, then the 0 (repeat the last) or CHAR_MAX (no more grouping) that ended it; [] for "".
Ref grouping_list(const char* grouping) {
    Ref list = list_new();
    if (!*grouping) return list;
    const char* p = grouping;
    for (; *p && *p != CHAR_MAX; ++p) list_append(list.get(), int_from_i64(*p).get());
    list_append(list.get(), int_from_i64(*p).get());
    return list;
}

// Decodes strings of the LC_MONETARY or LC_NUMERIC locale: a non-ASCII one is in that category's
// encoding, so LC_CTYPE is set to it for as long as this lives, as CPython's localeconv does.
class CtypeAs {
public:
    CtypeAs(int category, std::initializer_list<const char*> texts) {
        bool ascii = true;
        for (const char* t : texts)
            ascii = ascii && std::strlen(t) == 1 && static_cast<unsigned char>(*t) < 128;
        if (ascii) return;
        const char* ctype = std::setlocale(LC_CTYPE, nullptr);
        const char* wanted = std::setlocale(category, nullptr);
        if (!ctype || !wanted || std::strcmp(ctype, wanted) == 0) return;
        saved_ = ctype;
        std::setlocale(LC_CTYPE, wanted);
    }
    ~CtypeAs() {
        if (saved_) std::setlocale(LC_CTYPE, saved_->c_str());
    }

private:
    std::optional<std::string> saved_;
};

void set_item(Object* dict, const char* key, Ref value) { dict_set(as_dict(dict), intern(key), value.get()); }

Ref locale_localeconv(Object*, Args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "localeconv", nargs, kw, 0, 0);
    Ref result = dict_new();
    std::lconv* lc = std::localeconv();
    Object* d = result.get();
    {
        CtypeAs monetary(LC_MONETARY, {lc->int_curr_symbol, lc->currency_symbol, lc->mon_decimal_point,
                                       lc->mon_thousands_sep});
        set_item(d, "int_curr_symbol", decode_locale(lc->int_curr_symbol));
        set_item(d, "currency_symbol", decode_locale(lc->currency_symbol));
        set_item(d, "mon_decimal_point", decode_locale(lc->mon_decimal_point));
        set_item(d, "mon_thousands_sep", decode_locale(lc->mon_thousands_sep));
    }
    set_item(d, "mon_grouping", grouping_list(lc->mon_grouping));
    set_item(d, "positive_sign", decode_locale(lc->positive_sign));
    set_item(d, "negative_sign", decode_locale(lc->negative_sign));
    const std::pair<const char*, char> numbers[] = {
        {"int_frac_digits", lc->int_frac_digits}, {"frac_digits", lc->frac_digits},
        {"p_cs_precedes", lc->p_cs_precedes},     {"p_sep_by_space", lc->p_sep_by_space},
        {"n_cs_precedes", lc->n_cs_precedes},     {"n_sep_by_space", lc->n_sep_by_space},
        {"p_sign_posn", lc->p_sign_posn},         {"n_sign_posn", lc->n_sign_posn}};
    for (const auto& [key, value] : numbers) set_item(d, key, int_from_i64(value));
    {
        CtypeAs numeric(LC_NUMERIC, {lc->decimal_point, lc->thousands_sep});
        set_item(d, "decimal_point", decode_locale(lc->decimal_point));
        set_item(d, "thousands_sep", decode_locale(lc->thousands_sep));
    }
    set_item(d, "grouping", grouping_list(lc->grouping));
    return result;
}

// ---- collation ----

Ref locale_strcoll(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "strcoll", nargs, kw, 2, 2);
    std::wstring a = wide_arg("strcoll", 1, args[0]);
    std::wstring b = wide_arg("strcoll", 2, args[1]);
    return int_from_i64(std::wcscoll(a.c_str(), b.c_str()));
}

Ref locale_strxfrm(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "strxfrm", nargs, kw, 1, 1);
    std::wstring s = wide_arg("strxfrm", 0, args[0]);
    std::wstring buf(s.size() + 1, L'\0');
    errno = 0;
    size_t n = std::wcsxfrm(buf.data(), s.c_str(), buf.size());
    if (errno && errno != ERANGE) raise_errno();
    if (n >= buf.size()) {
        buf.assign(n + 1, L'\0');
        errno = 0;
        n = std::wcsxfrm(buf.data(), s.c_str(), buf.size());
        if (errno) raise_errno();
    }
    return from_wide(buf.data(), n);
}

// ---- nl_langinfo ----

// The keys nl_langinfo accepts, each also a module constant, as CPython lists them for glibc.
#define MINIPY_LANGINFO(name) \
    { #name, name }
struct LanginfoKey {
    const char* name;
    nl_item item;
};
const LanginfoKey kLanginfoKeys[] = {
    MINIPY_LANGINFO(DAY_1),     MINIPY_LANGINFO(DAY_2),      MINIPY_LANGINFO(DAY_3),
    MINIPY_LANGINFO(DAY_4),     MINIPY_LANGINFO(DAY_5),      MINIPY_LANGINFO(DAY_6),
    MINIPY_LANGINFO(DAY_7),     MINIPY_LANGINFO(ABDAY_1),    MINIPY_LANGINFO(ABDAY_2),
    MINIPY_LANGINFO(ABDAY_3),   MINIPY_LANGINFO(ABDAY_4),    MINIPY_LANGINFO(ABDAY_5),
    MINIPY_LANGINFO(ABDAY_6),   MINIPY_LANGINFO(ABDAY_7),    MINIPY_LANGINFO(MON_1),
    MINIPY_LANGINFO(MON_2),     MINIPY_LANGINFO(MON_3),      MINIPY_LANGINFO(MON_4),
    MINIPY_LANGINFO(MON_5),     MINIPY_LANGINFO(MON_6),      MINIPY_LANGINFO(MON_7),
    MINIPY_LANGINFO(MON_8),     MINIPY_LANGINFO(MON_9),      MINIPY_LANGINFO(MON_10),
    MINIPY_LANGINFO(MON_11),    MINIPY_LANGINFO(MON_12),     MINIPY_LANGINFO(ABMON_1),
    MINIPY_LANGINFO(ABMON_2),   MINIPY_LANGINFO(ABMON_3),    MINIPY_LANGINFO(ABMON_4),
    MINIPY_LANGINFO(ABMON_5),   MINIPY_LANGINFO(ABMON_6),    MINIPY_LANGINFO(ABMON_7),
    MINIPY_LANGINFO(ABMON_8),   MINIPY_LANGINFO(ABMON_9),    MINIPY_LANGINFO(ABMON_10),
    MINIPY_LANGINFO(ABMON_11),  MINIPY_LANGINFO(ABMON_12),   MINIPY_LANGINFO(RADIXCHAR),
    MINIPY_LANGINFO(THOUSEP),   MINIPY_LANGINFO(CRNCYSTR),   MINIPY_LANGINFO(D_T_FMT),
    MINIPY_LANGINFO(D_FMT),     MINIPY_LANGINFO(T_FMT),      MINIPY_LANGINFO(AM_STR),
    MINIPY_LANGINFO(PM_STR),    MINIPY_LANGINFO(CODESET),    MINIPY_LANGINFO(T_FMT_AMPM),
    MINIPY_LANGINFO(ERA),       MINIPY_LANGINFO(ERA_D_FMT),  MINIPY_LANGINFO(ERA_D_T_FMT),
    MINIPY_LANGINFO(ERA_T_FMT), MINIPY_LANGINFO(ALT_DIGITS), MINIPY_LANGINFO(YESEXPR),
    MINIPY_LANGINFO(NOEXPR),    MINIPY_LANGINFO(_DATE_FMT),
};
#undef MINIPY_LANGINFO

// Only the listed keys: glibc answers some others with numbers disguised as char pointers.
Ref locale_nl_langinfo(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "nl_langinfo", nargs, kw, 1, 1);
    int key = as_c_int(args[0]);
    for (const LanginfoKey& k : kLanginfoKeys) {
        if (k.item != key) continue;
        // glibc gives null rather than "" for ERA in some locales.
        const char* result = nl_langinfo(k.item);
        return decode_locale(result ? result : "");
    }
    raise(&ValueError_type, "unsupported langinfo constant");
}

Ref locale_getencoding(Object*, Args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "getencoding", nargs, kw, 0, 0);
    return str_new(locale_encoding());
}

// ---- gettext ----

Ref locale_gettext(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "gettext", nargs, kw, 1, 1);
    std::string msg = *c_string_arg("gettext", 0, args[0]);
    return decode_locale(gettext(msg.c_str()));
}

Ref locale_dgettext(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "dgettext", nargs, kw, 2, 2);
    std::optional<std::string> domain = c_string_arg("dgettext", 1, args[0], true);
    std::string msg = *c_string_arg("dgettext", 2, args[1]);
    return decode_locale(dgettext(c_str_or_null(domain), msg.c_str()));
}

Ref locale_dcgettext(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "dcgettext", nargs, kw, 3, 3);
    std::optional<std::string> domain = c_string_arg("dcgettext", 1, args[0], true);
    std::string msg = *c_string_arg("dcgettext", 2, args[1]);
    int category = as_c_int(args[2]);
    return decode_locale(dcgettext(c_str_or_null(domain), msg.c_str(), category));
}

Ref locale_textdomain(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "textdomain", nargs, kw, 1, 1);
    std::optional<std::string> domain = c_string_arg("textdomain", 0, args[0], true);
    const char* result = textdomain(c_str_or_null(domain));
    if (!result) raise_errno();
    return decode_locale(result);
}

Ref locale_bindtextdomain(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "bindtextdomain", nargs, kw, 2, 2);
    std::string domain = *c_string_arg("bindtextdomain", 1, args[0]);
    if (domain.empty()) raise_locale_error("domain must be a non-empty string");
    std::optional<std::string> dir;
    if (args[1] != None) {
        Ref path = fspath(args[1]);
        dir = is_instance(path.get(), &bytes_type)
                  ? bytes_data(path.get())
                  : str_encode(path.get(), nullptr, intern("surrogateescape"));
        if (dir->find('\0') != std::string::npos) raise_embedded_null();
    }
    const char* result = bindtextdomain(domain.c_str(), c_str_or_null(dir));
    if (!result) raise_errno();
    return decode_locale(result);
}

Ref locale_bind_textdomain_codeset(Object*, Args args, size_t nargs, Tuple* kw) {
    check_clinic_positional("_locale", "bind_textdomain_codeset", nargs, kw, 2, 2);
    std::string domain = *c_string_arg("bind_textdomain_codeset", 1, args[0]);
    std::optional<std::string> codeset = c_string_arg("bind_textdomain_codeset", 2, args[1], true);
    const char* result = bind_textdomain_codeset(domain.c_str(), c_str_or_null(codeset));
    if (!result) return Ref::borrow(None);
    return decode_locale(result);
}

const MethodDef kLocaleFunctions[] = {
    {"setlocale", locale_setlocale, "Activates/queries locale processing."},
    {"localeconv", locale_localeconv, "Returns numeric and monetary locale-specific parameters."},
    {"strcoll", locale_strcoll, "Compares two strings according to the locale."},
    {"strxfrm", locale_strxfrm, "Return a string that can be used as a key for locale-aware comparisons."},
    {"nl_langinfo", locale_nl_langinfo, "Return the value for the locale information associated with key."},
    {"gettext", locale_gettext, "gettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", locale_dgettext, "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {"dcgettext", locale_dcgettext, "Return translation of msg in domain and category."},
    {"textdomain", locale_textdomain, "Set the C library's textdmain to domain, returning the new domain."},
    {"bindtextdomain", locale_bindtextdomain, "Bind the C library's domain to dir."},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset, "Bind the C library's domain to codeset."},
    {"getencoding", locale_getencoding, "Get the current locale encoding."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_locale_module() {
    Ref module = native_module_new("_locale", kLocaleFunctions);
    Dict* d = module_dict(module.get());
    dict_set(d, intern("__doc__"), str_new("Support for POSIX locales.").get());
    // Made as CPython's PyErr_NewException("locale.Error", NULL, NULL): Exception's subclass, of
    // module "locale", which locale.py exports as its own.
    if (!g_error) g_error = new_exception_class("locale", "Error", {&Exception_type}).release();
    dict_set(d, intern("Error"), g_error);
    auto add = [d](const char* name, long value) { dict_set(d, intern(name), int_from_i64(value).get()); };
    add("LC_CTYPE", LC_CTYPE);
    add("LC_TIME", LC_TIME);
    add("LC_COLLATE", LC_COLLATE);
    add("LC_MONETARY", LC_MONETARY);
    add("LC_MESSAGES", LC_MESSAGES);
    add("LC_NUMERIC", LC_NUMERIC);
    add("LC_ALL", LC_ALL);
    add("CHAR_MAX", CHAR_MAX);
    for (const LanginfoKey& k : kLanginfoKeys) add(k.name, k.item);
    return module;
}

}  // namespace minipy
