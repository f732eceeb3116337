# generators: pyperformance's recursive-generator benchmark — an in-order walk of a balanced binary
# tree of 100,000 nodes by nested `yield from`, repeated.


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


def tree(values):
    n = len(values)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(values[:i]), values[i], tree(values[i + 1:]))


assert list(tree(range(10))) == list(range(10))
iterable = tree(range(100000))
total = 0
for _ in range(5):
    for v in iterable:
        total += v
print(total)
