# CPython's inspect, unchanged from its Lib, on the parts not tied to CPython's bytecode: signatures
# (of functions, classes, methods and partials), binding, predicates, members,
# source lines, docstrings, frames and the stack, generator and coroutine states, closures.
import functools
import inspect

def f(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Does f.

        Indented more.
    """
    return "f"

class C:
    """A class."""
    attr = 1

    def __init__(self, x, y=0):
        self.x = x

    def method(self, z, /, w=None):
        return z

    @classmethod
    def cm(cls, q):
        pass

    @staticmethod
    def sm(r, *, s):
        pass

    @property
    def prop(self):
        return 1

sig = inspect.signature(f)
print(sig, sig.return_annotation, list(sig.parameters))
for p in sig.parameters.values():
    print(p.name, p.kind.name, p.default is p.empty, p.annotation, str(p))
ba = sig.bind(1, 2, 3, c=4, e=5)
print(ba.arguments, ba.args, ba.kwargs)
ba = sig.bind_partial(1, c=2)
ba.apply_defaults()
print(ba)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(C), inspect.signature(C.method), inspect.signature(C(1).method))
print(inspect.signature(C.cm), inspect.signature(C.sm), inspect.signature(functools.partial(f, 1, c=3)))
print(inspect.signature(lambda *, k=1: k))
print(sig.replace(return_annotation=inspect.Signature.empty))
print(inspect.getfullargspec(f))
print(inspect.getdoc(f))
print(repr(inspect.cleandoc("  first\n    second\n  third")))
print(inspect.isfunction(f), inspect.isclass(C), inspect.ismethod(C(1).method), inspect.isbuiltin(len),
      inspect.isroutine(C.sm), inspect.ismodule(inspect), inspect.isdatadescriptor(C.prop))
print([name for name, _ in inspect.getmembers(C) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(C, inspect.isfunction)])

print(inspect.getmro(bool), inspect.getmodule(f).__name__, inspect.getsourcefile(f).endswith("107_inspect.py"))
lines, start = inspect.getsourcelines(C.method)
print(start, lines)
print(inspect.getsource(C.sm), end="")
print(inspect.getcomments(C) is None)

def outer():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print(info.function, info.code_context, frame.f_back.f_code.co_name)
    print([fi.function for fi in inspect.stack()[:2]])
    args = inspect.getargvalues(frame)
    return args.args, args.varargs, sorted(args.locals)

print(outer())

def gen():
    yield 1

g = gen()
print(inspect.getgeneratorstate(g), inspect.isgenerator(g), inspect.isgeneratorfunction(gen))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g))

async def coro():
    pass

print(inspect.iscoroutinefunction(coro), inspect.isawaitable(coro.__code__))

def make():
    n = 3
    u = "unused"

    def inner(k):
        return n + k + len(glob_name)
    return inner

glob_name = "g"
print(inspect.getclosurevars(make()))
print(inspect.unwrap(functools.wraps(f)(lambda: 0)) is f, inspect.formatannotation(list[int]))
print(inspect.Parameter("p", inspect.Parameter.KEYWORD_ONLY, default=3))
try:
    inspect.Parameter("1x", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print("ValueError:", e)
