# The _thread module directly: start_new_thread with args and kwargs, locks as signals, _count.
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
out = []

def worker(a, b, c=0):
    out.append(a + b + c)
    done.release()

ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
done.acquire()
print(out, isinstance(ident, int), ident != _thread.get_ident())
print(isinstance(_thread.get_native_id(), int))
print(_thread.TIMEOUT_MAX > 1e9)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(worker, [1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(worker, (1, 2), 3)
except TypeError as e:
    print("TypeError:", e)
lock = _thread.allocate_lock()
print(repr(lock).startswith("<unlocked _thread.lock object at"))
lock.acquire()
print(repr(lock).startswith("<locked _thread.lock object at"))
print(_thread.error is RuntimeError)
while _thread._count() > 0:
    time.sleep(0.001)
print(_thread._count())
