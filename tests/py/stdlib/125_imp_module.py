# The deprecated imp module (CPython's imp.py, unchanged) over minipy's importlib and _imp:
# find_module/load_module, load_source, reload, is_builtin, new_module, get_suffixes, init_builtin.
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import imp
import os, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "legacy_mod.py"), "w") as f:
    f.write("VALUE = 7\n")
f, path, desc = imp.find_module("legacy_mod", [d])
print(os.path.basename(path), desc)
m = imp.load_module("legacy_mod", f, path, desc)
f.close()
print(m.VALUE, m.__name__)
print(imp.load_source("legacy2", os.path.join(d, "legacy_mod.py")).VALUE)
import sys
sys.path.insert(0, d)
print(imp.reload(m) is m, imp.is_builtin("sys"), imp.new_module("nm").__name__)
print([s for s in imp.get_suffixes() if s[0] == ".py"])
try:
    imp.find_module("no_such_module_xyz")
except ImportError as e:
    print("ImportError:", e)
print(imp.init_builtin("posix").__name__ if hasattr(imp, "init_builtin") else "no init_builtin")
