# Process.kill/terminate/close and their errors; reprs along the way (pids masked); a Barrier
# shared by processes (its action runs once, each party gets its own index); connection.wait()
# on a pipe, a socket and a process sentinel.
import multiprocessing as mp
import re
import socket
import time
from multiprocessing.connection import wait


def masked(obj):
    return re.sub(r"=\d+", "=N", repr(obj))


def at_barrier(barrier, q):
    q.put(barrier.wait(timeout=30))


def send_later(conn, delay):
    time.sleep(delay)
    conn.send(delay)


if __name__ == "__main__":
    print(masked(mp.current_process()))
    p = mp.Process(target=time.sleep, args=(30,))
    print(masked(p))
    p.start()
    print(masked(p))
    try:
        p.close()
    except ValueError as e:
        print("ValueError", e)
    p.kill()
    p.join()
    print(p.exitcode, masked(p))
    p.close()
    p.close()
    print(masked(p))
    for name in ("exitcode", "is_alive", "join", "terminate", "kill", "sentinel", "start"):
        try:
            value = getattr(p, name)
            if callable(value):
                value()
        except ValueError as e:
            print(name, "ValueError", e)
    p = mp.Process(target=time.sleep, args=(30,), daemon=True)
    p.start()
    p.terminate()
    p.join()
    print(p.exitcode, masked(p))

    barrier = mp.Barrier(3, action=lambda: print("action", flush=True))
    q = mp.Queue()
    ps = [mp.Process(target=at_barrier, args=(barrier, q)) for _ in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get(timeout=30) for _ in ps), barrier.n_waiting, barrier.broken)
    for p in ps:
        p.join()
    lonely = mp.Barrier(2, timeout=0.05)
    try:
        lonely.wait()
    except Exception as e:
        print(type(e).__name__, lonely.broken)
    lonely.reset()
    print(lonely.broken)

    reader, writer = mp.Pipe(duplex=False)
    s1, s2 = socket.socketpair()
    p = mp.Process(target=send_later, args=(writer, 0.2))
    p.start()
    print(wait([reader, s1], timeout=0.01))
    print(wait([reader, s1]) == [reader], reader.recv())
    s2.send(b"x")
    print(wait([reader, s1], timeout=30) == [s1])
    p.join()
    print(wait([p.sentinel], timeout=30) == [p.sentinel])
    print(mp.active_children())
