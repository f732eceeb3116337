# hashlib: CPython's errors for wrong names, wrong data and wrong arguments.
import hashlib
import _hashlib

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

attempt("new foo", lambda: hashlib.new("foo"))
attempt("new md4", lambda: hashlib.new("md4"))
attempt("new int", lambda: hashlib.new(1))
attempt("str data", lambda: hashlib.sha256("text"))
attempt("int data", lambda: hashlib.md5(1))
attempt("update str", lambda: hashlib.sha1().update("x"))
attempt("update none", lambda: hashlib.sha1().update())
attempt("update two", lambda: hashlib.sha1().update(b"x", b"y"))
attempt("hexdigest arg", lambda: hashlib.sha1().hexdigest(1))
attempt("two positional", lambda: hashlib.md5(b"x", b"y"))
attempt("bad keyword", lambda: hashlib.sha256(data=b""))
attempt("name twice", lambda: hashlib.new("md5", b"", string=b"a"))
attempt("shake no length", lambda: hashlib.shake_128().hexdigest())
attempt("shake float", lambda: hashlib.shake_256().digest(1.5))
attempt("shake keyword", lambda: hashlib.shake_256(b"x").hexdigest(length=4))
attempt("HASH()", lambda: _hashlib.HASH())
attempt("pbkdf2 zero", lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0))
attempt("compare", lambda: _hashlib.compare_digest(b"abc", b"abc"))
attempt("compare diff", lambda: _hashlib.compare_digest(b"abc", b"abd"))
attempt("compare mixed", lambda: _hashlib.compare_digest("a", b"a"))
attempt("fips", lambda: _hashlib.get_fips_mode())
print(issubclass(_hashlib.UnsupportedDigestmodError, ValueError))
print(type(hashlib.sha256()).__module__ if False else type(hashlib.sha256()))
print(type(hashlib.shake_128()), hashlib.shake_128().digest_size)
print(repr(hashlib.sha256()).startswith("<sha256 _hashlib.HASH object @ 0x"))
