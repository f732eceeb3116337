# sys._current_frames() and sys._current_exceptions(): every thread's innermost frame and the exception it
# handles (3.11: exc_info tuples), keyed by _thread.get_ident(); a thread that ended is gone from both.
import _thread
import sys
import threading

started = threading.Event()
done = threading.Event()


def worker():
    try:
        raise KeyError("in worker")
    except KeyError:
        started.set()
        done.wait()


t = threading.Thread(target=worker, daemon=True)
t.start()
started.wait()
frames = sys._current_frames()
me = _thread.get_ident()
print(sorted(frames) == sorted([me, t.ident]), frames[me].f_code.co_name, frames[me] is sys._getframe())
f = frames[t.ident]
names = []
while f:
    names.append(f.f_code.co_name)
    f = f.f_back
print("worker" in names, names[-1] in ("run", "_bootstrap_inner", "_bootstrap"))
ex = sys._current_exceptions()
print(sorted(ex) == sorted([me, t.ident]), ex[t.ident][:2], ex[me])
try:
    raise ValueError("main")
except ValueError:
    print(sorted(str(v[1]) for v in sys._current_exceptions().values()))
done.set()
t.join()
print(list(sys._current_frames()) == [me], list(sys._current_exceptions().values()))
