# sieve: Sieve of Eratosthenes over a list of flags, repeated — stresses list indexing and item stores.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return flags


def primes_up_to(limit):
    flags = sieve(limit)
    return [n for n in range(limit + 1) if flags[n]]


total = 0
for _ in range(12):
    p = primes_up_to(1000000)
    total += len(p)
print("sieve", total, p[-1], sum(p[:100]))
