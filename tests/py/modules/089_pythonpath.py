# PYTHONPATH's folders come on sys.path after the script's folder (and MINIPYPATH's), before the
# library folders, as in CPython; -E and -I ignore it.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
    with open(os.path.join(first, "pp_probe.py"), "w") as f:
        f.write("WHERE = 'first'\n")
    with open(os.path.join(second, "pp_probe.py"), "w") as f:
        f.write("WHERE = 'second'\n")
    with open(os.path.join(second, "pp_only_second.py"), "w") as f:
        f.write("WHERE = 'second only'\n")
    env = dict(os.environ, PYTHONPATH=first + os.pathsep + second)
    code = ("import sys, pp_probe, pp_only_second; print(pp_probe.WHERE, pp_only_second.WHERE); "
            "print([p for p in sys.path if p in sys.argv[1:]] == sys.argv[1:])")
    run = subprocess.run([sys.executable, "-c", code, first, second], env=env, capture_output=True, text=True)
    print(run.returncode, run.stdout, run.stderr[-300:])
    for option in ("-E", "-I"):
        run = subprocess.run([sys.executable, option, "-c", "import pp_probe"], env=env, capture_output=True,
                             text=True)
        print(option, run.returncode, run.stderr.strip().splitlines()[-1])
