# compile()'s file name may be a str, bytes or os.PathLike object (pathlib.Path), as CPython's; it
# is converted before the source is looked at, so a bad file name is reported first.
import pathlib

print(compile("x = 1", pathlib.Path("pkg/mod.py"), "exec").co_filename)
print(compile("x = 1", b"from_bytes.py", "exec").co_filename)


class Named:
    def __fspath__(self):
        return "custom.py"


print(compile("1 + 1", Named(), "eval").co_filename)
for args in [("x", 3, "exec"), (1, 3, "exec"), (1, "f", "exec"), ("x", "f", 3)]:
    try:
        compile(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    compile("1 +", pathlib.Path("broken.py"), "exec")
except SyntaxError as e:
    print("SyntaxError:", e.filename, e.lineno)
