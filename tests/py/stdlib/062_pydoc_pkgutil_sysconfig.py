# What pydoc needs at import (test_enum imports it): pkgutil (functools.singledispatch, registered
# for importlib.machinery.FileFinder), sysconfig's paths (sys.platlibdir, sys.abiflags and the
# build-variables module), importlib._bootstrap(_external)'s file loaders.
import importlib.machinery
import os
import pkgutil
import pydoc
import sys
import sysconfig

print(sysconfig.get_path("stdlib") == os.path.dirname(os.__file__), sys.platlibdir, repr(sys.abiflags))
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib")
print(importlib.machinery.FileFinder(here).find_spec("bisect"))
details = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
finder = importlib.machinery.FileFinder(os.path.dirname(os.__file__), details)
spec = finder.find_spec("bisect")
print(spec.name, os.path.basename(spec.origin), type(spec.loader).__name__, finder.find_spec("no_such_module_x"))
print(sorted(name for _, name, _ in pkgutil.iter_modules([os.path.dirname(__import__("json").__file__)])))
module = pydoc.importfile(os.path.join(os.path.dirname(os.__file__), "bisect.py"))
print(module.__name__, module.bisect_left([1, 2, 3], 2), pydoc.synopsis(module.__file__))
print(pydoc.describe(pydoc), pydoc.describe(len), pydoc.describe(int))
package = finder.find_spec("json")
print(os.path.basename(package.origin), package.submodule_search_locations == [os.path.dirname(package.origin)])
