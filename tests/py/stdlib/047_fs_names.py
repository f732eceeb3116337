# File names as bytes and as str with undecodable bytes escaped (PEP 383: surrogateescape), listdir
# and scandir of a descriptor, os.walk's onerror.
import os

base = "/tmp/minipy_test_047_%d" % os.getpid()
os.mkdir(base)
bbase = os.fsencode(base)
with open(os.path.join(bbase, b"caf\xc3\xa9.txt"), "wb") as f:
    f.write(b"1")
with open(os.path.join(bbase, b"bad\xff.txt"), "wb") as f:
    f.write(b"22")
print(sorted(os.listdir(bbase)))
names = sorted(os.listdir(base))
print([ascii(n) for n in names], [os.fsencode(n) for n in names])
print([os.path.getsize(os.path.join(base, n)) for n in names])
print(sorted(ascii(e.name) for e in os.scandir(base)), sorted(e.name for e in os.scandir(bbase)))
print(sorted(type(e.path).__name__ for e in os.scandir(bbase)))
print("bad\udcff".encode("utf-8", "surrogateescape"), b"bad\xff".decode("utf-8", "surrogateescape") == "bad\udcff")
print(b"\xe9t\xe9".decode("ascii", "surrogateescape").encode("ascii", "surrogateescape"))
try:
    "\udcff".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "\ud800".encode("utf-8", "surrogateescape")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", str(e).endswith("surrogates not allowed"))
fd = os.open(base, os.O_RDONLY)
print(sorted(ascii(n) for n in os.listdir(fd)), sorted(ascii(e.path) for e in os.scandir(fd)))
print(os.stat(fd).st_ino == os.stat(base).st_ino)
os.close(fd)
errors = []
print(list(os.walk(os.path.join(base, "missing"), onerror=lambda e: errors.append(type(e).__name__))), errors)
for n in os.listdir(bbase):
    os.remove(os.path.join(bbase, n))
os.rmdir(bbase)
print(os.path.exists(base))
