# os and os.path (CPython's os.py and posixpath over minipy's native posix): names, path text
# functions, fspath, the environment.
import os
import os.path
import sys

print(os.name, os.sep, os.altsep, os.curdir, os.pardir, os.extsep, os.pathsep, repr(os.linesep), os.devnull)
print(os.path is sys.modules["os.path"], os.path.__name__)
print(os.path.join("a", "b", "c.txt"), os.path.join("/a", "/b"), os.path.join(b"x", b"y"))
print(os.path.split("/usr/lib/python3.11/os.py"), os.path.splitext("archive.tar.gz"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath(""), os.path.normpath("../x/.."))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
print(os.path.commonprefix(["interstate", "internet"]), os.path.splitdrive("/a/b"))
print(os.path.join(os.path.abspath("/a/b/.."), "z"), os.path.realpath("/") == "/")
os.environ["HOME"] = "/home/someone"
print(os.path.expanduser("~/x"), os.path.expanduser("~"), os.path.expanduser("x~"))
os.environ["MINIPY_TEST_VAR"] = "value"
print(os.path.expandvars("$MINIPY_TEST_VAR/${MINIPY_TEST_VAR}/$UNSET_MINIPY_VAR"))


class Place:
    def __init__(self, where):
        self.where = where

    def __fspath__(self):
        return self.where


print(os.fspath("s"), os.fspath(b"b"), os.fspath(Place("/p")), os.path.join(Place("/p"), "q"))
print(isinstance(Place("x"), os.PathLike), issubclass(str, os.PathLike))
for bad in (3, None, Place(4)):
    try:
        os.fspath(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.path.join("a", b"b")
except TypeError as e:
    print("TypeError:", e)

print(os.environ["MINIPY_TEST_VAR"], os.getenv("MINIPY_TEST_VAR"), os.getenv("UNSET_MINIPY_VAR", "dflt"))
print("MINIPY_TEST_VAR" in os.environ, os.environb[b"MINIPY_TEST_VAR"])
os.environ["MINIPY_TEST_VAR"] = "other"
print(os.environ.get("MINIPY_TEST_VAR"), os.environ.setdefault("MINIPY_NEW", "n"))
del os.environ["MINIPY_TEST_VAR"]
print("MINIPY_TEST_VAR" in os.environ, os.environ.pop("MINIPY_NEW"), "MINIPY_NEW" in os.environ)
try:
    os.environ["MINIPY_TEST_VAR"]
except KeyError as e:
    print("KeyError:", e)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)
print(type(os.environ).__name__, isinstance(dict(os.environ), dict))
print(type(os.getpid()), os.getpid() == os.getpid(), os.getppid() > 0, type(os.cpu_count()))
print(len(os.urandom(16)), type(os.urandom(0)), os.strerror(2), os.strerror(13))
print(os.getcwd() == os.path.abspath("."), type(os.getcwdb()), os.fsencode("a"), os.fsdecode(b"a"))
print(os.fsdecode(b"bad\xff") == "bad\udcff", os.fsencode("bad\udcff"))
print(os.uname().sysname, len(os.uname()), type(os.times().elapsed), os.get_exec_path(env={"PATH": "/a:/b"}))
print(os.supports_bytes_environ, os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks)
