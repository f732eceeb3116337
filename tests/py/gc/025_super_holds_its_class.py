# A super object holds the classes it names: `super(C)` alone keeps C alive after `del C` and a
# collection (minipy's super held them borrowed, and the freed class's memory was reused), and a
# cycle through a super object is still collected.
import gc
import weakref


class C:
    pass


s = super(C)
ref = weakref.ref(C)
del C
gc.collect()
for i in range(300):
    type("X%d" % i, (), {"a": [1] * 10})
gc.collect()
print(repr(s).split(" at ")[0], ref() is not None)
del s
gc.collect()
print(ref() is None)


class Base:
    def hello(self):
        return "base"


class Node(Base):
    pass


node = Node()
node.link = super(Node, node)
print(node.link.hello())
gone = weakref.ref(node)
del node
gc.collect()
print(gone() is None)
