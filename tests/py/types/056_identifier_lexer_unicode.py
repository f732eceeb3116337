# Names in source text: any XID_Start character (or '_') then XID_Continue characters, as CPython's
# tokenizer; others are SyntaxErrors naming the character, the non-printable ones by number.
café = 1
Σ_total = 2
x·y = 3
ℌ = 4
ᾼa = 5
print(café, Σ_total, x·y, ℌ, ᾼa)
exec("名前 = 6\nprint(名前)")

for source in ["a€ = 1", "€ = 1", "a\u200b = 1", "\u0301a = 1", "a\u0301 = 1", "a² = 1", "²a = 1",
               "a\u2028b = 1", "x = 1\u00a0+ 1", "a\u3000 = 1", "ab\U000e0001 = 1", "a\u2e2f = 1",
               "\u2e2f = 1", "a\U00031350 = 1", "a\U00031350b = 1", "a\u0f3a = 1"]:
    try:
        compile(source, "<probe>", "exec")
        print(ascii(source), "compiles")
    except SyntaxError as e:
        print(ascii(source), "SyntaxError:", e.msg, e.offset)
for s in ["café", "_x", "x1", "1x", "a·b", "·b", "ℌ", "℘", "℮", "゛", "ᢅ", "a\u200c", "a\u200d", "", "a b",
          "\U0001d4b3", "ⅰ", "〇", "\U00031350"]:
    print(ascii(s), s.isidentifier())
