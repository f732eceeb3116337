# A Manager whose server process dies (SIGKILL), one that was shut down, and starting one twice:
# the proxies' calls fail with CPython's errors, shutdown() still returns, no child is left.
import multiprocessing as mp
import os
import signal
from multiprocessing import util


if __name__ == "__main__":
    # The server's socket goes in this process's temporary folder, which this process removes at
    # exit; a killed server could not remove one of its own.
    util.get_temp_dir()
    m = mp.Manager()
    d = m.dict(a=1)
    print(d["a"], m._process.is_alive())
    try:
        m.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    os.kill(m._process.pid, signal.SIGKILL)
    m._process.join()
    print("exitcode", m._process.exitcode)
    try:
        d["b"] = 2
    except OSError as e:
        print(type(e).__name__)
    try:
        m.dict()
    except OSError as e:
        print(type(e).__name__)
    m.shutdown()
    print(mp.active_children())

    m2 = mp.Manager()
    values = m2.list(range(3))
    print(values[:])
    m2.shutdown()
    print(m2._process.exitcode)
    try:
        values.append(1)
    except OSError as e:
        print(type(e).__name__)
    try:
        m2.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    print(mp.active_children())
