# A module's __annotations__ as CPython 3.11's module type gives it: an empty dict made on first read
# and kept in its __dict__; set and deleted through the dict, AttributeError('__annotations__') when
# there is none to delete.
import types, json
m = types.ModuleType('m')
print(m.__dict__.get('__annotations__'), m.__annotations__, '__annotations__' in m.__dict__)
m.__annotations__ = 5; print(m.__annotations__)
del m.__annotations__; print(m.__annotations__)
del m.__annotations__
try:
    del m.__annotations__
except AttributeError as e:
    print("AttributeError", e)
x: int = 1
import sys
print(sys.modules[__name__].__annotations__)
print(json.__annotations__)
