# Closures bound in a module's globals or in a class (as a method, a staticmethod, a classmethod or a
# property) are freed once rebound, in both flavors: a closure's cells may hold anything, its own
# class included (super()), so binding one never makes it live forever.
import gc
import weakref


def make(i):
    def f():
        return i

    return f


refs = []
for i in range(200):
    g = make(i)  # a module global, rebound each time
    refs.append(weakref.ref(g))
print(g(), sum(r() is not None for r in refs))


class Holder:
    pass


wrapped = []
for i in range(50):
    f = make(i)
    Holder.method = f
    Holder.static = staticmethod(make(i))
    Holder.cls = classmethod(make(i))
    Holder.prop = property(make(i))
    wrapped.append(weakref.ref(f))
    del f
print(Holder.method(), sum(r() is not None for r in wrapped))


def class_with_super(i):
    class Base:
        def who(self):
            return "base"

    class Sub(Base):
        def who(self):
            return "sub %d %s" % (i, super().who())

    return Sub


classes = []
for i in range(100):
    Current = class_with_super(i)  # a module global, rebound each time
    classes.append(weakref.ref(Current))
gc.collect()
print(Current().who(), sum(r() is not None for r in classes))
