# Classes are objects that are freed like any other once dropped: by reference counting or by the
# collector when a class is part of a cycle (in CPython every class is, through its __mro__; in minipy
# a method using super() holds its class in a __class__ cell, a class attribute holds an instance, a
# metaclass instance refers to itself). Only the state after gc.collect() is printed, which the two
# agree on. A weak reference to a class dies with it.
import gc
import weakref


def dropped(make):
    cls = make()
    r = weakref.ref(cls)
    del cls
    gc.collect()
    return r() is None


def plain():
    class C:
        pass

    return C


def with_method():
    class C:
        def m(self):
            return 1

    C().m()
    return C


def with_super():
    class B:
        def m(self):
            return "B"

    class C(B):
        def m(self):
            return "C" + super().m()

    assert C().m() == "CB"
    return C


def holds_instance():
    class C:
        pass

    C.me = C()
    C.me.again = C
    return C


def with_slots():
    class C:
        __slots__ = ("a", "b")

    c = C()
    c.a = c
    return C


class Meta(type):
    pass


def with_metaclass():
    class C(metaclass=Meta):
        pass

    C.self = C
    return C


def subclass_of_list():
    class L(list):
        pass

    x = L([1, 2])
    x.append(x)
    return L


for make in (plain, with_method, with_super, holds_instance, with_slots, with_metaclass, subclass_of_list):
    print(make.__name__, dropped(make))

# A base outlives its subclass only while the subclass lives.
class Base:
    pass


def sub():
    class Sub(Base):
        pass

    return Sub


s = sub()
rs = weakref.ref(s)
print(Base.__subclasses__() == [s])
del s
gc.collect()
print(rs() is None, Base.__subclasses__())

# An instance keeps its class: the class dies with the last instance.
def keep_instance():
    class K:
        def hello(self):
            return "hello from " + type(self).__name__

    return K()


k = keep_instance()
rk = weakref.ref(type(k))
gc.collect()
print(rk() is not None, k.hello())
del k
gc.collect()
print(rk() is None)
