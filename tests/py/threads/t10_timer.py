# Timer: runs its function once after the interval; cancel() before it fires stops it.
import threading

fired = []
t = threading.Timer(0.01, fired.append, args=["fired"])
t.start()
t.join()
print(fired)

c = threading.Timer(10, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired)

def hello(name, punct="!"):
    fired.append("hello " + name + punct)

k = threading.Timer(0, hello, ["world"], {"punct": "?"})
k.start()
k.join()
print(fired)
print(isinstance(k, threading.Thread))
