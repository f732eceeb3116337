# Six threads fail at once: the default excepthook formats their tracebacks concurrently (the
# source-line cache is shared), and each report reaches sys.stderr whole.
import sys
import threading


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass


def boom(i):
    raise ValueError(i)


cap = Capture()
saved = sys.stderr
sys.stderr = cap
ts = [threading.Thread(target=boom, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
sys.stderr = saved
text = "".join(cap.parts)
print(text.count("Exception in thread"), text.count("Traceback (most recent call last):"))
print(sorted(line for line in text.splitlines() if line.startswith("ValueError")))
