# A submodule read through its package while its own import runs: "cannot access submodule"
# (CPython's spec._uninitialized_submodules); and a package that puts another object in
# sys.modules in its place (with a __path__ attribute): its submodules import through that object,
# and one that refuses the attribute gets an ImportWarning instead.
import os
import sys
import tempfile
import warnings

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)


def write(relative, text):
    path = os.path.join(folder, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


write("cyc87/__init__.py", "")
write("cyc87/sub/__init__.py", "")
write("cyc87/sub/parent/__init__.py", "import cyc87.sub.parent.child\n")
write("cyc87/sub/parent/child.py", "import cyc87.sub.parent\n\ncyc87.sub.parent\n")
try:
    import cyc87.sub.parent  # noqa: F401
except AttributeError as e:
    print("AttributeError:", e)

write("standin87/__init__.py", """import sys


class StandIn:
    __slots__ = ['__name__', '__path__', '__spec__', '__file__', '__loader__', '__package__']

    def __init__(self):
        for name in self.__slots__:
            setattr(self, name, globals()[name])


sys.modules[__name__] = StandIn()
""")
write("standin87/x.py", "VALUE = 'x of the stand-in'\n")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from standin87 import x
print(type(sys.modules["standin87"]).__name__, x.VALUE)
print([str(w.message) for w in caught if w.category is ImportWarning])
