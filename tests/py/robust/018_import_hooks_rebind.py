# Finders and path hooks are Python code run in the middle of an import: one that rebinds
# sys.meta_path, sys.path or a package's __path__, or changes them in place, must leave the import
# system working (it holds what it walks), as CPython's.
import importlib.abc
import importlib.machinery
import os
import sys
import tempfile
import zipfile


class Rebinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.calls = 0

    def find_spec(self, fullname, path, target=None):
        self.calls += 1
        # A new list for each: nothing else holds the old ones, which the import in progress walks.
        sys.meta_path = list(sys.meta_path)
        sys.path = list(sys.path)
        return None


rebinder = Rebinder()
sys.meta_path.insert(0, rebinder)
import json  # noqa: E402
print(json.dumps([1]), rebinder.calls > 0)
sys.meta_path.remove(rebinder)

folder = tempfile.mkdtemp()
archive = os.path.join(folder, "hooked.zip")
with zipfile.ZipFile(archive, "w") as z:
    z.writestr("in_zip.py", "VALUE = 'from the zip'\n")


def mutating_hook(path):
    # Runs while the native search walks sys.path: the list changes under it.
    sys.path.insert(0, os.path.join(folder, "nowhere"))
    sys.path.append(os.path.join(folder, "elsewhere"))
    raise ImportError("not mine")


sys.path_hooks.insert(0, mutating_hook)
sys.path.insert(0, archive)
import in_zip  # noqa: E402
print(in_zip.VALUE)
sys.path_hooks.remove(mutating_hook)

os.makedirs(os.path.join(folder, "pkg_r18"))
with open(os.path.join(folder, "pkg_r18", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(folder, "pkg_r18", "sub.py"), "w") as f:
    f.write("NAME = __name__\n")
sys.path.insert(0, folder)
import pkg_r18  # noqa: E402


class PathRebinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname == "pkg_r18.sub":
            pkg_r18.__path__ = [os.path.join(folder, "nowhere")]
        return None


sys.meta_path.insert(0, PathRebinder())
import pkg_r18.sub  # noqa: E402
print(pkg_r18.sub.NAME)
