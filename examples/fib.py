# fib.py — Fibonacci three ways: recursion, a loop, and a memo dict.
# What to look for: `minipy --dis fib.py` shows the recursive call compiled as a load of the global
# `fib` followed by a call; `--trace` on a small n shows a new frame for every call and why the
# recursive version does exponentially more work than the loop.

def fib_recursive(n):
    if n < 2:
        return n
    return fib_recursive(n - 1) + fib_recursive(n - 2)


def fib_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


memo = {0: 0, 1: 1}


def fib_memo(n):
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]


for n in range(10):
    print(n, fib_recursive(n), fib_loop(n), fib_memo(n))

# Integers never overflow: fib(100) needs more than 64 bits.
print("fib(100) =", fib_loop(100))
print("fib(100) =", fib_memo(100))
