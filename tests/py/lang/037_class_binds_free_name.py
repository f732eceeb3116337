# A class body that binds a name its methods read from the enclosing function: the class keeps its own
# binding in its namespace and passes the function's cell to the methods (CPython's DEF_FREE_CLASS).
def make():
    shared = "from the function"
    class Test:
        def shared(self):
            return "method"
        def read(self):
            return shared
        value = shared
    return Test

T = make()
print(T().read(), T().shared(), T.value.__name__)

def counter():
    n = 0
    class C:
        n = 100
        def bump(self):
            nonlocal n
            n += 1
            return n
    c = C()
    return c.bump(), c.bump(), C.n
print(counter())
