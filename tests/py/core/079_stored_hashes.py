# Set and dict operations between sets, frozensets and dicts reuse the hashes the tables store, as
# CPython's: a key's __hash__ runs once, when it first goes in (test_set's test_do_not_rehash_dict_keys).
class H(int):
    hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)
n = 10
def total(d): return sum(e.hash_count for e in d)
d = dict.fromkeys(map(H, range(n)))
print(total(d))
s = set(d); print("set(d)", total(d))
s.difference(d); print("difference", total(d))
s.symmetric_difference_update(d); print("sdu", total(d))
d2 = dict.fromkeys(set(d)); print("fromkeys(set)", total(d))
d3 = dict.fromkeys(frozenset(d)); print("fromkeys(frozenset)", total(d))
d3 = dict.fromkeys(frozenset(d), 123); print(total(d))
fs = frozenset(d); print("frozenset(d)", total(d))
s2 = set(); s2.update(d); print("update", total(d))
print(s2 == set(d), total(d)); s2 |= d.keys(); print(total(d))
print(sorted(dict.fromkeys(frozenset(d), 5).items())[:3], type(dict.fromkeys(set(d))).__name__)
class D(dict): pass
print(type(D.fromkeys(set(d), 1)).__name__, total(d))
