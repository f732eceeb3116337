# struct.pack of an object whose __index__ returns something other than an int raised nothing and
# read it as an int: a segfault (CPython's test_struct, one line of Python). Now a TypeError, as
# CPython's PyNumber_Index; good __index__ results pack, bad values are errors, never crashes.
import struct


class Indexable:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class BadIndex:
    def __index__(self):
        raise TypeError

    def __int__(self):
        return 42


for code in "bBhHiIlLqQnN":
    results = []
    for value in (b"a", "b", None, {"a": 1}, [1, 2, 3], 2 ** 100, -1, 7, True):
        try:
            results.append(struct.pack(code, Indexable(value)).hex())
        except (TypeError, struct.error, OverflowError) as e:
            results.append(type(e).__name__ + ": " + str(e))
    for value in ("a string", 3 + 42j, BadIndex(), 2 ** 64, -2 ** 63 - 1):
        try:
            results.append(struct.pack(code, value).hex())
        except (TypeError, struct.error, OverflowError) as e:
            results.append(type(e).__name__ + ": " + str(e))
    print(code, results)
