# divmod() through __divmod__/__rdivmod__ and CPython's error naming divmod(); the 'must be str' texts of
# str.find/count/index/partition (difffuzz found both).
class A:
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
print(divmod(A(), 3), divmod(3, A()), divmod(7, 2), divmod(-7.5, 2), divmod(True, 3))
for a, b in ((1, "s"), (None, 1), (1, 0), ([], [])):
    try:
        print(divmod(a, b))
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for expr in ("'ab'.find(1)", "'ab'.count(1)", "'ab'.index(1)", "'ab'.rfind(1)", "'ab'.partition(1)", "'ab'.rpartition(None)"):
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
