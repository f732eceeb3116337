# CPython's argparse, unchanged from its Lib: parsing, types and choices, subcommands, groups, help and
# usage text (it formats through textwrap and re), and its errors (argparse exits with status 2).
import argparse
import io
import contextlib
import os

os.environ["COLUMNS"] = "80"  # help text is wrapped to the terminal's width

p = argparse.ArgumentParser(prog="tool", description="Counts things.", epilog="That is all.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("--flag", action="store_true")
p.add_argument("--no-color", dest="color", action="store_false")
p.add_argument("--tag", action="append", metavar="T")
p.add_argument("--pair", nargs=2, type=float)
g = p.add_mutually_exclusive_group()
g.add_argument("--json", action="store_true")
g.add_argument("--xml", action="store_true")

ns = p.parse_args(["a.txt", "b.txt", "-n", "7", "-vv", "--tag", "x", "--tag=y", "--pair", "1", "2.5"])
print(sorted(vars(ns).items()))
print(p.parse_args([]))
ns, rest = p.parse_known_args(["--flag", "--unknown", "z"])
print(ns.flag, rest)
print(p.format_usage(), end="")
print(p.format_help(), end="")


def fails(args):
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            p.parse_args(args)
        except SystemExit as e:
            print("exit", e.code)
    print(err.getvalue(), end="")


fails(["-n", "x"])
fails(["--mode", "medium"])
fails(["--json", "--xml"])
fails(["--pair", "1"])

sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd", required=True)
c = sp.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
push = sp.add_parser("push", aliases=["p"])
push.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "hi"]))
print(sub.parse_args(["p"]))
print(sub.format_help(), end="")

ex = argparse.ArgumentParser(prog="ex", fromfile_prefix_chars="@",
                             formatter_class=argparse.RawDescriptionHelpFormatter,
                             description="line one\n  line two, kept as written")
ex.add_argument("--size", type=lambda s: int(s, 0), help=argparse.SUPPRESS)
ex.add_argument("--version", action="version", version="%(prog)s 1.0")
print(ex.parse_args(["--size", "0x10"]))
print(ex.format_help(), end="")
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        ex.parse_args(["--version"])
    except SystemExit as e:
        code = e.code
print(code, repr(out.getvalue()))
try:
    p.add_argument("--count")
except argparse.ArgumentError as e:
    print(type(e).__name__, e)
print(argparse.Namespace(a=1, b="x") == argparse.Namespace(b="x", a=1), "a" in argparse.Namespace(a=1))
