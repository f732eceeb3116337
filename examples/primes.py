# primes.py — prime numbers by trial division and by the Sieve of Eratosthenes.
# What to look for: for/else (the else runs only when the loop did not `break`), a while loop with a
# compound condition, and list slice assignment doing many item stores in one statement.

def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def first_primes(count):
    found = []
    candidate = 2
    while len(found) < count:
        for p in found:
            if p * p > candidate:
                found.append(candidate)
                break
            if candidate % p == 0:
                break
        else:
            found.append(candidate)
        candidate += 1
    return found


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, limit + 1):
        if i * i > limit:
            break
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i in range(limit + 1) if flags[i]]


print("first 15 primes:", first_primes(15))
small = sieve(100)
print(len(small), "primes below 100:", small)
print("both methods agree:", small == [n for n in range(101) if is_prime(n)])
print("primes below 100000:", len(sieve(100000)))
