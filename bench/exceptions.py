# exceptions.py — raising and catching in loops: custom exception classes with a hierarchy,
# except clauses matched by base class, try/finally, re-raising and exception chaining.


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class RetryableError(AppError):
    pass


class FatalError(AppError):
    pass


def check(n):
    if n % 7 == 0:
        raise FatalError(n)
    if n % 3 == 0:
        raise RetryableError(n)
    if n % 5 == 0:
        raise KeyError(n)
    return n


def work(n):
    try:
        return check(n)
    except RetryableError as e:
        return check(e.code + 1) if (e.code + 1) % 7 else -1
    finally:
        work.calls += 1


work.calls = 0


def wrap(n):
    try:
        return work(n)
    except KeyError:
        try:
            raise AppError(n) from None
        except AppError as e:
            if n % 2:
                return e.code // 5
            raise


def main():
    total = fatal = other = 0
    for n in range(1, 600000):
        try:
            total += wrap(n)
        except FatalError as e:
            fatal += 1
            total -= e.code % 11
        except AppError:
            other += 1
    print("total %d fatal %d other %d calls %d" % (total, fatal, other, work.calls))


main()
