# int() and float() read the decimal digits of every script and skip Unicode spaces around the
# number, as CPython (_PyUnicode_TransformDecimalAndSpaceToASCII); other characters are errors.
print(int("١٢٣"), int("\uff11\uff12"), int("๓"), int("\U0001d7ce\U0001d7cf"), int("-٤٢"), int("١٠", 16))
print(int("\u2003١٢\u3000"), int("1_٠٠٠"), float("١٢٣.٥"), float("٣e٢"), float("\u3000-٢.٥\u2003"))
for text in ["١٢x", "²", "½", "一", "١ ٢", "\u200b1", "Ⅻ", "٣.٥"]:
    for convert in (int, float):
        try:
            print(convert.__name__, ascii(text), convert(text))
        except ValueError as e:
            print(convert.__name__, ascii(text), "ValueError:", e)
print(int("٣٣", 0), int("٣٣", 8), "١٢٣".isdecimal(), "١٢٣".isdigit())
