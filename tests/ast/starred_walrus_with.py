# Python 3.9-3.11 syntax: PEP 646 starred subscripts and *args annotations, walrus in subscripts and
# displays, parenthesized context managers, \N{...} escapes.
x[*a]
x[*a, b] = c
tuple[int, *Ts]
def f(*args: *Ts, **kw: int) -> tuple[*Ts]: pass
d[i := 0]
d[i := 0, j := 1]
{y := 1, 2}
[z := 1, z]
f(w := v for v in u)
with (open(a) as f, open(b) as g,):
    pass
with (a, b):
    pass
with (a):
    pass
with (a, b) as c:
    pass
with (yield):
    pass
s = "\N{EM DASH} and \N{latin small letter a}"
