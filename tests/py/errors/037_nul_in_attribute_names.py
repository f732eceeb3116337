# An attribute name holding a NUL (getattr(x, 'a\0b')) appears whole in the AttributeError, as in
# CPython: on instances, classes, modules and a module made by hand.
import types


class Plain:
    pass


for o in ['s', str, types, types.ModuleType('m'), Plain(), Plain, 3]:
    try:
        getattr(o, 'a\x00b')
    except AttributeError as e:
        print(repr(str(e)))
try:
    getattr('x', '%c' % 0)
except AttributeError as e:
    print(repr(str(e)))
