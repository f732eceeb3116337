# chown and kin, statvfs (and shutil.disk_usage over it), named pipes and device numbers.
import os
import shutil
import stat

base = "/tmp/minipy_test_050_%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "f")
open(path, "w").close()
st = os.stat(path)
os.chown(path, -1, -1)
os.chown(path, st.st_uid, st.st_gid)
os.lchown(path, -1, st.st_gid)
fd = os.open(path, os.O_RDONLY)
os.fchown(fd, -1, -1)
os.chown(fd, -1, -1)
print(os.stat(path).st_uid == st.st_uid, os.stat(path).st_gid == st.st_gid)
v = os.statvfs(base)
print(type(v).__name__, type(v).__module__, len(v), v.n_fields, v.f_bsize > 0, v.f_blocks >= v.f_bfree >= 0,
      v[0] == v.f_bsize, os.fstatvfs(fd).f_blocks == v.f_blocks, type(v.f_fsid).__name__)
os.close(fd)
usage = shutil.disk_usage(base)
print(type(usage).__name__, usage.total >= usage.used >= 0, usage.total >= usage.free >= 0)
for call, args in [(os.chown, ("/nonexistent-minipy", -1, -1)), (os.chown, (base, "a", -1)),
                   (os.mkfifo, (base + "/missing/fifo",)), (os.statvfs, ("/nonexistent-minipy",))]:
    try:
        call(*args)
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
fifo = os.path.join(base, "fifo")
os.mkfifo(fifo, 0o600)
print(stat.S_ISFIFO(os.stat(fifo).st_mode), oct(stat.S_IMODE(os.stat(fifo).st_mode)), stat.filemode(os.stat(fifo).st_mode))
d = os.open(base, os.O_RDONLY)
os.mkfifo("fifo2", dir_fd=d)
os.mknod("fifo3", 0o600 | stat.S_IFIFO, dir_fd=d)
os.close(d)
print(sorted(os.listdir(base)), [stat.S_ISFIFO(os.stat(os.path.join(base, n)).st_mode) for n in sorted(os.listdir(base))])
dev = os.makedev(8, 17)
print(dev, os.major(dev), os.minor(dev), os.major(os.makedev(259, 3)), os.minor(os.makedev(1, 70000)))
shutil.rmtree(base)
print(os.path.exists(base))
