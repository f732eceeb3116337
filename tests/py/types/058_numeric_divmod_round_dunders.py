# int and float have __divmod__, __rdivmod__ and __round__ as methods, with CPython's results,
# NotImplemented for operands they do not take, and CPython's errors.
print(callable(int.__divmod__), callable((7).__rdivmod__), callable(float.__round__), callable((1.5).__divmod__))
print((7).__divmod__(2), (7).__rdivmod__(2), (-7).__divmod__(2), (7).__divmod__(-2), True.__divmod__(2))
print((7).__divmod__(2.0), (7).__rdivmod__("a"), (7.5).__divmod__(2), (7.5).__rdivmod__(2), (7.0).__divmod__("a"))
print((-0.0).__divmod__(1), (5.0).__divmod__(-3), (-5.5).__rdivmod__(3))
print(divmod(7, 2), divmod(7.5, 2), divmod(7, 2.5), divmod(-7, 2), divmod(2**70, 3), divmod(True, 2))
print(int.__round__(7), (7).__round__(-1), (15).__round__(-1), (25).__round__(-1), (-25).__round__(-1))
print((1234567).__round__(-3), (10**30 + 5 * 10**10).__round__(-11), (7).__round__(5), (5).__round__(-100))
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (1.5).__round__(None), (-0.5).__round__())
print(round(-4.0, -1), round(5e15 + 1.0, -1), round(123.456, -2), round(15.0, -1), round(25.0, -1))
print(round(25.000001, -1), round(1e300, 400), round(1.23456, -400), round(-1.23456, -400), round(0.5, 0))
print(round(-0.4, 0), round(1.5e308, -307), round(2**0.5, 10), round(1e22, -21), round(-25.5, -1))
for expr in ["(7).__round__(1, 2)", "(7).__round__('a')", "(7).__round__(None)", "(1.5).__round__(1, 2)",
             "(1.5).__round__('a')", "(7).__divmod__()", "(7).__divmod__(0)", "(7.0).__divmod__(0)",
             "(7.0).__rdivmod__(0.0)", "divmod(1.0, 0.0)", "divmod(1, 0)", "divmod(5, -0.0)", "divmod(7, 'a')",
             "float('nan').__round__()", "float('inf').__round__()", "round(1.7976931348623157e308, -308)",
             "round(float('inf'), 2)", "round(1.75e308, -307)", "round('x')"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)


class Money(float):
    def __round__(self, ndigits=None):
        return "rounded %r" % (ndigits,)


print(round(Money(2.5)), round(Money(2.5), 1), round(Money(2.5), None))
print(list(map((10).__rdivmod__, [3, 47, -5])), list(map((2.5).__divmod__, [1, 2.0])))
