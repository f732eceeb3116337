// source_encoding.cpp — PEP 263's coding declarations, read as CPython's tokenizer does
// (get_coding_spec, check_coding_spec) and decoded through the codecs registry.
#include "modules/source_encoding.h"

#include <cctype>
#include <string_view>

#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"

namespace minipy {

namespace {

// The encoding a comment line declares ("coding" then ':' or '=', spaces, a name of letters, digits
// and "-_."), or empty. Only a line that is a comment counts.
std::string coding_spec(std::string_view line) {
    size_t i = line.find_first_not_of(" \t\f");
    if (i == std::string_view::npos || line[i] != '#') return {};
    for (size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
        size_t k = at + 6;
        if (k >= line.size() || (line[k] != ':' && line[k] != '=')) continue;
        k = line.find_first_not_of(" \t", k + 1);
        if (k == std::string_view::npos) return {};
        size_t end = k;
        while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) ||
                                     line[end] == '-' || line[end] == '_' || line[end] == '.'))
            ++end;
        if (end > k) return std::string(line.substr(k, end - k));
    }
    return {};
}

// Whether a comment or blank line: one that lets line 2 declare the encoding.
bool blank_or_comment(std::string_view line) {
    size_t i = line.find_first_not_of(" \t\f\r");
    return i == std::string_view::npos || line[i] == '#';
}

// CPython's get_normal_name: the UTF-8 and Latin-1 families under one spelling each, any other name
// as written.
std::string normal_name(const std::string& name) {
    std::string low = name.substr(0, 12);
    for (char& c : low) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (low == "utf-8" || low.rfind("utf-8-", 0) == 0) return "utf-8";
    for (const char* latin : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
        std::string l(latin);
        if (low == l || low.rfind(l + "-", 0) == 0) return "iso-8859-1";
    }
    return name;
}

// CPython's SyntaxError for the source as a whole: at line 0 of `filename`, offset -1.
[[noreturn]] void raise_source_error(Ref msg, const std::string& filename) {
    Ref file = str_new(filename), line = int_from_i64(0), offset = int_from_i64(-1);
    Object* where_items[4] = {file.get(), line.get(), offset.get(), None};
    Ref where = tuple_from(where_items, 4);
    Object* items[2] = {msg.get(), where.get()};
    Ref args = tuple_from(items, 2);
    raise_object(exception_new(&SyntaxError_type, args.get()));
}

bool names_utf8(std::string name) {
    for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name == "utf-8" || name.rfind("utf-8-", 0) == 0 || name == "utf8";
}

}  // namespace

std::string decode_source(std::string bytes, const std::string& filename) {
    std::string_view text(bytes);
    bool bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
    if (bom) text.remove_prefix(3);
    size_t eol = text.find('\n');
    std::string_view first = text.substr(0, eol);
    std::string name = coding_spec(first);
    if (name.empty() && eol != std::string_view::npos && blank_or_comment(first)) {
        std::string_view rest = text.substr(eol + 1);
        name = coding_spec(rest.substr(0, rest.find('\n')));
    }
    // After a BOM only a declaration of UTF-8 itself may stand.
    if (bom && !name.empty() && normal_name(name) != "utf-8")
        raise_source_error(str_new("encoding problem: " + normal_name(name) + " with BOM"), filename);
    if (bom || name.empty() || names_utf8(name)) return bytes;
    Ref data = bytes_new(bytes);
    Ref decode = get_attr(data.get(), intern("decode"));
    Ref encoding = str_new(name);
    Ref decoded;
    try {
        decoded = call1(decode.get(), encoding.get());
    } catch (PyException& e) {
        bool unknown = is_instance(e.exception(), &LookupError_type);
        if (!unknown && !is_instance(e.exception(), &UnicodeDecodeError_type)) throw;
        raise_source_error(unknown ? str_new("unknown encoding: " + name) : str(e.exception()), filename);
    }
    return str_utf8_of(decoded.get());
}

}  // namespace minipy
