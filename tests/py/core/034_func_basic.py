# Functions: definition, return values, implicit None, locals shadowing globals, functions as values.
def add(a, b):
    return a + b
def greet(name):
    print("hello", name)
def nothing():
    pass
print(add(2, 3), add("a", "b"), add([1], [2]))
r = greet("world")
print(r, nothing())
x = 10
def shadow():
    x = 5
    return x
print(shadow(), x)
def early(n):
    if n < 0:
        return "neg"
    for i in range(n):
        if i == 3:
            return "three"
    return "short"
print(early(-1), early(10), early(2))
f = add
print(f(10, 20), f is add)
def apply(fn, v):
    return fn(v)
def square(v):
    return v * v
print(apply(square, 7), list(map(square, [1, 2, 3])))
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
def reads_global():
    return x * 2
print(reads_global())
