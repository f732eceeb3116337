# warnings over the native _warnings module (CPython's C half): filters, registries, actions,
# stacklevel, warn_explicit, catch_warnings, showwarning replaced, source objects.
import _warnings
import warnings

print(warnings.warn is _warnings.warn, warnings.warn_explicit is _warnings.warn_explicit)
print(warnings.filters is _warnings.filters, warnings.defaultaction, warnings.onceregistry == {})
for f in warnings.filters:
    print(f)


def warn_twice(text, category=UserWarning):
    for _ in range(2):
        warnings.warn(text, category)     # one line: "default" shows it once per line


warn_twice("default action")
warnings.warn("shown for __main__", DeprecationWarning)
warnings.warn("ignored by default", PendingDeprecationWarning)
warnings.warn(UserWarning("an instance"))
warnings.warn("a subclass", type("MyWarning", (UserWarning,), {}))

warnings.simplefilter("module")


def module_action():
    warnings.warn("module action")


module_action()
module_action()
warnings.warn("module action")          # another line, same module: not shown again
print(sorted(str(k) for k in __warningregistry__))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(3):
        warnings.warn("always %d" % (i % 2), RuntimeWarning)
    warnings.filterwarnings("ignore", message="ignore me")
    warnings.warn("ignore me please")
    warnings.filterwarnings("error", category=SyntaxWarning)
    try:
        warnings.warn("now an error", SyntaxWarning)
    except SyntaxWarning as e:
        print("raised:", repr(e))
print([str(w.message) for w in log], [w.category.__name__ for w in log], {w.lineno for w in log})
print(warnings.filters[0])  # catch_warnings put the filters back

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for _ in range(3):
        warnings.warn("once only")
    warnings.warn("once only", RuntimeWarning)
print([(str(w.message), w.category.__name__) for w in log])


def deeper():
    warnings.warn("blamed on the caller", stacklevel=2)


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    deeper()
    warnings.warn("past the top", stacklevel=50)
print([(w.filename.rsplit("/", 1)[-1], w.lineno) for w in log])

# warn_explicit: a registry, a module name, module_globals, a source.
registry = {}
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for _ in range(2):
        warnings.warn_explicit("explicit", UserWarning, "somefile.py", 7, registry=registry)
    warnings.warn_explicit("explicit", UserWarning, "somefile.py", 7, module="m", registry=None)
    warnings.warn_explicit(Warning("instance"), None, "f.py", 1)
    warnings.warn_explicit("with source", ResourceWarning, "f.py", 2, source=[1, 2])
    warnings.simplefilter("always", ResourceWarning)
    warnings.warn_explicit("with source", ResourceWarning, "f.py", 2, source=[1, 2])
print([(str(w.message), w.filename, w.lineno, w.source) for w in log])
print(sorted(str(k) for k in registry))

# Errors, as CPython words them.
for call in (lambda: warnings.warn("x", 5), lambda: warnings.warn("x", int),
             lambda: warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=5),
             lambda: warnings.warn_explicit("x", UserWarning, 5, 1),
             lambda: warnings.warn_explicit("x", UserWarning, "f.py", 1, module_globals=[]),
             lambda: warnings.warn()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

with warnings.catch_warnings():
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        warnings.warn("bad action")
    except RuntimeError as e:
        print("RuntimeError:", e)

# A replaced showwarning is what shows them.
def show(message, category, filename, lineno, file=None, line=None):
    print("show:", message, category.__name__, filename.rsplit("/", 1)[-1], lineno)


with warnings.catch_warnings():
    warnings.showwarning = show
    warnings.simplefilter("always")
    warnings.warn("through showwarning")

# The default action read from warnings.defaultaction.
with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.defaultaction = "error"
    try:
        warnings.warn("default is error now")
    except UserWarning as e:
        print("raised by default:", e)
    warnings.defaultaction = "default"
warnings.warn("source shown", ResourceWarning, source=object())   # ignored by default
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.warn("source shown", ResourceWarning, source=object())
print("end")
