# A module found through a relative sys.path entry ('' and '.' are the current folder, 'lib' and
# './lib/../lib' are joined to it, not normalised) has an absolute __file__, spec origin and
# co_filename, as CPython's FileFinder makes them; tracebacks show that path.
import os
import sys
import traceback

cwd = os.getcwd()
for entry, name in (("lib", "where"), ("./lib/../lib", "where"), ("", "lib.where"), (".", "lib.where")):
    sys.path.insert(0, entry)
    sys.modules.pop("where", None)
    sys.modules.pop("lib.where", None)
    sys.modules.pop("lib", None)
    module = __import__(name, fromlist=["fail"])
    sys.path.remove(entry)
    print(repr(entry), os.path.isabs(module.__file__), module.__file__.replace(cwd, "<cwd>"))
    print(module.__spec__.origin == module.__file__, module.fail.__code__.co_filename == module.__file__)
    try:
        module.fail()
    except ValueError:
        print(traceback.format_exc().replace(cwd, "<cwd>").splitlines()[-3])
print(sys.modules["lib"].__path__[0].replace(cwd, "<cwd>"))
