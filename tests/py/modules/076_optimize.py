# -O, -OO and PYTHONOPTIMIZE: asserts and `if __debug__:` blocks are gone from 1, docstrings from
# 2; __debug__ and sys.flags.optimize say the level; an imported module's compiled code is cached
# per level (".opt-1", ".opt-2"), so a run at one level never gets code compiled at another;
# compile(optimize=) chooses the level for one piece of code.
import os
import subprocess
import sys
import tempfile

MODULE = '''"""the module's docstring"""
def check():
    "check's docstring"
    assert False, "asserts on"
    return "asserts off"
class C:
    "C's docstring"
'''
MAIN = '''import sys, m
try:
    print(m.check())
except AssertionError as e:
    print(e)
print(sys.flags.optimize, __debug__, m.__doc__, m.check.__doc__, m.C.__doc__)
print(".opt-1." in m.__cached__, ".opt-2." in m.__cached__)
if __debug__:
    print("under __debug__")
'''
env = {k: v for k, v in os.environ.items() if k != "PYTHONOPTIMIZE"}
with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, "m.py"), "w") as f:
        f.write(MODULE)
    with open(os.path.join(folder, "main.py"), "w") as f:
        f.write(MAIN)
    runs = [[], ["-O"], ["-OO"], [], ["-O", "-O"], ["-OB"], ["-O"]]
    for args in runs:
        out = subprocess.run([sys.executable, *args, "main.py"], cwd=folder, capture_output=True, text=True, env=env)
        print(args, out.returncode, out.stdout, out.stderr)
    for value in ["1", "2", "yes", ""]:
        out = subprocess.run(
            [sys.executable, "main.py"], cwd=folder, capture_output=True, text=True,
            env=dict(env, PYTHONOPTIMIZE=value),
        )
        print(repr(value), out.stdout)
    # -E ignores PYTHONOPTIMIZE; -O still counts.
    for args in [["-E"], ["-E", "-O"], ["-OOO"]]:
        out = subprocess.run(
            [sys.executable, *args, "-c", "import sys; print(sys.flags.optimize, __debug__)"],
            capture_output=True, text=True, env=dict(env, PYTHONOPTIMIZE="2"),
        )
        print(args, out.stdout)
    out = subprocess.run([sys.executable, "-Oc", "assert 0; print('ran', __debug__)"], capture_output=True, text=True, env=env)
    print(out.stdout, out.returncode)

# compile(optimize=...): -1 is the interpreter's own level.
for level in (-1, 0, 1, 2):
    code = compile('"doc"\nassert x, "failed"\ny = __debug__\ndef g():\n    "g doc"\n', "<s>", "exec", optimize=level)
    ns = {"x": 0}
    try:
        exec(code, ns)
        print(level, "no assert", ns["y"], ns.get("__doc__"), ns["g"].__doc__)
    except AssertionError as e:
        print(level, "AssertionError", e)
for bad in (-2, 3):
    try:
        compile("1", "<s>", "exec", optimize=bad)
    except ValueError as e:
        print(bad, e)
print(compile("1", "<s>", "eval", optimize=2).co_filename)
