# `python -m cProfile script.py` and `-m cProfile -s calls`: the script runs with its arguments, and
# the report lists its functions. Times vary, so only the rows' counts and names are printed.
import os
import re
import subprocess
import sys
import tempfile

SCRIPT = '''
import sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def main():
    print("args:", sys.argv[1:])
    print("fib:", fib(int(sys.argv[1])))

main()
'''

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "prog.py")
    with open(path, "w") as f:
        f.write(SCRIPT)
    for opts in ([], ["-s", "calls"], ["-s", "tottime"]):
        r = subprocess.run([sys.executable, "-m", "cProfile", *opts, path, "7"], capture_output=True,
                           text=True)
        print("exit", r.returncode, repr(r.stderr))
        lines = r.stdout.splitlines()
        print(lines[0], lines[1])
        m = re.search(r"(\d+) function calls(?: \((\d+) primitive calls\))? in [\d.]+ seconds", r.stdout)
        print("header found:", bool(m))
        print([l for l in lines if l.startswith("   Ordered by")])
        rows = []
        for line in lines:
            m = re.match(r"\s+(\d+(?:/\d+)?)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+ (prog\.py:\d+\(\w+\))$",
                         line.replace(path, "prog.py"))
            if m:
                rows.append((m.group(2), m.group(1)))
        print(sorted(rows))
    # -o writes a stats file pstats can read back.
    out = os.path.join(d, "prof.out")
    r = subprocess.run([sys.executable, "-m", "cProfile", "-o", out, path, "5"], capture_output=True, text=True)
    print(r.returncode, r.stdout)
    import pstats
    st = pstats.Stats(out)
    print(sorted((k[2], v[0], v[1]) for k, v in st.stats.items() if k[0].endswith("prog.py")))
