# `o.__dict__ = d` and `del o.__dict__` on instances of classes derived from built-in types.
import gc
class S(str): pass
s = S("a"); s.x = 1
s.__dict__ = {"y": 2}
print(s.__dict__, hasattr(s, "x"), s.y, "__dict__" in s.__dict__)
del s.__dict__
print(s.__dict__)
try:
    s.__dict__ = 5
except TypeError as e:
    print(e)
class F(float): pass
f = F(1.5); d = {"k": 1}; f.__dict__ = d; d["j"] = 2
print(f.j, f.__dict__ is d)
class I(int): pass
i = I(3); i.__dict__ = {"z": i}; del i
print(gc.collect())
