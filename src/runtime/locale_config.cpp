// locale_config.cpp — see locale_config.h.
#include "runtime/locale_config.h"

#include <langinfo.h>

#include <atomic>
#include <cctype>
#include <clocale>
#include <cstring>
#include <utility>

#include "runtime/environment.h"

namespace minipy {

namespace {

std::atomic<bool> g_utf8_mode{false};

}  // namespace

void set_utf8_mode(bool on) { g_utf8_mode.store(on, std::memory_order_relaxed); }

bool utf8_mode() { return g_utf8_mode.load(std::memory_order_relaxed); }

std::string locale_encoding() {
    const char* codeset = nl_langinfo(CODESET);
    return codeset && *codeset ? codeset : "UTF-8";
}

std::string default_text_encoding() { return utf8_mode() ? "utf-8" : locale_encoding(); }

namespace {

// PYTHONIOENCODING's "encoding:errors", either part may be empty.
std::pair<std::string, std::string> io_encoding_variable() {
    const char* value = configuration_variable("PYTHONIOENCODING");
    if (!value || !*value) return {};
    std::string text = value;
    size_t colon = text.find(':');
    if (colon == std::string::npos) return {text, ""};
    return {text.substr(0, colon), text.substr(colon + 1)};
}

}  // namespace

std::string stdio_encoding() {
    std::string encoding = io_encoding_variable().first;
    return encoding.empty() ? default_text_encoding() : encoding;
}

bool is_locale_coercion_target(const char* name) {
    for (const char* target : {"C.UTF-8", "C.utf8", "UTF-8"})
        if (std::strcmp(name, target) == 0) return true;
    return false;
}

std::string stdio_errors() {
    auto [encoding, errors] = io_encoding_variable();
    if (!errors.empty()) return errors;
    if (!encoding.empty()) return "strict";  // PYTHONIOENCODING=latin1 means latin1:strict
    if (utf8_mode()) return "surrogateescape";
    const char* ctype = std::setlocale(LC_CTYPE, nullptr);
    if (ctype && (std::strcmp(ctype, "C") == 0 || std::strcmp(ctype, "POSIX") == 0 ||
                  is_locale_coercion_target(ctype)))
        return "surrogateescape";
    return "strict";
}

}  // namespace minipy
