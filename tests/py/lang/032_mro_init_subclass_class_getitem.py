# type.mro(), __init_subclass__ with class keywords, __set_name__ and __class_getitem__.
class A:
    pass

class B(A):
    pass

class C(A):
    pass

class D(B, C):
    pass

print(D.mro(), type.mro(D), int.mro(), type(D.mro()).__name__, D.mro() == list(D.__mro__))
print(bool.mro(), object.mro())


class Meta(type):
    def mro(cls):
        return super().mro()

class WithMeta(metaclass=Meta):
    pass

print(WithMeta.mro())


class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Audio(Plugin, name="sound"):
    pass

class Video(Plugin):
    pass

class HDVideo(Video, name="hd"):
    pass

print(Plugin.registry, Audio.plugin_name, HDVideo.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(e)
try:
    class Plain(A, flag=True):
        pass
except TypeError as e:
    print(e)


class Base:
    subclasses = []

    @classmethod
    def __init_subclass__(cls, /, **kwargs):
        Base.subclasses.append((cls.__name__, kwargs))

class One(Base):
    pass

Dyn = type("Dyn", (Base,), {})
print(Base.subclasses)


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Record:
    title = Field()
    year = Field()

r = Record()
r.title = "Dune"
print(r.title, r.year, Record.title.name, Record.year.owner, Record.title.private)
Made = type("Made", (), {"f": Field()})
print(Made.f.name, Made.f.owner)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"

class IntBox(Box):
    pass

print(Box[int], IntBox[str], Box[1, 2], Box["x"])
try:
    A[int]
except TypeError as e:
    print(e)


class Sequence:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls, item)

print(Sequence[int])


class MetaItem(type):
    def __getitem__(cls, key):
        return "meta " + str(key)

class Grid(metaclass=MetaItem):
    def __class_getitem__(cls, key):
        return "class " + str(key)

print(Grid[3])
