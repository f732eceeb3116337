# Files and directories through os (CPython's os.py over minipy's native posix): make, list, stat,
# rename and remove, in a fresh folder under /tmp; only what is the same on every run is printed.
import errno
import os
import stat
import sys

base = "/tmp/minipy_test_041_%d" % os.getpid()
os.mkdir(base)
os.chdir(base)
print(os.listdir("."), os.listdir(), os.getcwd() == base)

fd = os.open("data.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world"), os.get_inheritable(fd), os.get_blocking(fd))
st = os.fstat(fd)
os.close(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), len(st), st[6] == st.st_size)
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__, type(st).__name__)
print(type(st).__module__, st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)

fd = os.open("data.bin", os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 6, os.SEEK_SET), os.read(fd, 100), os.read(fd, 10))
os.close(fd)

os.makedirs("a/b/c")
os.makedirs("a/b/c", exist_ok=True)
try:
    os.makedirs("a/b/c")
except FileExistsError as e:
    print("FileExistsError:", e.errno == errno.EEXIST, e.filename)
with open("a/b/note.txt", "w") as f:
    f.write("note")
print(sorted(os.listdir(".")), sorted(os.listdir("a/b")), os.listdir(b"a"))
print(os.path.exists("a/b/note.txt"), os.path.isfile("a/b/note.txt"), os.path.isdir("a/b"),
      os.path.getsize("a/b/note.txt"), os.path.exists("nothing"), os.path.lexists("nothing"))
for root, dirs, files in os.walk("a"):
    print(root, sorted(dirs), sorted(files))
for root, dirs, files in os.walk("a", topdown=False):
    print(root, sorted(dirs), sorted(files))

with os.scandir("a/b") as entries:
    for entry in sorted(entries, key=lambda e: e.name):
        print(repr(entry), entry.name, entry.path, entry.is_dir(), entry.is_file(), entry.is_symlink(),
              entry.stat().st_size == os.stat(entry.path).st_size, entry.inode() == os.stat(entry.path).st_ino,
              os.fspath(entry))
print([e.name for e in os.scandir(b"a")], [e.path for e in os.scandir()] == ["./" + n for n in os.listdir()])

os.symlink("a/b/note.txt", "link")
print(os.readlink("link"), os.path.islink("link"), os.path.islink("a"), os.stat("link").st_size,
      stat.S_ISLNK(os.lstat("link").st_mode), stat.S_ISLNK(os.stat("link", follow_symlinks=False).st_mode))
print(os.path.realpath("link") == os.path.join(base, "a/b/note.txt"), os.path.samefile("link", "a/b/note.txt"))
os.link("data.bin", "hard")
print(os.stat("hard").st_nlink, os.stat("hard").st_ino == os.stat("data.bin").st_ino)
entry = [e for e in os.scandir(".") if e.name == "link"][0]
print(entry.is_symlink(), entry.is_file(), entry.is_file(follow_symlinks=False), entry.is_dir())

os.rename("hard", "renamed")
with open("other", "w") as f:
    f.write("replaced")
os.replace("renamed", "other")
print(sorted(os.listdir(".")), os.path.getsize("other"))
os.chmod("data.bin", 0o600)
print(oct(stat.S_IMODE(os.stat("data.bin").st_mode)), stat.filemode(os.stat("data.bin").st_mode))
print(os.access("data.bin", os.R_OK), os.access("data.bin", os.X_OK), os.access("nothing", os.F_OK))
os.utime("data.bin", (1000000000, 1200000000.5))
st = os.stat("data.bin")
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8], os.path.getmtime("data.bin"))
os.utime("data.bin", ns=(5, 1500000000123456789))
print(os.stat("data.bin").st_mtime_ns, os.stat("data.bin").st_atime_ns)
os.truncate("data.bin", 4)
print(os.path.getsize("data.bin"))

for call, args in [(os.stat, ("nothing",)), (os.listdir, ("nothing",)), (os.rmdir, ("a",)),
                   (os.mkdir, ("a",)), (os.unlink, ("a",)), (os.rename, ("nothing", "x")),
                   (os.open, ("data.bin/x", os.O_RDONLY)), (os.chdir, ("data.bin",)),
                   (os.readlink, ("data.bin",)), (os.close, (9999,))]:
    try:
        call(*args)
    except OSError as e:
        print(type(e).__name__, errno.errorcode[e.errno], e.strerror, e.filename, getattr(e, "filename2", None))
        print("   ", e)
for call, args in [(os.stat, (1.5,)), (os.mkdir, (None,)), (os.listdir, (2.5,)), (os.stat, ("a\0b",))]:
    try:
        call(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

r, w = os.pipe()
print(os.get_inheritable(r), os.write(w, b"through the pipe"), os.read(r, 7))
d = os.dup(w)
os.dup2(w, d)
os.close(w)
os.close(d)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
old = os.umask(0o22)
print(os.umask(old) == 0o22)

os.remove("data.bin")
os.remove("other")
os.unlink("link")
os.remove("a/b/note.txt")
os.removedirs("a/b/c")
os.chdir("/")
print(os.listdir(base))
os.rmdir(base)
print(os.path.exists(base))
