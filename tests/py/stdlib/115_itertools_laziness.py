# When itertools pulls each item from its inputs: exactly as CPython 3.11 does, one item at a time
# and only when asked, and iter() of each input when the itertools object is made. A Source logs
# every __iter__ and __next__ call, and key functions and predicates log theirs.
import itertools
from itertools import (accumulate, chain, combinations, compress, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, starmap, takewhile, tee, zip_longest)

log = []


class Source:
    def __init__(self, name, items):
        self.name = name
        self.items = list(items)
        self.pos = 0

    def __repr__(self):
        return self.name

    def __iter__(self):
        log.append("iter " + self.name)
        return self

    def __next__(self):
        if self.pos >= len(self.items):
            log.append(f"{self.name} end")
            raise StopIteration
        item = self.items[self.pos]
        self.pos += 1
        log.append(f"{self.name}[{item}]")
        return item


def show(label, *values):
    print(label, *values, "|", ", ".join(log))
    log.clear()


def pred(name, test):
    def check(x):
        log.append(f"{name}({x})")
        return test(x)
    return check


c = chain(Source("a", "12"), Source("b", "3"))
show("chain made")
show("chain", next(c))
show("chain", next(c), next(c))
show("chain end", list(c), list(c))
c = chain.from_iterable(Source("outer", [Source("x", "1"), Source("y", "")]))
show("from_iterable made")
show("from_iterable", list(c))

s = islice(Source("s", range(10)), 2, 7, 2)
show("islice made")
show("islice", next(s))
show("islice", next(s), next(s))
show("islice end", list(s))
src = Source("t", range(10))
show("islice stop 3", list(islice(src, 3)), list(islice(src, 0)), list(islice(src, 1, 1)))
counter = itertools.count()
show("islice(count, 1, 3, 50)", list(islice(counter, 1, 3, 50)), next(counter))

show("compress", list(compress(Source("d", "ABC"), Source("sel", [1, 0]))))
show("dropwhile", list(dropwhile(pred("p", lambda x: x < 2), Source("n", [0, 1, 2, 0]))))
t = takewhile(pred("p", lambda x: x < 2), Source("n", [0, 1, 2, 0]))
show("takewhile", list(t), list(t))
show("filterfalse", list(filterfalse(pred("odd", lambda x: x % 2), Source("n", [1, 2, 3]))))
show("starmap", list(starmap(pow, Source("pairs", [(2, 3), [3, 2]]))))
a = accumulate(Source("v", [1, 2]), initial=100)
show("accumulate initial", next(a))
show("accumulate", list(a))

p = pairwise(Source("w", "abcd"))
show("pairwise made")
show("pairwise", next(p))
show("pairwise", next(p))
show("pairwise end", list(p), list(p))

z = zip_longest(Source("l", "ab"), Source("r", "xyz"), fillvalue="-")
show("zip_longest made")
show("zip_longest", next(z), next(z))
show("zip_longest", next(z))
show("zip_longest end", list(z), list(z))

cy = cycle(Source("c", "ab"))
show("cycle", [next(cy) for _ in range(3)])
show("cycle after first pass", [next(cy) for _ in range(3)])

g = groupby(Source("g", "aabbbc"), key=pred("key", str.upper))
show("groupby made")
k, grp = next(g)
show("groupby first key", k)
show("group", next(grp))
k2, grp2 = next(g)
show("groupby skips the rest", k2, list(grp))
show("group 2", list(grp2))
show("groupby rest", [(k, list(v)) for k, v in g])

a, b = tee(Source("tee", "xyz"))
show("tee made")
show("tee lead", next(a), next(a))
show("tee behind", next(b), next(b), next(b))
show("tee lead again", next(a), list(a), list(b))

show("product reads its inputs at once")
pr = product(Source("p1", "ab"), Source("p2", "c"))
show("product made")
show("product", list(pr))
co = combinations(Source("comb", "abc"), 2)
show("combinations made", next(co))
pe = permutations(Source("perm", "ab"))
show("permutations made", list(pe))
