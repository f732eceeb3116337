# str subclasses: instances hold the text plus a __dict__; str's methods and operators work on them
# and give back plain str; __new__, __str__, __repr__, __eq__ and __hash__ can be overridden.
class S(str):
    def shout(self):
        return self.upper() + "!"


s = S("hi")
print(s, repr(s), s.shout(), type(s).__name__, isinstance(s, str), isinstance(s, S))
print(s + "x", type(s + "x").__name__, type("x" + s).__name__, type(s + "").__name__, type("" + s).__name__)
print(s * 2, type(s * 1).__name__, type(s[:]).__name__, type(s[0]).__name__, len(s), s[1], list(s))
print(str(s), type(str(s)).__name__, f"{s}", type(f"{s}").__name__, "%s|%r" % (s, s), "{}!".format(s))
print(format(s, ">5"), f"{s:*^6}", type(format(s, "")).__name__)
print(s == "hi", "hi" == s, s != "ho", s < "ho", s >= "ha", hash(s) == hash("hi"), "h" in s, s in "ohio")
for method in ("strip", "lstrip", "rstrip", "lower", "title", "center", "ljust", "zfill", "removeprefix"):
    args = (1,) if method in ("center", "ljust", "zfill") else ("x",) if method == "removeprefix" else ()
    r = getattr(s, method)(*args)
    print(method, r, type(r).__name__)
print(s.partition("z"), [type(p).__name__ for p in s.partition("z")], s.split("i"), s.replace("z", "y"))
print(type(s.replace("z", "y")).__name__, "-".join([s, S("yo")]), s.startswith(S("h")), s.find(S("i")))
print(int(S("42")) + 1, float(S("1.5")), S(12), S(), repr(S()), S([1, 2]), S(s) == s, type(S(s)).__name__)

d = {s: 1}
print(d["hi"], d[S("hi")], "hi" in d, {"hi": 2}[s], sorted([S("b"), "a", S("c")]))
print(getattr(s, "__class__").__name__, s.__class__ is S, S.__mro__ == (S, str, object), S.__bases__)

s.tag = "greeting"
print(s.tag, s.__dict__, vars(s), getattr(s, S("tag")), hasattr(s, S("nope")))
del s.tag
print(hasattr(s, "tag"), s.__dict__)


class Upper(str):
    def __new__(cls, text, times=1):
        self = super().__new__(cls, text.upper() * times)
        self.times = times
        return self

    def __repr__(self):
        return f"Upper({str(self)!r}, times={self.times})"


u = Upper("ab", 2)
print(u, repr(u), u.times, len(u), type(u).__name__, u == "ABAB", [u])


class Tagged(str):
    def __init__(self, text, tag):
        self.tag = tag

    def __str__(self):
        return f"<{self.tag}>"


try:
    Tagged("a", "b")
except TypeError as e:
    print("TypeError:", e)


class Tagged2(str):
    def __new__(cls, text, tag):
        return super().__new__(cls, text)

    def __init__(self, text, tag):
        self.tag = tag

    def __str__(self):
        return f"<{self.tag}>"


t = Tagged2("body", "b")
print(t, str(t), repr(t), f"{t}", "%s" % t, t + "!", t.tag, t.upper())


class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())


c = Caseless("Key")
print(c == "KEY", "KEY" == c, c != "key", {c: 1}.get(Caseless("kEY")), c in ["key"], c.lower())


class Stack(S):
    pass


print(Stack("deep").shout(), isinstance(Stack("x"), S), Stack.__mro__[1:] == S.__mro__)
print(str.__new__(S, "made").shout(), type(str.__new__(str, 5)).__name__)
