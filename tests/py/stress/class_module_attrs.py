# Writers keep rebinding a class attribute, a module attribute and a function attribute to fresh
# objects while readers follow them: every read must see a live object (minipy-ft takes the
# reference under the owning dict's lock, never after it).
import sys
import threading

class Config:
    current = [0]

def tagged():
    pass

tagged.payload = [0]
this = sys.modules[__name__]
this.shared = [0]
N = 40000

def rebind():
    for i in range(N):
        Config.current = [i]
        this.shared = [i]
        tagged.payload = [i]

def follow(out):
    total = 0
    for _ in range(N):
        total += len(Config.current) + len(this.shared) + len(tagged.payload)
        total += len(Config().current)
    out.append(total)

out = []
ts = [threading.Thread(target=rebind), threading.Thread(target=rebind)]
ts += [threading.Thread(target=follow, args=(out,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(out == [4 * N, 4 * N])
print(Config.current == [N - 1], this.shared == [N - 1], tagged.payload == [N - 1])
