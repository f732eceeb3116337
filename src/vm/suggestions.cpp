// suggestions.cpp — "Did you mean": the name nearest to a failed one, by an edit distance that
// counts a changed letter case as half an edit, with CPython 3.11's limits (Python/suggestions.c),
// so that the same typo gets the same suggestion.
#include "vm/suggestions.h"

#include <algorithm>
#include <vector>

#include "objects/abstract.h"
#include "objects/code.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/frame_object.h"
#include "objects/module.h"
#include "objects/str.h"
#include "vm/interp.h"

namespace minipy {

namespace {

constexpr size_t kEditCost = 2;         // an inserted, deleted or replaced byte
constexpr size_t kCaseCost = 1;         // a letter replaced by itself in the other case
constexpr size_t kMaxNameLength = 40;   // longer names (after common ends are cut) never match
constexpr size_t kMaxCandidates = 750;  // more names than this: no suggestion at all

size_t replace_cost(char x, char y) {
    if (x == y) return 0;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y) ? kCaseCost : kEditCost;
}

// The nearest of `candidates` to `name`, or "" (also when a candidate is not a str): each may be at
// most a third of the two names' bytes away, and a later one must be strictly nearer to replace an
// earlier one.
std::string nearest(Object* candidates, const std::string& name) {
    Ref list = list_from_iterable(candidates);
    const ListItems& items = as_list(list.get())->items;
    if (items.size() >= kMaxCandidates) return "";
    std::string best;
    size_t best_distance = SIZE_MAX;
    for (Object* item : items) {
        if (!is_str(item)) return "";
        const std::string& text = str_utf8_of(item);
        if (text == name) continue;
        size_t limit = (name.size() + text.size() + 3) * kEditCost / 6;
        if (best_distance != SIZE_MAX) limit = std::min(limit, best_distance - 1);
        size_t distance = suggestion_distance(name, text, limit);
        if (distance > limit) continue;
        if (best.empty() || distance < best_distance) {
            best = text;
            best_distance = distance;
        }
    }
    return best;
}

// The value of attribute `name` that was set on the exception (its instance dict), else null: an
// AttributeError raised by hand has neither name nor obj.
Object* set_attribute(Object* exc, const char* name) {
    Dict* d = static_cast<BaseExceptionObject*>(exc)->dict;
    return d ? dict_get_str(d, intern(name)) : nullptr;
}

std::string for_attribute_error(Object* exc) {
    Object* name = set_attribute(exc, "name");
    Object* obj = set_attribute(exc, "obj");
    if (!name || !obj || type_of(name) != &str_type) return "";
    Ref dir = special_method(obj, intern("__dir__"));
    if (!dir) return "";
    Ref names = list_from_iterable(call(dir.get(), nullptr, 0).get());
    list_sort(names.get(), nullptr, false);
    return nearest(names.get(), str_utf8_of(name));
}

// The innermost frame's local variable names, then its globals, then its builtins.
std::string for_name_error(Object* exc) {
    Object* name = set_attribute(exc, "name");
    Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
    if (!name || type_of(name) != &str_type || !tb || !is_traceback(tb)) return "";
    auto* entry = static_cast<TracebackObject*>(tb);
    while (entry->next && is_traceback(entry->next)) entry = static_cast<TracebackObject*>(entry->next);
    const std::string& wanted = str_utf8_of(name);
    Ref varnames = list_new();
    for (Str* local : as_code(entry->code)->varnames) list_append(varnames.get(), local);
    std::string found = nearest(varnames.get(), wanted);
    if (!found.empty() || !entry->globals || type_of(entry->globals) != &dict_type) return found;
    found = nearest(entry->globals, wanted);
    if (!found.empty()) return found;
    Object* builtins = dict_get_str(as_dict(entry->globals), intern("__builtins__"));
    if (builtins && is_module(builtins)) builtins = module_dict(builtins);
    if (!builtins) builtins = builtins_dict();
    return type_of(builtins) == &dict_type ? nearest(builtins, wanted) : "";
}

}  // namespace

size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kEditCost;
    if (a.size() > kMaxNameLength || b.size() > kMaxNameLength) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);  // a is the shorter: one row of a.size() costs
    if ((b.size() - a.size()) * kEditCost > max_cost) return max_cost + 1;
    // row[i]: the cost between the bytes of b read so far and a[0..i]; each byte of b updates it in
    // place, from left to right, `diagonal` keeping the entry it overwrote.
    std::vector<size_t> row(a.size());
    for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kEditCost;
    size_t cost = 0;
    for (size_t j = 0; j < b.size(); ++j) {
        size_t diagonal = j * kEditCost;
        size_t left = (j + 1) * kEditCost;
        size_t row_min = SIZE_MAX;
        for (size_t i = 0; i < a.size(); ++i) {
            size_t replaced = diagonal + replace_cost(b[j], a[i]);
            diagonal = row[i];
            left = std::min(std::min(left, row[i]) + kEditCost, replaced);
            row[i] = left;
            row_min = std::min(row_min, left);
        }
        if (row_min > max_cost) return max_cost + 1;
        cost = left;
    }
    return cost;
}

std::string offer_suggestion(Object* exc) {
    try {
        if (is_instance(exc, &AttributeError_type)) return for_attribute_error(exc);
        if (is_instance(exc, &NameError_type)) return for_name_error(exc);
    } catch (PyException&) {
        // A failing __dir__ or a broken candidate list: no suggestion, as CPython clears the error.
    }
    return "";
}

}  // namespace minipy
