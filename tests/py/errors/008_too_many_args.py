# Calling a function with more positional arguments than it takes.
def f(a, b):
    return a + b

print(f(1, 2))
f(1, 2, 3)
