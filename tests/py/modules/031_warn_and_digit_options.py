# Start-up options that configure warnings and the int<->str digit limit: -W and PYTHONWARNINGS
# (sys.warnoptions, read by the warnings module), -X int_max_str_digits and PYTHONINTMAXSTRDIGITS
# (sys.flags.int_max_str_digits; a bad value is a fatal error), -E ignoring the variables, and
# sys._xoptions.
import os
import subprocess
import sys

env = {k: v for k, v in os.environ.items() if k not in ("PYTHONWARNINGS", "PYTHONINTMAXSTRDIGITS")}
show = "import sys; print(sys.warnoptions, sys.flags.int_max_str_digits, sys.get_int_max_str_digits())"
warn = "import warnings; warnings.warn('careful', UserWarning); print('after')"
literal = "x = 1\nprint(x is 1)"


def run(options, code, **extra):
    r = subprocess.run([sys.executable] + options + ["-c", code], env=dict(env, **extra),
                       capture_output=True, text=True)
    err = [line for line in r.stderr.splitlines() if line.strip()]
    print(options, sorted(extra.items()), r.returncode, r.stdout.strip(), err[-1] if err else "")


run([], show)
run(["-W", "error"], show)
run(["-Wignore", "-W", "default::DeprecationWarning"], show)
run([], show, PYTHONWARNINGS="error::UserWarning,ignore::DeprecationWarning")
run(["-W", "always"], show, PYTHONWARNINGS="error")
run(["-E"], show, PYTHONWARNINGS="error", PYTHONINTMAXSTRDIGITS="1000")
run([], warn)
run(["-W", "error"], warn)
run(["-W", "ignore::UserWarning"], warn)
run([], literal)
run(["-W", "error"], literal)
run(["-W", "ignore::SyntaxWarning"], literal)
run(["-X", "int_max_str_digits=1000"], show)
run(["-X", "int_max_str_digits=0"], show)
run([], show, PYTHONINTMAXSTRDIGITS="800")
run(["-X", "int_max_str_digits=900"], show, PYTHONINTMAXSTRDIGITS="800")
run(["-X", "int_max_str_digits=700"], "print(len(str(10 ** 699)))\nprint(str(10 ** 700))")
run(["-X", "int_max_str_digits=7"], show)
run(["-X", "int_max_str_digits"], show)
run([], show, PYTHONINTMAXSTRDIGITS="abc")
run(["-X", "int_max_str_digits=800", "-X", "foo=a=b", "-X", "bar"], "import sys; print(sys._xoptions)")
