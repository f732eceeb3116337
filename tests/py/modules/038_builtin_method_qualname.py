# Built-in methods name their class in __qualname__ as CPython's do: static methods (str.maketrans,
# bytes.maketrans) name the type that defines them, also when looked up on an instance or a subclass,
# while their __self__ stays None; class methods (dict.fromkeys, int.from_bytes) are bound to the
# type they are looked up on; __new__ is bound to the type defining it, so a subclass's inherited
# __new__ equals the base's (enum relies on `__new__ in {object.__new__, ...}`).
import enum

class S(str):
    pass

class D(dict):
    pass

class B(bytes):
    pass

def show(label, f):
    owner = f.__self__
    owner = owner.__name__ if isinstance(owner, type) else owner
    print(label, f.__name__, f.__qualname__, owner, type(f).__name__)

show("str.maketrans", str.maketrans)
show("'a'.maketrans", "a".maketrans)
show("S.maketrans", S.maketrans)
show("bytes.maketrans", bytes.maketrans)
show("bytearray.maketrans", bytearray.maketrans)
show("B.maketrans", B.maketrans)
show("dict.fromkeys", dict.fromkeys)
show("D.fromkeys", D.fromkeys)
show("{}.fromkeys", {}.fromkeys)
show("int.from_bytes", int.from_bytes)
show("bool.from_bytes", bool.from_bytes)
show("float.fromhex", float.fromhex)
show("bytes.fromhex", bytes.fromhex)
show("object.__new__", object.__new__)
show("S.__new__", S.__new__)
show("int.__new__", int.__new__)
show("[].append", [].append)

print(str.maketrans == S.maketrans, str.maketrans == "x".maketrans, hash(str.maketrans) == hash(S.maketrans))
print(S.__new__ == str.__new__, object.__new__ == int.__new__)
print(object.__new__ in {None, object.__new__}, D.__new__ in {dict.__new__})
print(repr(str.maketrans).split(" at ")[0], repr(object.__new__).split(" at ")[0])
print(repr(len), repr(dict.fromkeys).split(" at ")[0])
print(str.maketrans("ab", "cd") == S.maketrans("ab", "cd"), bytes.maketrans(b"a", b"b")[97])
print(D.fromkeys("ab", 0), type(D.fromkeys("a")).__name__)

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Num(int, enum.Enum):
    ONE = 1

print(Color(1), Color.GREEN.value, Num(1) + 1, Num.ONE.__class__.__name__)
