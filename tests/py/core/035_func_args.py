# Default arguments, keyword arguments, keyword-only arguments and evaluation of defaults at def time.
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=4, base=2), power(5, exp=0))
def describe(name, age=0, city="nowhere"):
    return name + " " + str(age) + " " + city
print(describe("ann"))
print(describe("bob", city="paris"))
print(describe(age=30, name="cy"))
def kwonly(a, *, scale=1, offset=0):
    return a * scale + offset
print(kwonly(5), kwonly(5, scale=3), kwonly(5, offset=1, scale=2))
def required_kw(*, key):
    return key
print(required_kw(key="k"))
n = 10
def captured(v=n):
    return v
n = 20
print(captured())
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
def append_fresh(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(append_fresh(1), append_fresh(2))
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
print(f(1, 2), f(1, 2, 30), f(1, c=5, b=6), f(1, 2, d=0))
