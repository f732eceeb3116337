# open(): writing, appending and reading a text file, read(n), readline, readlines, tell/seek.
import sys

# One file per interpreter, so both flavors can run this test at the same time.
path = "/tmp/golden_007_" + sys.executable.replace("/", "_") + ".txt"
f = open(path, "w")
print(f.write("first line\n"), f.write("second line\n"), f.closed, f.mode)
f.writelines(["third\n", "caf\u00e9 \u20ac\n"])
f.close()
print(f.closed)
with open(path, "a") as f:
    f.write("appended\n")
f = open(path)
print(repr(f.read(5)), repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()
with open(path, encoding="utf-8") as f:
    text = f.read()
print(repr(text), len(text))
with open(path, "r") as f:
    f.readline()
    print(f.tell())
    f.seek(0)
    print(repr(f.read(3)), f.readable(), f.writable())
with open(path, "w") as f:
    print(f.write("x\r\ny\rz"))
with open(path) as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"\x00\xffbin")
with open(path, "rb") as f:
    print(f.read(2), f.read())
