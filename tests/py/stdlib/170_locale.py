# The native _locale module under CPython's locale.py: the module's names, locale.Error, the C
# locale's conventions and nl_langinfo answers, collation, gettext's C functions, and float text that
# stays in the C locale after setlocale() (only the C and C.UTF-8 locales are set: every Linux has
# them). Machine-specific names (the start-up LC_CTYPE) are not printed.
import _locale
import locale

print([name for name in dir(_locale) if not name.startswith("__")])
print(locale.Error is _locale.Error, locale.Error.__mro__, locale.Error.__module__)
print(_locale.__doc__)

# The start-up state, as CPython's: LC_CTYPE from the environment, every other category "C".
for name in ["LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES"]:
    print(name, locale.setlocale(getattr(locale, name)))

print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_ALL), locale.getlocale())
conventions = locale.localeconv()
print(sorted(conventions.items()))
print(locale.CHAR_MAX, locale.getencoding())

for key in ["CODESET", "D_T_FMT", "D_FMT", "T_FMT", "T_FMT_AMPM", "AM_STR", "PM_STR", "RADIXCHAR",
            "THOUSEP", "YESEXPR", "NOEXPR", "CRNCYSTR", "ERA", "ERA_D_T_FMT", "ERA_D_FMT",
            "ERA_T_FMT", "ALT_DIGITS", "_DATE_FMT"]:
    print(key, repr(locale.nl_langinfo(getattr(_locale, key))))
print([locale.nl_langinfo(getattr(locale, "DAY_%d" % i)) for i in range(1, 8)])
print([locale.nl_langinfo(getattr(locale, "ABDAY_%d" % i)) for i in range(1, 8)])
print([locale.nl_langinfo(getattr(locale, "MON_%d" % i)) for i in range(1, 13)])
print([locale.nl_langinfo(getattr(locale, "ABMON_%d" % i)) for i in range(1, 13)])

print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("a", "a"))
print(locale.strxfrm("abc"), sorted(["b", "A", "a", "B"], key=locale.strxfrm))
print(locale.format_string("%.2f", 1234567.891, grouping=True), locale.str(1.5), locale.atof("2.5"))
print(locale.currency(1.5, symbol=False) if conventions["frac_digits"] != 127 else "no currency")

print(_locale.textdomain(None), _locale.gettext("hello"), _locale.dgettext(None, "hi"),
      _locale.dcgettext(None, "hey", locale.LC_MESSAGES))
print(_locale.bind_textdomain_codeset("minipy-test", None))

# setlocale() does not change how the interpreter writes and reads numbers.
for name in ["C.UTF-8", "C", "POSIX"]:
    print(locale.setlocale(locale.LC_ALL, name), locale.getlocale(locale.LC_NUMERIC))
    print(str(1.5), repr(2.25), float("2.5"), float("1e3"), "%g %f %e %.3g" % (1.25, 1.5, 1.5, 3.14159))
    print(format(1.5, ".2f"), f"{1234.5:,.1f}", format(1234567, "n"), format(1234.5, "n"), round(2.675, 2))
    print(eval("1.5"), float.fromhex("0x1.8p1"), complex("1.5+2.5j"), "%.1f" % 0.25)

def attempt(call):
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: locale.setlocale(locale.LC_ALL, "no_SUCH.locale"))
attempt(lambda: _locale.setlocale(12345))
attempt(lambda: _locale.setlocale("x"))
attempt(lambda: _locale.setlocale(0, 5))
attempt(lambda: _locale.setlocale(0, "a\0b"))
attempt(lambda: _locale.setlocale())
attempt(lambda: _locale.setlocale(2**40))
attempt(lambda: _locale.nl_langinfo(12345))
attempt(lambda: _locale.nl_langinfo("x"))
attempt(lambda: _locale.strcoll("a", 1))
attempt(lambda: _locale.strcoll("a"))
attempt(lambda: _locale.strxfrm(1))
attempt(lambda: _locale.strxfrm("a\0b"))
attempt(lambda: _locale.gettext(1))
attempt(lambda: _locale.gettext("a", "b"))
attempt(lambda: _locale.dgettext(1, "a"))
attempt(lambda: _locale.dcgettext(None, "a", "x"))
attempt(lambda: _locale.bindtextdomain("", None))
attempt(lambda: _locale.bindtextdomain("minipy-test", 5))
attempt(lambda: _locale.getencoding(1))
