# Bound methods, built-in methods and method descriptors pickle as getattr(owner, name), module
# functions by name, as CPython's __reduce__ of each gives; a bound method's attributes come from the
# method type first, then from its function.
import copy
import math
import pickle


class PyMethodsTest:
    @staticmethod
    def cheese():
        return "cheese"

    @classmethod
    def wine(cls):
        return "wine " + cls.__name__

    def biscuits(self):
        "biscuits' doc"
        return "biscuits"

    class Nested:
        def pie(self):
            return "pie"


objects = [PyMethodsTest.cheese, PyMethodsTest.wine, PyMethodsTest().biscuits, PyMethodsTest.Nested().pie,
           PyMethodsTest.biscuits, [1, 2].append, "a b".split, str.maketrans, object.__new__, (7).__add__,
           int.__add__, list.append, dict.fromkeys, len, math.sqrt]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objects:
        back = pickle.loads(pickle.dumps(o, proto))
        assert type(back) is type(o), (o, proto)
        assert repr(back).split(" at ")[0] == repr(o).split(" at ")[0], (o, back)
print(pickle.loads(pickle.dumps(PyMethodsTest().biscuits))(), pickle.loads(pickle.dumps(PyMethodsTest.wine))())
print(pickle.loads(pickle.dumps((7).__add__))(3), pickle.loads(pickle.dumps([1, 2].append)).__self__)
print(pickle.loads(pickle.dumps(int.__add__))(2, 3), pickle.loads(pickle.dumps(list.append)).__name__)

for o in [PyMethodsTest.wine, (7).__add__, int.__add__, list.append, len, math.sqrt, str.maketrans]:
    r = o.__reduce__()
    print(r if isinstance(r, str) else (r[0].__name__, r[1]))
print(copy.copy(PyMethodsTest.wine)(), copy.deepcopy([len, list.append]))

m = PyMethodsTest().biscuits
print(m.__doc__, m.__name__, m.__qualname__, m.__module__, m.__class__.__name__, m.__func__ is PyMethodsTest.biscuits)
print(type(m.__reduce_ex__(2)[0]).__name__, m.__reduce_ex__(2)[0].__name__, m.__reduce_ex__(2)[1][1])
try:
    pickle.dumps(dict.__dict__["fromkeys"])
except TypeError as e:
    print("TypeError", e)
