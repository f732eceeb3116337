# faulthandler, as CPython's: dump_traceback() of one thread or all, dump_traceback_later() from a
# watchdog, register() for a chosen signal, and on a fatal signal "Fatal Python error: ..." with the
# traceback before the signal ends the process; -X faulthandler and PYTHONFAULTHANDLER enable it.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time


def normalized(text):
    # Thread idents and the interpreter's own files differ between runs and interpreters; a
    # sanitizer's report after a crash is not faulthandler's.
    text = re.sub(r"0x[0-9a-f]{16}", "0x...", text)
    kept = ("Fatal Python error", "Current thread", "Thread", "Stack", "Timeout", "  File", "  <no")
    return "\n".join(line for line in text.splitlines() if "threading.py" not in line and line.startswith(kept))


def run(code, *options, env=None):
    p = subprocess.run([sys.executable, *options, "-c", code], capture_output=True, text=True,
                       env=env)
    return p.returncode, normalized(p.stderr)


def outer():
    return inner()


def inner():
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f, all_threads=False)
        f.seek(0)
        one = f.read()
    r, w = os.pipe()
    faulthandler.dump_traceback(w)
    os.close(w)
    with os.fdopen(r) as pipe:
        every = pipe.read()
    return one, every


ready = threading.Event()
finish = threading.Event()


def waiter():
    # One line: the dump below may catch this thread just after set() (minipy-ft runs it in
    # parallel) or inside wait(); either way its frame is on this line.
    ready.set(), finish.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()
one, every = outer()
finish.set()
t.join()
print(normalized(one))
print(normalized(every).replace(__file__, "FILE"))

print(faulthandler.is_enabled())
faulthandler.enable(sys.stdout)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

code = """if 1:
    import faulthandler
    def crash():
        faulthandler._sigsegv()
    faulthandler.enable()
    crash()
"""
status, err = run(code)
print(status != 0, err)
print(run("import faulthandler; print(faulthandler.is_enabled())", "-X", "faulthandler")[0])
p = subprocess.run([sys.executable, "-c", "import faulthandler; print(faulthandler.is_enabled())"],
                   capture_output=True, text=True, env=dict(os.environ, PYTHONFAULTHANDLER="1"))
print(p.stdout.strip())
status, err = run("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._sigabrt()")
print(status != 0, err)

# The watchdog: a traceback of every thread after the timeout, then exit(1) if asked. It is armed
# inside sleeper(), so a slow start of the child (a loaded machine) cannot move where it fires.
status, err = run("import faulthandler, time\n"
                  "def sleeper():\n    faulthandler.dump_traceback_later(0.2, exit=True)\n    time.sleep(5)\nsleeper()")
print(status, err)
faulthandler.dump_traceback_later(30)
faulthandler.cancel_dump_traceback_later()
faulthandler.cancel_dump_traceback_later()

# register(): a traceback each time the signal arrives, the handler staying in place.
r, w = os.pipe()
faulthandler.register(signal.SIGUSR1, w, all_threads=False)


def signalled():
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.05)


signalled()
print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
os.close(w)
with os.fdopen(r) as pipe:
    print(normalized(pipe.read()))

for bad in [lambda: faulthandler.register(signal.SIGSEGV), lambda: faulthandler.register(0),
            lambda: faulthandler.dump_traceback_later(0), lambda: faulthandler.dump_traceback_later(-1),
            lambda: faulthandler.enable(-1), lambda: faulthandler.dump_traceback(all_threads=True, fil=1),
            lambda: faulthandler.dump_traceback_later()]:
    try:
        bad()
    except (ValueError, RuntimeError, TypeError) as e:
        print(type(e).__name__, e)
