# PYTHONHASHSEED as CPython's: a number N keys the str/bytes hash as CPython does with that seed
# (so hashes and the order of sets of strings match it), 0 turns randomisation off, "random" gives
# each run its own key, and anything else is a fatal error at start-up.
import os
import subprocess
import sys

probe = "import sys; print(hash('abc'), hash(b'abc'), hash('x' * 100), sys.flags.hash_randomization, list({'a', 'b', 'c', 'd', 'e'}))"


def run(seed):
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)


for seed in ("0", "1", "42", "4294967295"):
    p = run(seed)
    print(seed, p.returncode, p.stdout.strip())
first, second = run("random"), run("random")
print("random", first.returncode, first.stdout.split()[3], first.stdout.split()[0] != second.stdout.split()[0])
for bad in ("abc", "-1", "4294967296", "5x"):
    p = run(bad)
    print(repr(bad), p.returncode, p.stderr.splitlines()[0])
