# csv dialects: the registry, csv.Dialect subclasses, _csv.Dialect's attributes and CPython's
# validation errors for every parameter.
import csv
import _csv

print(sorted(csv.list_dialects()))
csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_ALL)
d = csv.get_dialect("semi")
print(type(d).__name__, repr(d.delimiter), d.quoting, repr(d.lineterminator), d.doublequote, d.strict)
print("semi" in csv.list_dialects())
csv.unregister_dialect("semi")
for call in (lambda: csv.get_dialect("semi"), lambda: csv.unregister_dialect("semi"),
             lambda: csv.reader([], "nope")):
    try:
        call()
    except csv.Error as e:
        print("csv.Error:", e)


class Pipes(csv.Dialect):
    delimiter = "|"
    quotechar = "'"
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


print(list(csv.reader(["a|'b|c'"], Pipes)))
csv.register_dialect("pipes", Pipes, strict=True)
print(csv.get_dialect("pipes").strict, csv.get_dialect("pipes").delimiter)


class Broken(csv.Dialect):
    delimiter = ","
    quotechar = '"'
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False


try:
    Broken()
except csv.Error as e:
    print("csv.Error:", e)

d = _csv.Dialect()
print(d.delimiter, d.quotechar, d.escapechar, repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace)
print(_csv.Dialect(d) is d, _csv.Dialect("excel").delimiter, _csv.Dialect(quotechar=None).quoting)
for name in ("delimiter", "quoting", "strict", "other"):
    try:
        setattr(d, name, 1)
    except AttributeError as e:
        print("AttributeError:", e)

bad = [
    dict(delimiter=1), dict(delimiter=""), dict(delimiter="ab"), dict(delimiter=None),
    dict(quotechar=1), dict(quotechar="ab"), dict(escapechar=1), dict(escapechar=""),
    dict(lineterminator=None), dict(lineterminator=1), dict(quoting=1.0), dict(quoting=True),
    dict(quoting=9), dict(quoting=2**40), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(nonsense=1),
]
for kwargs in bad:
    try:
        _csv.Dialect(**kwargs)
        print(kwargs, "accepted")
    except (TypeError, OverflowError) as e:
        print(kwargs, type(e).__name__, e)
for call in (lambda: csv.register_dialect(1), lambda: csv.register_dialect("x", "excel", 3),
             lambda: csv.writer(3), lambda: csv.reader(), lambda: csv.field_size_limit("x"),
             lambda: csv.field_size_limit(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(csv.Error.__module__, csv.Error.__mro__[1].__name__, type(csv.reader([])).__name__)
