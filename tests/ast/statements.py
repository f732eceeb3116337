# Control flow, exceptions, with, assert, del, imports, global.
import os
import os.path as p, sys
from . import x
from ..pkg.mod import (a, b as c,)
from ... import y
from .... import z
from mod import *
if a:
    pass
elif b:
    x = 1
elif c:
    x = 2
else:
    x = 3
while x < 10:
    x += 1
    if x == 5:
        break
    continue
else:
    pass
for i, (j, k) in enumerate(z):
    print(i)
else:
    print("done")
for x, in y: pass
try:
    risky()
except ValueError as e:
    raise RuntimeError("bad") from e
except (TypeError, KeyError):
    raise
except:
    pass
else:
    ok()
finally:
    cleanup()
try:
    pass
finally:
    pass
with open(f) as fh, lock, ctx() as (a, b):
    pass
with a as b.c, d as e[0]:
    pass
assert x
assert x > 0, "positive"
del a, b[0], c.d
del (e, f), [g]
global gx, gy
x = y = z = 0
a, b = b, a
[a, *b] = c
*a, b = c
x: int
x.y: int = 1
(x): int = 2
x[0]: list
a -= 1; a *= 2; a /= 3; a //= 4; a %= 5; a **= 6
a <<= 1; a >>= 2; a &= 3; a |= 4; a ^= 5; a @= m
def f():
    return 1, 2
