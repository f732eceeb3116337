# A thread blocked reading a file (here a pipe, opened through /proc/self/fd) lets the other threads
# run: the read waits with the GIL let go. If it held the GIL, this script would never finish.
import os
import threading
import time

r, w = os.pipe()
reader = open("/proc/self/fd/%d" % r, "rb")
got = []

def read():
    got.append(reader.readline())
    got.append(reader.read())

t = threading.Thread(target=read)
t.start()
time.sleep(0.1)  # the reader is now waiting inside readline()
n = 0
for i in range(100000):
    n += 1
os.write(w, b"hello\n")
os.write(w, b"rest")
os.close(w)
t.join()
reader.close()
os.close(r)
print(got, n)
