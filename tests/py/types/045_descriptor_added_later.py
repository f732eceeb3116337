# A cached instance attribute read must give way to a property, a data descriptor or a __getattr__
# / __getattribute__ added to the class (or a base) later, and come back when they go.


class Base:
    pass


class Thing(Base):
    def __init__(self):
        self.size = 1
        self.color = "red"


def read(o):
    return o.size


def write(o, v):
    o.size = v


t = Thing()
print([read(t) for _ in range(3)])
Thing.size = property(lambda self: "property size")
print([read(t) for _ in range(3)])
try:
    write(t, 5)
except AttributeError as e:
    print("AttributeError", e)
Thing.size = property(lambda self: self.__dict__["size"] * 10, lambda self, v: self.__dict__.__setitem__("size", v + 1))
write(t, 5)
print(read(t), t.__dict__)
del Thing.size
print(read(t))


class Upper:
    def __get__(self, obj, owner):
        return "Upper.__get__"

    def __set__(self, obj, value):
        obj.__dict__["color"] = value.upper()


def read_color(o):
    return o.color


print([read_color(t) for _ in range(3)])
Base.color = Upper()
print(read_color(t))
t.color = "blue"
print(t.__dict__["color"], read_color(t))
del Base.color
print(read_color(t))


# A descriptor class that gains __set__ later becomes a data descriptor.
class Late:
    def __get__(self, obj, owner):
        return "Late.__get__"


Thing.late = Late()
t.__dict__["late"] = "instance late"


def read_late(o):
    return o.late


print([read_late(t) for _ in range(3)])
Late.__set__ = lambda self, obj, value: None
print(read_late(t))
del Late.__set__
print(read_late(t))

# __getattr__ and __getattribute__ added after the fact.
print(getattr(t, "missing", "default"))
Base.__getattr__ = lambda self, name: "getattr " + name
print(t.missing, read(t))
Base.__getattribute__ = lambda self, name: "getattribute " + name
print(t.missing, read(t), read_color(t))
del Base.__getattribute__
del Base.__getattr__
print(read(t), getattr(t, "missing", "default"))
try:
    t.missing
except AttributeError as e:
    print(e)
