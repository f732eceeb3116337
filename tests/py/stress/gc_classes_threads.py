# Threads make classes and closures and drop them (replacing the ones other threads use), while other
# threads instantiate those classes and call their methods and the closures, and another thread keeps
# collecting. A freed class's memory may be reused for a new class, so the attribute caches of the
# callers' code must never answer for the old one. Every answer is right, every thread finishes,
# and every class and closure made is freed at the end.
import gc
import threading
import weakref


class Meta(type):
    pass


class Base:
    def value(self):
        return self.tag


SLOTS = 8
current = [None] * SLOTS  # (class, closure, tag)
refs = []
refs_lock = threading.Lock()
done = threading.Event()
errors = []


def make(tag):
    kind = tag % 4
    if kind == 0:
        class C(Base):
            def value(self):
                return super().value() + 0

    elif kind == 1:
        class C:
            __slots__ = ("tag",)

            def value(self):
                return self.tag

    elif kind == 2:
        class C(Base, metaclass=Meta):
            pass

    else:
        C = type("C", (Base,), {"extra": tag})
    C.cycle = C

    def closure(n):
        return n + tag + (0 if closure else 1)

    return C, closure


def maker(tid):
    mine = []
    for i in range(600):
        tag = tid * 100000 + i
        cls, fn = make(tag)
        current[(tid * 3 + i) % SLOTS] = (cls, fn, tag)
        if i % 20 == 0:
            mine.append(weakref.ref(cls))
            mine.append(weakref.ref(fn))
        del cls, fn
    with refs_lock:
        refs.extend(mine)


def caller():
    calls = 0
    while not done.is_set() or calls < 2000:
        for entry in list(current):
            if entry is None:
                continue
            cls, fn, tag = entry
            obj = cls()
            obj.tag = tag
            if obj.value() != tag or fn(1) != tag + 1:
                errors.append((tag, obj.value(), fn(1)))
            calls += 1


def collector():
    runs = 0
    while not done.is_set():
        gc.collect(runs % 3)
        runs += 1


helpers = [threading.Thread(target=collector)] + [threading.Thread(target=caller) for _ in range(2)]
for t in helpers:
    t.start()
makers = [threading.Thread(target=maker, args=(t,)) for t in range(3)]
for t in makers:
    t.start()
for t in makers:
    t.join()
done.set()
for t in helpers:
    t.join()
current[:] = [None] * SLOTS
gc.collect()
gc.collect()
print(errors[:3], len(refs), sum(1 for r in refs if r() is not None))
