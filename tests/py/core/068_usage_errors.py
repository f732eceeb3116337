# Command-line usage errors are worded as CPython's (first line) and exit with status 2: an unknown
# letter (alone or in a group), an unknown long option, an option missing its value; a switch
# given twice is accepted.
import subprocess
import sys

for args in (["-z"], ["-qz"], ["-zq"], ["-q", "-y"], ["--unknown-option"], ["--x"], ["-c"], ["-m"],
             ["-X"], ["-W"], ["-E", "-E", "-c", "print('twice is fine')"]):
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    first = done.stderr.splitlines()[0] if done.stderr else ""
    print(args, done.returncode, repr(done.stdout), repr(first))
