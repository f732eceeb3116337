# An exception raised in a ProcessPoolExecutor worker and not caught: the parent's traceback shows
# the worker's traceback text as the cause (CPython's _RemoteTraceback), and the exit code is 1.
from concurrent.futures import ProcessPoolExecutor


def parse(text):
    return int(text)


if __name__ == "__main__":
    with ProcessPoolExecutor(1) as ex:
        print(ex.submit(parse, "12").result())
        ex.submit(parse, "twelve").result()
