# time.process_time, thread_time and clock_gettime: CPU clocks that advance with work done and
# not with sleeping, in seconds and nanoseconds, and the CLOCK_* constants.
import time

start_cpu, start_thread, start_wall = time.process_time(), time.thread_time(), time.monotonic()
total = 0
for i in range(300000):
    total += i % 7
busy_cpu = time.process_time() - start_cpu
busy_thread = time.thread_time() - start_thread
time.sleep(0.2)
slept_cpu = time.process_time() - start_cpu - busy_cpu
print(total, busy_cpu > 0, busy_thread > 0, slept_cpu < 0.1)
print(type(time.process_time_ns()).__name__, type(time.thread_time_ns()).__name__)
print(abs(time.clock_gettime(time.CLOCK_MONOTONIC) - time.monotonic()) < 0.5)
print(abs(time.clock_gettime_ns(time.CLOCK_REALTIME) / 1e9 - time.time()) < 0.5)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.CLOCK_THREAD_CPUTIME_ID)
try:
    time.clock_gettime(12345)
except OSError as e:
    print(type(e).__name__, e.errno)
