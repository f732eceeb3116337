# Development mode, -X dev or PYTHONDEVMODE (CPython's): sys.flags.dev_mode, "default" first in
# sys.warnoptions (so every warning shows: here a DeprecationWarning outside __main__), asyncio's
# debug mode; -E ignores the variable. (minipy's files do not give ResourceWarning when dropped open.)
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "PYTHONDEVMODE", "PYTHONASYNCIODEBUG")}
show = ("import sys, asyncio.coroutines; print(sys.flags.dev_mode, sys.warnoptions, sys._xoptions, "
        "asyncio.coroutines._is_debug_mode())")
warn = ("import warnings\n"
        "exec('import warnings\\nwarnings.warn(\"old\", DeprecationWarning)', {'__name__': 'elsewhere'})\n"
        "print('done')")


def run(options, code, **extra):
    r = subprocess.run([sys.executable] + options + ["-c", code], env=dict(env, **extra),
                       capture_output=True, text=True)
    err = [line for line in r.stderr.splitlines() if line.strip()]
    print(options, sorted(extra.items()), r.returncode, r.stdout.strip(), err)


run([], show)
run(["-X", "dev"], show)
run(["-X", "dev", "-W", "error"], show)
run([], show, PYTHONDEVMODE="1")
run(["-E"], show, PYTHONDEVMODE="1")
run([], show, PYTHONASYNCIODEBUG="1")
run(["-E"], show, PYTHONASYNCIODEBUG="1")
run([], warn)
run(["-X", "dev"], warn)
