# errno (native, the numbers of <errno.h> under CPython's names), stat (CPython's stat.py), and the
# struct sequences of os: stat_result, terminal_size, uname_result, times_result.
import errno
import os
import stat

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.EOPNOTSUPP], len(errno.errorcode) > 100)
print(sorted(n for n in dir(errno) if n.startswith("E")) == sorted(set(errno.errorcode.values()) | {"EWOULDBLOCK", "EDEADLK", "EOPNOTSUPP"}))
for code in (errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM,
             errno.ECHILD, errno.ESRCH, errno.EAGAIN, errno.EPIPE, errno.ECONNREFUSED, errno.ETIMEDOUT,
             errno.EINVAL):
    e = OSError(code, os.strerror(code), "f")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, e)

print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o100644), stat.filemode(0o100644),
      stat.filemode(0o40755), stat.filemode(0o120777))
print(stat.S_ISDIR(stat.S_IFDIR), stat.S_ISREG(stat.S_IFDIR), stat.S_ISLNK(stat.S_IFLNK), stat.ST_SIZE, stat.ST_MTIME)

s = os.stat_result(range(10))
print(s, len(s), s[6], s.st_size, s.st_mtime, s.st_mtime_ns, s.st_blocks)
print(tuple(s), s[-1], s[2:4], s == tuple(range(10)), type(s).__name__, isinstance(s, tuple))
s = os.stat_result(tuple(range(10)) + (1.5, 2.5, 3.5, 10, 20, 30, 4096, 8, 0))
print(s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize, s.st_blocks, s.st_rdev, s[7])
for bad in ((1, 2), tuple(range(20))):
    try:
        os.stat_result(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    s.st_size = 3
except AttributeError as e:
    print("AttributeError")
real = os.stat("/")
print(stat.S_ISDIR(real.st_mode), real[stat.ST_MODE] == real.st_mode, real.st_mtime_ns // 10**9 == real[8],
      int(real.st_mtime) == real[stat.ST_MTIME])

t = os.terminal_size((80, 24))
print(t, t.columns, t.lines, t[0], tuple(t), t.n_fields)
try:
    os.terminal_size((1, 2, 3))
except TypeError as e:
    print("TypeError:", e)
u = os.uname()
print(type(u).__name__, len(u), u.sysname == u[0], [type(x).__name__ for x in u])
tm = os.times()
print(type(tm).__name__, len(tm), tm.user >= 0, tm.elapsed == tm[4])
print(os.WIFEXITED(0), os.WEXITSTATUS(3 << 8), os.WIFSIGNALED(9), os.WTERMSIG(9), os.waitstatus_to_exitcode(3 << 8),
      os.waitstatus_to_exitcode(9))
print(os.O_RDONLY, os.O_WRONLY | os.O_CREAT | os.O_EXCL == os.O_WRONLY + os.O_CREAT + os.O_EXCL, os.SEEK_END, os.F_OK, os.X_OK)
print(os.sysconf("SC_PAGESIZE") > 0, os.sysconf_names["SC_PAGESIZE"] == os.sysconf_names["SC_PAGE_SIZE"])
try:
    os.sysconf("no-such-name")
except ValueError as e:
    print("ValueError:", e)
print(os.confstr("CS_PATH"), os.confstr_names["CS_PATH"] == os.confstr_names["CS_PATH"])
try:
    os.confstr("no-such-name")
except ValueError as e:
    print("ValueError:", e)
r, w = os.pipe()
print(os.write(w, memoryview(b"view")), os.read(r, 10))
os.close(r)
os.close(w)
import copy
r = real.__reduce__()
print(r[0].__name__, len(r[1][0]), sorted(r[1][1]), t.__reduce__())
c = copy.copy(real)
print(c == real, c.st_mtime_ns == real.st_mtime_ns, c.st_blocks == real.st_blocks, type(c).__name__)
print(os.stat_result(tuple(range(10)), {"st_atime_ns": 5, "st_rdev": 9}).st_atime_ns,
      os.stat_result(tuple(range(10)), {"st_rdev": 9}).st_rdev)
try:
    os.stat_result(tuple(range(10)), 3)
except TypeError as e:
    print("TypeError:", e)
