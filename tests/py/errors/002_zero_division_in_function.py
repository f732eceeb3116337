# ZeroDivisionError raised inside a function called from module level: a traceback with two frames.
def ratio(a, b):
    return a / b

print(ratio(1, 2))
print(ratio(1, 0))
