# __spec__ and __loader__ of modules run from .py files, as CPython's path finder gives them: a
# ModuleSpec (name, SourceFileLoader, origin, cached, parent, has_location; a package's
# submodule_search_locations is its __path__), a namespace package's spec without origin, and
# __main__'s __spec__ of None for a script.
import importlib.machinery
import importlib.util
import json
import os
import sys
import tempfile

import __main__

top = tempfile.mkdtemp()
for path, text in [("pkg/__init__.py", "x = __spec__.name\n"), ("pkg/sub.py", "parent = __spec__.parent\n"),
                   ("nspkg/m.py", "z = 3\n"), ("plain.py", "w = __loader__.name\n")]:
    os.makedirs(os.path.join(top, os.path.dirname(path)), exist_ok=True)
    with open(os.path.join(top, path), "w") as f:
        f.write(text)
sys.path.insert(0, top)

import nspkg  # noqa: E402
import nspkg.m  # noqa: E402
import pkg  # noqa: E402
import pkg.sub  # noqa: E402
import plain  # noqa: E402


def rel(p):
    return p.replace(top, "TOP") if isinstance(p, str) else p


for m in (pkg, pkg.sub, nspkg.m, plain):
    s = m.__spec__
    print(m.__name__, s.name, type(s.loader).__name__, rel(s.origin), [rel(p) for p in s.submodule_search_locations or []],
          s.has_location, repr(s.parent), m.__loader__ is s.loader, rel(m.__file__) == rel(s.origin))
print(pkg.x, pkg.sub.parent, plain.w, pkg.__spec__.submodule_search_locations is pkg.__path__)
print(pkg.__loader__.name, rel(pkg.__loader__.path), pkg.__loader__.is_package("pkg"), plain.__loader__.is_package("plain"))
print(rel(plain.__loader__.get_filename()), plain.__loader__.get_source("plain"), end="")
print(nspkg.__spec__.name, nspkg.__spec__.origin, nspkg.__spec__.has_location, nspkg.__file__, list(nspkg.__spec__.submodule_search_locations) == [os.path.join(top, "nspkg")])
print(isinstance(json.__loader__, importlib.machinery.SourceFileLoader), json.__spec__.origin.endswith("json/__init__.py"))
print(importlib.util.find_spec("plain").name, __main__.__spec__, type(math := sys.modules["sys"].__spec__.loader).__name__)
