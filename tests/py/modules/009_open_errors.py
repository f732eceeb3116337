# open(): CPython's errors for missing files, bad modes and closed or wrong-mode files.
import sys

path = "/tmp/golden_009_" + sys.executable.replace("/", "_") + ".txt"
try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
try:
    open("/tmp", "r")
except IsADirectoryError as e:
    print("IsADirectoryError:", e)
for mode in ["q", "rw", "rr", ""]:
    try:
        open(path, mode)
    except ValueError as e:
        print("ValueError:", e)
f = open(path, "w")
try:
    f.read()
except OSError as e:
    print(type(e).__name__ + ":", e)
f.close()
for action in [lambda: f.write("x"), lambda: f.read(), lambda: f.readline(), lambda: iter(f)]:
    try:
        action()
    except ValueError as e:
        print("ValueError:", e)
with open(path) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__ + ":", e)
with open(path, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError:", e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
try:
    with open(path, "w") as f:
        raise KeyError("inside")
except KeyError as e:
    print("KeyError:", e, f.closed)
