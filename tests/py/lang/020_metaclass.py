# metaclasses: `class C(metaclass=M)` with M derived from type; M.__new__, M.__init__ and M.__call__
# overrides, class keywords, __init_subclass__, __prepare__, type(name, bases, dict) and inheritance
# of the metaclass by subclasses.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kwargs)
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = "Meta"
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, ns)

    def describe(cls):
        return f"{cls.__name__} made by {type(cls).__name__}"


class Base(metaclass=Meta):
    x = 1

    def method(self):
        return "method"


print(type(Base).__name__, Base.created_by, Base.describe(), Base().method(), isinstance(Base, Meta), isinstance(Base, type))
print(Base.__class__ is Meta, type(Base()) is Base, Meta.__mro__ == (Meta, type, object), repr(Base), repr(Meta))


class Child(Base, flavor="mint"):
    def __init_subclass__(cls, **kwargs):
        print("Child.__init_subclass__", cls.__name__, kwargs)
        super().__init_subclass__()


class GrandChild(Child, flavor="lime"):
    pass


print(type(Child).__name__, type(GrandChild).__name__, GrandChild.describe(), GrandChild.x, GrandChild.created_by)
print(hasattr(Base(), "describe"), "describe" in dir(Meta))


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        print("Config.__init__", name)
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, a.name, b.name, type(Config).__name__, len(Singleton._instances))


class Registry(type):
    classes = []

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            Registry.classes.append(name)

    @property
    def kind(cls):
        return cls.__name__.lower()

    def __repr__(cls):
        return f"<registered {cls.__name__}>"

    def __len__(cls):
        return len(Registry.classes)

    def __getitem__(cls, i):
        return Registry.classes[i]

    def __iter__(cls):
        return iter(Registry.classes)


class Plugin(metaclass=Registry):
    pass


class Audio(Plugin):
    pass


class Video(Plugin):
    pass


print(Registry.classes, Audio.kind, repr(Video), [Plugin], len(Plugin), Plugin[1], list(Plugin))


class Counting(type):
    def __call__(cls, *args, **kwargs):
        cls.count = getattr(cls, "count", 0) + 1
        return type.__call__(cls, *args, **kwargs)


class Thing(metaclass=Counting):
    def __init__(self, v):
        self.v = v


things = [Thing(i) for i in range(3)]
print(Thing.count, [t.v for t in things])


class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kwargs):
        print("__prepare__", name, kwargs)
        return {"prepared": True}

    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, ns)


class WithPrepare(metaclass=Ordered, option=1):
    y = 2


print(WithPrepare.prepared, WithPrepare.y)

Dynamic = type("Dynamic", (Base,), {"z": 3, "hello": lambda self: "hi " + type(self).__name__})
print(type(Dynamic).__name__, Dynamic.z, Dynamic().hello(), Dynamic.__name__, Dynamic.__bases__ == (Base,))
Plain = type("Plain", (), {"__init__": lambda self, v: setattr(self, "v", v)})
print(type(Plain).__name__, Plain(7).v, Plain.__module__, Plain.__qualname__)
M2 = type("M2", (type,), {"tag": "m2"})


class UsesM2(metaclass=M2):
    pass


print(type(UsesM2).__name__, UsesM2.tag, isinstance(UsesM2, M2))


def function_metaclass(name, bases, ns):
    print("function_metaclass", name, sorted(k for k in ns if not k.startswith("__")))
    return {"not": "a class"}


class Odd(metaclass=function_metaclass):
    w = 1


print(Odd)


class Validated(type):
    def __new__(mcs, name, bases, ns):
        for key, value in ns.items():
            if key.startswith("get_") and not callable(value):
                raise TypeError(f"{name}.{key} must be callable")
        return super().__new__(mcs, name, bases, ns)


try:
    class Bad(metaclass=Validated):
        get_x = 5
except TypeError as e:
    print("TypeError:", e)


class Slotted(type):
    def __setattr__(cls, name, value):
        print("Slotted.__setattr__", name, value)
        super().__setattr__(name, value)

    def __getattr__(cls, name):
        return f"missing {name}"


class UsesSlotted(metaclass=Slotted):
    pass


UsesSlotted.colour = "red"
print(UsesSlotted.colour, UsesSlotted.nothing)
