# One attribute name read at one place on instances of many classes: the attribute cache keeps an
# entry per type (a few of them), and each entry must follow its own class's changes (a method
# replaced, a property added, an instance attribute shadowing a method) while the others stay.


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"


def make_class(i):
    def describe(self):
        return "C%d.describe" % i

    ns = {"describe": describe} if i % 2 else {}
    ns["kind"] = "k%d" % i
    return type("C%d" % i, (Base,), ns)


classes = [make_class(i) for i in range(7)]
objects = [c() for c in classes] + [Base()]


def read_all(tag):
    # One LOAD_METHOD site and one LOAD_ATTR site, many types.
    print(tag, [o.describe() for o in objects])
    print(tag, [o.kind for o in objects])


read_all("start")
read_all("again")

# A base method replaced: only the classes that inherit it change.
Base.describe = lambda self: "new Base.describe"
read_all("base changed")

# One class gains a property where it had a plain class value.
classes[3].kind = property(lambda self: "property of C3")
read_all("property")

# An instance shadows a method and a class value in its own __dict__.
objects[1].describe = lambda: "instance's own describe"
objects[2].kind = "instance's own kind"
read_all("shadowed")

# A class's bases change under the cache.
class Other:
    kind = "other"

    def describe(self):
        return "Other.describe"


classes[4].__bases__ = (Other,)
read_all("rebased")

# STORE_ATTR through a data descriptor on some types, the instance dict on others.
class Tracked(Base):
    @property
    def value(self):
        return self._value * 10

    @value.setter
    def value(self, v):
        self._value = v


class Plain(Base):
    pass


for cls in [Tracked, Plain, Tracked, Plain, classes[0], classes[5]]:
    o = cls()
    o.value = 4
    print(type(o).__name__, o.value)
