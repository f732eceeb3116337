# int()/float()/round() conversions as CPython 3.11: int()'s base and round()'s ndigits clamp huge ints
# (ValueError / no change), DeprecationWarnings for __int__/__index__/__float__ returning a subclass and for
# __trunc__, int() and float() of memoryview/array, int.from_bytes refusing ints and str but taking __bytes__.
import sys
for base in [2**100, -2**100, 2**63, -1, 1, 37, 0]:
    try:
        print(int('42', base))
    except Exception as e:
        print(type(e).__name__, e)
for nd in [2**100, 2**63]:
    for x in [12345, 1.5, 10**30, -7]:
        try:
            print(round(x, nd))
        except Exception as e:
            print(type(e).__name__, e)
for args in [(0, 'big'), (b'\x01', 'big'), ([1, 2], 'little'), (bytearray(b'\x01\x02'), 'big'), (memoryview(b'ab'), 'big'), ('ab', 'big')]:
    try:
        print(int.from_bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
for v in [memoryview(b'123'), memoryview(b'1234')[1:3], bytearray(b' 7 ')]:
    try:
        print(int(v), float(v) if not isinstance(v, bytearray) else '')
    except Exception as e:
        print(type(e).__name__, e)
import array
try:
    print(int(array.array('b', b'12')))
except Exception as e:
    print(type(e).__name__, e)
class I:
    def __index__(self): return 16
print(int('ff', I()))
import warnings
warnings.simplefilter("error")
class S(int): pass
class FS(float): pass
for body in [lambda self: S(3), lambda self: 3.5, lambda self: True]:
    for meth in ["__int__", "__index__", "__float__"]:
        T = type("T", (), {meth: body})
        for conv in (int, float):
            try:
                print(meth, conv.__name__, conv(T()))
            except Exception as e:
                print(meth, conv.__name__, type(e).__name__, e)
class Tr:
    def __trunc__(self): return 7
try:
    int(Tr())
except DeprecationWarning as e:
    print(e)
warnings.simplefilter("ignore")
print(int(Tr()))
class Tr2:
    def __trunc__(self): return 7.5
try:
    int(Tr2())
except TypeError as e:
    print(e)
for x in [memoryview(b'12x'), array.array('b', b'1.5')]:
    try:
        print(float(x))
    except ValueError as e:
        print("ValueError")
try:
    int(memoryview(b'12'), 16)
except TypeError as e:
    print(e)
class VB:
    def __bytes__(self):
        return b"\x01\x00"
print(int.from_bytes(VB(), "big"), int.from_bytes([1, 0], "little"))
class Idx:
    def __index__(self):
        return 3
for bad in [Idx(), 3, "ab"]:
    try:
        int.from_bytes(bad, "big")
    except TypeError as e:
        print(e)
