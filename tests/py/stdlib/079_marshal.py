# marshal: dumps gives CPython's bytes for the value types (hex printed, so the .out compares them
# byte for byte), loads reads them back (and reads bytes CPython wrote, spelled out below), and
# dump/load work through files; bad data raises CPython's errors.
import io
import marshal

values = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 256, -5, 1000, -1000, 2**31 - 1, 2**31,
          -2**31, -2**31 - 1, 2**40, -2**40, 2**62, 2**64, -2**100, 10**50, 1.5, -0.0, 0.1, 1e308,
          float("inf"), 2j, 1.5 - 2.5j, "", "abc", "a b", "héllo", "日本", b"", b"xy",
          (), (1,), [], [1, [2, [3]]], {}, {"a": 1, "b": [2]}, set(), {1, 2, 3}, {"b", "a", "c"},
          frozenset(), frozenset({1.5, "x", 7}), [(), [], {}], bytearray(b"ba"), memoryview(b"mv")]
for v in values:
    for version in (4, 3, 2, 1, 0):
        data = marshal.dumps(v, version)
        back = marshal.loads(data)
        print(version, data.hex(), back == v, type(back).__name__)

print("== shared objects are written once and read back shared")
item = [1000]
pair = marshal.loads(marshal.dumps([item, item]))
print(marshal.dumps([item, item]).hex(), pair[0] is pair[1])
print(marshal.dumps([item, item], 2).hex(), marshal.loads(marshal.dumps([item, item], 2))[0] is pair[1])

print("== bytes CPython wrote")
print(marshal.loads(bytes.fromhex("db03000000e9e8030000da03616263a902e901000000e902000000")))
print(marshal.loads(bytes.fromhex("ec03000000" "0000" "0000" "0004")))
print(marshal.loads(bytes.fromhex("6c fbffffff 0000 0000 0000 0000 0004".replace(" ", ""))))
print(marshal.loads(b"{\xda\x01ar\x00\x00\x00\x000"), marshal.loads(b"(\x02\x00\x00\x00N."))
print(marshal.loads(b"I\x01\x00\x00\x00\x02\x00\x00\x00"), marshal.loads(b"f\x031.5"), marshal.loads(b"z\x02\xe9\xff"))
print(marshal.loads(b"\xe9\x07\x00\x00\x00trailing ignored"), marshal.version)

print("== files")
f = io.BytesIO()
for v in (1, "two", [3.0], {4: (5,)}):
    marshal.dump(v, f)
marshal.dump(2.5, f, 1)
f.seek(0)
print([marshal.load(f) for _ in range(5)])
try:
    marshal.load(f)
except EOFError as e:
    print("EOFError", e)
try:
    marshal.load(io.StringIO("x"))
except TypeError as e:
    print("TypeError", e)

print("== errors")
for bad in [b"", b"i\x00", b"\xe9", b"r\x00\x00\x00\x00", b"q", b"l\x01\x00\x00\x00\x00\x00",
            b"l\x01\x00\x00\x00\x00\x80", b"0", b"{0", b"(\x01\x00\x00\x000", b"[\x05\x00\x00\x00N",
            b"s\xff\xff\xff\xff", b"u\x02\x00\x00\x00\xff\xfe"]:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [lambda: 0, object(), [1, {2: object()}], True.__class__]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError", e)
nested = []
for _ in range(3000):
    nested = [nested]
try:
    marshal.dumps(nested)
except ValueError as e:
    print("ValueError", e)
try:
    marshal.loads(b"[\x01\x00\x00\x00" * 3000 + b"N")
except ValueError as e:
    print("ValueError", e)
for call in (lambda: marshal.dumps(), lambda: marshal.loads("x"), lambda: marshal.dumps(1, 2, 3),
             lambda: marshal.loads(b"N", b"N"), lambda: marshal.dumps(1, version=2)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
