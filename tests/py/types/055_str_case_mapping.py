# str's case mappings over every code point, and the full mappings of SpecialCasing.txt and
# CaseFolding.txt: 'ß'.upper() is 'SS', 'ﬁ'.upper() 'FI', and a capital sigma lowers to the final
# 'ς' at the end of a word (CPython 3.11, Unicode 14.0).
import hashlib

chars = [chr(c) for c in range(0xD800)] + [chr(c) for c in range(0xE000, 0x110000)]
for name in ["upper", "lower", "casefold", "title", "capitalize", "swapcase"]:
    mapping = getattr(str, name)
    changed = [c + mapping(c) for c in chars if mapping(c) != c]
    print(name, len(changed), hashlib.sha1("|".join(changed).encode()).hexdigest()[:16])

for s in ["ß", "ﬁ", "ﬃ", "ŉ", "ǰ", "ΐ", "ᾳ", "ᾼ", "İ", "ẞ", "µ", "ſ", "Ꭰ", "ꭰ", "ǆ", "ǅ", "Ǆ", "ﬀa"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()),
          repr(s.capitalize()), repr(s.swapcase()))
# The final sigma: after a cased letter and not before one, case-ignorable characters skipped.
for s in ["Σ", "ΑΣ", "ΑΣΑ", "ΟΔΟΣ ΟΔΟΣ", "ΑΣ.", "Α'Σ", "ΑΣ'", "ΑΣ'Α", "'Σ", "ΑΣ\u0301", "ΑΣ\u0301Α", "1Σ",
          "ΣΑΣ", "ǅΣ"]:
    print(repr(s), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print("hello wORLD ǆungla ßtraße".title(), "ǆungla".capitalize(), "ﬁsh and ﬂies".title())
print("Straße".casefold() == "STRASSE".casefold(), "ΣΊΣΥΦΟΣ".lower(), "ΌΣΟΣ ΚΌΣΜΟΣ".lower())
