# Exception groups (PEP 654): BaseExceptionGroup/ExceptionGroup construction and checks, message/exceptions,
# str/repr, split/subgroup/derive (nested groups, metadata copied, derive overridden in a subclass).
tests = [lambda: ExceptionGroup("m"), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("m", 5),
 lambda: ExceptionGroup("m", []), lambda: ExceptionGroup("m", [1]), lambda: ExceptionGroup("m", [KeyboardInterrupt()]),
 lambda: ExceptionGroup("m", [ValueError()], x=1), lambda: ExceptionGroup("m", [ValueError()]).split(5),
 lambda: ExceptionGroup("m", [ValueError()]).split(int)]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
eg = BaseExceptionGroup("m", [ValueError(1), TypeError(2)])
print(type(eg), eg, repr(eg), eg.args, eg.message, eg.exceptions)
print(type(BaseExceptionGroup("m", [KeyboardInterrupt()])))
print(ExceptionGroup.__mro__)
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
print(eg.split(ValueError))
print(eg.split((TypeError, KeyError)))
print(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.split(ExceptionGroup))
print(eg.derive([ValueError(9)]))
print(ExceptionGroup("one", [ValueError()]))

class MyEG(ExceptionGroup):
    def derive(self, excs):
        print("  derive", excs)
        return MyEG(self.message + "!", excs)
eg = MyEG("mine", [ValueError(1), TypeError(2)])
eg.__notes__ = ["a note"]
try:
    raise eg
except MyEG as caught:
    m, r = caught.split(ValueError)
    print(type(m).__name__, repr(m), repr(r), m.__notes__, m.__notes__ is eg.__notes__)
    print(m.__traceback__ is not None, m.__traceback__.tb_lineno)
try:
    MyEG("base", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
print(isinstance(ExceptionGroup("x", [ValueError()]), Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup("m", [ValueError()]).subgroup(TypeError))
print(ExceptionGroup[ValueError], BaseExceptionGroup[KeyError])
