# sys.stdout and sys.stderr answer as CPython's TextIOWrapper does: name, mode, encoding, errors,
# line_buffering, readable/writable, reconfigure() and its errors, and bytes written to .buffer come
# out in order with the text. (Not seekable() or seek(): they depend on what stdout is, a file under
# ctest and a pipe under tools/golden.)
import io
import sys

out, err = sys.stdout, sys.stderr
print(out.name, out.mode, out.encoding, out.errors, out.line_buffering, out.newlines, out.closed)
print(err.name, err.mode, err.encoding, err.errors)
print(out.isatty(), out.readable(), out.writable(), out.fileno(), err.fileno())
print(repr(out))
print(out.write("written\n"))

out.reconfigure(errors="replace")
print(out.errors)
out.reconfigure(line_buffering=True)
print(out.line_buffering)
out.reconfigure(line_buffering=False, write_through=False)
print(out.line_buffering, out.write_through)
out.reconfigure(encoding="UTF-8", errors="strict")
print(out.encoding, out.errors)
for bad in ({"bogus": 1}, {"errors": 1}, {"encoding": 2}, {"newline": "x"}):
    try:
        out.reconfigure(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    out.reconfigure(1)
except TypeError as e:
    print("TypeError", e)
for name in ("read", "readline"):
    try:
        getattr(out, name)()
    except io.UnsupportedOperation as e:
        print(name, "UnsupportedOperation", e)

out.reconfigure(newline="\r\n")
print("two\nlines")
out.reconfigure(newline="\n")
print("text before bytes")
out.flush()
out.buffer.write(b"bytes after text\n")
out.buffer.flush()
print("text after bytes")
