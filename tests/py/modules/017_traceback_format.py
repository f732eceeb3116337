# traceback.format_exc/print_exc of an exception raised in a file: linecache reads the source lines
# through tokenize.open, which wraps a binary file in io.TextIOWrapper.
import io
import sys
import tokenize
import traceback


def inner():
    return int("x")


def outer():
    return inner()


try:
    outer()
except ValueError:
    text = traceback.format_exc()
    print("\n".join(line for line in text.splitlines() if not line.startswith("  File")))
    out = io.StringIO()
    traceback.print_exc(file=out)
    print(out.getvalue() == text, text.count("  File "))

with tokenize.open(__file__) as f:
    print(type(f).__name__, f.mode, f.readline().rstrip())
with open(__file__, "rb") as raw:
    wrapped = io.TextIOWrapper(raw, "utf-8")
    print(wrapped.readline().rstrip()[:40])
