# -u and PYTHONUNBUFFERED: a child's stdout and stderr reach a pipe line by line while it still
# runs (here it waits on stdin after its first lines, so a buffered child would hang the test), and
# sys.stdout.write_through says so.
import os
import subprocess
import sys

code = (
    "import sys; print('ready', sys.stdout.write_through, sys.stderr.write_through); "
    "sys.stderr.write('err\\n'); sys.stdin.readline(); print('done')"
)
buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
for args, env in [(["-u"], buffered), ([], dict(buffered, PYTHONUNBUFFERED="1"))]:
    child = subprocess.Popen(
        [sys.executable, *args, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    print(args, child.stdout.readline(), child.stderr.readline())
    out, err = child.communicate(b"\n")
    print(out, err, child.returncode)
check = "import sys; print(sys.stdout.write_through)"
out = subprocess.run([sys.executable, "-c", check], capture_output=True, env=buffered)
print(out.stdout)
