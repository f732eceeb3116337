# *args and **kwargs in definitions, and * / ** unpacking at call sites.
def total(*args):
    print(type(args).__name__, args)
    return sum(args)
print(total(), total(1), total(1, 2, 3))
def show(**kwargs):
    for k in kwargs:
        print(k, "=", kwargs[k])
    return len(kwargs)
print(show(), show(b=1, a=2))
def everything(a, b=2, *rest, c, d=4, **extra):
    return [a, b, rest, c, d, extra]
print(everything(1, c=3))
print(everything(1, 2, 3, 4, 5, c=6, e=7, f=8))
nums = [4, 5, 6]
def three(x, y, z):
    return x * 100 + y * 10 + z
print(three(*nums), three(1, *[2, 3]), three(*(7, 8, 9)))
opts = {"y": 2, "z": 3}
print(three(1, **opts), three(**{"x": 9, "y": 8, "z": 7}))
def passthrough(*args, **kwargs):
    return three(*args, **kwargs)
print(passthrough(1, z=3, y=2))
print(max(*[3, 9, 2]), "-".join([*"ab", *"cd"]))
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged, [*range(3), *[9]])
