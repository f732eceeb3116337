# _queue.SimpleQueue, native as CPython's (queue.py is CPython's own, which imports it): put/get in
# FIFO order, get's block and timeout with CPython's checks, Empty, subclasses, weak references, a
# queue in a reference cycle collected, and blocking gets woken by another thread's puts.
import _queue, queue, pickle, weakref, gc, threading, time
print(_queue.SimpleQueue, _queue.Empty, _queue.Empty.__mro__, _queue.Empty.__doc__, queue.Empty is _queue.Empty, queue.SimpleQueue is _queue.SimpleQueue)
for a, k in [((1,), {}), ((), {'a': 1})]:
    try: _queue.SimpleQueue(*a, **k)
    except Exception as e: print(type(e).__name__, e)
q = _queue.SimpleQueue()
print(q.empty(), q.qsize(), q.put(1), q.put_nowait(2), q.put(3, False, 5), q.qsize(), q.empty())
print(q.get(), q.get_nowait(), q.get(True, 0), q.empty())
for args in [(False,), (True, 0), (True, 0.01), (False, 'a'), (False, -1)]:
    try: q.get(*args)
    except Exception as e: print(args, type(e).__name__, repr(e))
for args in [(True, -1), (True, 'a')]:
    try: q.get(*args)
    except Exception as e: print(args, type(e).__name__, repr(e))
try: q.get(timeout=-1)
except Exception as e: print(type(e).__name__, e)
try: q.get_nowait()
except queue.Empty as e: print('get_nowait', repr(e))
for f in [lambda: q.put(), lambda: q.put(1, 2, 3, 4), lambda: q.get(1, 2, 3), lambda: q.put(item=5), lambda: q.get(block=False)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
try: pickle.dumps(q)
except Exception as e: print(type(e).__name__, e)
print(weakref.ref(q)() is q, _queue.SimpleQueue[int])
class Sub(_queue.SimpleQueue):
    pass
s = Sub(); s.put('x'); s.attr = 1; print(type(s).__name__, s.get(), s.attr)
a = []; q.put(a); a.append(q); r = weakref.ref(q); del a, q; gc.collect(); print('collected', r() is None)
print([m for m in dir(_queue.SimpleQueue) if not m.startswith('__')])
# Threads: a producer and two consumers; blocking gets wake up.
q = queue.SimpleQueue()
got = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        got.append(item)
threads = [threading.Thread(target=consumer) for _ in range(2)]
for t in threads: t.start()
for i in range(1000): q.put(i)
for t in threads: q.put(None)
for t in threads: t.join()
print(len(got), sorted(got) == list(range(1000)))
t0 = time.monotonic(); 
try: q.get(timeout=0.05)
except queue.Empty: print('timed out after', time.monotonic() - t0 >= 0.04)
