# sys.meta_path is walked by every import: finders a program adds (importlib.abc.MetaPathFinder,
# importlib.abc.Loader) are asked in their place among BuiltinImporter, FrozenImporter and
# PathFinder; packages from a finder, relative imports inside them, a finder with only the
# find_module of old, a loader with only load_module, errors raised while loading, and
# importlib.util.find_spec answering through the same finders.
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings

SOURCES = {
    "virtual": "X = 1\ndef hello():\n    return 'hello from ' + __name__\n",
    "virtual_pkg": "from .inner import Y\nfrom . import sibling\n",
    "virtual_pkg.inner": "Y = 42\n",
    "virtual_pkg.sibling": "Z = __package__\n",
    "broken_virtual": "raise ValueError('broken on purpose')\n",
    "json": "SHADOWED = True\n",  # never asked: the PathFinder before it finds CPython's json
}


class DictFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in SOURCES:
            return None
        is_package = any(name.startswith(fullname + ".") for name in SOURCES)
        spec = importlib.util.spec_from_loader(fullname, DictLoader(), is_package=is_package)
        if is_package:
            spec.submodule_search_locations = []
        return spec


class DictLoader(importlib.abc.Loader):
    def exec_module(self, module):
        exec(SOURCES[module.__name__], module.__dict__)


class Recorder:
    def __init__(self):
        self.asked = []

    def find_spec(self, fullname, path, target=None):
        self.asked.append((fullname, path is None))
        return None


class OldFinder:
    """A finder written before find_spec: find_module and a loader with load_module only."""

    def find_module(self, fullname, path=None):
        return OldLoader() if fullname == "old_style" else None


class OldLoader:
    def load_module(self, fullname):
        module = type(sys)(fullname)
        module.VALUE = "loaded by load_module"
        sys.modules[fullname] = module
        return module


OURS = {"BuiltinImporter", "FrozenImporter", "PathFinder", "DictFinder", "Recorder", "OldFinder"}


def names(finders):
    """The finders' names, leaving out those a site installed (setuptools' DistutilsMetaFinder)."""
    found = [f.__name__ if isinstance(f, type) else type(f).__name__ for f in finders]
    return [name for name in found if name in OURS]


print(names(sys.meta_path))

finder = DictFinder()
sys.meta_path.insert(0, finder)
recorder = Recorder()
sys.meta_path.append(recorder)
sys.meta_path.append(OldFinder())

import virtual  # noqa: E402
print(virtual.X, virtual.hello(), virtual.__spec__.name, type(virtual.__loader__).__name__)
print(virtual.__spec__.origin, getattr(virtual, "__file__", "no __file__"))

import virtual_pkg  # noqa: E402
print(virtual_pkg.Y, virtual_pkg.inner.Y, virtual_pkg.sibling.Z, virtual_pkg.__path__)
print(virtual_pkg.__package__, virtual_pkg.inner.__package__)
from virtual_pkg import inner  # noqa: E402
print(inner is sys.modules["virtual_pkg.inner"])

try:
    import broken_virtual  # noqa: F401
except ValueError as e:
    print("ValueError:", e, "broken_virtual" in sys.modules)

sys.meta_path.remove(finder)
sys.meta_path.insert(sys.meta_path.index(importlib.machinery.PathFinder) + 1, finder)
print(names(sys.meta_path))  # after PathFinder: json comes from CPython's Lib
import json  # noqa: E402
print(hasattr(json, "SHADOWED"), hasattr(json, "dumps"))

try:
    import no_such_module_here  # noqa: F401
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
print(recorder.asked)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import old_style
print(old_style.VALUE, old_style.__loader__.__class__.__name__, old_style.__spec__.name)
print(sorted({w.category.__name__ for w in caught}))

print(importlib.util.find_spec("virtual").name, importlib.util.find_spec("virtual_pkg.inner").name)
print(importlib.util.find_spec("nowhere_at_all"))
spec = importlib.util.find_spec("email")
print(spec.name, type(spec.loader).__name__, spec.submodule_search_locations[0].endswith("email"))
spec = importlib.util.find_spec("email.mime")
print(spec.name, spec.parent, spec.origin.endswith("email/mime/__init__.py"))
print(importlib.util.find_spec("posix").origin)
try:
    importlib.util.find_spec("json.decoder.nothing")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

del sys.modules["virtual"]
sys.meta_path.remove(finder)
try:
    import virtual  # noqa: F811
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
