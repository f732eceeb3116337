# io.StringIO: reading, writing over, seeking, iteration, redirect_stdout into it, closed errors.
import io, contextlib
s = io.StringIO("héllo\nworld\n")
print(s.readline(), s.tell(), s.read(3), s.readlines())
s.seek(0); s.write("HE"); print(repr(s.getvalue()), s.tell())
s.seek(0, 2); print(s.write("end"), s.getvalue().endswith("end"))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("a", 1, sep="-")
print(repr(buf.getvalue()), list(io.StringIO("x\ny")), s.closed)
s.close()
try:
    s.read()
except ValueError as e:
    print(e)
