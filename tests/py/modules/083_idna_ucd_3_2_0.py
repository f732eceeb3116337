# unicodedata.ucd_3_2_0 answers as Unicode 3.2 (characters assigned since are unassigned there), so
# stringprep imports and the idna codec works (both failed: ucd_3_2_0 was the module itself).
import unicodedata
u = unicodedata.ucd_3_2_0
print(type(u).__name__, u.unidata_version, unicodedata.unidata_version)
for ch in ("a", "\u0378", "\u20ac", "\u0221", "\u2028", "\U0001F600", "\u0660", "\u00bd"):
    print(ascii(ch), u.category(ch), u.bidirectional(ch), u.name(ch, None), u.decimal(ch, None), u.numeric(ch, None),
          unicodedata.category(ch))
print(u.normalize("NFKC", "\ufb01"), u.is_normalized("NFC", "e\u0301"))
print("bücher.de".encode("idna"), b"xn--bcher-kva.de".decode("idna"), "пример.испытание".encode("idna"))
import stringprep
print(stringprep.in_table_a1("\u0221"), stringprep.in_table_b1("\u00ad"), stringprep.in_table_c12("\u00a0"))
try:
    "a\u0221b.com".encode("idna")
    print("encoded")
except UnicodeError as e:
    print("UnicodeError", e)
