# Bound methods compare equal when they wrap equal functions bound to the very same object (by
# identity, not ==), and hash alike then; so do built-in methods (list.append of one list).
class Point:
    def __init__(self, x):
        self.x = x

    def move(self):
        return self.x

    @classmethod
    def make(cls):
        return cls(0)

    def __eq__(self, other):  # every Point is ==, yet their methods differ
        return True

    __hash__ = object.__hash__


a, b = Point(1), Point(2)
print(a.move == a.move, a.move != a.move, a.move is a.move)
print(a.move == b.move, a.move != b.move, a == b)
print(hash(a.move) == hash(a.move), len({a.move, a.move, b.move}))
print(Point.make == Point.make, a.make == Point.make, hash(a.make) == hash(Point.make))
print(a.move == Point.move, a.move == 1, a.move.__eq__(1), a.move in [b.move, a.move])
handlers = {a.move: "a", b.move: "b"}
print(handlers[a.move], handlers[b.move])
items = []
print([].append == [].append, items.append == items.append, items.append != items.append)
print(hash(items.append) == hash(items.append), items.append == items.extend, items.append == [].append)
print(len({items.append, items.append, [].append}))
