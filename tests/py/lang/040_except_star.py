# except* (PEP 654): each clause handles its part of a group, naked exceptions are wrapped, what is
# raised or left unhandled leaves the statement combined; sys.exc_info() in a clause is its match.
import sys
def show(f):
    try:
        f()
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))
    else:
        print("nothing escaped")

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("caught", repr(e), type(e).__name__)
    except* TypeError as e:
        print("caught", repr(e))
show(t1)

def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")
show(t2)

def t3():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked caught as", repr(e), repr(e.exceptions[0]))
show(t3)

def t4():
    try:
        raise TypeError("naked, unmatched")
    except* ValueError:
        print("no")
show(t4)

def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show(t5)

def t6():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
show(t6)

def t7():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise
show(t7)

def t8():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
show(t8)

def t9():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else runs")
    finally:
        print("finally runs")
show(t9)

def t10():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), OSError(3)])])
    except* ValueError as e:
        print("values:", repr(e))
    except* OSError as e:
        print("oserrors:", repr(e))
show(t10)

def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print("exc_info is the match:", sys.exc_info()[1] is e)
    print("after, exc_info:", sys.exc_info())
show(t11)

def t12():
    for i in range(2):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* (TypeError, ValueError) as e:
            print("tuple caught", repr(e))
show(t12)

# continue/return around except*, generators, nesting, errors in the clause's type expression
def f():
    for i in range(3):
        try:
            if i == 1:
                continue
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as e:
            print("iter", i, repr(e))
    return "done"
print(f())
def g():
    try:
        return "from try"
    except* ValueError:
        pass
    finally:
        print("finally")
print(g())
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [KeyError("k")])
    except* KeyError as e:
        yield repr(e)
print(list(gen()))
def nested():
    try:
        try:
            raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("inner handled values")
    except* TypeError as e:
        print("outer handled", repr(e))
nested()
def exc_in_type():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* undefined_name:
        pass
try:
    exc_in_type()
except NameError as e:
    print("NameError", e, type(e.__context__).__name__)
def not_exc_class():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* int:
        pass
try:
    not_exc_class()
except TypeError as e:
    print("TypeError", e)
class Weird(Exception):
    pass
def predicate_split():
    eg = ExceptionGroup("g", [ValueError(1), ValueError(20)])
    print(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 5))
predicate_split()
