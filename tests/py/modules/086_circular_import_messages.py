# A module read while its own import is still running is "partially initialized": a missing
# attribute says so (AttributeError), and so does `from m import name` (ImportError); the
# ImportError of `from m import missing` carries the module's name and file (name, path), as
# CPython's import_from.
import os
import sys
import tempfile

folder = tempfile.mkdtemp()
sys.path.insert(0, folder)
with open(os.path.join(folder, "circ_a.py"), "w") as f:
    f.write("import circ_b\ndef spam():\n    return 'spam'\n")
with open(os.path.join(folder, "circ_b.py"), "w") as f:
    f.write("import circ_a\n"
            "try:\n    circ_a.spam()\nexcept AttributeError as e:\n    print('AttributeError:', e)\n"
            "try:\n    from circ_a import spam\n"
            "except ImportError as e:\n    print('ImportError:', str(e).replace(e.path, 'PATH'), e.name)\n")
import circ_a  # noqa: E402
print(circ_a.spam(), circ_a.circ_b.circ_a is circ_a)
try:
    circ_a.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from os import i_dont_exist  # noqa: F401
except ImportError as e:
    print(e, e.name, e.path)
try:
    from os.path import i_dont_exist  # noqa: F401,F811
except ImportError as e:
    print(e.name, e.path)
