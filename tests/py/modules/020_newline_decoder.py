# io.IncrementalNewlineDecoder (doctest imports it): newline translation across chunks, a "\r"
# held back until the next chunk shows whether "\n" follows, the newlines seen, and its state.
import codecs
import io

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), d.newlines, repr(d.decode("\nb\r")), d.newlines)
print(repr(d.decode("c\rd\n")), d.newlines, repr(d.decode("", final=True)))
print(d.getstate())
d.decode("x\r")
print(d.getstate())
d.reset()
print(d.getstate(), d.newlines)

plain = io.IncrementalNewlineDecoder(None, False)
print(repr(plain.decode("1\r\n2\r3\n")), plain.newlines)
for text in ["a\n", "a\r", "a\r\n", "a\r\nb\n", "a\rb\r\n", "a\rb\nc\r\n"]:
    one = io.IncrementalNewlineDecoder(None, True)
    print(repr(one.decode(text, True)), one.newlines)

utf8 = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), translate=True)
data = "é\r\nß\r".encode()
print(repr(utf8.decode(data[:1])), utf8.getstate())
print(repr(utf8.decode(data[1:])), utf8.getstate())
state = utf8.getstate()
utf8.setstate((b"", 1))
print(repr(utf8.decode(b"\n", final=True)), utf8.newlines)
try:
    io.IncrementalNewlineDecoder(None, True).decode(b"bytes")
except TypeError as e:
    print("TypeError:", e)
