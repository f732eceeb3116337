# \N{name} escapes in str literals: names, aliases, any letter case, Hangul syllables and CJK
# ideographs (names made by rule); bytes keep them literal; the unicode_escape codec and the
# namereplace error handler agree.
import codecs

print(ascii("\N{LATIN SMALL LETTER A}\N{EM DASH}\N{SNOWMAN}"))
print(ascii("\N{latin capital letter e with acute}"), ascii("\N{Greek Small Letter Alpha}"))
print(ascii("\N{LF}\N{NBSP}\N{NULL}\N{BYTE ORDER MARK}"))
print(ascii("\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE GAGS}\N{HANGUL SYLLABLE HIH}\N{HANGUL SYLLABLE A}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-20000}"))
print(ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}"))
print(ascii("x\N{DIGIT ONE}y" "\N{DIGIT TWO}"), len("\N{GRINNING FACE}"))
print(ascii(f"{1 + 1}\N{EM DASH}{'b'}\N{BULLET}"), ascii(f"\N{LEFT CURLY BRACKET}{2}"))
print(ascii(f"\\N{3}"), ascii(f"\\{4}"))
print(b"\N{EM DASH}", r"\N{EM DASH}", rb"\N{x}")
print(ascii(u"\N{MICRO SIGN}"))

print(ascii(codecs.decode(b"a\\N{EM DASH}b\\N{digit nine}", "unicode_escape")))
print(ascii(b"\\N{BULLET}".decode("unicode_escape")))
for data in [b"\\N{NO SUCH NAME}", b"x\\N", b"\\N{", b"\\N{}", b"\\Nx", b"\\N{EM DASH"]:
    try:
        codecs.decode(data, "unicode_escape")
    except UnicodeDecodeError as e:
        print(data, "->", e)
print(ascii(codecs.decode(b"a\\N{BOGUS}b", "unicode_escape", "replace")))

bad = [r"'\N{foo}'", r"'ab\N{NO SUCH THING}'", r"'\N'", r"'\N{'", r"'\N{}'", r"'\Nx'",
       r"'xé\N{bogus name}y'", r"'\N{EM DASH'", r"f'{1}\N{bogus}'", r"'\N{HANGUL SYLLABLE}'",
       r"'\N{CJK UNIFIED IDEOGRAPH-4E0}'", r"'\N{cjk unified ideograph-4e00}'", r"'\N{hangul syllable ga}'", r"'\N{CJK UNIFIED IDEOGRAPH-0041}'",
       r"'\x4'", r"'ab\x4g'", r"'é\u12'", r"'\U0011FFFF'", r"'\U0000'", r"b'\x4'", r"b'ab\x'"]
for src in bad:
    try:
        compile(src, "<s>", "eval")
    except SyntaxError as e:
        print(src, "->", e.msg)
print("a\u2014b\u00e9\ue000\U0001F600\uac00\u4e00".encode("ascii", "namereplace"))
print("x\u2603".encode("latin-1", "namereplace"))
import codecs
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "\u2014\x80", 0, 2, "r")))
