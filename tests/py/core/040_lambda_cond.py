# lambda expressions and conditional expressions (x if c else y), including nesting.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(sorted([-3, 1, -2, 4], key=lambda v: abs(v)))
def sign(n):
    return "pos" if n > 0 else "neg" if n < 0 else "zero"
print(sign(5), sign(-5), sign(0))
x = 4
print("even" if x % 2 == 0 else "odd", (1 if x else 2) + 10)
compose = lambda f, g: lambda v: f(g(v))
inc_then_sq = compose(sq, lambda v: v + 1)
print(inc_then_sq(3))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
print([("big" if v > 2 else "small") for v in range(5)])
def side(v):
    print("side", v)
    return v
print(side(1) if side(True) else side(2))
print(side(1) if side(False) else side(2))
