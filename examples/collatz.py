# collatz.py — Collatz sequences: halve even numbers, map odd n to 3n + 1, until reaching 1.
# What to look for: a while loop driven by a condition, floor division `//` and modulo `%`, and a
# dict used as a cache so each number's length is computed once.

def steps(n):
    count = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        count += 1
    return count


def sequence(n):
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq


print("27 takes", steps(27), "steps and peaks at", max(sequence(27)))
print("sequence of 6:", sequence(6))

cache = {1: 0}


def cached_steps(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length


best = max(range(1, 10000), key=cached_steps)
print("below 10000 the longest start is", best, "with", cached_steps(best), "steps")
