# str.format field names: attribute and index lookups, format_map.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(3, 4)
print("({0.x}, {0.y})".format(p))
print("({p.x}, {p.y})".format(p=p))
print("{0[0]} {0[2]}".format([10, 20, 30]))
print("{d[key]} {d[other]}".format(d={"key": "v", "other": 2}))
print("{0[1][0]}".format([[1], [2, 3]]))
print("{a[0]:>5}|".format(a=["r"]))
grid = {"rows": [[1, 2], [3, 4]]}
print("{g[rows][1][0]}".format(g=grid))
print("{0[0].x}".format([p]))
print("{name}: {score:.1f}".format_map({"name": "Al", "score": 9.25}))


class Defaulting:
    def __getitem__(self, key):
        return "<" + key + ">"


print("{a} and {b}".format_map(Defaulting()))
print("{0[-1]}".format({"-1": "string key"}))
row = ["alice", 31, 1.5]
print("{0:<8}{1:>4}{2:>6.2f}".format(*row))
print("{:=+8d}|{:=8d}".format(42, -42))
