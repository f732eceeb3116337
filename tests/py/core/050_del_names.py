# del of names: the name becomes unbound; del in functions; del of several targets.
a = 1
b = 2
c = [1, 2, 3]
del a
try:
    print(a)
except NameError as e:
    print("NameError", e)
del b, c[0]
print(c)
a = "rebound"
print(a)
def f():
    x = 5
    del x
    try:
        return x
    except NameError as e:
        print(type(e).__name__, e)
        return "unbound local"
print(f())
d = {"k": 1, "j": 2}
del d["k"]
print(d)
t = [[1, 2], [3, 4]]
del t[0][1], t[1]
print(t)
