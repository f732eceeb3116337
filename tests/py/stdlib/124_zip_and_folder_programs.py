# Zip archives on sys.path (zipimport through sys.path_hooks: modules, packages, a package's
# submodule, __file__ inside the archive, a .pyc-only module refused), and a folder or a zip archive
# (zipapp's, after a #! line) given as the program: its __main__.py runs with the entry first on
# sys.path; without one, CPython's "can't find '__main__' module" and exit status 1.
import os
import subprocess
import sys
import tempfile
import zipfile
import zipapp

folder = tempfile.mkdtemp()
os.chdir(folder)
library = os.path.join(folder, "lib.zip")
with zipfile.ZipFile(library, "w") as z:
    z.writestr("zmod.py", "def f():\n    return 'zipped ' + __name__\n")
    z.writestr("zpkg/__init__.py", "from .inner import VALUE\n")
    z.writestr("zpkg/inner.py", "VALUE = 5\n")
    z.writestr("compiled_only.pyc", b"\x00" * 32)
sys.path.insert(0, library)
import zmod  # noqa: E402
import zpkg  # noqa: E402
import zpkg.inner  # noqa: E402
print(zmod.f(), zpkg.VALUE, zpkg.inner.VALUE, type(zmod.__loader__).__name__)
print(os.path.relpath(zmod.__file__, folder), os.path.relpath(zpkg.__path__[0], folder))
try:
    import compiled_only  # noqa: F401
except ImportError as e:
    print(type(e).__name__)
import importlib.util  # noqa: E402
print(importlib.util.find_spec("zpkg.inner").name, type(sys.path_importer_cache[library]).__name__)

app = os.path.join(folder, "app")
os.mkdir(app)
with open(os.path.join(app, "__main__.py"), "w") as f:
    f.write("import sys, helper\n"
            "print('running', __name__, __package__ == '', type(__loader__).__name__, helper.NAME)\n"
            "print(sys.argv[1:], sys.path[0] == sys.argv[0] or sys.path[0].endswith(sys.argv[0]))\n"
            "sys.exit(3)\n")
with open(os.path.join(app, "helper.py"), "w") as f:
    f.write("NAME = 'helper from ' + __file__.rsplit('/', 2)[-2]\n")
zipapp.create_archive(app, os.path.join(folder, "app.pyz"), interpreter="/usr/bin/env python3")
os.mkdir(os.path.join(folder, "empty"))


def run(*args):
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    print(done.stdout, end="")
    if done.stderr:
        print("stderr:", done.stderr.splitlines()[-1].replace(sys.executable, "EXE").replace(folder, "DIR"))
    print("status", done.returncode)


run("app", "one", "two")
run("app.pyz", "three")
run("empty")
