# __slots__ classes, class attributes read through a metaclass, and built-in methods, through
# cached lookups that then see changes.


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm(self):
        return self.x * self.x + self.y * self.y


def total(ps):
    return sum(p.norm() for p in ps)


ps = [P(i, i + 1) for i in range(5)]
print([total(ps) for _ in range(2)])
for p in ps:
    p.x = -p.x
print(total(ps))
try:
    ps[0].z = 1
except AttributeError as e:
    print("AttributeError", e)
del ps[0].x
try:
    ps[0].norm()
except AttributeError as e:
    print("AttributeError", e)


class Q(P):
    pass


q = Q(1, 2)
q.z = 3
print(q.norm(), q.z, q.__dict__)
P.norm = lambda self: "patched norm"
print(q.norm(), [p.norm() for p in ps[1:3]])


class Meta(type):
    registry = "meta registry"

    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class M(metaclass=Meta):
    own = "own"


def info(c):
    return c.registry, c.describe(), c.upper_name, c.own


print([info(M) for _ in range(2)])
M.registry = "shadowed on the class"
print(info(M))
del M.registry
Meta.registry = "changed on the metaclass"
print(info(M))
try:
    M().registry
except AttributeError as e:
    print("AttributeError", e)


# Built-in methods through LOAD_METHOD on list, dict and str, then a subclass overriding one.
def use(lst):
    lst.append(1)
    lst.append(2)
    return lst.pop()


class MyList(list):
    def append(self, v):
        super().append(v * 100)


print([use([]) for _ in range(2)], use(MyList()))
MyList.append = list.append
print(use(MyList()))
