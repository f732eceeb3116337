# property as CPython 3.11 (its test_property): errors name the property and the class's qualified
# name; property.__set_name__; a derived class keeps each instance's doc in the instance, taken
# from the getter unless given, and a copy made by getter() takes the new getter's doc;
# classmethod over a property binds it to the class, also as a class's __doc__.
class Outer:
    class Inner:
        def __init__(self):
            self._x = 1

        x = property()
        y = property(lambda self: self._x)


obj = Outer.Inner()
for action in (lambda: obj.x, lambda: setattr(obj, "x", 1), lambda: delattr(obj, "x"),
               lambda: setattr(obj, "y", 2), lambda: delattr(obj, "y")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)

nameless = property()
Outer.Inner.z = nameless
try:
    obj.z
except AttributeError as e:
    print("AttributeError:", e)
nameless.__set_name__(Outer.Inner, "zed")
try:
    obj.z
except AttributeError as e:
    print("AttributeError:", e)
for args in ((), (1,), (1, 2, 3)):
    try:
        nameless.__set_name__(*args)
    except TypeError as e:
        print("TypeError:", e)


class PropertySub(property):
    """This is a subclass of property"""


class PropertySubSlots(property):
    """This is a subclass of property that defines __slots__"""
    __slots__ = ()


class Foo:
    @PropertySub
    def spam(self):
        """spam wrapped in property subclass"""
        return 1

    @spam.setter
    def spam(self, value):
        """this docstring is ignored"""

    @PropertySub
    def eggs(self):
        """a docstring"""
        return 1

    @eggs.getter
    def eggs(self):
        """a new docstring"""
        return 2


print(Foo.spam.__doc__, "|", Foo.eggs.__doc__, "|", Foo().eggs, type(Foo.spam).__name__)
print(PropertySub.__doc__, "|", PropertySub(doc="given").__doc__, "|", PropertySub().__doc__)
print(property(lambda self: 1, doc="explicit").__doc__, property(lambda self: 1).__doc__)
try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """Copying this docstring raises AttributeError"""
            return 1
except AttributeError as e:
    print("AttributeError:", e)


class pro(property):
    def __new__(typ, *args, **kwargs):
        return "abcdef"


p = property.__new__(pro)
p.__set_name__(Outer, 1)
print(p.getter(lambda self: 1))


class A:
    """First"""

    @classmethod
    @property
    def __doc__(cls):
        return "A doc for %r" % cls.__name__

    @classmethod
    @property
    def kind(cls):
        return cls.__name__.lower()


class B(A):
    pass


print(A.__doc__, B.__doc__, A.kind, B().kind)
