# Processes through os: fork, pipes between parent and child, waitpid and the status functions,
# _exit, and exec of a new program image in a child.
import os
import sys

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"child says hi")
    os.close(w)
    os._exit(7)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
done, status = os.waitpid(pid, 0)
print(data, done == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    os.execv("/bin/sh", ["sh", "-c", "exit 3"])
_, status = os.waitpid(pid, 0)
print(os.WIFEXITED(status), os.WEXITSTATUS(status))

pid = os.fork()
if pid == 0:
    os.execve("/bin/sh", ["sh", "-c", 'test "$MINIPY_CHILD" = yes'], {"MINIPY_CHILD": "yes"})
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print("ChildProcessError:", e)
