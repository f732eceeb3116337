# -E: the interpreter ignores the environment variables that configure it (PYTHONPATH for CPython,
# MINIPYPATH for minipy), and sys.flags.ignore_environment says so. -I (isolated) implies it and
# leaves the current folder off sys.path; -s is accepted.
import os
import subprocess
import sys

extra = os.path.abspath("no_such_dir_for_E")
env = dict(os.environ, PYTHONPATH=extra, MINIPYPATH=extra)
code = ("import sys; f = sys.flags; print(f.ignore_environment, f.isolated, f.no_user_site, %r in sys.path, "
        "'' in sys.path)" % extra)
for options in ([], ["-E"], ["-I"], ["-s"], ["-E", "-s"]):
    result = subprocess.run([sys.executable] + options + ["-c", code], env=env, capture_output=True, text=True)
    print(options, result.stdout.strip(), result.returncode)
print(sys.flags.ignore_environment)
