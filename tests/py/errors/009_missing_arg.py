# Calling a function without one of its required arguments.
def f(a, b):
    return a + b

f(1)
