# repr() escapes exactly what str.isprintable() refuses, which follows CPython 3.11's Unicode 14.0
# database: format characters (Cf), separators other than the space, controls, surrogates, private
# use and unassigned code points; and the two agree for every code point.
print(repr("zero\u200bwidth"), repr("\u2066isolate\u2069"), repr("soft\xadhyphen"))
print(repr("\u3000\u2028\u2029\x85\xa0\U000e0001\U000e0100"), "\u200b".isprintable())
print(ascii(repr("\ue000\U000f0000\ud800\uffff\U0001f600\u0378")))
print("caf\xe9 \u00e9\u0301 \U0001f600".isprintable(), "\u061c".isprintable(), "\u180e".isprintable())
# U+1FAE9 (FACE WITH BAGS UNDER EYES) was assigned in Unicode 15.0: not printable in 3.11.
print("\U0001fae9".isprintable(), repr("\U0001fae9"))
disagree = [c for c in range(0x110000) if chr(c).isprintable() != (repr(chr(c))[1:-1] in (chr(c), "\\" + chr(c)))]
print("disagreements:", disagree)
printable = [c for c in range(0x110000) if chr(c).isprintable()]
print(len(printable), sum(printable) % 1000003)
