# io.BytesIO and io.StringIO as CPython's: an attribute dict of their own (tarfile and the tests of
# bz2 and lzma set `name` or `seekable` on one), collected when it makes a cycle; the read-only
# fields; __getstate__/__setstate__ (pickle, copy) with their argument checks; __init__ run again;
# a subclass whose own __init__ takes other arguments; writes past the end; readlines' hint; and
# bytearray.extend's argument errors.
import io, gc, pickle, copy, weakref
b = io.BytesIO(b"abc")
b.me = b
r = weakref.ref(b)
del b
print(gc.collect() >= 1, r())
s = io.StringIO("x"); s.me = s; r = weakref.ref(s); del s; gc.collect(); print(r())
b = io.BytesIO(b"hello"); b.read(2); b.tag = 5
print(b.__getstate__())
c = pickle.loads(pickle.dumps(b)); print(c.tag, c.read(), c.__dict__)
s = io.StringIO("hey"); s.tag = [1]
print(s.__getstate__())
d = copy.copy(s); print(d.tag, d.getvalue())
try: b.closed = 1
except AttributeError as e: print(e)
try: del b.nothere
except AttributeError as e: print(e)
del b.tag; print(b.__dict__)
b.__dict__['k'] = 2; print(b.k)
try: b.__dict__ = {}
except Exception as e: print(type(e).__name__, e)
class Sub(io.BytesIO):
    pass
x = Sub(b"q"); x.a = 1; print(x.__dict__, vars(x))
import io
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO("a\r\nb", newline=nl); s.read(1)
    print(repr(nl), s.__getstate__())
b = io.BytesIO(b"xy"); print(b.__getstate__())
for st in [None, (b"a",), (b"a", 0, None, 1), ("a", 0, None), (b"a", "0", None), (b"a", -1, None), (b"a", 0, 5), (bytearray(b"zz"), 1, {'k': 1}), (b"abc", 7, None)]:
    b = io.BytesIO()
    try:
        b.__setstate__(st); print(b.getvalue(), b.tell(), b.__dict__)
    except Exception as e: print(type(e).__name__, e)
for st in [None, ("a", None, 0), ("a", "\n", 0, None, 1), (b"a", "\n", 0, None), ("a", 5, 0, None), ("a", "x", 0, None), ("a", "\n", "0", None), ("a", "\n", -1, None), ("a", "\n", 0, 5), ("ab\r\nc", "\r\n", 1, {'k': 1}), ("abc", None, 9, None), ("a\nb", "", 0, None)]:
    s = io.StringIO()
    try:
        s.__setstate__(st); print(repr(s.getvalue()), s.tell(), s.__dict__, s.newlines)
    except Exception as e: print(type(e).__name__, e)
b = io.BytesIO(b"q"); b.close()
try: b.__getstate__()
except Exception as e: print(type(e).__name__, e)
s = io.StringIO("q"); s.close()
try: s.__getstate__()
except Exception as e: print(type(e).__name__, e)
class Own(io.BytesIO):
    def __init__(self, a, b):
        super().__init__(a * b)
print(Own(b"ab", 3).getvalue())
class OwnText(io.StringIO):
    def __init__(self, a, b):
        super().__init__(a, b)
o = OwnText("x\r\ny", None); print(repr(o.getvalue()), o.newlines)
m = io.BytesIO(b"123"); m.__init__(b"abcdef"); print(m.getvalue(), m.tell())
m.__init__(None); print(m.getvalue())
s = io.StringIO("a"); s.close(); s.__init__("again"); print(s.getvalue(), s.closed)
for stream, empty in ((io.BytesIO(b"12"), b""), (io.StringIO("12"), "")):
    stream.seek(5); stream.write(empty); print(stream.getvalue(), stream.tell())
    stream.write(empty * 2 + (b"x" if empty == b"" else "x")); print(stream.getvalue())
    stream.close()
    try:
        stream.writelines([])
    except ValueError as e:
        print("ValueError", e)
print(io.StringIO("ab\ncd\nef\n").readlines(4), io.BytesIO(b"ab\ncd\nef\n").readlines(4))
for f in (io.BytesIO(b"a").read, io.StringIO("a").read, io.BytesIO(b"a").readlines, io.StringIO("a").readline):
    try:
        f("x")
    except TypeError as e:
        print(e)
b=bytearray()
class It:
  def __iter__(self): return iter([1,2])
class G:
  def __getitem__(self, i):
    if i > 2: raise IndexError
    return i
for x in [[1,'a'], [300], It(), memoryview(b'xy'), (i for i in [5]), [True], {1:2}, 'ab', 3, 2.5, None, G(), b'zz', bytearray(b'q'), [-1], [2**70]]:
  try: b.extend(x); print(b)
  except (TypeError, ValueError) as e: print(type(e).__name__, e)
