# PEP 3131: identifiers in the source are compared in NFKC form; strings naming attributes are not.
import unicodedata

ﬁ = 1
print(fi, "ﬁ" in globals(), "fi" in globals())


class Ｋ:
    ℌ = 2

    def 𝐦𝐞𝐭𝐡𝐨𝐝(self, ｘ):
        return ｘ * 2


print(K.__name__, K.H, getattr(K, "ℌ", "no ℌ"), K().method(21))
print(sorted(n for n in vars(K) if not n.startswith("__")))


def f(ﬁrst=1, **rest):
    return first, rest


print(f(first=5), f(**{"ﬁrst": 3}))
print((lambda ℎ: h)(4))
x = 1
print(eval("ｘ"), eval("x") is eval("ｘ"))
ns = {}
exec("ｙ = 10", ns)
print([k for k in ns if k != "__builtins__"])
ｉｆ = 3
print(ｉｆ, globals()["if"])
ᵢ = "sub-i"
print(i)
print(f"{ﬁ + x}")
print(unicodedata.normalize("NFKC", "ﬁ℃²"), unicodedata.normalize("NFC", "e\u0301") == "\u00e9")
print(unicodedata.normalize("NFKD", "ﬀ"), unicodedata.is_normalized("NFKC", "ﬁ"))
try:
    unicodedata.normalize("NFX", "a")
except ValueError as e:
    print("ValueError", e)
import types
ob = types.SimpleNamespace()
setattr(ob, "ﬁ", 1)
print(vars(ob), hasattr(ob, "fi"))
ob.ﬁeld = 2
print(sorted(vars(ob)))
