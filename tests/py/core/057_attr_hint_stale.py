# Instance attribute loads and stores through one code site while the layouts under its caches
# change: the site remembers where in an instance's __dict__ it last found the name (objects/
# containers.h, dict_get_str_hinted) and what the name is on the class (vm/attr_cache.h). Every
# answer must be what a fresh lookup gives, as in CPython.


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


def get_m(o):
    return o.m


def call_m(o):
    return o.m()


class A:
    def __init__(self, x):
        self.x = x


class B:
    def __init__(self, x):
        self.a = 1
        self.b = 2
        self.x = x


# Many layouts through one site: the position hint changes with the class and must never give
# another attribute's value.
objs = [A(1), B(2), A(3), B(4)]
for o in objs * 3:
    set_x(o, get_x(o) + 10)
print([get_x(o) for o in objs])

# Deleted attributes: the position now holds nothing, or (after a re-add) another position.
a = A(5)
print(get_x(a))
del a.x
try:
    get_x(a)
except AttributeError as e:
    print("AttributeError:", e)
a.y = 7
a.x = 8
print(get_x(a), a.y, list(vars(a)))
del a.y
set_x(a, 9)
print(get_x(a), list(vars(a)))

# The dict compacted by many deletions: entries move.
c = A(0)
for i in range(40):
    setattr(c, "t%d" % i, i)
for i in range(40):
    delattr(c, "t%d" % i)
set_x(c, 11)
print(get_x(c), list(vars(c)))

# __dict__ replaced, and a key that is an equal but distinct str.
d = A(1)
d.__dict__ = {"q": 1, "x": 12}
print(get_x(d))
set_x(d, 13)
print(d.__dict__)
key = "".join(["x"])
d.__dict__ = {key: 14}
print(get_x(d))
set_x(d, 15)
print(d.__dict__)

# __class__ assigned: the class decides afterwards.
class WithProp:
    @property
    def x(self):
        return "property"


e = A(16)
print(get_x(e))
e.__class__ = WithProp
print(get_x(e))
try:
    set_x(e, 17)
except AttributeError as ex:
    print("AttributeError:", ex)
e.__class__ = A
print(get_x(e))

# Class attribute added, shadowed, removed after caching.
class K:
    pass


k = K()
try:
    get_m(k)
except AttributeError as ex:
    print("AttributeError:", ex)
K.m = lambda self: "method"
print(call_m(k))
k.m = lambda: "instance"
print(call_m(k))
del k.m
print(call_m(k))
K.m = 5
print(get_m(k))
del K.m
try:
    call_m(k)
except AttributeError as ex:
    print("AttributeError:", ex)

# A data descriptor added to the class later takes loads and stores from the instance dict.
class L:
    def __init__(self):
        self.x = "instance"


l1 = L()
print(get_x(l1))
set_x(l1, "instance2")
print(get_x(l1))


class Desc:
    def __get__(self, obj, owner):
        return "descriptor"

    def __set__(self, obj, value):
        print("set via descriptor", value)


L.x = Desc()
print(get_x(l1))
set_x(l1, "v")
print(l1.__dict__)
del L.x
print(get_x(l1))

# __slots__: no __dict__ at all.
class S:
    __slots__ = ("x",)


s = S()
set_x(s, 18)
print(get_x(s))
del s.x
try:
    get_x(s)
except AttributeError as ex:
    print("AttributeError:", ex)

# __getattr__ and __getattribute__ defined after caching.
class G:
    def __init__(self):
        self.x = 19


g = G()
print(get_x(g))
del g.x
G.__getattr__ = lambda self, name: "getattr " + name
print(get_x(g))
g.x = 20
print(get_x(g))
G.__getattribute__ = lambda self, name: "getattribute " + name
print(get_x(g))
del G.__getattribute__
print(get_x(g))
del G.__getattr__
print(get_x(g))

# __setattr__ defined later takes the stores.
class H:
    def __init__(self):
        self.x = 0


h = H()
set_x(h, 1)
H.__setattr__ = lambda self, name, value: print("setattr", name, value)
set_x(h, 2)
print(get_x(h))
del H.__setattr__
set_x(h, 3)
print(get_x(h))

# Values freed as they are replaced, and the same value stored back.
class V:
    def __init__(self):
        self.x = [1]


v = V()
for i in range(5):
    set_x(v, get_x(v))
    set_x(v, [i])
print(get_x(v))

# Instances of a subclass through the same sites.
class Sub(A):
    pass


objs = [Sub(i) for i in range(3)] + [A(9)]
for o in objs:
    set_x(o, get_x(o) * 2)
print([get_x(o) for o in objs])
