# Protocols programs from other test suites lean on: a StopIteration raised by a class's __next__
# reaches next() and `yield from` with its value; dir() asks __dir__ (object's, type's, module's,
# or a class's own); source read with universal newlines, in exec/eval/compile too.
import sys
import types


class Stops:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration(42)


try:
    next(Stops())
except StopIteration as e:
    print("next:", e.args, e.value)
print("default:", next(Stops(), "dflt"))


def delegate():
    result = yield from Stops()
    print("yield from got", result)
    return result


print(list(delegate()))


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("done")
        return self.n


def delegate2():
    r = yield from Counter()
    yield r


print(list(delegate2()))
for x in Stops():
    print("never")
print(list(Counter()), sum(Counter()))


def returns(v):
    return v
    yield


try:
    next(returns(7))
except StopIteration as e:
    print("generator:", e.args)


# dir() and __dir__
class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


class Extends:
    x = 1

    def __dir__(self):
        return super().__dir__() + ["extra"]


print(dir(Custom()))
print("alpha" in dir(Custom), "__dir__" in dir(Custom))
names = dir(Extends())
print("extra" in names, "x" in names, names == sorted(names), "__class__" in names)
print(type(object.__dir__(Extends())).__name__, "__class__" in object.__dir__(1))
print(sorted(type.__dir__(int)) == dir(int), "mro" in dir(type))
m = types.ModuleType("mod")
m.value = 3
print(dir(m))
m.__dir__ = lambda: ["b", "a"]
print(dir(m))
print("path" in dir(sys), "__class__" in dir(sys))


class TupleDir:
    def __dir__(self):
        return ("b", "a")


print(dir(TupleDir()))


class BadDir:
    def __dir__(self):
        return 5


try:
    dir(BadDir())
except TypeError as e:
    print("TypeError:", e)

# Universal newlines in source text
exec("s = '''a\rb\r\nc'''\rprint(repr(s))\r\nprint('second line')")
print(repr(eval("'''x\r\ny'''")))
print(compile('"""p\rq"""', "<str>", "eval").co_consts)
try:
    exec("x = (1,\r 2\r")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
