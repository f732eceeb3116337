# complex(str) as CPython's parser (brackets, blanks, signs, inf/nan, underscores, digits of any script), complex.__complex__, exact comparison with ints, three-argument pow with complex, float and classes.
for s in ['1__0', '1_0', '1_0j', '_1', '1_', '1_0+2_0j', '(1_0)', '1.0_1e1_0j', '', ' ', '1e', 'nan', '-InfJ', '+j', '-j+1', '1+', 'infinityj', '0x10', '1 + 2j', '( 1+2j', '1+2j)', '\u0661+2j', '1+2jx', 'J', '(j)', '1e500', '1e500j', '-1e500+1e500j', ' ( +3.14-J )', '1.5e3-2.5E-2j', '.5j', '5.j', '1e+j', '1+1e', '\t(\n1+2j\n)\t', 'nanj', '-nan+nanj', 'inF-InfinityJ', '1j+2', '((1))']:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(complex.__complex__(1+2j), (1+2j).__complex__())
class C(complex): pass
print(type(C(1).__complex__()), C(1).__complex__())
print(complex.__eq__(1+1j, 1 << 10000), complex.__eq__(1+0j, 1), complex.__ne__(2**53 + 0j, 2**53 + 1), complex(2**53, 0) == 2**53 + 1, complex(2**53+2, 0) == 2**53 + 2)
print(complex.__lt__(1+1j, None), complex(float('nan')) == 0, 1j == True, (1+0j) == True)
class P:
    def __pow__(self, e, m=None): return ("pow", e, m)
    def __rpow__(self, b, m=None): return ("rpow", b, m)
print(pow(P(), 2, 3), pow(P(), 2))
for args in [(1j, 2, 3), (2, 1j, 3), (2.0, 2, 3), (2, 2.0, 3), (2, 2, 3.0), (2, P(), 3), ("a", 2, 3)]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
c = 3 + 4j
print(complex(c) is c, type(complex(C(1))) is complex)
for b, e in [(1e200 + 1j, 1e200 + 1j), (1e200 + 1j, 2), (complex(float("inf")), 2), (2j, 3), (1e-200j, 2)]:
    try:
        print(b ** e)
    except OverflowError as err:
        print("OverflowError", err)
class F:
    def __float__(self): return 42.0
class Ix:
    def __index__(self): return 7
print(complex(F()), complex(Ix()), complex(1, F()), complex(Ix(), Ix()))
