# Calling a function with a keyword it has no parameter for.
def f(a, b=2):
    return a + b

print(f(1, b=3))
f(1, z=3)
