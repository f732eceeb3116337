# The native binascii: each codec both ways with its options, the checksums, and CPython's errors
# (binascii.Error is a ValueError; a2b_ functions take ASCII str too, b2a_ functions only bytes-like).
import base64
import binascii

print(binascii.Error.__mro__[:3], binascii.Incomplete.__mro__[:2])
data = bytes(range(0, 256, 7)) + b"minipy"

print(binascii.hexlify(data))
print(binascii.b2a_hex(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ":", -2), binascii.hexlify(b"abcdef", sep="_", bytes_per_sep=3))
print(binascii.hexlify(b"abc", "\xe9"), binascii.hexlify(b"abc", ":", 0), binascii.hexlify(b"abc", ":", 9))
print(binascii.unhexlify(b"DEADbeef"), binascii.a2b_hex("0a0B"), binascii.unhexlify(bytearray(b"00ff")))

encoded = binascii.b2a_base64(data)
print(encoded, binascii.b2a_base64(b"ab", newline=False), binascii.b2a_base64(b""))
print(binascii.a2b_base64(encoded) == data, binascii.a2b_base64("YWJj\n"), binascii.a2b_base64(b"Y W\tJ j"))
print(binascii.a2b_base64(b"YQ==garbage"), binascii.a2b_base64(b"YQ=x=a"), binascii.a2b_base64(b"Y!Q=="))
print(binascii.a2b_base64(b"YWJj", strict_mode=True), base64.b64encode(b"\xff\xfe"), base64.b64decode("//4="))
print(base64.urlsafe_b64encode(b"\xff\xfe\xfd"), base64.b32encode(b"minipy"), base64.b16decode(b"6D69"))

line = binascii.b2a_uu(b"Cat")
print(line, binascii.a2b_uu(line), binascii.b2a_uu(b"", backtick=True), binascii.b2a_uu(b"\x00\x00", backtick=True))
print(binascii.a2b_uu(b"#0V%T\n"), binascii.a2b_uu(b"#0V"), binascii.a2b_uu(b"!``"), binascii.a2b_uu(b"  "))
print(binascii.a2b_uu(b""))

print(binascii.b2a_qp(b"caf\xc3\xa9 = ok \t\nnext line.\n.\n"))
print(binascii.b2a_qp(b"a b_c", header=True), binascii.b2a_qp(b"x\ty", quotetabs=True))
print(binascii.b2a_qp(b"line\r\nmore \r\n", istext=True), binascii.b2a_qp(b"a\nb", istext=False))
print(binascii.b2a_qp(b"x" * 100))
print(binascii.a2b_qp(b"caf=C3=A9 =3D ok=\nnext=\r\n=41=4g=="), binascii.a2b_qp("a_b=5f", header=True))

print(binascii.crc32(data), binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")))
print(binascii.crc32(b"x", -1), binascii.crc32(b"x", 2**40 + 5), binascii.crc32(b""))
print(binascii.crc_hqx(data, 0), binascii.crc_hqx(b"hello", 0xFFFF), binascii.crc_hqx(b"x", -1))


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, fn(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, e)


attempt("odd hex", binascii.unhexlify, b"abc")
attempt("bad hex", binascii.unhexlify, "zz")
attempt("non-ascii str", binascii.a2b_base64, "caf\xe9")
attempt("int data", binascii.a2b_hex, 5)
attempt("str to b2a", binascii.b2a_base64, "text")
attempt("str to crc32", binascii.crc32, "text")
attempt("padding", binascii.a2b_base64, b"YWJ")
attempt("one extra char", binascii.a2b_base64, b"YWJjZ")
attempt("strict leading pad", binascii.a2b_base64, b"=YWJj", strict_mode=True)
attempt("strict excess pad", binascii.a2b_base64, b"YQ===", strict_mode=True)
attempt("strict data after pad", binascii.a2b_base64, b"YQ==YQ==", strict_mode=True)
attempt("strict non-alphabet", binascii.a2b_base64, b"YW\nJj", strict_mode=True)
attempt("strict gap in padding", binascii.a2b_base64, b"YW=J=", strict_mode=True)
attempt("uu too long", binascii.b2a_uu, b"x" * 46)
attempt("uu illegal", binascii.a2b_uu, b"#\x01\x02\x03")
attempt("uu trailing", binascii.a2b_uu, b"!00xyz")
attempt("sep length", binascii.hexlify, b"ab", "::")
attempt("sep type", binascii.hexlify, b"ab", 3)
attempt("sep list", binascii.hexlify, b"ab", [1])
attempt("sep non-latin", binascii.hexlify, b"ab", "\u20ac")
attempt("per_sep huge", binascii.hexlify, b"ab", ":", 2**40)
attempt("hexlify no data", binascii.hexlify)
attempt("hexlify bad kw", binascii.hexlify, b"", foo=1)
attempt("b2a_uu no data", binascii.b2a_uu)
attempt("b2a_uu 2 positional", binascii.b2a_uu, b"", 1)
attempt("b2a_uu data kw", binascii.b2a_uu, b"", data=b"")
attempt("b2a_qp too many", binascii.b2a_qp, b"", 1, 1, 1, 1)
attempt("b2a_qp twice", binascii.b2a_qp, b"", data=b"")
attempt("b2a_base64 kw only", binascii.b2a_base64, newline=1, x=1, y=2)
attempt("newline list", binascii.b2a_base64, b"", newline=[])
attempt("a2b_hex kw", binascii.a2b_hex, hexstr="00")
attempt("a2b_uu none", binascii.a2b_uu)
attempt("crc32 kw", binascii.crc32, b"", crc=1)
attempt("crc32 3 args", binascii.crc32, b"", 1, 2)
attempt("crc32 float", binascii.crc32, b"", 1.0)
attempt("crc_hqx 1 arg", binascii.crc_hqx, b"")
