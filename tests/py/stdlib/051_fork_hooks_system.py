# os.register_at_fork's hooks around os.fork, os.system, process groups and sessions, load averages.
import os
import sys

calls = []
os.register_at_fork(before=lambda: calls.append("before 1"), after_in_parent=lambda: calls.append("parent 1"),
                    after_in_child=lambda: calls.append("child 1"))
os.register_at_fork(before=lambda: calls.append("before 2"), after_in_parent=lambda: calls.append("parent 2"),
                    after_in_child=lambda: calls.append("child 2"))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, repr(calls).encode())
    os._exit(0)
os.close(w)
child_calls = os.read(r, 1000).decode()
os.close(r)
os.waitpid(pid, 0)
print(calls)
print(child_calls)
for kwargs in ({}, {"before": 1}, {"after_in_child": None, "after_in_parent": "x"}):
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print("TypeError:", e)

sys.stdout.flush()
status = os.system("exit 3")
print(status, os.waitstatus_to_exitcode(status), os.WEXITSTATUS(os.system("true")))
status = os.system("echo from the shell")
print(os.waitstatus_to_exitcode(status))
print(os.getpgid(0) == os.getpgrp(), isinstance(os.getsid(0), int), os.getpgid(os.getpid()) == os.getpgrp())
print(isinstance(os.getgroups(), list), all(isinstance(g, int) for g in os.getgroups()))
load = os.getloadavg()
print(type(load).__name__, len(load), all(isinstance(x, float) and x >= 0 for x in load))
for call, args in [(os.getpgid, (-5,)), (os.killpg, (-5, 0)), (os.getsid, (-5,))]:
    try:
        call(*args)
    except OSError as e:
        print(type(e).__name__, e)
pid = os.fork()
if pid == 0:
    os.setsid()
    os._exit(0 if os.getsid(0) == os.getpid() and os.getpgrp() == os.getpid() else 1)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
