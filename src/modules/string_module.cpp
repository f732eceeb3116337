// string_module.cpp — the native `_string` that string.Formatter uses: formatter_parser splits a
// format string into (literal, field name, format spec, conversion) parts and formatter_field_name_split
// splits "a.b[0]" into its first name and the attribute/index steps, with CPython's errors.
#include <string>
#include <vector>

#include "modules/registry.h"
#include "modules/utf32.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"
#include "runtime/errors.h"

namespace minipy {

namespace {

using Args = Object* const*;

Ref text(const std::u32string& s) { return str_new(utf32_to_utf8(s)); }

// CPython's MarkupIterator: each step is literal text up to a field (or an escaped brace), then the
// field's name, spec and conversion, if any.
Ref parse_format(const std::u32string& s) {
    Ref out = list_new();
    size_t i = 0, n = s.size();
    while (i < n) {
        std::u32string literal;
        bool field = false, escaped = false;
        while (i < n) {
            char32_t c = s[i++];
            if (c == '{' || c == '}') {
                if (i < n && s[i] == c) {  // "{{" or "}}": one brace of literal text, and a step ends
                    literal += c;
                    ++i;
                    escaped = true;
                    break;
                }
                if (c == '}') raise(&ValueError_type, "Single '}' encountered in format string");
                field = true;
                break;
            }
            literal += c;
        }
        if (!field) {
            if (!literal.empty() || escaped) {
                Object* none = None;
                Ref lit = text(literal);
                Object* items[4] = {lit.get(), none, none, none};
                list_append(out.get(), tuple_from(items, 4).get());
            }
            continue;
        }
        if (i >= n) raise(&ValueError_type, "Single '{' encountered in format string");
        // The field runs to the matching '}', counting nested braces in the spec.
        size_t start = i;
        int depth = 1;
        while (i < n) {
            if (s[i] == '{') ++depth;
            if (s[i] == '}' && --depth == 0) break;
            ++i;
        }
        if (i >= n) raise(&ValueError_type, "expected '}' before end of string");
        std::u32string body = s.substr(start, i - start);
        ++i;
        // name [!conv] [:spec]; the name ends at the first '!' or ':' outside brackets.
        size_t j = 0;
        bool in_bracket = false;
        for (; j < body.size(); ++j) {
            if (body[j] == '[')
                in_bracket = true;
            else if (body[j] == ']')
                in_bracket = false;
            else if (!in_bracket && (body[j] == '!' || body[j] == ':'))
                break;
        }
        std::u32string name = body.substr(0, j), spec;
        Ref conversion = Ref::borrow(None);
        if (j < body.size() && body[j] == '!') {
            if (j + 1 >= body.size())
                raise(&ValueError_type, "end of string while looking for conversion specifier");
            conversion = text(body.substr(j + 1, 1));
            j += 2;
            if (j < body.size() && body[j] != ':')
                raise(&ValueError_type, "expected ':' after conversion specifier");
        }
        if (j < body.size() && body[j] == ':') spec = body.substr(j + 1);
        Ref lit = text(literal), nm = text(name), sp = text(spec);
        Object* items[4] = {lit.get(), nm.get(), sp.get(), conversion.get()};
        list_append(out.get(), tuple_from(items, 4).get());
    }
    return out;
}

Ref formatter_parser(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("formatter_parser", nargs, kw, 1, 1);
    if (!is_str(args[0])) raise(&TypeError_type, "expected str, got " + type_of(args[0])->name);
    Ref parts = parse_format(utf8_to_utf32(str_utf8_of(args[0])));
    return get_iter(parts.get());
}

// "12" -> 12; anything that is not all digits stays a str.
Ref index_or_name(const std::u32string& s) {
    if (s.empty()) return text(s);
    for (char32_t c : s)
        if (c < '0' || c > '9') return text(s);
    return int_from_string(utf32_to_utf8(s), 10);
}

Ref formatter_field_name_split(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("formatter_field_name_split", nargs, kw, 1, 1);
    if (!is_str(args[0])) raise(&TypeError_type, "expected str, got " + type_of(args[0])->name);
    std::u32string s = utf8_to_utf32(str_utf8_of(args[0]));
    size_t i = 0;
    while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
    Ref first = index_or_name(s.substr(0, i));
    Ref rest = list_new();
    while (i < s.size()) {
        bool attr = s[i] == '.';
        size_t start = ++i;
        if (attr) {
            while (i < s.size() && s[i] != '.' && s[i] != '[') ++i;
            if (i == start) raise(&ValueError_type, "Empty attribute in format string");
            Ref name = text(s.substr(start, i - start));
            Object* items[2] = {True, name.get()};
            list_append(rest.get(), tuple_from(items, 2).get());
        } else {
            while (i < s.size() && s[i] != ']') ++i;
            if (i >= s.size()) raise(&ValueError_type, "Missing ']' in format string");
            if (i == start) raise(&ValueError_type, "Empty attribute in format string");
            Ref key = index_or_name(s.substr(start, i - start));
            Object* items[2] = {False, key.get()};
            list_append(rest.get(), tuple_from(items, 2).get());
            ++i;
            if (i < s.size() && s[i] != '.' && s[i] != '[')
                raise(&ValueError_type, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    Ref it = get_iter(rest.get());
    Object* pair[2] = {first.get(), it.get()};
    return tuple_from(pair, 2);
}

const MethodDef kStringFunctions[] = {
    {"formatter_parser", formatter_parser, "split the argument as a format string"},
    {"formatter_field_name_split", formatter_field_name_split, "split the argument as a field name"},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_string_module() { return native_module_new("_string", kStringFunctions); }

}  // namespace minipy
