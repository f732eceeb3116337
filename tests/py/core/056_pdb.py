# CPython's pdb, run on minipy's sys.settrace: a breakpoint, stepping into and over calls, printing
# locals, `until`, returning and a backtrace, driven by scripted commands. (Not here: post-mortem
# of a traceback, whose frames keep no locals in minipy.)
import io
import os
import pdb


def area(w, h):
    scaled = w * 2
    return scaled * h


def total(items):
    acc = 0
    for w, h in items:
        acc += area(w, h)
    return acc


def run(commands, fn, *args):
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(commands), stdout=out, nosigint=True)
    debugger.use_rawinput = False
    result = debugger.runcall(fn, *args)
    # Paths differ from machine to machine: keep the file's name only.
    here = os.path.abspath(__file__)
    print(out.getvalue().replace(here, os.path.basename(here)), end="")
    print("result:", result)


run("n\nn\np acc\ns\np w, h\nn\np scaled\nr\nc\n", total, [(1, 2), (3, 4)])
run("b area\nc\np w\nbt\nc\n", total, [(5, 6)])
run("until 18\np acc\nc\n", total, [(1, 1), (2, 2)])

