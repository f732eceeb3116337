# Built-in types carry CPython's docstrings; classes without a docstring, and their instances, have
# __doc__ None even when a base is a documented built-in type.
import builtins

for name in ["int", "str", "list", "dict", "tuple", "set", "float", "bytes", "bool", "bytearray", "complex",
             "frozenset", "object", "type", "range", "slice", "property", "staticmethod", "classmethod", "super",
             "memoryview", "enumerate", "zip", "reversed", "map", "filter"]:
    print(name, repr(getattr(builtins, name).__doc__))
print((1).__doc__ == int.__doc__, "x".__doc__ == str.__doc__, [].__doc__ == list.__doc__)


class A:
    pass


class B(int):
    pass


class C(str):
    "Documented."


print(A.__doc__, A().__doc__, B.__doc__, B(1).__doc__, C.__doc__, C("x").__doc__)
