# With -W options, -X dev or PYTHONWARNINGS, warnings is imported at start-up (CPython's
# init_interp_main), so a bad option is reported before the program runs; without them it is not.
import os
import subprocess
import sys

check = "import sys; print('warnings' in sys.modules)"
env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
for args, extra in [([], {}), (["-Wi"], {}), (["-X", "dev"], {}), ([], {"PYTHONWARNINGS": "ignore"}),
                    (["-Wnosuchaction"], {}), (["-W", "error::Foo"], {}), (["-Werror::DeprecationWarning"], {})]:
    run = subprocess.run([sys.executable, *args, "-c", check], env=dict(env, **extra), capture_output=True,
                         text=True)
    print(args, extra, run.returncode, run.stdout.strip(), run.stderr.strip())
run = subprocess.run([sys.executable, "-Wi", "-c", "import sys; sys.modules['warnings'].warn('foo', RuntimeWarning)"],
                     env=env, capture_output=True, text=True)
print(run.returncode, repr(run.stderr))
