# The utf-7 codec (RFC 2152 as CPython writes it): direct characters, base64 shift sequences with
# surrogate pairs, its decode errors under strict and replace, and the incremental decoder.
import codecs
for s in ["Hi Mom -☺-!", "日本語", "A+B", "~\\x", "a\U0001f600b-c", "", "+", "x-", "\ud800", "a\ud800b", "1 + 1 = 2", "£1"]:
    b = s.encode("utf-7")
    print(repr(s), b, repr(b.decode("utf-7")))
for b in [b"+ZeVnLA", b"+ZeV-", b"+Ze-", b"+!", b"\xff", b"+2D3eAA-", b"+2D0-", b"a+AGE", b"+AGEA-x"]:
    for errors in ["strict", "replace"]:
        try:
            print(b, errors, repr(b.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(b, errors, e)
d = codecs.getincrementaldecoder("utf-7")()
print([d.decode(x) for x in [b"a+Z", b"eVn", b"LA-b", b""]], d.decode(b"", final=True))
print(codecs.utf_7_decode(b"a+ZeV", None, False), codecs.utf_7_decode(b"a+ZeV", "replace", True))
