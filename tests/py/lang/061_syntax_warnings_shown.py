# A script's own compile-time warnings are printed on stderr before it runs, with the line they
# point at (the warnings module's default format); DeprecationWarnings for invalid escapes are
# hidden by the default filters. Compiling again (exec) warns again.
x = 5
print("start")
print(x is 1, x is not "five")
print("\d", len("\d"))
assert (x, "never fails")


def f(items):
    return [(1, 2) (3, 4)] if items is () else items


print(f([1]))
exec("y = 1 is x\nprint('exec', y)")
