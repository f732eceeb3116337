# str's character classes over every code point but the surrogates, summed up per method: how many
# characters pass and a digest of them. CPython 3.11 answers from Unicode 14.0.
import hashlib

chars = [chr(c) for c in range(0xD800)] + [chr(c) for c in range(0xE000, 0x110000)]


def summary(hits):
    return len(hits), hashlib.sha1("".join(hits).encode()).hexdigest()[:16]


for name in ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "islower", "isupper",
             "istitle", "isidentifier", "isprintable"]:
    test = getattr(str, name)
    print(name, *summary([c for c in chars if test(c)]))
# A later character of an identifier (XID_Continue): digits, combining marks, the middle dot.
print("identifier-continue", *summary([c for c in chars if ("a" + c).isidentifier()]))

# A few by name, so that a difference shows where to look.
for c in "aZ5_ªµºßǅ٣²½Ⅻ一\u0300\u00b7\u2028\u3000\u200b\U0001d7ce\U0001f600\U00030000\U00031350":
    print("U+%04X" % ord(c), c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric(),
          c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isidentifier(), c.isprintable())
# Whole strings: istitle's rules on cased and uncased runs, isupper/islower with titlecase letters.
for s in ["Hello World", "ǅungla", "ǅUngla", "Σίσυφος", "ΣΊΣΥΦΟΣ", "Ⅻ Roman", "ⓐⓑ", "ǅ", "a1", "ß", "",
          "١٢٣", "x²", "ᾼ"]:
    print(repr(s), s.istitle(), s.isupper(), s.islower(), s.isalpha(), s.isalnum())
