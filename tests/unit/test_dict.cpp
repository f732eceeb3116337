// test_dict.cpp — dict probing and resizing: insertion order survives deletes and growth, deleted
// slots are reused, equal keys of different types meet, and KeyError carries the key.
#include <doctest/doctest.h>

#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"

using namespace minipy;

namespace {

Ref key(int64_t i) { return int_from_i64(i); }

}  // namespace

TEST_CASE("insertion order survives growth and deletion") {
    Ref d = dict_new();
    Dict* dict = as_dict(d.get());
    for (int64_t i = 0; i < 1000; ++i) dict_set(dict, key(i * 7).get(), key(i).get());
    CHECK(dict_size(dict) == 1000);
    for (int64_t i = 0; i < 1000; i += 2) CHECK(dict_del(dict, key(i * 7).get()));
    CHECK(dict_size(dict) == 500);
    Object *k, *v;
    int64_t expected = 1;
    for (size_t pos = 0; dict_next(dict, &pos, &k, &v); expected += 2) {
        CHECK(small_int_value(v) == expected);
        CHECK(small_int_value(k) == expected * 7);
    }
    CHECK(expected == 1001);
    CHECK_FALSE(dict_del(dict, key(0).get()));
}

TEST_CASE("churn through deleted slots does not grow without bound") {
    Ref d = dict_new();
    Dict* dict = as_dict(d.get());
    for (int64_t i = 0; i < 100000; ++i) {
        dict_set(dict, key(i).get(), None);
        dict_del(dict, key(i).get());
    }
    CHECK(dict_size(dict) == 0);
    CHECK(dict->index_size <= 64);
    dict_set(dict, key(5).get(), True);
    CHECK(dict_get(dict, key(5).get()) == True);
}

TEST_CASE("equal keys of different types find the same entry") {
    Ref d = dict_new();
    Dict* dict = as_dict(d.get());
    dict_set(dict, key(1).get(), key(10).get());
    Ref one = float_new(1.0);
    CHECK(dict_get(dict, one.get()) == key(10).get());
    CHECK(dict_get(dict, True) == key(10).get());
    dict_set(dict, True, key(20).get());
    CHECK(dict_size(dict) == 1);
    CHECK(repr_utf8(d.get()) == "{1: 20}");
}

TEST_CASE("string keys: interned fast path and equal non-interned strings") {
    Ref d = dict_new();
    Dict* dict = as_dict(d.get());
    dict_set(dict, intern("spam"), key(1).get());
    Ref copy = str_new("spam");
    CHECK(copy.get() != intern("spam"));
    CHECK(dict_get_str(dict, as_str(copy.get())) == key(1).get());
    CHECK(dict_get(dict, copy.get()) == key(1).get());
    CHECK(dict_get_str(dict, intern("eggs")) == nullptr);
}

TEST_CASE("missing keys raise KeyError with the key's repr") {
    Ref d = dict_new();
    Ref k = str_new("x");
    try {
        get_item(d.get(), k.get());
        FAIL("no error");
    } catch (PyException& e) {
        CHECK(type_of(e.exception()) == &KeyError_type);
        CHECK(exception_message(e.exception()) == "'x'");
    }
    Ref list = list_new();
    try {
        dict_set(as_dict(d.get()), list.get(), None);
        FAIL("no error");
    } catch (PyException& e) {
        CHECK(exception_message(e.exception()) == "unhashable type: 'list'");
    }
}

TEST_CASE("a dict that contains itself prints {...}") {
    Ref d = dict_new();
    dict_set(as_dict(d.get()), key(1).get(), d.get());
    CHECK(repr_utf8(d.get()) == "{1: {...}}");
    dict_clear(as_dict(d.get()));  // break the cycle: minipy has no cycle collector
}

TEST_CASE("version changes on every mutation") {
    Ref d = dict_new();
    Dict* dict = as_dict(d.get());
    uint64_t v0 = dict->version;
    dict_set(dict, key(1).get(), None);
    uint64_t v1 = dict->version;
    CHECK(v1 != v0);
    dict_set(dict, key(1).get(), True);
    CHECK(dict->version != v1);
}

TEST_CASE("keys version: kept by value stores, changed by added and deleted keys, never shared") {
    Ref a = dict_new(), b = dict_new();
    Dict* da = as_dict(a.get());
    Dict* db = as_dict(b.get());
    Str* name = intern("name");
    dict_set(da, intern("other"), None);
    dict_set(da, name, key(1).get());
    dict_set(db, name, key(1).get());
    DictCacheLookup found = dict_lookup_str_for_cache(da, name);
    CHECK(found.value.get() == key(1).get());
    CHECK(found.entry == 1);
    CHECK(found.keys_version != 0);
    // Two dicts with the same history never share a version: a cache keyed by it reads the right dict.
    CHECK(dict_lookup_str_for_cache(db, name).keys_version != found.keys_version);
    dict_set(da, name, key(2).get());
    CHECK(dict_lookup_str_for_cache(da, name).keys_version == found.keys_version);
    Ref v = Ref::steal(dict_cached_entry_value(da, found.keys_version, found.entry));
    CHECK(v.get() == key(2).get());
    dict_set(da, intern("added"), None);
    CHECK(dict_cached_entry_value(da, found.keys_version, found.entry) == nullptr);
    DictCacheLookup again = dict_lookup_str_for_cache(da, name);
    CHECK(again.keys_version != found.keys_version);
    CHECK(dict_del(da, intern("added")));
    CHECK(dict_cached_entry_value(da, again.keys_version, again.entry) == nullptr);
    DictCacheLookup absent = dict_lookup_str_for_cache(da, intern("missing"));
    CHECK(!absent.value);
    CHECK(absent.keys_version != 0);
}
