# cmath over many pseudo-random arguments, from subnormal to near overflow and close to the unit
# circle and to the branch points, printed with repr: the results must match CPython's bit for bit.
import cmath
import math

state = 12345


def next_int(bound):
    # A 64-bit linear congruential generator, so the arguments do not depend on the random module.
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 11) % bound


def some_float():
    kind = next_int(6)
    mantissa = 1 + next_int(2 ** 52) / 2 ** 52
    if kind == 0:
        x = math.ldexp(mantissa, next_int(2098) - 1074)  # anywhere, subnormals to huge
    elif kind == 1:
        x = math.ldexp(mantissa, next_int(40) - 20)  # moderate
    elif kind == 2:
        x = 1 + (mantissa - 1.5) * 2 ** -next_int(50)  # near 1
    elif kind == 3:
        x = math.ldexp(mantissa, next_int(30) + 990)  # near overflow
    elif kind == 4:
        x = math.ldexp(mantissa, -next_int(60) - 1010)  # tiny
    else:
        x = float(next_int(5) - 2)  # small integers, zeros
    return -x if next_int(2) else x


names = ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "cos", "sin", "tan",
         "acosh", "asinh", "atanh", "cosh", "sinh", "tanh", "phase", "polar"]
for i in range(700):
    z = complex(some_float(), some_float())
    out = []
    for name in names:
        try:
            r = getattr(cmath, name)(z)
            if isinstance(r, complex):
                out.append("%r,%r" % (r.real, r.imag))
            elif isinstance(r, tuple):
                out.append("%r,%r" % r)
            else:
                out.append(repr(r))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(z.real), repr(z.imag), " ".join(out))
    b = complex(some_float(), some_float())
    try:
        r = cmath.log(z, b)
        print("  log base", repr(b.real), repr(b.imag), repr(r.real), repr(r.imag))
    except (ValueError, OverflowError) as e:
        print("  log base", repr(b.real), repr(b.imag), type(e).__name__)
    r, phi = some_float(), some_float()
    try:
        c = cmath.rect(r, phi)
        print("  rect", repr(r), repr(phi), repr(c.real), repr(c.imag))
    except (ValueError, OverflowError) as e:
        print("  rect", repr(r), repr(phi), type(e).__name__)
