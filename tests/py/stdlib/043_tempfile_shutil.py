# tempfile and shutil from CPython's Lib: temporary files and folders, copying and removing trees.
import os
import shutil
import stat
import tempfile

d = tempfile.mkdtemp(prefix="minipy_")
print(os.path.isdir(d), os.path.basename(d).startswith("minipy_"), os.listdir(d),
      oct(stat.S_IMODE(os.stat(d).st_mode)))
fd, name = tempfile.mkstemp(suffix=".dat", dir=d)
print(type(fd).__name__, name.endswith(".dat"), os.path.dirname(name) == d, oct(stat.S_IMODE(os.stat(name).st_mode)))
os.write(fd, b"0123456789")
os.close(fd)
with tempfile.NamedTemporaryFile("w", dir=d, suffix=".txt", delete=False) as f:
    print(f.write("named file"), f.name.endswith(".txt"), os.path.exists(f.name))
kept = f.name
print(open(kept).read(), f.closed)
with tempfile.NamedTemporaryFile(dir=d) as f:
    f.write(b"gone")
    f.flush()
    print(os.path.getsize(f.name))
print(os.path.exists(f.name))
with tempfile.TemporaryFile() as t:
    t.write(b"anonymous")
    t.seek(0)
    print(t.read())
with tempfile.TemporaryDirectory(dir=d) as inner:
    print(os.path.isdir(inner), os.path.dirname(inner) == d)
    open(os.path.join(inner, "x"), "w").close()
print(os.path.exists(inner))
print(tempfile.gettempdir() == "/tmp" or os.path.isdir(tempfile.gettempdir()), type(tempfile.gettempprefix()).__name__)

src = os.path.join(d, "src")
os.makedirs(os.path.join(src, "one", "two"))
for rel, text in [("a.txt", "A"), ("one/b.txt", "BB"), ("one/two/c.txt", "CCC")]:
    with open(os.path.join(src, rel), "w") as out:
        out.write(text)
os.chmod(os.path.join(src, "a.txt"), 0o640)
print(shutil.copy(os.path.join(src, "a.txt"), d) == os.path.join(d, "a.txt"))
print(oct(stat.S_IMODE(os.stat(os.path.join(d, "a.txt")).st_mode)))
os.utime(os.path.join(src, "a.txt"), ns=(10**18, 10**18))
shutil.copy2(os.path.join(src, "a.txt"), os.path.join(d, "a2.txt"))
print(os.stat(os.path.join(d, "a2.txt")).st_mtime_ns == 10**18)
shutil.copyfile(os.path.join(src, "one/b.txt"), os.path.join(d, "b.txt"))
print(open(os.path.join(d, "b.txt")).read())
try:
    shutil.copyfile(os.path.join(d, "b.txt"), os.path.join(d, "b.txt"))
except shutil.SameFileError as e:
    print("SameFileError")
dst = shutil.copytree(src, os.path.join(d, "dst"))
print(dst == os.path.join(d, "dst"))
for root, dirs, files in os.walk(dst):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
shutil.copytree(src, os.path.join(d, "ignored"), ignore=shutil.ignore_patterns("*.txt"))
print(sorted(os.listdir(os.path.join(d, "ignored"))), os.listdir(os.path.join(d, "ignored", "one")))
moved = shutil.move(os.path.join(d, "dst"), os.path.join(d, "moved"))
print(os.path.basename(moved), os.path.exists(os.path.join(d, "dst")), sorted(os.listdir(moved)))
usage = shutil.disk_usage(d) if hasattr(os, "statvfs") else None
print(shutil.which("sh") is not None, shutil.which("no-such-command-minipy"))
print(tuple(shutil.get_terminal_size((81, 25))) == (81, 25) or shutil.get_terminal_size().columns > 0)
shutil.rmtree(os.path.join(d, "moved"))
try:
    shutil.rmtree(os.path.join(d, "moved"))
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
shutil.rmtree(os.path.join(d, "moved"), ignore_errors=True)
print(sorted(os.listdir(d)) == sorted([os.path.basename(name), os.path.basename(kept), "a.txt", "a2.txt", "b.txt", "ignored", "src"]))
shutil.rmtree(d)
print(os.path.exists(d))
