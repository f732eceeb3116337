# The program the learner-tool tests look at: a nested function with a loop, a class whose
# __repr__ is Python code (the tracer must show it without tracing it), and a try/except.
def total(n):
    acc = 0
    for i in range(n):
        acc += i
    return acc


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point({self.x})"


p = Point(total(3))
try:
    print(p, 1 // 0)
except ZeroDivisionError:
    print(p)
