# The native unicodedata: names both ways, the per-character properties (category, bidi class,
# combining class, mirrored, East Asian width, decomposition, decimal/digit/numeric values) and the
# four normalization forms, with CPython's errors. Only characters assigned before Unicode 14 are
# used: the tables come from the system's database, which may be newer than CPython's.
import unicodedata as u

samples = "Aa1½Ⅻ٣ \t€é\u0301ﬁ가각中あｱ①\u00a0(\u05d0\u0300\U0001d400🙂"
for ch in samples:
    print("%04X" % ord(ch), u.name(ch, "-"), u.category(ch), u.bidirectional(ch), u.combining(ch), u.mirrored(ch),
          u.east_asian_width(ch), repr(u.decomposition(ch)), u.decimal(ch, None), u.digit(ch, None),
          u.numeric(ch, None))
print(u.lookup("LATIN SMALL LETTER E WITH ACUTE"), u.lookup("latin small letter a"), u.lookup("HANGUL SYLLABLE GAG"))
print(u.name("\u4e00"), u.name("\uac00"), u.unidata_version)

texts = ["Émile", "e\u0301", "ﬁ①", "가각", "\u1100\u1161\u11a8", "a\u0323\u0307", "a\u0307\u0323", "\u1e9b\u0323",
         "Å", "\u212b", "ｱｲｳ", "x\u0300\u0315\u0301", "\u0301a", "ḍ̇"]
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    print(form, [u.normalize(form, t) for t in texts], [u.is_normalized(form, t) for t in texts])
print([len(u.normalize("NFD", t)) for t in texts])

for bad in (lambda: u.name("\x00"), lambda: u.lookup("NO SUCH THING"), lambda: u.category("ab"),
            lambda: u.category(65), lambda: u.decimal("a"), lambda: u.digit("x"), lambda: u.numeric("x"),
            lambda: u.normalize("NFX", "a"), lambda: u.normalize("NFC", 1)):
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__, exc)
