# A freed slice object is kept for the next one made (as CPython's slice cache): slices that stay
# alive, slices freed and made again, slices as dict keys' neighbours and in lists, with every kind
# of bound, must keep their own start/stop/step.
kept = []
data = list(range(20))
for i in range(6):
    s = slice(i, i + 5, (i % 3) + 1)
    kept.append(s)
    tmp = data[i:i + 3]  # a temporary slice made and freed between the kept ones
    print(s, tmp, data[s], data[-i - 1::-(i + 1)])
print(kept)
print([k.indices(10) for k in kept])
a = slice(None, 2)
b = slice(None, 2)
print(a == b, a is b, a.start, a.stop, a.step)
del a
c = slice(1, None, -1)
print(b, c, data[c], "abcdef"[c], (1, 2, 3)[c])


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


s = slice(Index(1), Index(4))
print(data[s], data[Index(2):Index(6):Index(2)], s.start.v)
big = slice(2**70, -(2**70), -3)
print(data[big], big.indices(7))
lst = [0] * 8
for k in range(5):
    lst[k:k + 2] = [k, k]
    del lst[k:k]
print(lst)
