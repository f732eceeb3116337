# sys's thread knobs and the time module; sleeping threads overlap (the sleep lets go of the GIL).
import sys
import time
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)

t0 = time.perf_counter()
time.sleep(0.01)
print(time.perf_counter() - t0 >= 0.009)
print(type(time.time()), type(time.time_ns()), type(time.monotonic()), type(time.perf_counter_ns()))
print(time.monotonic_ns() > 0, time.time() > 1.6e9)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)

start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("ten 0.2 s sleeps overlap:", time.monotonic() - start < 1.0)
