# Paths relative to a directory's descriptor (dir_fd=, on the *at() system calls), os.fwalk, and
# shutil.rmtree's descriptor-based walk that these make CPython's Lib choose.
import os
import shutil
import stat

print([f in os.supports_dir_fd for f in (os.stat, os.open, os.mkdir, os.unlink, os.rmdir, os.rename, os.utime)])
print([f in os.supports_fd for f in (os.stat, os.scandir, os.listdir, os.chdir, os.utime)])
print([f in os.supports_follow_symlinks for f in (os.stat, os.utime, os.link, os.access)])
print(shutil._use_fd_functions, shutil.rmtree.avoids_symlink_attacks, hasattr(os, "fwalk"))
for call, args, kwargs in [(os.stat, ("x",), {"dir_fd": "a"}), (os.stat, (0,), {"dir_fd": 1}),
                           (os.mkdir, ("x",), {"dir_fd": 2.5}), (os.unlink, ("x",), {"dir_fd": 9999}),
                           (os.rename, ("a", "b"), {"src_dir_fd": 9999}),
                           (os.link, ("/nonexistent-minipy", "/tmp/never"), {"follow_symlinks": False})]:
    try:
        call(*args, **kwargs)
    except (OSError, TypeError, ValueError) as e:
        print(type(e).__name__, e)

base = "/tmp/minipy_test_049_%d" % os.getpid()
os.makedirs(base + "/a/b")
d = os.open(base, os.O_RDONLY)
fd = os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=d)
os.write(fd, b"xyz")
os.close(fd)
print(os.stat("f.txt", dir_fd=d).st_size, sorted(os.listdir(d)), os.access("f.txt", os.R_OK, dir_fd=d))
os.symlink("f.txt", "l", dir_fd=d)
print(os.readlink("l", dir_fd=d), stat.S_ISLNK(os.stat("l", dir_fd=d, follow_symlinks=False).st_mode),
      os.access("l", os.F_OK, dir_fd=d, follow_symlinks=False, effective_ids=True))
os.rename("f.txt", "g.txt", src_dir_fd=d, dst_dir_fd=d)
os.link("g.txt", "h.txt", src_dir_fd=d, dst_dir_fd=d)
os.mkdir("m", dir_fd=d)
os.chmod("g.txt", 0o640, dir_fd=d)
os.utime("g.txt", ns=(1, 2), dir_fd=d)
print(oct(os.stat(base + "/g.txt").st_mode), os.stat(base + "/g.txt").st_mtime_ns, sorted(os.listdir(base)))
try:
    os.chmod("l", 0o600, dir_fd=d, follow_symlinks=False)
except ValueError as e:
    print("ValueError:", e)
for root, dirs, files, rootfd in os.fwalk(base):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files), type(rootfd).__name__)
for root, dirs, files, rootfd in os.fwalk(base, topdown=False):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files), os.stat(".", dir_fd=rootfd).st_ino == os.stat(root).st_ino)
os.unlink("h.txt", dir_fd=d)
os.rmdir("m", dir_fd=d)
print(sorted(os.listdir(base)), sorted(e.name for e in os.scandir(d)))
os.close(d)
shutil.rmtree(base)
print(os.path.exists(base))
