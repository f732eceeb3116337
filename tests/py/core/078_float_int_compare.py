# A float compared with an int: exact, as CPython's float_richcompare, also where a double cannot
# hold the int (past 2**53), with nan, infinities and negative zero; each operator, both orders.
import operator

ops = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
ints = [0, 1, -1, 3, 2**53 - 1, 2**53, 2**53 + 1, -(2**53) - 1, 2**62, -(2**62), 2**63 + 5, 10**30]
floats = [0.0, -0.0, 0.5, 1.0, -1.0, 3.0, 2.0**53, 2.0**53 + 2, -(2.0**53), 2.0**62, 1e30,
          float("inf"), float("-inf"), float("nan")]


def written_out(i, x):
    # The operators as written, which the interpreter's loop runs itself.
    pairs = [(i < x, x < i), (i <= x, x <= i), (i == x, x == i), (i != x, x != i), (i > x, x > i),
             (i >= x, x >= i)]
    return "".join(str(int(a)) + str(int(b)) for a, b in pairs)


for i in ints:
    row = []
    for x in floats:
        through_operator = "".join(str(int(op(i, x))) + str(int(op(x, i))) for op in ops)
        assert through_operator == written_out(i, x), (i, x)
        row.append(written_out(i, x))
    print(i, " ".join(row))


def loop(n):
    # The comparison as the interpreter's loop runs it, in a function (local operands).
    hits = 0
    t = 0.0
    for k in range(n):
        if t > k - 3:
            hits += 1
        if k < t:
            hits += 10
        t += 0.75
    return hits


print(loop(20), 2**53 + 1 > 2.0**53, 2.0**53 < 2**53 + 1, 2**53 + 1 == 2.0**53 + 1)
