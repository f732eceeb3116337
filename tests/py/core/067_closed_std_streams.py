# A standard stream whose descriptor is closed when the program starts is None in sys (and in
# sys.__stdout__ etc.), as CPython's: print() to a None sys.stdout prints nothing, an uncaught
# exception with sys.stderr None is silent (status 1), and input() says it lost its stream.
import os
import subprocess
import sys

code = """if 1:
    import os, sys
    names = {streams}
    for name in names:
        if getattr(sys, name) is not None or getattr(sys, '__' + name + '__') is not None:
            os._exit(1)
    if 'stdout' in names:
        print('into nothing')
    os._exit(42)"""


def run(streams):
    def close():
        for fd, name in enumerate(["stdin", "stdout", "stderr"]):
            if name in streams:
                os.close(fd)
    p = subprocess.Popen([sys.executable, "-c", code.format(streams=streams)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=close)
    out, err = p.communicate()
    print(streams, p.returncode, out, err)


for streams in (["stdin"], ["stdout"], ["stderr"], ["stdin", "stdout", "stderr"]):
    run(streams)

script = "import sys\nsys.stdout = None\nprint('x')\nsys.stderr = None\nraise ValueError('y')\n"
done = subprocess.run([sys.executable, "-c", script], capture_output=True)
print(done.returncode, done.stdout, done.stderr)
done = subprocess.run([sys.executable, "-c", "import sys\nsys.stdout = None\ninput()"], capture_output=True)
print(done.returncode, done.stderr.splitlines()[-1])
