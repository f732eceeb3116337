# enumerate() and active_count() see running threads; join(timeout) returns while still alive.
import threading

stop = threading.Event()
started = threading.Barrier(4)

def wait_for_stop():
    started.wait()
    stop.wait()

ts = [threading.Thread(target=wait_for_stop, name=f"w{i}") for i in range(3)]
for t in ts:
    t.start()
started.wait()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
ts[0].join(timeout=0.01)
print(ts[0].is_alive())
stop.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.is_alive() for t in ts])
print(threading.enumerate() == [threading.main_thread()])
