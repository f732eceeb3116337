# Method descriptors and slot wrappers of built-in types: __name__, __qualname__, __objclass__ and
# CPython's docstrings ("Return self+value.", "Implement next(self).", the generators' methods).
def g():
    yield


async def c():
    pass


gen, co = g(), c()
objects = [iter([]).__next__, gen.__next__, int.__add__, (1).__add__, int.__radd__, list.__iadd__,
           set.__isub__, set.__ior__, list.__getitem__, dict.__getitem__, tuple.__getitem__,
           str.__getitem__, object.__init__, list.__init__, object.__repr__, type.__call__,
           gen.__iter__, dict.__len__, str.__hash__, int.__lt__, int.__ge__, float.__neg__,
           int.__invert__, int.__bool__, float.__abs__, object.__setattr__, object.__getattribute__,
           list.__contains__, list.__setitem__, list.__delitem__, int.__divmod__, int.__rpow__,
           int.__pow__, int.__lshift__, int.__rfloordiv__, float.__truediv__, int.__xor__,
           gen.send, gen.throw, gen.close, co.send, co.throw, co.close, co.__await__]
for o in objects:
    print(repr(o.__doc__))
co.close()

for d in [list.append, int.__add__, dict.__len__, str.join, object.__init__, list.__getitem__]:
    print(d.__name__, d.__qualname__, d.__objclass__.__name__)
