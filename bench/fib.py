# fib: naive doubly recursive Fibonacci — stresses function calls, frame setup and small-int arithmetic.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib(33) =", fib(33))
