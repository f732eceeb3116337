# -E: the interpreter ignores the environment variables that configure it (PYTHONPATH for CPython,
# MINIPYPATH for minipy), and sys.flags.ignore_environment says so.
import os
import subprocess
import sys

extra = os.path.abspath("no_such_dir_for_E")
env = dict(os.environ, PYTHONPATH=extra, MINIPYPATH=extra)
code = "import sys; print(sys.flags.ignore_environment, %r in sys.path)" % extra
for options in ([], ["-E"]):
    result = subprocess.run([sys.executable] + options + ["-c", code], env=env, capture_output=True, text=True)
    print(options, result.stdout.strip(), result.returncode)
print(sys.flags.ignore_environment)
