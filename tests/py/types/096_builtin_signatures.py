# Built-in types' __text_signature__ (what inspect.signature reads for classes without their own
# __init__/__new__) and the identity of static methods found through classes (C.__new__ is object.__new__).
import inspect
for t in (object, complex, enumerate, float, list, memoryview, property, reversed, tuple, int, dict):
    print(t.__name__, t.__text_signature__)
class C: pass
class D:
    def __init__(self, a, b=2): pass
class L(list): pass
print(inspect.signature(C), inspect.signature(D), L.__text_signature__)
print(C.__new__ is object.__new__, int.__new__ is int.__new__, str.maketrans is str.maketrans)
print(object.__new__(C).__class__.__name__, type(int.__new__(int, 5)), str.maketrans("ab", "cd"))
