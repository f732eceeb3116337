# ImportError(*args, name=None, path=None): the keyword arguments become attributes, msg is the
# sole argument; other keywords and other exceptions' keywords are refused with CPython's texts.
e = ImportError("m")
print(e.name, e.path, e.msg)
e = ImportError("a", "b")
print(e.msg, str(e))
e = ImportError("m", name="n", path="p")
print(e.name, e.path, repr(e), e.__reduce__())
e = ModuleNotFoundError("gone", name="gone")
print(type(e).__name__, e.name, e.path, e.msg)
for make in (lambda: ImportError("m", bogus=1), lambda: ValueError("x", name="n")):
    try:
        make()
    except TypeError as x:
        print("TypeError:", x)
try:
    import no_such_module_here
except ImportError as x:
    print(type(x).__name__, x.name, x.msg)
