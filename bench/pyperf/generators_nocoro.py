# generators_nocoro: the coroutines benchmark without async/await — recursive fib(n) through
# generator delegation (`yield from` returning a value), driven by send(None) until StopIteration.


def fibonacci(n):
    if n <= 1:
        return n
    if False:
        yield
    a = yield from fibonacci(n - 1)
    b = yield from fibonacci(n - 2)
    return a + b


def run(gen):
    try:
        while True:
            gen.send(None)
    except StopIteration as stop:
        return stop.value


print(run(fibonacci(32)))
