// completion.cpp — Tab completion at the prompt, following CPython 3.11's rlcompleter: keywords and
// the names of __main__ and builtins (a callable gets "("), attributes after a dot, found by looking
// up the names before the last dot and calling dir() on the result; after `import` or `from`, the
// modules import could find, and after `from m import `, m's submodules (as CPython 3.14's _pyrepl)
// and attributes (as IPython's).
#include "cli/completion.h"

#include <algorithm>
#include <regex>
#include <set>

#include "interpreter/import.h"
#include "interpreter/interpreter.h"
#include "objects/abstract.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/str.h"

namespace minipy::cli {

const char* const kCompletionDelimiters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

namespace {

// keyword.kwlist of CPython 3.11.
const char* const kKeywords[] = {"False",  "None",   "True",    "and",      "as",       "assert", "async",
                                 "await",  "break",  "class",   "continue", "def",      "del",    "elif",
                                 "else",   "except", "finally", "for",      "from",     "global", "if",
                                 "import", "in",     "is",      "lambda",   "nonlocal", "not",    "or",
                                 "pass",   "raise",  "return",  "try",      "while",    "with",   "yield"};

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool is_callable(Object* o) { return type_of(o)->call != nullptr; }

// rlcompleter's suffix for a keyword: `try:` and `finally:`, a space after those that take
// something, nothing after the ones complete on their own.
std::string keyword_completion(const std::string& word) {
    if (word == "try" || word == "finally") return word + ":";
    static const std::set<std::string> kAlone = {"False",    "None", "True", "break",
                                                 "continue", "pass", "else"};
    return kAlone.count(word) ? word : word + " ";
}

std::vector<std::string> name_matches(const std::string& text) {
    std::vector<std::string> matches;
    std::set<std::string> seen = {"__builtins__"};
    for (const char* keyword : kKeywords) {
        if (!starts_with(keyword, text)) continue;
        seen.insert(keyword);
        matches.push_back(keyword_completion(keyword));
    }
    for (Dict* scope : {main_namespace(), builtins_dict()}) {
        Ref names = list_from_iterable(scope);
        for (Object* name : as_list(names.get())->items) {
            if (!is_str(name)) continue;
            const std::string& word = str_utf8_of(name);
            if (!starts_with(word, text) || !seen.insert(word).second) continue;
            Ref value = dict_get_str_ref(scope, intern(word));
            matches.push_back(value && is_callable(value.get()) ? word + "(" : word);
        }
    }
    return matches;
}

// The object `a.b.c` names: a look-up of `a` in __main__ or builtins, then getattr for the rest.
Ref resolve_dotted(const std::string& expr) {
    size_t dot = expr.find('.');
    Str* first = intern(expr.substr(0, dot));
    Ref value = dict_get_str_ref(main_namespace(), first);
    if (!value) value = dict_get_str_ref(builtins_dict(), first);
    if (!value) return Ref();
    while (dot != std::string::npos) {
        size_t next = expr.find('.', dot + 1);
        value = get_attr(value.get(), intern(expr.substr(dot + 1, next - dot - 1)));
        dot = next;
    }
    return value;
}

std::vector<std::string> attribute_matches(const std::string& text) {
    static const std::regex kDotted(R"(([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*))");
    std::smatch m;
    if (!std::regex_match(text, m, kDotted)) return {};
    std::string expr = m[1], attr = m[2];
    Ref object = resolve_dotted(expr);
    if (!object) return {};
    std::set<std::string> words;
    Ref listing = call1(dict_get_str(builtins_dict(), intern("dir")), object.get());
    for_each_item(listing.get(), [&](Object* w) {
        if (is_str(w)) words.insert(str_utf8_of(w));
    });
    words.erase("__builtins__");
    words.insert("__class__");
    // As rlcompleter: hide _names unless the text asks for them, and __names unless it starts "__".
    std::string hidden = attr.empty() ? "_" : attr == "_" ? "__" : "";
    std::vector<std::string> matches;
    for (;;) {
        for (const std::string& word : words) {
            if (!starts_with(word, attr) || (!hidden.empty() && starts_with(word, hidden))) continue;
            std::string match = expr + "." + word;
            // A property is not called to see whether its value is callable.
            Ref in_type = type_lookup(type_of(object.get()), intern(word));
            if (in_type && type_of(in_type.get()) == &property_type) {
                matches.push_back(match);
                continue;
            }
            Ref value = get_attr_opt(object.get(), intern(word));
            matches.push_back(value && is_callable(value.get()) ? match + "(" : match);
        }
        if (!matches.empty() || hidden.empty()) break;
        hidden = hidden == "_" ? "__" : "";
    }
    return matches;
}

// `import a, b.c` or `from a`: the word being typed names a module.
bool names_a_module(const std::string& line_before_word) {
    static const std::regex kModulePosition(R"(\s*(import\s+([\w.]+\s*,\s*)*|from\s+))");
    return std::regex_match(line_before_word, kModulePosition);
}

std::vector<std::string> module_matches(const std::string& text) {
    size_t dot = text.rfind('.');
    std::string package = dot == std::string::npos ? "" : text.substr(0, dot);
    std::string prefix = dot == std::string::npos ? "" : package + ".";
    std::vector<std::string> matches;
    for (const std::string& name : importable_names(package)) {
        std::string full = prefix + name;
        if (starts_with(full, text)) matches.push_back(full);
    }
    return matches;
}

// `from a.b import c, d`: the module the names come from, when the word being typed is one of them.
std::string module_imported_from(const std::string& line_before_word) {
    static const std::regex kFromImport(
        R"(\s*from\s+([\w.]+)\s+import\s+(\(\s*)?(\w+(\s+as\s+\w+)?\s*,\s*)*)");
    std::smatch m;
    return std::regex_match(line_before_word, m, kFromImport) ? m[1].str() : "";
}

// The names `from module import ` can take: the module's attributes (it is imported first if it
// was not yet, as rlcompleter evaluates what it completes) and its submodules, found without
// importing them. As rlcompleter: names starting with '_' only when the word does.
std::vector<std::string> imported_name_matches(const std::string& module_name, const std::string& text) {
    std::set<std::string> names;
    for (const std::string& name : importable_names(module_name)) names.insert(name);
    Ref module = find_loaded_module(module_name.c_str());
    if (!module) {
        find_and_import(intern(module_name), None, 0, nullptr);
        module = find_loaded_module(module_name.c_str());
    }
    if (module) {
        Ref listing = call1(dict_get_str(builtins_dict(), intern("dir")), module.get());
        for_each_item(listing.get(), [&](Object* name) {
            if (is_str(name)) names.insert(str_utf8_of(name));
        });
    }
    std::vector<std::string> matches;
    for (const std::string& name : names) {
        if (starts_with(name, text) && (text[0] == '_' || name[0] != '_')) matches.push_back(name);
    }
    return matches;
}

}  // namespace

std::vector<std::string> completions(const std::string& line_before_word, const std::string& word) {
    std::vector<std::string> matches;
    try {
        if (std::string module = module_imported_from(line_before_word); !module.empty())
            matches = imported_name_matches(module, word);
        else if (names_a_module(line_before_word))
            matches = module_matches(word);
        else if (word.find('.') != std::string::npos)
            matches = attribute_matches(word);
        else
            matches = name_matches(word);
    } catch (PyException& e) {
        e.take();  // a failing look-up or dir() offers nothing, as rlcompleter's does
        return {};
    }
    std::sort(matches.begin(), matches.end());
    matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
    return matches;
}

}  // namespace minipy::cli
