# subprocess's pass_fds: the listed descriptors stay open in the child although os.pipe makes them
# non-inheritable (CPython's make_inheritable in the child); without pass_fds the child cannot use them.
import os, subprocess, sys
r, w = os.pipe()
print(os.get_inheritable(w))
code = "import os, sys; fd = int(sys.argv[1]); os.write(fd, b'data'); os.close(fd)"
p = subprocess.Popen([sys.executable, "-c", code, str(w)], pass_fds=(w,))
p.wait()
os.close(w)
print(p.returncode, os.read(r, 100), os.get_inheritable(w) if False else "")
r2, w2 = os.pipe()
p = subprocess.run([sys.executable, "-c", code, str(w2)], stderr=subprocess.PIPE)
os.close(w2)
print(p.returncode, b"Bad file descriptor" in p.stderr, os.read(r2, 100))
