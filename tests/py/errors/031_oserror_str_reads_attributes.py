# OSError's str() is built from errno, strerror, filename and filename2 as they are when it is
# called (CPython's OSError_str): assignments show, None included, and a filename of None given at
# creation is no filename.
e = OSError("a")
print(repr(str(e)))
e.errno = 3
print(repr(str(e)))
e.strerror = "boom"
print(repr(str(e)))
e.filename = "f"
print(repr(str(e)))
e.filename2 = "g"
print(repr(str(e)))
e.filename = None
print(repr(str(e)))

e = OSError(1, "x", "f")
e.filename = None
print(repr(str(e)))
e.filename2 = "q"
print(repr(str(e)))

e = OSError(1, "x")
e.errno = None
print(repr(str(e)))
e.strerror = None
print(repr(str(e)))

e = OSError()
print(repr(str(e)))
e.filename = "z"
print(repr(str(e)))

e = OSError(2, "gone", None)
print(repr(str(e)), e.filename, e.args)
e = OSError(2, "gone", "a", None, None)
print(repr(str(e)), e.filename2)
e = OSError(2, "gone", "a", None, "b")
print(repr(str(e)))
e = FileNotFoundError(2, "nf", "p")
e.errno = 5
print(repr(str(e)), repr(e))
try:
    open("/nonexistent/dir/file")
except OSError as err:
    err.strerror = "changed"
    print(err)

# BlockingIOError's third argument, a number, is characters_written; args keep every argument when
# no filename is given.
e = BlockingIOError(11, "would block", 5)
print(e.args, e.characters_written, e.filename, str(e))
e = OSError(2, "gone", None, None, "b")
print(e.args, e.filename2, str(e))
e = OSError(2, "gone", "a", None, "b")
print(e.args, e.filename, e.filename2)
