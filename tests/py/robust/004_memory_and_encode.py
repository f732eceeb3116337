# Requests for more memory than the machine has raise MemoryError at once; encoding a lone
# surrogate to UTF-8 raises UnicodeEncodeError.
for make in (lambda: bytes(10**13), lambda: bytearray(10**13), lambda: "ab" * 10**13,
             lambda: [None] * 10**13, lambda: (1, 2) * 10**13, lambda: b"x" * 10**13):
    try:
        make()
        print("no error")
    except MemoryError as e:
        print("MemoryError", repr(str(e)))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "ab\udfffc".encode()
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print("a\ud800b".encode("utf-8", "replace"), "a\ud800b".encode("utf-8", "ignore"))
print("a\ud800b".encode("utf-8", "surrogatepass"))
print("héllo".encode(), "\U0001f600".encode())
