# An exception in a thread goes to threading.excepthook; the other threads and the main thread
# go on. The default hook writes "Exception in thread NAME:" and the traceback to stderr.
import sys
import threading

def boom():
    raise ValueError("bad value")

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)

threading.excepthook = hook
t = threading.Thread(target=boom, name="boomer")
t.start()
t.join()
print("alive after:", t.is_alive())

class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

threading.excepthook = threading.__excepthook__
cap = Capture()
saved = sys.stderr
sys.stderr = cap
t = threading.Thread(target=boom, name="loud")
t.start()
t.join()
sys.stderr = saved
lines = "".join(cap.parts).splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])

def leave():
    sys.exit(3)

t = threading.Thread(target=leave)
t.start()
t.join()
print("SystemExit in a thread is silent")
