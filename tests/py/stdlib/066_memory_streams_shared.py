# io.StringIO and io.BytesIO: the methods they share (modules/memory_stream.h) and the texts in which
# CPython makes them differ (closed file, negative size, flush of a closed StringIO).
import io
for cls, data in ((io.StringIO, "abc\ndef\n"), (io.BytesIO, b"abc\ndef\n")):
    f = cls(data)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.tell(), f.read(2), f.tell())
    print(f.truncate(5), f.getvalue(), f.truncate())
    try:
        f.truncate(-1)
    except ValueError as e:
        print(e)
    with f as g:
        print(g is f, g.flush())
    for m in (f.tell, f.isatty, f.readable, f.flush, lambda: f.truncate(0)):
        try:
            m()
        except ValueError as e:
            print(e)
    f.close()
