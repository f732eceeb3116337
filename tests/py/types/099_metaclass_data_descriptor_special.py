# A metaclass's own data descriptor for a special name comes before what type computes, as in
# CPython's type_getattro: inspect.getfile refuses a class whose __module__ raises.
import inspect


class CM(type):
    @property
    def __module__(cls):
        raise AttributeError


class C(metaclass=CM):
    pass


print(hasattr(C, "__module__"))
try:
    inspect.getfile(C)
except TypeError as e:
    print("TypeError", str(e).split(" is ")[1])


class Named(type):
    @property
    def __name__(cls):
        return "renamed"

    @property
    def __doc__(cls):
        return "doc from the metaclass"


class D(metaclass=Named):
    "own doc"


print(D.__name__, D.__doc__, D.__qualname__)


class Plain(type):
    def __call__(cls, *args):
        return ("called", args)


class E(metaclass=Plain):
    pass


print(E(1, 2), E.__module__, E.__name__)
