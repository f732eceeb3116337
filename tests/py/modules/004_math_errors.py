# math: CPython's errors for bad domains, overflow and wrong types.
import math

def attempt(name, *args):
    try:
        print(name, getattr(math, name)(*args))
    except Exception as e:
        print(name, type(e).__name__ + ":", e)


attempt("sqrt", -1)
attempt("log", 0)
attempt("log", -1)
attempt("log", 10, 1)
attempt("log10", 0)
attempt("exp", 1000)
attempt("pow", 0, -1)
attempt("pow", -8, 1 / 3)
attempt("pow", 10, 400)
attempt("acos", 2)
attempt("asin", -2)
attempt("factorial", -1)
attempt("factorial", 2.5)
attempt("isqrt", -4)
attempt("comb", -1, 2)
attempt("comb", 5, -2)
attempt("fmod", 1, 0)
attempt("floor", math.inf)
attempt("ceil", math.nan)
attempt("sqrt", "4")
attempt("gamma", 0)
attempt("gcd", 1.5)
attempt("fsum", [math.inf, -math.inf])
attempt("sqrt", math.inf)
attempt("ldexp", 1.0, 5000)
try:
    math.isclose(1.0, 2.0, rel_tol=-1)
except ValueError as e:
    print("isclose ValueError:", e)
