# Boolean operators return one of their operands; truthiness of empty and non-empty values.
print(True and False, True or False, not True, not 0)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print([] and "x", [0] and "x", {} or "empty dict")
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {1: 2}, None, True, False, range(0), range(2)]
for v in values:
    if v:
        print(repr(v), "is truthy", bool(v))
    else:
        print(repr(v), "is falsy", bool(v))
def noisy(x):
    print("eval", x)
    return x
print(noisy(0) and noisy(1))
print(noisy(1) or noisy(2))
print(noisy(1) and noisy(2) and noisy(0) and noisy(3))
print(not not "x", True + True, True == 1, False == 0)
print(bool(), bool(0), bool(42), bool("False"))
