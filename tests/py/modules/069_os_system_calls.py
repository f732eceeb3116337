# os's thin POSIX wrappers: ids (getres*id, set*id to the current ids, getgrouplist), scheduling
# (sched_yield, affinity, priorities), pread/pwrite, pipe2, sendfile, lockf, fchmod, fchdir,
# fdatasync/sync, posix_fadvise/fallocate, getrandom, memfd_create, eventfd, WCOREDUMP/WIFCONTINUED,
# the new constants, and CPython's errors for bad arguments.
import os
import tempfile


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


r, e, s = os.getresuid()
print(r == os.getuid(), e == os.geteuid(), os.getresgid()[0] == os.getgid())
print(os.setuid(os.getuid()), os.setgid(os.getgid()), os.seteuid(os.geteuid()), os.setegid(os.getegid()))
print(os.setreuid(-1, -1), os.setregid(-1, -1), os.setresuid(-1, -1, -1), os.setresgid(-1, -1, -1))
print(os.getgid() in os.getgrouplist("root", os.getgid()))
for f in [lambda: os.setuid("x"), lambda: os.setuid(-2), lambda: os.setgroups(5), lambda: os.setgroups(["a"]),
          lambda: os.getgrouplist("root", "x")]:
    show(f)

print(os.sched_yield(), os.sched_getaffinity(0) == os.sched_getaffinity(os.getpid()), type(os.sched_getaffinity(0)))
os.sched_setaffinity(0, os.sched_getaffinity(0))
for f in [lambda: os.sched_setaffinity(0, [-1]), lambda: os.sched_setaffinity(0, ["a"]),
          lambda: os.sched_setaffinity(0, [100000])]:
    show(f)
print(os.sched_get_priority_max(os.SCHED_FIFO), os.sched_get_priority_min(os.SCHED_FIFO), os.sched_get_priority_max(os.SCHED_OTHER))
prio = os.getpriority(os.PRIO_PROCESS, 0)
print(os.setpriority(os.PRIO_PROCESS, 0, prio), os.getpriority(os.PRIO_PROCESS, 0) == prio)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    print(os.pwrite(fd, b"hello world", 0), os.pwrite(fd, bytearray(b"HELLO"), 6), os.pread(fd, 5, 6), os.pread(fd, 100, 0))
    show(lambda: os.pread(fd, -1, 0))
    show(lambda: os.pwrite(fd, "x", 0))
    os.fchmod(fd, 0o640)
    print(oct(os.stat(path).st_mode & 0o777), os.fdatasync(fd), os.sync())
    print(os.lockf(fd, os.F_TLOCK, 0), os.lockf(fd, os.F_ULOCK, 0))
    print(os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL), os.posix_fallocate(fd, 0, 100), os.fstat(fd).st_size)
    rd, wr = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
    print(os.get_blocking(rd), os.get_inheritable(wr), os.sendfile(wr, fd, 0, 5), os.read(rd, 10))
    print(os.sendfile(wr, fd, None, 3), os.read(rd, 10))
    for x in (rd, wr, fd):
        os.close(x)
    here = os.open(".", os.O_RDONLY)
    dfd = os.open(d, os.O_RDONLY)
    os.fchdir(dfd)
    print(os.path.samefile(os.getcwd(), d))
    os.fchdir(here)
    os.close(here)
    os.close(dfd)
show(lambda: os.pipe2())
show(lambda: os.ttyname(99))
show(lambda: os.posix_fallocate(99, 0, 10))
show(lambda: os.lockf(99, os.F_LOCK, 0))
show(lambda: os.sendfile(99, 98, None, 10))
print(type(os.ctermid()))

print(len(os.getrandom(16)), len(os.getrandom(4, os.GRND_NONBLOCK)), os.getrandom(0))
show(lambda: os.getrandom(-1))
m = os.memfd_create("minipy-test")
print(os.write(m, b"abc"), os.pread(m, 3, 0), os.get_inheritable(m))
os.close(m)
show(lambda: os.memfd_create(5))
ev = os.eventfd(3, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
print(os.eventfd_write(ev, 4), os.eventfd_read(ev))
show(lambda: os.eventfd_read(ev))
os.close(ev)
show(lambda: os.eventfd_read(99))
print(os.WCOREDUMP(0x80 | 6), os.WCOREDUMP(6), os.WIFCONTINUED(0xFFFF), os.WIFCONTINUED(0))
print(os.P_ALL, os.P_PID, os.P_PGID, os.PRIO_USER, os.SCHED_RR, os.RTLD_NOW, os.CLD_EXITED, os.ST_RDONLY,
      os.O_FSYNC == os.O_SYNC, os.TMP_MAX, os.NGROUPS_MAX, os.EFD_SEMAPHORE, os.MFD_HUGE_2MB)
ev = os.eventfd(0)
os.eventfd_write(ev, 2**64 - 2)
print(os.eventfd_read(ev))
for v in [-1, 2**64, 2**64 - 1, "x", 1.5]:
    show(lambda: os.eventfd_write(ev, v))
os.close(ev)
for f in [lambda: os.execv("/bin/true", []), lambda: os.execv("/bin/true", [""]), lambda: os.execve("/bin/true", [], {}),
          lambda: os.execve("/bin/true", [""], {}), lambda: os.execve("/bin/true", ["x"], {"A=B": "x"}),
          lambda: os.execve("/bin/true", ["x"], {"": "x"}), lambda: os.execve("/bin/true", ["x"], {"A\0": "x"})]:
    show(f)
