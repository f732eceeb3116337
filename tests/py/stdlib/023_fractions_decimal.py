# CPython's fractions and decimal (its pure-Python _pydecimal; there is no _decimal C module):
# arithmetic, conversions, formatting, contexts, rounding, and their errors.
from fractions import Fraction
import decimal
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation

a, b = Fraction(3, 4), Fraction("-5/6")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(b), a // b, a % b, divmod(a, b))
print(Fraction(0.1), Fraction("0.125"), Fraction(1.5).limit_denominator(), Fraction(3.14159).limit_denominator(100))
print(float(a), int(b), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 3), a.as_integer_ratio())
print(a == 0.75, a < 1, hash(Fraction(1, 2)) == hash(0.5), Fraction(2, 4), repr(Fraction(6, -4)), Fraction(5).denominator)
print(sum([Fraction(1, n) for n in range(1, 6)]), Fraction(1, 3) + 1, 2 * Fraction(1, 3), 1.5 + Fraction(1, 2))
for bad in [lambda: Fraction(1, 0), lambda: Fraction("x/2"), lambda: Fraction(1) / 0]:
    try:
        bad()
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)

print(decimal.__name__, Decimal.__module__)
print(Decimal("1.10") + Decimal("2.205"), Decimal(1) / Decimal(7), Decimal("10") ** 20, Decimal(0.1))
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.5").quantize(Decimal("1"), rounding=ROUND_HALF_UP))
print(Decimal("-7.5").to_integral_value(rounding=ROUND_DOWN), Decimal(2).sqrt(), Decimal("1e3").normalize(), Decimal("100").exp())
print(repr(Decimal("1.50")), str(Decimal("-0")), Decimal("NaN"), Decimal("-Infinity"), Decimal("1.2e-8"), Decimal(12345).scaleb(-2))
print(f"{Decimal('1234.5678'):,.2f}", format(Decimal("0.000123"), ".2e"), Decimal("7") % Decimal("3"), Decimal(-7) // Decimal(2))
print(Decimal("1.1") == 1.1, Decimal("1.5") == Fraction(3, 2), Decimal("0.1") < Decimal("0.2"), sorted([Decimal(3), Decimal("1.5"), 2]))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), ctx.prec)
print(getcontext().prec, Decimal(1) / Decimal(3))
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__mro__[1].__name__)
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print("DivisionByZero", isinstance(e, ZeroDivisionError))  # the text differs: CPython runs the C _decimal
print(Decimal("1.23").as_tuple(), Decimal(5).is_signed(), Decimal("-5").copy_abs(), Decimal("12.5").adjusted())
