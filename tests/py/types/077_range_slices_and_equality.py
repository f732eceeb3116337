# range slicing as CPython's compute_slice: the bounds of the result are the items at the slice's
# clamped start and stop, not normalised; ranges are equal (and hash alike) when they produce the
# same values; ranges beyond 64 bits slice, index, search and reverse too.

r = range(0, 10, 3)
print(r[::-1], r[1:100:2], range(10)[::-2], range(5)[5:], range(5)[-100:100], range(0)[::-1])
print(range(7, -4, -3)[-2:-100:-100], range(-1, 3, 5)[-1:3:10], range(1, -4, -1)[7:-100:5])
print(range(-12, 5, 5)[3:-2:5], range(12, -1, -3)[10:-10], range(3, -2, -1)[0:5:-2])

# Every slice of a few ranges, against the list it should give.
bounds = [None, 0, 1, -1, 2, -3, 7, -100, 100]
bad = 0
for rng in (range(10), range(-5, 12, 3), range(9, -4, -2), range(0), range(3, 4), range(5, 1)):
    for a in bounds:
        for b in bounds:
            for c in (None, 1, -1, 2, -3, 10, -100):
                x = rng[a:b:c]
                if list(x) != list(rng)[a:b:c] or x != range(x.start, x.stop, x.step):
                    bad += 1
print("slices that differ from the list's:", bad)
print([rng[1:-1:2] for rng in (range(10), range(-5, 12, 3), range(9, -4, -2))])

# Equality and hash: by the values produced.
pairs = [(range(0, 10, 3), range(0, 11, 3)), (range(1, 2, 5), range(1, 3, 7)), (range(0), range(5, 2)),
         (range(0), range(0, 0, -1)), (range(3), range(0, 3, 1)), (range(3), range(0, 4)),
         (range(2, 1), range(-3, -9)), (range(10**20, 10**20 + 1), range(10**20, 10**21, 10**19))]
for a, b in pairs:
    print(a, b, a == b, a != b, hash(a) == hash(b))
print(range(3) == [0, 1, 2], range(3) == (0, 1, 2), len({range(0), range(4, 4), range(1, 1, -2)}))
try:
    range(5) < range(6)
except TypeError as e:
    print(e)

# Beyond 64 bits.
big = range(10**20)
print(big[::-1], big[10**19:], big[-3:], big[2**64::2**64], big[::10**30], len(big[10**20 - 5:]))
print(range(10**20, 10**20 + 3)[::-1], len(range(10**20, 10**20 + 3)), list(reversed(range(10**20, 10**20 + 3))))
print(range(-2**63, 2**63)[2**63], range(2**63 - 2, 2**63 + 2)[1:3], 2**63 in range(2**63 - 2, 2**63 + 2))
print(range(-2**63, -2**62).count(0), 0 in range(-2**63, -2**62), range(0, 2**64, 2**63).index(2**63))
print(range(2**64)[:2**63 + 1][-1], list(reversed(range(0, 2**63 + 6, 2**63))))
for expr in ("len(range(2**64))", "range(2**64)[2**64]", "range(10**20).index(-1)"):
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)

# count/index/in: ints by arithmetic, anything else by comparing each item.
print(range(5).index(3.0), range(5).count(3.0), 3.0 in range(5), range(5).count(True), range(5).index(True))
try:
    range(5).index(7.0)
except ValueError as e:
    print(e)
try:
    range(5).index(7)
except ValueError as e:
    print(e)


class Anything(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


print(Anything(99) in range(5), range(5).count(Anything(99)), range(5).index(Anything(99)))


class Four:
    def __index__(self):
        return 4


class Huge:
    def __index__(self):
        return 10**20


print(range(Four()), range(5)[Four()], range(10)[Four():Four()], range(Four(), 10, Four()), range(Huge()))
print(slice(None, None, 10**30).indices(5), slice(-10**30, 10**30).indices(10**20), slice(1, 2, 3).indices(True))
for expr in ("slice(1, 2, 0).indices(5)", "slice(1).indices(-1)", "slice(1).indices(1.5)", "slice(1.5).indices(5)",
             "range(1, 2, 0)", "range(1.5)", "range(5)[1.5]", "range(5)[::0]", "range(5)['a':]"):
    try:
        print(eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
