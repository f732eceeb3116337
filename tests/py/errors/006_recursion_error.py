# Unbounded recursion hits the recursion limit; CPython collapses the repeated frames in its traceback.
def down(n):
    return down(n + 1)

down(0)
