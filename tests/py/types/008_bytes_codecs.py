# str.encode and bytes.decode with utf-8, ascii and latin-1, and their errors.
s = "na\u00efve caf\u00e9 \u20ac"
data = s.encode()
print(data, len(s), len(data))
print(data.decode(), data.decode("utf-8") == s)
print("abc".encode("ascii"), "\u00e9".encode("latin-1"), b"\xe9".decode("latin-1"))
print("x\u00e9y".encode("ascii", "replace"), "x\u00e9y".encode("ascii", "ignore"))
print(b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print("\U0001F600".encode("utf-8"))
for bad in [b"\xff", b"abc\xc3", b"\xc3\x28"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
try:
    "caf\u00e9".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"x".decode("nope")
except LookupError as e:
    print("LookupError:", e)
try:
    bytes("abc")
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    bytes(1.5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeEncodeError, UnicodeError))
