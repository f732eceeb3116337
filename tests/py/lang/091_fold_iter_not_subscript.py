# Folding that CPython 3.11's AST optimizer does: a list or set display that is only searched
# (`in`, `not in`) or iterated (`for`, comprehensions) is a tuple or a frozenset, a constant when its
# items are; `not <constant>` and `<constant>[<constant>]` are constants; `not a is b` is `a is not
# b` and `not a in b` is `a not in b`. What cannot be folded (an index out of range, an unhashable
# key, a starred item) runs, and fails, as before.


def searches(x, y, z=5):
    return x in [1, 2, 3], x not in {1, 2}, x in [y, 2], x in {z, 6}, x in [*y]


def loops():
    total = 0
    for i in [1, 2, 3]:
        total += i
    return total, [i * 2 for i in [4, 5]], {i for i in {6, 7}}


def constants():
    return not 1, not 0, not (), not "x", "abc"[0], (10, 20, 30)[-1], b"AB"[1], "abc"[1:], not [1]


consts = set(c for c in searches.__code__.co_consts if not hasattr(c, "co_code"))
print(sorted(map(repr, consts)))
print(searches(2, [2]), searches(4, (4,), 4), searches((), [()]))
print(sorted(map(repr, (c for c in loops.__code__.co_consts if c is not None and not hasattr(c, "co_code")))))
print(loops())
print(sorted(map(repr, (c for c in constants.__code__.co_consts if c is not None)), key=str))
print(constants())


class Odd:
    # == and != that do not negate each other: `not a == b` must stay a call of __eq__.
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return True


a, b = Odd(), Odd()
print(not a == b, a != b, not a is b, not a is a, not 1 in [1], not 3 in (1, 2))


def unfoldable():
    for expr in ('"abc"[10]', "[] in {1, 2}", "{} in [1, {}]", "(1, 2)[5]"):
        try:
            print(expr, eval(expr))
        except Exception as e:
            print(expr, type(e).__name__, e)


unfoldable()
calls = []


def f(v):
    calls.append(v)
    return v


print(3 in [f(1), f(3), f(5)], calls)
print([x for x in [f(7), 8] if x in {8, f(9)}], calls)
