# Error handlers that are not the standard ones (CPython's test_codeccallbacks, which hung minipy):
# a decode handler may replace the exception's object, and decoding goes on in the new one; the
# consumed count of a final decode is the input's length; the UTF encoders take only ASCII text and
# whole code units of bytes from a handler; handlers refuse errors whose object has the wrong type;
# unicode_escape warns about the first invalid escape; UnicodeEncodeError.__init__ called by a
# subclass sets its attributes, and start/end are C integers that cannot be deleted.
import codecs
import warnings


def replace_with_long(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b"\x00" * 8
        return ("\ufffd", exc.start)
    raise TypeError("don't know how to handle %r" % exc)


codecs.register_error("test.replace_with_long", replace_with_long)
for encoding in ("utf-16", "utf-32", "utf-8", "ascii", "utf-7", "utf-16-le"):
    print(encoding, ascii(b"\x00\xff".decode(encoding, "test.replace_with_long")))


def forward_shorter_than_end(exc):
    if isinstance(exc, UnicodeDecodeError):
        return ("\ufffd", exc.start + 1)
    raise TypeError("don't know how to handle %r" % exc)


codecs.register_error("test.forward", forward_shorter_than_end)
print(ascii(b"\xd8\xd8\xd8\xd8\xd8\x00\x00\x00".decode("utf-16-le", "test.forward")))
print(ascii(b"\x11\x11\x11\x11\x11\x00\x00\x00\x00\x00\x00".decode("utf-32-le", "test.forward")))


def mutating(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b"x\\" + exc.object[exc.end:]
        return ("\u0404", 1)
    raise AssertionError


codecs.register_error("test.mutating", mutating)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(ascii(codecs.unicode_escape_decode(rb"\x5n\z", "test.mutating")))
    print(ascii(codecs.unicode_escape_decode(memoryview(rb"\501\qz")[:-1])))
    print(ascii(codecs.raw_unicode_escape_decode(rb"\z\501")))
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])

replacement = None


def handle(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (replacement, exc.end)
    raise TypeError


codecs.register_error("test.replacing", handle)
for encoding, replacement in (("ascii", "abc"), ("latin-1", "\xbd"), ("utf-8", "\U0001f40d"), ("utf-8", "ok"),
                              ("utf-16-le", b"a"), ("utf-16-le", b"ab"), ("utf-32-be", b"abc"),
                              ("utf-32-be", "\xe9"), ("utf-8", b"\xff")):
    try:
        print(encoding, ascii(replacement), "[\udc80]".encode(encoding, "test.replacing"))
    except UnicodeEncodeError as e:
        print(encoding, ascii(replacement), "UnicodeEncodeError", e.start, e.end, e.reason)


class BadObject(UnicodeEncodeError):
    def __init__(self):
        UnicodeEncodeError.__init__(self, "ascii", "", 0, 1, "bad")
        self.object = []


class NoEnd(UnicodeDecodeError):
    def __init__(self):
        UnicodeDecodeError.__init__(self, "ascii", bytearray(b""), 0, 1, "bad")
        try:
            del self.end
        except TypeError as e:
            print("TypeError:", e)


print(BadObject().start, BadObject().reason, type(NoEnd().object).__name__)
for handler in (codecs.ignore_errors, codecs.replace_errors, codecs.backslashreplace_errors):
    for bad in (42, UnicodeError("ouch"), BadObject(), KeyError("x")):
        try:
            handler(bad)
        except TypeError as e:
            print(handler.__name__, type(bad).__name__, "TypeError:", e)
try:
    UnicodeEncodeError.__init__(BadObject(), "ascii", "x", 0)
except TypeError as e:
    print("TypeError:", e)
e = UnicodeEncodeError("ascii", "x", 0, 1, "r")
for value in ("a", 1.5, 2 ** 70, True):
    try:
        e.start = value
        print(repr(e.start))
    except (TypeError, OverflowError) as x:
        print(type(x).__name__, x)
