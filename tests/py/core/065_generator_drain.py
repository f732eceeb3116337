# list(g), tuple(g) and set(g) of a generator take its values straight from YIELD_VALUE while
# its frame runs on (objects/generator.h, YieldSink). Everything a program can see must stay as
# when each value is yielded and the generator resumed: the yield's result, delegation, errors,
# the generator's state afterwards, re-entry, and keys whose hash or equality run Python code.
import sys
import traceback


def echo(n):
    got = []
    for i in range(n):
        sent = yield i
        got.append(sent)
    yield got  # what each yield returned: None, as next() sends


print(list(echo(3)))
print(tuple(x * x for x in range(6)))
print(sorted(set(i % 4 for i in range(20))))
print(set((i, i % 2) for i in range(3)) == {(0, 0), (1, 1), (2, 0)})
print(list(x for x in ()))


def inner():
    yield 1
    r = yield 2
    return ("inner returned", r)


def outer():
    result = yield from inner()
    yield result
    yield from (10, 20)
    yield from (c for c in "ab")


print(list(outer()))
print(tuple(outer()))


# An exception part-way: what was built is dropped, the generator is finished, the traceback
# runs through the generator's frame.
def fails(n):
    for i in range(n):
        if i == 3:
            raise ValueError("at %d" % i)
        yield i


g = fails(5)
try:
    list(g)
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("ValueError", e, [frame.name for frame in tb])
print(g.gi_frame, list(g), next(g, "done"))

# Partly consumed first, then drained; then drained again (empty).
g = (i for i in range(5))
print(next(g), next(g), list(g), list(g), tuple(g), set(g))


# The generator sees itself running, and cannot be re-entered.
def self_aware():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)
    yield sys._getframe().f_back.f_code.co_name


me = self_aware()
print(list(me))


# list.extend with a generator that watches the list grow, as each value is appended at once.
target = [0]
target.extend(len(target) for _ in range(4))
print(target)


# set(): keys whose __hash__ and __eq__ are Python code, after plain ones and before them.
class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash", self.v)
        return hash(self.v)

    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == (other.v if isinstance(other, Key) else other)


print(len(set(x for x in [1, 2, Key(1), 3, Key(3), 3])))
print(len(set(x for x in [Key(5), 5])))


# A key that cannot be hashed: TypeError raised in set(), not in the generator.
def mixed():
    yield 1
    yield [2]
    yield 3


m = mixed()
try:
    set(m)
except TypeError as e:
    print("TypeError", e, m.gi_frame is not None, list(m))


# Nested drains, and recursion through them.
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield tuple(tree(depth - 1))


print(list(tree(3)))
print(list(list(range(i)) for i in range(4)))


# A tracer set while a drained generator runs: it sees each later resume and yield.
def traced():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, arg))
    return tracer


print(list(traced()))
sys.settrace(None)
print(events)


# sum(): small ints added as they are yielded; overflow, floats and other types after them.
print(sum(i for i in range(1000)))
print(sum((i * 2**40 for i in range(2**20, 2**20 + 5)), 7))
print(sum(x for x in [1, 2.5, 3, 10**30, -(10**30)]))
print(sum((x for x in [[1], [2]]), []))
try:
    sum(x for x in [1, 2, "three"])
except TypeError as e:
    print("TypeError", e)


# str.join reads a generator to its end before it checks the items, as CPython does.
def words():
    yield "a"
    yield 2
    print("after the bad item")
    yield "c"


try:
    "-".join(words())
except TypeError as e:
    print("TypeError", e)
print("-".join(str(i) for i in range(5)))
