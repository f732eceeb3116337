# Classes with __format__, __str__ and __repr__ in %, str.format and f-strings.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = "$%d.%02d" % divmod(self.cents, 100)
        return format(text, spec)

    def __str__(self):
        return "Money(%d)" % self.cents

    def __repr__(self):
        return "<Money %d>" % self.cents


m = Money(12345)
print("{}".format(m), "[{:>12}]".format(m), "{!s}".format(m), "{!r}".format(m))
print(f"{m}", f"{m:<10}|", f"{m!r}")
print("%s %r" % (m, m))
print("%s" % [m])
