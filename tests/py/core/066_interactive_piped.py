# `-i` with standard input a pipe, as CPython runs it: the prompts (">>> ", "... ") and the banner
# go to stderr, stdout carries the program's output alone, a traceback does not end the session,
# and the end of the input writes a newline to stderr; after a script, its globals are there.
import os
import subprocess
import sys
import tempfile

entries = "print(1)\nif 1:\n  print(2)\n\n1/0\nprint('after')\nx = 6 * 7\nx\n"


def run(*args, stdin=entries, merge=False):
    done = subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True)
    print("stdout:", repr(done.stdout))
    err = done.stderr
    print("stderr prompts:", err.count(">>> "), err.count("... "), repr(err[-5:]),
          "ZeroDivisionError" in err, "Type \"help\"" in err)
    print("status", done.returncode)


run("-i", "-q")
run("-i")
script = os.path.join(tempfile.mkdtemp(), "script.py")
with open(script, "w") as f:
    f.write("value = 'from the script'\nprint('script ran')\n")
run("-i", "-q", script, stdin="print(value)\nraise SystemExit(4)\n")
