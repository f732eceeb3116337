# nqueens: pyperformance's brute-force N-queens solver — a hand-written permutations generator,
# generator expressions feeding set(), tuple building and slicing.


def permutations(iterable, r=None):
    # The same sequence as itertools.permutations, written out as a generator.
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def n_queens(queen_count):
    # Yields each placement (column per row) in which no two queens share a diagonal.
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


for _ in range(8):
    solutions = list(n_queens(8))
print(len(solutions), solutions[0], solutions[-1])
