# The compiled-code cache: a module's code (every kind of constant, nested code, closures, handlers)
# behaves the same compiled from source and read back from its cache entry, which the child process
# reads here (and every later run of the suite). With -B, sys.dont_write_bytecode is True.
import subprocess
import sys

sys.path.insert(0, "lib")
import cached_code

cached_code.show()
child = "import sys; sys.path.insert(0, 'lib'); import cached_code; cached_code.show()"
first = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(first.returncode, repr(first.stderr), first.stdout.count("\n"))
again = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(again.stdout == first.stdout)
flags = "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode); " + child
read_only = subprocess.run([sys.executable, "-B", "-c", flags], capture_output=True, text=True)
print(read_only.stdout.partition("\n")[0], read_only.stdout.partition("\n")[2] == first.stdout)
