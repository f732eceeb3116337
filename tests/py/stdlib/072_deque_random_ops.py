# Random sequences of deque operations (appends and pops at both ends, rotate, insert, remove,
# indexing, del, *=, +=) with several maxlens, each result and the deque after each step printed:
# compares minipy's native deque with CPython's step by step. The generator is an LCG written here,
# so both interpreters run the same operations.
from collections import deque

state = 12345


def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return (state >> 33) % n


for trial in range(60):
    maxlen = [None, 0, 1, 3, 7][rnd(5)]
    d = deque(range(rnd(6)), maxlen)
    out = []
    for step in range(50):
        op = rnd(17)
        x = rnd(10)
        try:
            if op == 0:
                d.append(x)
            elif op == 1:
                d.appendleft(x)
            elif op == 2:
                out.append(d.pop())
            elif op == 3:
                out.append(d.popleft())
            elif op == 4:
                d.rotate(rnd(9) - 4)
            elif op == 5:
                d.extend(range(rnd(4)))
            elif op == 6:
                d.extendleft(range(rnd(4)))
            elif op == 7:
                out.append(d.index(x % 5))
            elif op == 8:
                d.insert(rnd(8) - 4, x)
            elif op == 9:
                d.remove(x % 4)
            elif op == 10:
                out.append(d.count(x % 3))
            elif op == 11:
                d.reverse()
            elif op == 12:
                out.append(d[rnd(8) - 4])
            elif op == 13:
                d[rnd(8) - 4] = x
            elif op == 14:
                del d[rnd(8) - 4]
            elif op == 15:
                d *= rnd(3)
            else:
                d += [x, x + 1]
        except Exception as exc:
            out.append(type(exc).__name__ + ": " + str(exc))
        out.append(list(d))
    print(trial, maxlen, out[-6:], len(out))
