# importlib.util.LazyLoader (a module that runs on its first attribute use), namespace packages
# whose __path__ follows sys.path (_NamespacePath), spec_from_loader with a loader that names its
# file, spec.cached, and the deprecated API 3.11 still has: importlib.find_loader,
# find_module/load_module on the finders, module_for_loader, set_package and set_loader.
import importlib
import importlib.machinery
import importlib.util
import os
import sys
import tempfile
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
sys.pycache_prefix = None  # the test harness sets one; CPython's default has none
folder = tempfile.mkdtemp()
os.chdir(folder)


def write(relative, text):
    os.makedirs(os.path.dirname(relative) or ".", exist_ok=True)
    with open(relative, "w") as f:
        f.write(text)


write("lazy_target.py", "print('lazy_target runs')\nVALUE = 'eager value'\nOTHER = 1\n")
sys.path.insert(0, folder)
spec = importlib.util.find_spec("lazy_target")
spec.loader = importlib.util.LazyLoader(spec.loader)
module = importlib.util.module_from_spec(spec)
sys.modules["lazy_target"] = module
spec.loader.exec_module(module)
print("made:", type(module).__name__ != "module")
module.OTHER = "set before the load"
print(module.VALUE, module.OTHER, type(module).__name__)
try:
    importlib.util.LazyLoader(object())
except TypeError as e:
    print("TypeError:", e)
factory = importlib.util.LazyLoader.factory(importlib.machinery.SourceFileLoader)
print(type(factory("x", "x.py")).__name__)

write("a/ns_pkg/one.py", "NAME = 'one'\n")
write("b/ns_pkg/two.py", "NAME = 'two'\n")
sys.path.insert(0, os.path.join(folder, "a"))
import ns_pkg.one  # noqa: E402
print(type(ns_pkg.__path__).__name__, [os.path.relpath(p, folder) for p in ns_pkg.__path__])
print(ns_pkg.__file__, ns_pkg.__spec__.origin, type(ns_pkg.__loader__).__name__)
sys.path.append(os.path.join(folder, "b"))
import ns_pkg.two  # noqa: E402
print(ns_pkg.one.NAME, ns_pkg.two.NAME, [os.path.relpath(p, folder) for p in ns_pkg.__path__])
print(len(ns_pkg.__path__), os.path.join(folder, "b", "ns_pkg") in ns_pkg.__path__)
try:
    importlib.find_loader("ns_pkg.three")
    print("no loader: None")
except ImportError as e:
    print("ImportError:", e)

print(importlib.find_loader("lazy_target").__class__.__name__)
print(importlib.find_loader("not_a_module_at_all"))
try:
    sys.modules["no_loader"] = type(sys)("no_loader")
    sys.modules["no_loader"].__loader__ = None
    importlib.find_loader("no_loader")
except ValueError as e:
    print("ValueError:", e)

loader = importlib.machinery.SourceFileLoader("by_loader", os.path.join(folder, "lazy_target.py"))
spec = importlib.util.spec_from_loader("by_loader", loader)
print(spec.origin == loader.path, spec.has_location, os.path.relpath(spec.cached, folder).replace(
    sys.implementation.cache_tag, "TAG"))
print(importlib.util.spec_from_loader("pkg_spec", loader, is_package=True).submodule_search_locations == [folder])
print(importlib.machinery.BuiltinImporter.find_module("posix").__name__,
      importlib.machinery.BuiltinImporter.find_module("json"))
print(importlib.machinery.PathFinder.find_module("lazy_target").__class__.__name__)
print(importlib.machinery.FrozenImporter.find_module("anything"))
finder = importlib.machinery.FileFinder(folder, (importlib.machinery.SourceFileLoader, [".py"]))
print(finder.find_module("lazy_target").__class__.__name__, finder.find_module("missing"))
loader, portions = finder.find_loader("a")
print(loader, [os.path.relpath(p, folder) for p in portions])
print(os.path.isabs(importlib.machinery.FileFinder("a").path))


class OldLoader:
    def is_package(self, name):
        return name == "oldpkg"

    @importlib.util.module_for_loader
    def load_module(self, module):
        module.seen = module.__name__, module.__package__, type(module.__loader__).__name__
        return module


print(OldLoader().load_module("oldpkg").seen, "oldpkg" in sys.modules)


@importlib.util.set_package
def make_package_module():
    m = type(sys)("pkg.sub")
    m.__package__ = None
    return m


print(repr(make_package_module().__package__))
