# CPython's glob and fnmatch, unchanged from its Lib, over minipy's posix.scandir: wildcards, character
# classes, recursive '**', hidden files, root_dir=/dir_fd=, escape(), and fnmatch's translation to re.
import fnmatch
import glob
import os
import tempfile

print(fnmatch.fnmatch("data.TXT", "*.txt"), fnmatch.fnmatchcase("data.TXT", "*.txt"))
print(fnmatch.filter(["a.py", "b.pyc", "c.py", ".d.py", "e[1].py"], "*.py"))
print(fnmatch.filter(["x1", "x2", "xa", "x!", "x-"], "x[!0-9]"), fnmatch.filter(["x1", "x-", "x]"], "x[]-]"))
for pat in ["*.py", "a?c", "[a-c]*", "[!abc]", "x[", "**/*.txt", "a[[]b"]:
    print(pat, fnmatch.translate(pat))

with tempfile.TemporaryDirectory() as top:
    def touch(*parts):
        path = os.path.join(top, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()

    for p in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/deep/e.txt", "sub/deep/f.py",
              "other/g.TXT", "[x].txt"]:
        touch(*p.split("/"))

    def show(pattern, **kw):
        found = glob.glob(pattern, root_dir=top, **kw)
        print(pattern, kw, sorted(found))

    show("*.txt")
    show("*")
    show("?.py")
    show("*/*.txt")
    show("**/*.txt", recursive=True)
    show("**", recursive=True)
    show("sub/**/", recursive=True)
    show("**/*.py")
    show("[ab].txt")
    show(glob.escape("[x].txt"))
    show("[x].txt")
    show("nothing*")
    show("sub")
    show("sub/")
    print(sorted(os.path.relpath(p, top) for p in glob.iglob(os.path.join(top, "sub", "*", "*"))))
    fd = os.open(top, os.O_RDONLY)
    try:
        print(sorted(glob.glob("sub/*", dir_fd=fd)))
    finally:
        os.close(fd)
    print(glob.has_magic("a*b"), glob.has_magic("abc"), glob.escape("what?[*]"))
