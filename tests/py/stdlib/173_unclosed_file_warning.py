# A file object dropped while open gives a ResourceWarning "unclosed file <repr>" (ignored unless a
# filter shows it), once per file, from the outermost object (TextIOWrapper, Buffered*, FileIO),
# with the object as the warning's source; closed files, detached stacks and descriptors the file
# does not own give none, and an error raised by the warning is reported, not raised.
import io
import os
import subprocess
import sys
import tempfile
import warnings

path = os.path.join(tempfile.mkdtemp(), "data.txt")
with open(path, "w") as f:
    f.write("hello\n")


def dropped(make):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        obj = make()
        del obj
    return [(w.category.__name__, str(w.message).replace(path, "PATH"), type(w.source).__name__) for w in caught]


print(dropped(lambda: open(path)))
print(dropped(lambda: open(path, "rb")))
print(dropped(lambda: open(path, "rb", buffering=0)))
print(dropped(lambda: io.FileIO(path, "r")))
print(dropped(lambda: open(path, "a", encoding="latin-1")))


def closed():
    f = open(path)
    f.close()
    return f


print(dropped(closed))
print(dropped(lambda: open(os.open(path, os.O_RDONLY), closefd=False)))
print(dropped(lambda: open(path).detach().detach()))
print(dropped(lambda: io.StringIO("x")))

# Default filters: nothing shown. -W error: reported as an exception ignored in the finalizer.
code = "f = open(%r)\ndel f\nprint('after')" % path
for args in ([], ["-W", "error::ResourceWarning"], ["-X", "dev"]):
    run = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True)
    err = run.stderr.replace(path, "PATH").splitlines()
    # (CPython reports the error twice, from the TextIOWrapper and from its FileIO; minipy once.)
    ignored = any(line.startswith("Exception ignored in: <_io.") for line in err)
    print(args, run.returncode, run.stdout.strip(), ignored, err[-1:] if err else [])
