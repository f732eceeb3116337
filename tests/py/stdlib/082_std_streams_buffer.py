# sys.stdout.buffer, sys.stderr.buffer and sys.stdin.buffer: bytes written to the standard streams
# come out in order with print(), once each side is flushed.
import sys

print("text first")
sys.stdout.flush()
print(sys.stdout.buffer.write(b"bytes second\n"))
sys.stdout.buffer.flush()
print("text third")
sys.stdout.flush()
sys.stdout.buffer.write("caf\u00e9 \u2713\n".encode())
sys.stdout.buffer.flush()
# (With PYTHONUNBUFFERED set, CPython's stdout.buffer is the FileIO itself, without a `raw`.)
for stream in (sys.stdout, sys.stderr, sys.stdin):
    buffer = stream.buffer
    raw = getattr(buffer, "raw", buffer)
    print(buffer.name, raw.name, raw.closefd, buffer.fileno() == stream.fileno())
print(sys.stdout.buffer.writable(), sys.stdin.buffer.readable())
sys.stderr.buffer.write(b"to stderr\n")
sys.stderr.buffer.flush()
try:
    sys.stdout.buffer.write("str")
except TypeError as e:
    print("TypeError:", e)
