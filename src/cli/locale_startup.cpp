// locale_startup.cpp — see locale_startup.h. The steps and their order are CPython 3.11's
// (Python/preconfig.c and _Py_CoerceLegacyLocale in Python/pylifecycle.c).
#include "cli/locale_startup.h"

#include <langinfo.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "runtime/environment.h"
#include "runtime/locale_config.h"

namespace minipy::cli {
namespace {

// The message of CPython's fatal error, printed before anything else has run.
void fatal_preconfig_error(const char* message) {
    std::fprintf(
        stderr, "Fatal Python error: preconfig_init_utf8_mode: %s\nPython runtime state: preinitializing\n\n",
        message);
}

// -X utf8 (or utf8=1) turns UTF-8 mode on and -X utf8=0 off; else PYTHONUTF8=1 or 0. Empty when
// neither says, and the locale decides. Sets `invalid` for any other value.
std::optional<bool> requested_utf8_mode(const std::vector<std::string>& x_options, bool& invalid) {
    for (const std::string& x : x_options) {
        if (x == "utf8") return true;
        if (x.rfind("utf8=", 0) != 0) continue;
        if (x == "utf8=1" || x == "utf8=0") return x == "utf8=1";
        fatal_preconfig_error("invalid -X utf8 option value");
        invalid = true;
        return std::nullopt;
    }
    const char* env = configuration_variable("PYTHONUTF8");
    if (!env || !*env) return std::nullopt;
    if (std::strcmp(env, "1") == 0 || std::strcmp(env, "0") == 0) return *env == '1';
    fatal_preconfig_error("invalid PYTHONUTF8 environment variable value");
    invalid = true;
    return std::nullopt;
}

bool ctype_is(const char* name) {
    const char* ctype = std::setlocale(LC_CTYPE, nullptr);
    return ctype && std::strcmp(ctype, name) == 0;
}

// PEP 538: with LC_CTYPE "C" and LC_ALL unset, the first of C.UTF-8, C.utf8 and UTF-8 that the C
// library has (and that names its codeset) becomes LC_CTYPE, in the environment too, so that the
// programs minipy starts get it as well.
void coerce_c_locale(bool warn) {
    const char* lc_all = std::getenv("LC_ALL");
    if ((lc_all && *lc_all) || !ctype_is("C")) return;
    for (const char* target : {"C.UTF-8", "C.utf8", "UTF-8"}) {
        if (!std::setlocale(LC_CTYPE, target)) continue;
        const char* codeset = nl_langinfo(CODESET);
        if (!codeset || !*codeset) continue;
        std::setlocale(LC_ALL, "");
        setenv("LC_CTYPE", target, 1);
        if (warn)
            std::fprintf(stderr,
                         "Python detected LC_CTYPE=C: LC_CTYPE coerced to %s (set another locale or "
                         "PYTHONCOERCECLOCALE=0 to disable this locale coercion behavior).\n",
                         target);
        std::setlocale(LC_ALL, "");
        return;
    }
    std::setlocale(LC_CTYPE, "C");
}

}  // namespace

bool configure_locale(const std::vector<std::string>& x_options) {
    std::setlocale(LC_CTYPE, "");
    bool invalid = false;
    std::optional<bool> requested = requested_utf8_mode(x_options, invalid);
    if (invalid) return false;
    // The C and POSIX locales turn UTF-8 mode on unless it was asked for off.
    set_utf8_mode(requested.value_or(ctype_is("C") || ctype_is("POSIX")));

    // PYTHONCOERCECLOCALE=0 keeps the C locale; =warn coerces it and says so.
    const char* coerce = configuration_variable("PYTHONCOERCECLOCALE");
    bool warn = coerce && std::strcmp(coerce, "warn") == 0;
    if (!coerce || std::strcmp(coerce, "0") != 0) coerce_c_locale(warn);
    std::setlocale(LC_CTYPE, "");
    if (warn && ctype_is("C"))
        std::fputs(
            "Python runtime initialized with LC_CTYPE=C (a locale with default ASCII encoding), which "
            "may cause Unicode compatibility problems. Using C.UTF-8, C.utf8, or UTF-8 (if available) "
            "as alternative Unicode-compatible locales is recommended.\n",
            stderr);
    return true;
}

}  // namespace minipy::cli
