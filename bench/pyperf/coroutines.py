# coroutines: pyperformance's recursive-coroutine benchmark (fib(n) by `await` on itself), driven
# with send(None) until StopIteration as an event loop would.


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


print(run(fibonacci(32)))
