# pickle (CPython's pickle.py over minipy's _pickle): every protocol round-trips the built-in types,
# shared and recursive references, and the bytes of simple values are CPython's exactly.
import pickle

values = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31, 2**63, -2**70,
          10**30, 1.5, -0.0, 1e300, float("inf"), "", "abc", "héllo €", "a\nb\\c", b"",
          b"\x00\xff", bytearray(b"ab"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]],
          {}, {"a": 1, 2: "b", (3, 4): [5]}, set(), {1, 2, 3}, frozenset(), frozenset("ab"),
          3 + 4j, type(None), int, len]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        same = back == v or (v != v and back != back)
        if not same or type(back) is not type(v):
            print("MISMATCH", proto, repr(v), repr(back))
    print("protocol", proto, "ok")

# The exact bytes, compared with CPython's.
for proto in range(6):
    print(proto, pickle.dumps([1, "a", (None, True), {"k": 2.5}, 2**40], proto))
print(pickle.dumps(2**100, 2), pickle.dumps(-1, 0), pickle.dumps("é", 0))

# Shared references stay shared, cycles survive.
a = [1, 2]
pair = pickle.loads(pickle.dumps([a, a], 4))
print(pair, pair[0] is pair[1])
cyc = [1]
cyc.append(cyc)
back = pickle.loads(pickle.dumps(cyc))
print(back[1] is back, len(back))
d = {}
d["self"] = d
print(pickle.loads(pickle.dumps(d))["self"].keys())

print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(pickle.PicklingError.__module__, pickle.Pickler.__module__)
print(issubclass(pickle.PicklingError, pickle.PickleError))
try:
    pickle.loads(b"")
except EOFError:
    print("EOFError")
