# A built-in type's dict shows CPython's kinds of descriptor: slot wrappers for the methods type slots
# provide (bound: method-wrapper), method descriptors, classmethod descriptors, and static methods
# as builtin functions (__new__) or staticmethods; inspect classifies them by these types.
import inspect
import types

print(type(object.__init__).__name__, type(object().__str__).__name__, type(int.__dict__["__add__"]).__name__)
print(type(dict.__dict__["fromkeys"]).__name__, type(dict.__dict__["keys"]).__name__)
print(type(object.__dict__["__new__"]).__name__, type(str.__dict__["maketrans"]).__name__)
print(types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__)
print(types.MethodDescriptorType.__name__, types.ClassMethodDescriptorType.__name__)
print(repr(int.__add__), repr(list.append), repr(dict.__dict__["fromkeys"]))
print(repr((5).__add__).split(" at ")[0], repr([].append).split(" at ")[0])
print(int.__add__.__qualname__, (5).__add__.__qualname__, (5).__add__.__name__, (5).__add__.__self__)
print((5).__add__.__objclass__, int.__dict__["__add__"].__objclass__)
print((5).__add__(3), int.__add__(5, 3), (5).__add__ == (5).__add__, (5).__add__ == (6).__add__)
print(object.__dict__["__new__"] is object.__new__, str.maketrans is str.__dict__["maketrans"].__func__)
print(str.maketrans("ab", "cd") == {97: 99, 98: 100})

fromkeys = dict.__dict__["fromkeys"]
print(fromkeys(dict, "ab"), fromkeys.__get__(None, dict)("xy"))
for args in [(), (5,), (int,)]:
    try:
        fromkeys(*args)
    except TypeError as e:
        print("TypeError", e)


class D(dict):
    pass


print(type(fromkeys(D, "a")).__name__)

for name, kind, cls, _ in inspect.classify_class_attrs(bool):
    if name in ("__new__", "__add__", "__and__", "from_bytes", "bit_length", "real", "__doc__"):
        print(name, kind, cls.__name__)


class A:
    def m(self):
        pass


for name, kind, cls, _ in inspect.classify_class_attrs(A):
    if name in ("__new__", "__init__", "__init_subclass__", "__subclasshook__", "__str__", "__dir__", "m"):
        print(name, kind, cls.__name__)
print(inspect.ismethodwrapper((5).__add__), inspect.ismethodwrapper(len), inspect.ismethodwrapper(print))
print(inspect.ismethoddescriptor(int.__add__), inspect.ismethoddescriptor(list.append))
print(inspect.isbuiltin(len), inspect.isbuiltin((5).__add__), inspect.isroutine((5).__add__))
print(callable(int.__add__), callable((1).__add__))
print(sorted(set(type(v).__name__ for v in vars(int).values())))
