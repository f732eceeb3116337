# Cells (types.CellType): cell_contents can be set and deleted, cells compare by their contents (an
# empty one first), and they are unhashable, as CPython's.
import types
C = types.CellType
c = C(1)
try:
    hash(c)
except TypeError as e:
    print(e)
print(c == c, c != C(1), C() == C(), C(2) < C(3), C() < C("saturday"), C(-36) == C(-36.0), C(True) > C())
print(C() <= C(), C(1) >= C(), C() != C(0))
for op in ["c < 1", "C() < 1", "C('a') < C(1)"]:
    try:
        eval(op)
    except TypeError as e:
        print(e)
print(c == 1, 1 == c)
c.cell_contents = 9
print(c.cell_contents)
del c.cell_contents
del c.cell_contents
try:
    c.cell_contents
except ValueError as e:
    print("ValueError:", e)
try:
    c.other = 1
except AttributeError as e:
    print("AttributeError:", e)
a = 12


def outer():
    a = 12

    def f():
        return a

    f.__closure__[0].cell_contents = 9
    return f(), a


print(outer())
