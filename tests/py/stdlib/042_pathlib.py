# pathlib from CPython's Lib over os/posix: pure path arithmetic, then real files in a fresh folder.
import os
import pathlib
from pathlib import Path, PurePath, PurePosixPath

p = PurePosixPath("/usr/lib/python3.11/os.py")
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, p.parents[1], p.anchor, p.root)
print(p.parts, p.is_absolute(), p.with_suffix(".txt"), p.with_name("x.py"), p.with_stem("y"))
print(p.relative_to("/usr"), p.is_relative_to("/usr"), p.match("*.py"), p.match("lib/*.py"), p.match("*.txt"))
print(PurePath("a") / "b" / "c", "x" / PurePosixPath("y"), PurePosixPath("a//b/./c/"), PurePosixPath())
print(PurePosixPath("a/b") == PurePosixPath("a//b"), PurePosixPath("a") < PurePosixPath("b"),
      hash(PurePosixPath("a/b")) == hash(PurePosixPath("a/b")), sorted([PurePosixPath("b"), PurePosixPath("a")]))
print(PurePosixPath("/a/b").as_uri(), os.fspath(PurePosixPath("a/b")), bytes(PurePosixPath("a/b")), str(Path("q")))
print(type(Path("x")).__name__, isinstance(Path("x"), PurePath), Path("~").expanduser() == Path(os.path.expanduser("~")))
try:
    PurePosixPath("/a").relative_to("/b")
except ValueError as e:
    print("ValueError:", e)
try:
    PurePosixPath("a").with_suffix("bad")
except ValueError as e:
    print("ValueError:", e)

base = Path("/tmp") / ("minipy_test_042_%d" % os.getpid())
base.mkdir()
print(base.exists(), base.is_dir(), base.is_file(), list(base.iterdir()))
(base / "sub" / "deeper").mkdir(parents=True)
(base / "sub").mkdir(exist_ok=True)
try:
    (base / "sub").mkdir()
except FileExistsError as e:
    print("FileExistsError:", e.strerror)
f = base / "notes.txt"
print(f.write_text("first line\nsecond line\n"), f.read_text().splitlines(), f.stat().st_size)
print(f.write_bytes(b"\x00\x01"), f.read_bytes(), f.exists(), f.is_file())
with f.open("w") as out:
    out.write("opened")
with (base / "notes.txt").open() as inp:
    print(inp.read())
(base / "sub" / "a.py").touch()
(base / "sub" / "deeper" / "b.py").touch()
print(sorted(x.name for x in base.iterdir()))
print(sorted(str(x.relative_to(base)) for x in base.glob("*")))
print(sorted(str(x.relative_to(base)) for x in base.glob("**/*.py")))
print(sorted(str(x.relative_to(base)) for x in base.rglob("*.py")))
link = base / "link"
link.symlink_to(f)
print(link.is_symlink(), link.resolve() == f.resolve(), link.read_text(), os.readlink(link) == str(f))
g = f.rename(base / "renamed.txt")
print(g.name, f.exists(), g.exists(), link.exists(), link.is_symlink())
link.unlink()
g.unlink()
g.unlink(missing_ok=True)
try:
    g.unlink()
except FileNotFoundError as e:
    print("FileNotFoundError:", e.filename == str(g))
for p in sorted(base.rglob("*"), reverse=True):
    p.unlink() if p.is_file() else p.rmdir()
print(list(base.iterdir()))
base.rmdir()
print(base.exists(), Path("/").is_dir(), Path.cwd() == Path(os.getcwd()))
