# complex(x) asks x.__complex__() before __float__ and __index__, and refuses a result that is not complex.
class B:
    def __complex__(self): return None
class C:
    def __complex__(self): return 1.5
class D:
    def __float__(self): return 2.5
    def __complex__(self): return 3
for x in (B(), C(), D()):
    try: print(complex(x))
    except TypeError as e: print(e)
