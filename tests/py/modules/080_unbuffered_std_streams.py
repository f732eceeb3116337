# Under -u or PYTHONUNBUFFERED, sys.stdout.buffer and sys.stderr.buffer are the raw FileIO (stdin's
# stays buffered), as CPython's; otherwise they are BufferedWriters. Unbuffered, bytes and text come
# out in the order they were written.
import os
import subprocess
import sys

probe = ("import sys; print(type(sys.stdout.buffer).__name__, type(sys.stderr.buffer).__name__, "
         "type(sys.stdin.buffer).__name__)")
in_order = "import sys; sys.stdout.write('a'); sys.stdout.buffer.write(b'b'); print('c')"
env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
for args, extra in (([], {}), (["-u"], {}), ([], {"PYTHONUNBUFFERED": "1"})):
    out = subprocess.run([sys.executable] + args + ["-c", probe], env=dict(env, **extra), capture_output=True,
                         text=True, stdin=subprocess.DEVNULL)
    print(args, extra, out.stdout.split("\n"), out.returncode)
    if args or extra:
        out = subprocess.run([sys.executable] + args + ["-c", in_order], env=dict(env, **extra), capture_output=True,
                             text=True, stdin=subprocess.DEVNULL)
        print(out.stdout.split("\n"))
