# os.fsync, os.fdatasync and os.fchdir take one file descriptor: an int or an object with fileno(),
# positionally or by the keyword fd, with CPython's errors for a negative, a wrong type or a closed one.
import os
import tempfile

scratch = os.path.join(tempfile.mkdtemp(), 'fd_calls.tmp')
fd = os.open('/tmp', os.O_RDONLY)
w = os.open(scratch, os.O_WRONLY | os.O_CREAT)
class F:
    def fileno(self): return fd
print(os.fchdir(fd=fd), os.fdatasync(fd=w), os.fsync(fd=w), os.fchdir(F()), os.fsync(F()))
for f in (os.fsync, os.fdatasync, os.fchdir):
    for arg in (-1, "x", 99999):
        try: f(arg)
        except Exception as e: print(f.__name__, type(e).__name__, e)
try: os.fsync(1, 2)
except TypeError as e: print(e)
os.close(w)
os.remove(scratch)
os.rmdir(os.path.dirname(scratch))
