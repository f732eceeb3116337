# Float arithmetic whose operands are temporaries (minipy reuses a float that only the stack holds
# for the result): every value anyone can still see keeps its own value.
vals = [1.5, 2.5]
r = vals[0] * 2.0 + vals[1]
print(vals, r)


def poly(a, b):
    return a * b + a * a - b / a


x = 1.25
print(poly(x, 3.0), x)

t = (x * 2.0, x * 2.0)
print(t, t[0] is t[1])

acc = [0.0] * 3
for i in range(5):
    acc[i % 3] += i * 0.5 + 0.25
print(acc)

d = {"k": 4.0}
d["k"] -= d["k"] * 0.5 - 1.0
print(d)

a = 3.0
b = a
a += 1.0
print(a, b)

y = 2.0
z = (y + 1.0) * (y - 1.0) / (y + 0.0)
print(y, z)

chain = 1.0
results = []
for _ in range(4):
    chain = chain * 1.5 + 0.5
    results.append(chain)
print(results)


class Boxed:
    def __init__(self, v):
        self.v = v


bx = Boxed(2.0)
w = bx.v * bx.v + bx.v
print(bx.v, w)
print(sum(v * v for v in [0.5, 1.5, 2.5]), 7.0 / 2.0 * 2.0 - 0.5)
