# enumerate past int64 (CPython's en_longindex), list equality when __eq__ empties a list (the sizes
# decide), and a reverse iterator pickled after its last item but before StopIteration.
import sys, pickle
print(list(enumerate('abc', start=sys.maxsize+1)))
print(list(enumerate('abc', start=sys.maxsize-1)))
print(list(enumerate('ab', -2**70)))
e = enumerate('abc', 2**70); next(e); print(e.__reduce__()[1][1], list(pickle.loads(pickle.dumps(e))))
class I:
    def __index__(self): return 2**65
print(list(enumerate('x', I())), list(enumerate('xy', True)))
for bad in ('s', 1.5, None):
    try: enumerate('a', bad)
    except TypeError as ex: print(ex)
class X:
    def __eq__(self, other):
        list2.clear()
        return NotImplemented
class Y:
    def __eq__(self, other):
        list1.clear()
        return NotImplemented
class Z:
    def __eq__(self, other):
        list3.clear()
        return NotImplemented
list1 = [X()]
list2 = [Y()]
print(list1 == list2, list1, list2)
list3 = [Z()]
list4 = [1]
print(list3 == list4, list3 != list4)
list3 = [Z(), 5]
list4 = [1, 5]
print(list3 < list4)
import pickle
orig = [4, 5, 6, 7]
itorig = reversed(orig)
next(itorig)
for i in range(1, len(orig)):
    next(itorig)
print(itorig.__reduce__())
d = pickle.dumps((itorig, orig), 2)
it, a = pickle.loads(d)
print(type(it).__name__, list(it))
itorig = reversed(orig)
for i in range(1, len(orig)): next(itorig)
print(itorig.__reduce__())
