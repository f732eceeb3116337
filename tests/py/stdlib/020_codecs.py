# codecs from CPython's Lib over the native _codecs: lookup, str.encode/bytes.decode through the registry,
# UnicodeError attributes and messages, the standard error handlers, incremental codecs, codecs.open.
import codecs
print(codecs.lookup('utf-8').name)
print(codecs.lookup('UTF8').name, codecs.lookup('latin_1').name)
print("héllo €".encode("cp1252"), b"h\xe9llo \x80".decode("cp1252"))
print(b"ab\xffc".decode("latin-1", "replace"), b"ab\xffc".decode("utf-8", "replace"), b"ab\xffc".decode("ascii", "ignore"))
print(str("hé".encode("utf-16"), "utf-16"), "hé".encode("utf-16-le"), "h𝄞".encode("utf-32-be"))
for enc, data in [("utf-8", b"a\xe2\x82"), ("utf-8", b"\xff\xfe"), ("ascii", b"ab\x80"), ("utf-16-le", b"a"), ("cp1252", b"\x81")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason, e.object, e.encoding)
for enc, s in [("ascii", "aéé"), ("latin-1", "a€"), ("utf-8", "a\ud800b"), ("cp1252", "\u0100")]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason, repr(e.object), e.encoding)
print("aé€\U0001f600".encode("ascii", "backslashreplace"), "aé€".encode("ascii", "xmlcharrefreplace"), "aé".encode("ascii", "replace"))
print(b"a\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape"))
print(repr(b"a\xff".decode("ascii", "surrogateescape")), "\ud800".encode("utf-8", "surrogatepass"), b"\xed\xa0\x80".decode("utf-8", "surrogatepass") == "\ud800")
print(b"\xff".decode("utf-8", "backslashreplace"))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"\xe2\x82")), repr(d.decode(b"\xac!")))
e = codecs.getincrementalencoder("utf-16")()
print(e.encode("a"), e.encode("b"))
d16 = codecs.getincrementaldecoder("utf-16")()
print(repr(d16.decode(b"\xff")), repr(d16.decode(b"\xfea\x00b")), repr(d16.decode(b"\x00")))
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
print("a\tb\u1234\\".encode("unicode_escape"), b"a\\tb\\u1234\\x41".decode("unicode_escape"))
print("a\u1234\xe9".encode("raw_unicode_escape"), b"a\\u1234\\t".decode("raw_unicode_escape"))
print(codecs.escape_encode(b"a'\n\x00\xff"), codecs.escape_decode(b"a\\n\\x41\\101"))
try: "x".encode("nope")
except LookupError as e: print("LookupError", e)
try: "x".encode("rot13")
except LookupError as e: print("LookupError", e)
try: b"x".decode("utf-8", "bogus")
except LookupError as e: print("no error", e)
try: b"\xff".decode("utf-8", "bogus")
except LookupError as e: print("LookupError", e)
codecs.register_error("mine", lambda e: ("<%d-%d>" % (e.start, e.end), e.end))
print(b"a\xff\xfeb".decode("utf-8", "mine"), "aé€b".encode("ascii", "mine"))
print(str(b"abc", "ascii"), str(b"abc", encoding="utf-8"), str(b"\xe9", "latin-1", "strict"))
try: str("abc", "ascii")
except TypeError as e: print(e)
try: str(5, "ascii")
except TypeError as e: print(e)
print(bytes("é", "utf-16-be"), bytearray("é", "cp437"))
print("ß€".encode("iso8859_15"), "Привет".encode("koi8_r").decode("koi8-r"))
e = UnicodeDecodeError("utf-8", b"abc", 1, 3, "bad")
print(e, e.args)
print(UnicodeEncodeError("ascii", "a\u1234", 1, 2, "r"), UnicodeTranslateError("abc", 0, 2, "x"))
import os
path = "/tmp/minipy_codecs_020_%d.txt" % os.getpid()
with codecs.open(path, "w", encoding="utf-16") as f:
    f.write("línea 1\nlínea 2\n")
with codecs.open(path, "r", encoding="utf-16") as f:
    print(f.readlines())
with open(path, "rb") as f:
    print(f.read()[:6])
os.remove(path)
r = codecs.getreader("utf-8")
import io
print(codecs.iterdecode([b"a\xc3", b"\xa9b"], "utf-8").__class__.__name__, "".join(codecs.iterdecode([b"a\xc3", b"\xa9b"], "utf-8")))
print(b"".join(codecs.iterencode(["a", "\u20ac"], "utf-32-le")))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.lookup("cp1252").incrementalencoder().encode("\u20ac"))
print(codecs.utf_8_decode(b"a\xe2\x82", None, False), codecs.utf_8_decode(b"a\xe2\x82\xac", None, True))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a", None, 0, True), codecs.charmap_decode(b"\x00\x01", "strict", "xy"))
print(codecs.latin_1_encode("abc"), codecs.ascii_decode(b"abc"), codecs.readbuffer_encode("é"))
for bad in [b"\xed\xa0\x80", b"\xf0\x90\x80", b"\xc0\xaf", b"\xe0\x80\x80"]:
    print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "backslashreplace"))
try:
    codecs.lookup_error("nonexistent")
except LookupError as e:
    print(e)
try:
    b"\xff".decode("utf-8", "strict")
except ValueError as e:
    print("UnicodeDecodeError is a ValueError:", isinstance(e, UnicodeError))
