# A blocking buffered write to a full pipe, interrupted by a signal whose handler raises: the write
# stops with the handler's exception (CPython checks signals between partial writes), and the bytes
# another thread read are those the writer wrote first. As test_io's CSignalsTest.
import os
import signal
import threading


def handler(signum, frame):
    1 / 0


def interrupted_write(item, mode, **kwargs):
    r, w = os.pipe()
    got = []
    reader = threading.Thread(target=lambda: got.append(os.read(r, 1)))
    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
    reader.start()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
    f = open(w, mode, closefd=False, **kwargs)
    large = item * (4 * 1024 * 1024 // len(item) + 1)
    signal.alarm(1)
    try:
        f.write(large)
        print("no exception")
    except ZeroDivisionError:
        print(mode, "ZeroDivisionError from the handler")
    finally:
        signal.alarm(0)
        reader.join()
    got.append(os.read(r, 1))
    print(got)
    os.close(w)
    os.close(r)
    try:
        f.close()
    except OSError as e:
        print("close after the pipe is gone:", e.strerror)


signal.signal(signal.SIGALRM, handler)
interrupted_write(b"xy", "wb")
interrupted_write("xy", "w", encoding="ascii")


# A handler that does not raise: the write completes once another thread drains the pipe.
def retry(signum, frame):
    drained.start()


def drain():
    while total[0] < n:
        total[0] += len(os.read(r, 65536))


r, w = os.pipe()
n = 1024 * 1024
total = [0]
drained = threading.Thread(target=drain)
signal.signal(signal.SIGALRM, retry)
with open(w, "wb", closefd=False) as f:
    signal.alarm(1)
    print(f.write(b"z" * n))
drained.join()
print(total[0] == n)
os.close(w)
os.close(r)
