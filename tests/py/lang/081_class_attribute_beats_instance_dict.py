# `o.__class__` is the type even when the instance's __dict__ holds a '__class__' key (object's
# __class__ is a data descriptor); a class that defines __class__ itself decides.
class A:
    pass


o = A()
o.__dict__["__class__"] = int
for _ in range(3):  # the interpreter's attribute fast paths warm up on repeats
    print(o.__class__, type(o), isinstance(o, int))
print(getattr(o, "__class__"), o.__dict__)


class B:
    __class__ = property(lambda self: str)


b = B()
b.__dict__["__class__"] = int
print(b.__class__, isinstance(b, str), type(b).__name__)


class C:
    def __init__(self):
        self.__dict__["__class__"] = 5
        self.x = 1

    def kind(self):
        return self.__class__.__name__


c = C()
print([c.kind() for _ in range(3)], c.x)
c.__class__ = A
print(c.__class__, c.__dict__)
