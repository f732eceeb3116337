# A script run from CPython's Lib folder (pydoc.py, a test that runs one) has that folder first on
# sys.path. minipy's own threading, hashlib and importlib still come from its stdlib/: CPython's
# threading.py needs CPython's C internals (it hung at import), and its hashlib the _hashlib module.
import os
import subprocess
import sys
import sysconfig

lib = sysconfig.get_paths()["stdlib"]
script = """
import sys, threading, hashlib, importlib.util, json
done = []
t = threading.Thread(target=lambda: done.append(hashlib.sha256(b"abc").hexdigest()[:16]))
t.start(); t.join()
print(done, json.dumps({"a": [1, 2]}))
print(threading.current_thread().name)
print(sys.path[0] == sys.argv[1])
"""
# The script's own folder first, as `python3 /usr/lib/python3.11/pydoc.py` would have it.
code = "import sys; sys.path.insert(0, sys.argv[1]); exec(sys.argv[2])"
run = subprocess.run([sys.executable, "-c", code, lib, script], capture_output=True, text=True,
                     timeout=60)
print(run.returncode)
print(run.stdout, end="")
print(run.stderr[-500:], end="")

# pydoc itself, run as a script from CPython's Lib.
run = subprocess.run([sys.executable, "-B", os.path.join(lib, "pydoc.py"), "-k", "xyzzy_nothing"],
                     capture_output=True, text=True, timeout=120)
print(run.returncode, repr(run.stdout), run.stderr[-500:])
