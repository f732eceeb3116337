# open() with an encoding and errors: single-byte codecs through the codec registry, decode errors,
# the file's encoding/errors attributes, and an unknown encoding.
import os
p = "/tmp/minipy_io_%d.txt" % os.getpid()
with open(p, "w", encoding="cp1252") as f:
    f.write("café €\n")
print(open(p, "rb").read())
with open(p, encoding="cp1252") as f:
    print(repr(f.read()))
with open(p, encoding="latin-1") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="utf-8") as f:
        print(repr(f.read()))
except UnicodeDecodeError as e:
    print(e)
with open(p, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))

with open(p, "w", encoding="koi8_r", errors="replace") as f:
    print(f.encoding, f.errors, f.write("Привет €"))
with open(p, encoding="koi8-r") as f:
    print(f.encoding, f.errors, repr(f.read(3)), repr(f.read()))
with open(p, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("naïve ☃\n")
print(open(p, "rb").read())
try:
    open(p, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
try:
    open(p, "w", encoding="ascii").write("é")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)

os.remove(p)
