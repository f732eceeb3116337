# __classcell__: type.__new__ fills the cell that `__class__` and zero-argument super() read, and
# __build_class__ checks that the class it made is the one in the cell (CPython's messages).
class Meta(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop('__classcell__', None)
        return super().__new__(cls, name, bases, namespace)


class WithoutClassRef(metaclass=Meta):
    pass


print(WithoutClassRef.__name__)
try:
    class WithClassRef(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e)


class Overwrite(type):
    def __new__(cls, name, bases, namespace, cell):
        namespace['__classcell__'] = cell
        return super().__new__(cls, name, bases, namespace)


for bad_cell in (None, 0, "", object()):
    try:
        class A(metaclass=Overwrite, cell=bad_cell):
            pass
    except TypeError as e:
        print("TypeError:", str(e).replace(hex(id(bad_cell)), "0x..."))


class WrongCell(type):
    def __new__(cls, name, bases, namespace):
        cls = super().__new__(cls, name, bases, namespace)
        B = type("B", (), namespace)
        return cls


try:
    class C(metaclass=WrongCell):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError:", e)


class Fine:
    def who(self):
        return __class__

    def sup(self):
        return super().__repr__()[:6]


print(Fine().who() is Fine, Fine().sup(), "__classcell__" in Fine.__dict__)


# a metaclass that returns something else than a class: no check
class NotAClass(type):
    def __new__(cls, name, bases, namespace):
        return 42


class D(metaclass=NotAClass):
    def f(self):
        return __class__


print(D)


class D:
    def __set_name__(self, owner, name):
        print(name, owner.m())


class C:
    d = D()

    @staticmethod
    def m():
        return __class__
