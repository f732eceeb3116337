# Classes of difference tools/difffuzz found between minipy and CPython 3.11, one probe or more each.
# int() of bytes and bytearray
for args in [(b'',), (b'12',), (b' 42 ',), (bytearray(b'ff'), 16), (b'0x1f', 0), (b'\xff',), (bytearray(b'z'),),
             (b'1_000',), (b'12', 99), (b'\x00',)]:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# '0' on a str format spec pads on the right (3.10); an explicit '=' is still refused
for spec in ("05", "0>5", "<05", "=5", "0=5"):
    try:
        print(repr(format("ab", spec)), repr(f"{'q':{spec}}"))
    except ValueError as e:
        print("ValueError", e)
# an index too large for the machine is an IndexError on sequences, an OverflowError elsewhere
for expr in ("'abc'[2**63]", "[1][-2**63-1]", "(1,)[2**64]", "b'a'[2**70]", "bytearray(b'a')[2**70]",
             "[1]*2**63", "range(3)[2**64]"):
    try:
        eval(expr)
    except (IndexError, OverflowError, MemoryError) as e:
        print(expr, type(e).__name__, e)
# ascii()
print(ascii("héllo😀日"), ascii([1, "ü", b"\xff"]), ascii("plain"))
# hashes and set order as CPython's under PYTHONHASHSEED=0
for s in ["", "a", "abc", "ümlaut", "日本", "😀", "abcdefghi", "ñ" * 9]:
    print(repr(s), hash(s) == hash(s.encode("utf-8")) if s.isascii() else "", hash(s))
print({"apple", "banana", "cherry", "date", "elderberry", "fig"})
print(set("hello world"), frozenset(["x", "y", 3, 4.5, (1, 2)]))
# huge shifts and to_bytes lengths are MemoryError, not a crash in GMP (CPython computes 63 ** 2**63
# for ever, so a golden test cannot hold it: tests/unit would)
for expr in ("1 << 2**62", "(1).to_bytes(10**15, 'big')"):
    try:
        eval(expr)
    except MemoryError:
        print(expr, "MemoryError")
# f-string expressions may not hold a backslash in 3.11
try:
    compile('f"{\\"a\\"}"', "<s>", "eval")
except SyntaxError as e:
    print("SyntaxError", e)
