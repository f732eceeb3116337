# Thread.daemon can be changed until start(); afterwards it raises, as in CPython.
import threading

t = threading.Thread(target=lambda: None)
print(t.daemon)
t.daemon = True
print(t.daemon)
t.daemon = False
print(t.daemon)
t.start()
t.join()
for setter in (lambda: setattr(t, "daemon", True), lambda: setattr(t, "daemon", False)):
    try:
        setter()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(t.daemon)
