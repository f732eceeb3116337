# set_ops: builds sets of ints and strs, tests membership, adds and discards, and combines sets with
# |, &, -, ^ and their in-place forms — stresses the set table's probing, resizing and merging.
def words(n):
    out = []
    seed = 7
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append("w%d" % (seed % 5000))
    return out


def int_rounds(rounds):
    total = 0
    for r in range(rounds):
        a = set(range(r, 3000 + r, 3))
        b = {i * 7 % 4000 for i in range(2000)}
        total += len(a | b) + len(a & b) + len(a - b) + len(a ^ b)
        c = set(a)
        c |= b
        c -= set(range(0, 4000, 5))
        c ^= a
        hits = 0
        for i in range(0, 4000, 2):
            if i in c:
                hits += 1
        for i in range(0, 4000, 3):
            c.discard(i)
        total += hits + len(c)
    return total


def str_rounds(rounds, ws):
    total = 0
    for r in range(rounds):
        seen = set()
        for w in ws:
            if w not in seen:
                seen.add(w)
        vowels = {w for w in ws if w[-1] in "13579"}
        total += len(seen) + len(seen - vowels) + len(frozenset(vowels) & seen)
        while len(seen) > 3000:
            seen.pop()
        total += len(seen)
    return total


ws = words(20000)
print(int_rounds(750), str_rounds(150, ws))
