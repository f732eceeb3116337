# Assignment expressions where Python 3.10/3.11's grammar allows them unparenthesized: subscripts,
# list/set/tuple displays, comprehension elements, a generator argument, and the places it refuses.
d = {0: "zero", 1: "one"}
print(d[b := 0], b)
print(d[(b := 1)], b)
m = {(0, 1): "pair"}
print(m[i := 0, j := 1], i, j)
print([y := 5, y ** 2], y)
print({z := 3, z + 1}, z)
print((w := 2, w * 10), w)
print([last := n for n in range(4)], last)
print({v := n % 2 for n in range(5)}, v)
print(list(g := n for n in "ab"), g)
print(sum(t := n * n for n in range(4)), t)
data = [1, 2, 3]
print(data[(k := 1):], k)
def f():
    return [h := 1, h + 1], h
print(f())
if (n := len(data)) > 2:
    print("if", n)
while (n := n - 1) > 0:
    print("while", n)
print(data[idx := -1], idx)

for src in ["[x for x in y if z := x]", "[x := 1 for x in y]", "d[a.b := 1]", "x = a := 1",
            "{a: b := 1}", "d[1:b := 2]", "assert a := 1",
            "[i for i in (j := range(3))]", "def g(): return a := 1", "with a := b: pass", "del (a := 1)", "d[a := 1] = 2",
            "[i for i in range(5) if (j := 0) for j in range(5)]", "[[(x := 1) for y in z] for x in w]",
            "[i for i in (lambda: (j := 1))()]", "[x for x in [(y := 1) for z in w]]",
            "[(x := 1) for x.a in y]", "class C:\n    [(q := 1) for r in s]"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiles")
    except SyntaxError as e:
        print(repr(src), "SyntaxError:", e.msg)
