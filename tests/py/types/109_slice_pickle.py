# slice objects pickle and copy (slice.__reduce__), under every protocol, as CPython's.
import pickle, copy
for proto in range(6):
    for s in (slice(1, 2), slice(None), slice(1, 10, 3), slice("a", [1], None)):
        print(proto, pickle.loads(pickle.dumps(s, proto)))
print(slice(1, 2, 3).__reduce__(), copy.copy(slice(5)), copy.deepcopy(slice(1, [2])))
print(pickle.dumps(slice(1, 2), 0))
