# Operators, comparisons, conditional expressions, walrus, slices, starred, calls.
x = a + b - c * d / e // f % g ** h @ m
y = -a + +b - ~c
z = not a and b or c and not d
w = a < b <= c > d >= e == f != g
v = a is b, a is not b, a in b, a not in b
u = a | b ^ c & d << 1 >> 2
t = a if b else c if d else e
if (n := len(a)) > 10:
    pass
print(y := 5)
s = a[1], a[1:2], a[:], a[::2], a[1:2:3], a[:-1], a[::], a[1:2, 3], a[...]
r = f(*args, **kwargs), f(a, *b, c=1, **d, e=2)
q = [*a, *b], {*a}, {**a, 'b': 1, **c}, (*a, b)
p = a.b.c[d](e).f
o = (), (1,), [], {}, {1}, {1: 2}
await_like = x ** -y
power = 2 ** 3 ** 4
call = f()(g)[0]
paren = (a)
chain = a.b(c).d[e]
