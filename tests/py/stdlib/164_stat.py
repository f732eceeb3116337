# _stat, the native half of stat.py: the constants, the S_IS*() tests, S_IMODE/S_IFMT and filemode()
# (a mode without file-type bits is '?', where stat.py's own table gives '-'), with CPython's
# argument errors; and stat.py itself, which takes them over with `from _stat import *`.
import os
import stat
import tempfile

import _stat

names = sorted(n for n in dir(_stat) if not n.startswith("__"))
print(len(names))
for n in names:
    v = getattr(_stat, n)
    print(n, v if isinstance(v, int) else type(v).__name__)

modes = [0o644, 0o100644, 0o40755, 0o120777, 0o20666, 0o60660, 0o10600, 0o140777,
         0o104755, 0o102644, 0o41777, 0o7000, 0o100000, 2**32 - 1, 0, True]
for m in modes:
    tests = [f for f in ("S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "S_ISLNK", "S_ISSOCK",
                         "S_ISDOOR", "S_ISPORT", "S_ISWHT") if getattr(_stat, f)(m)]
    print(oct(m), _stat.filemode(m), oct(_stat.S_IMODE(m)), oct(_stat.S_IFMT(m)), tests)

class Index:
    def __index__(self):
        return 0o40755

for bad in [-1, -2**70, 2**32, 2**63, 2**64, 2**80, 1.5, "x", None, Index()]:
    for f in (_stat.filemode, _stat.S_ISDIR, _stat.S_IMODE, _stat.S_IFMT):
        try:
            print(f(bad))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)

for call in (lambda: _stat.S_ISDIR(), lambda: _stat.filemode(1, 2), lambda: _stat.S_IMODE(mode=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

print(_stat.S_ISDIR.__doc__)
print(_stat.S_ISFIFO.__doc__)
print(_stat.filemode.__doc__)
print(_stat.S_IMODE.__doc__)
print(_stat.S_IFMT.__doc__)
print(repr(_stat.S_ISDIR), _stat.S_ISREG.__name__)

# stat.py uses the native functions.
print(stat.filemode is _stat.filemode, stat.S_ISDIR is _stat.S_ISDIR, stat.filemode(0o644))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f")
    with open(path, "w") as f:
        f.write("x")
    os.chmod(path, 0o640)
    st = os.stat(path)
    print(stat.filemode(st.st_mode), stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode))
    print(stat.filemode(os.lstat(d).st_mode)[0], st[stat.ST_MODE] == st.st_mode)
