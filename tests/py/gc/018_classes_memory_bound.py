# Memory stays bounded while a program makes classes in a loop (plain, with methods, with a
# __dict__-holding instance kept briefly, subclasses, a metaclass, and cycles through super()), with
# the collector running on its own. RSS is read from /proc and checked against a generous bound.
import gc


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Meta(type):
    pass


class Base:
    def m(self):
        return 1


def round_of_classes(n):
    total = 0
    for i in range(n):
        class C:
            pass

        class D(Base):
            x = i

            def __init__(self):
                self.payload = [i, i + 1]

            def m(self):
                return super().m() + 1

        class E(metaclass=Meta):
            pass

        d = D()
        total += d.m() + len(d.payload)
    return total


round_of_classes(2000)
start = rss_kb()
for r in range(6):
    round_of_classes(2000)
growth = rss_kb() - start
# 12,000 rounds of three leaked classes each would hold over 40 MB here (small enough to run
# under ThreadSanitizer in time).
print("bounded:", growth < 20000, "" if growth < 20000 else growth)
print(len(Base.__subclasses__()) < 1000)
