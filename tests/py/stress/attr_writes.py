# Threads write attributes of shared objects (each its own attribute, and one common one);
# no write is lost on a thread's own attribute and nothing crashes.
import threading

class Box:
    pass

box = Box()
N = 50000

def work(k):
    name = "a" + str(k)
    setattr(box, name, 0)
    for i in range(N):
        setattr(box, name, getattr(box, name) + 1)
        box.common = i
        obj = Box()
        obj.x = i
        box.last = obj

ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([getattr(box, "a" + str(k)) for k in range(4)])
print(box.common == N - 1, box.last.x == N - 1)

# Readers follow an attribute that writers keep rebinding to fresh objects: each read must see a
# live object (the reference is taken under the instance dict's lock).
box.last = Box()
box.last.x = 0

def rebind():
    for i in range(N):
        o = Box()
        o.x = i
        box.last = o

def follow(out):
    s = 0
    for _ in range(N):
        s += box.last.x >= 0
    out.append(s)

counts = []
ts = [threading.Thread(target=rebind), threading.Thread(target=follow, args=(counts,)),
      threading.Thread(target=rebind), threading.Thread(target=follow, args=(counts,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counts)
