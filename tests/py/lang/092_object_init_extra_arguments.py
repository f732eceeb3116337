# object.__init__ with extra arguments: CPython 3.11's two messages, and no error for a class whose own __new__ takes them.
class E:
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
class N:
    def __new__(cls, *a):
        return super().__new__(cls)
class P: pass
class L(list): pass
for f in [lambda: E().__init__(42), lambda: object.__init__(E(), 42), lambda: object.__init__(N(), 1),
          lambda: object.__init__(P(), 1), lambda: object.__init__(P(), x=1), lambda: object.__init__(L(), 1),
          lambda: object.__init__(5, 1)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
