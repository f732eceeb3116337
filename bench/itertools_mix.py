# itertools_mix.py — the itertools iterators in loops of about a million items each: chain, islice,
# product, groupby (with a key function) and zip_longest, a little int arithmetic per item. Run
# with a part's name to time that part alone (`itertools_mix.py groupby`).
import sys
from itertools import chain, groupby, islice, product, zip_longest


def chain_part():
    total = 0
    for x in chain(range(400000), [1, 2, 3], range(600000)):
        total += x
    return total


def islice_part():
    total = 0
    for x in islice(range(3000000), 5, None, 3):
        total += x
    return total


def product_part():
    total = 0
    for a, b in product(range(1000), repeat=2):
        total += a ^ b
    return total


def groupby_part():
    total = 0
    for key, group in groupby(range(1000000), key=lambda x: x // 10):
        for x in group:
            total += x - key
    return total


def zip_longest_part():
    total = 0
    for a, b in zip_longest(range(1000000), range(500000), fillvalue=-1):
        total += a - b
    return total


PARTS = {"chain": chain_part, "islice": islice_part, "product": product_part, "groupby": groupby_part,
         "zip_longest": zip_longest_part}
chosen = sys.argv[1:] or list(PARTS)
print(*(f"{name} {PARTS[name]()}" for name in chosen))
