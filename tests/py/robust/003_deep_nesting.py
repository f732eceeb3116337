# repr, str and == of containers nested far deeper than the recursion limit raise RecursionError
# instead of overflowing the C stack; freeing them does not recurse either.
def nest(kind, depth):
    x = None
    for i in range(depth):
        x = [x] if kind == "list" else (x,) if kind == "tuple" else {1: x}
    return x

for kind in ("list", "tuple", "dict"):
    x = nest(kind, 200000)
    y = nest(kind, 200000)
    for name, op in (("repr", repr), ("str", str), ("eq", lambda v: v == y)):
        try:
            op(x)
            print(kind, name, "no error")
        except RecursionError as e:
            print(kind, name, "RecursionError:", e)
    del x, y
    print(kind, "freed")

class Node:
    pass

head = None
for i in range(300000):
    n = Node()
    n.next = head
    head = n
head = n = None
print("linked instances freed")
print(repr(nest("list", 50))[:20], str(nest("tuple", 3)), nest("dict", 2) == nest("dict", 2))
