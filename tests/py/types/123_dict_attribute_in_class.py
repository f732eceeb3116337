# A class body that defines `__dict__` itself (a property, a plain value) shadows the instances'
# dict for `obj.__dict__` and vars(obj), in the class and its subclasses; attributes still live in
# the real dict.
class Faked:
    @property
    def __dict__(self):
        return {"fake": 1}


f = Faked()
f.x = 5
print(f.__dict__, vars(f), f.x)


class FakedChild(Faked):
    pass


c = FakedChild()
c.y = 2
print(c.__dict__, vars(c), c.y, "__dict__" in FakedChild.__dict__)


class Plain:
    __dict__ = {"class": "attr"}


p = Plain()
p.z = 3
print(p.__dict__, vars(p), p.z)


class Normal:
    pass


n = Normal()
n.w = 4
print(n.__dict__, vars(n), type(Normal.__dict__["__dict__"]).__name__)
n.__dict__ = {"replaced": True}
print(vars(n))
