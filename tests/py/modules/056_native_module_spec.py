# Native modules look like CPython's built-in modules: __spec__ (origin 'built-in', loader
# BuiltinImporter), __loader__, __package__ '', and dir() lists exactly the module's dict, sorted.
import sys
import math
import time
import importlib.machinery
import importlib.util

for module in (sys, math, time, __import__("builtins"), __import__("_imp")):
    spec = module.__spec__
    print(module.__name__, type(spec).__name__, spec.name, spec.origin, spec.loader.__name__,
          module.__loader__ is spec.loader, repr(module.__package__), spec.parent == "",
          spec.submodule_search_locations, spec.has_location)
    print(dir(module) == sorted(module.__dict__), "__dict__" in dir(module), "__class__" in dir(module))

print(math.__loader__ is importlib.machinery.BuiltinImporter)
print(isinstance(math.__spec__, importlib.machinery.ModuleSpec))
print(importlib.machinery.BuiltinImporter.find_spec("math").origin)
print(importlib.machinery.BuiltinImporter.find_spec("math", ["somewhere"]))
print(importlib.machinery.BuiltinImporter.find_spec("no_such_module"))
print(importlib.machinery.BuiltinImporter.is_package("math"), importlib.machinery.BuiltinImporter.get_code("math"))
print(importlib.util.find_spec("errno").loader is importlib.machinery.BuiltinImporter)
spec = importlib.util.find_spec("errno")
module = importlib.util.module_from_spec(spec)
print(module.__name__, module.__spec__ is spec, module.__loader__ is spec.loader)
try:
    importlib.machinery.BuiltinImporter.create_module(importlib.machinery.ModuleSpec("os", None))
except ImportError as e:
    print("ImportError", e, e.name)
print(sorted(n for n in dir(math) if n.startswith("__")))
