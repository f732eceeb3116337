# Comparison operators, chained comparisons (each operand evaluated once), is / is not, in / not in.
x = 2
print(1 < x < 3, 1 < x > 3, 0 <= x <= 2, 3 > x >= 2)
print(1 == 1 == 1, 1 == 1 != 1, 1 < 2 < 3 < 4 < 5, 1 < 3 < 2)
def val(v):
    print("val", v)
    return v
print(val(1) < val(2) < val(3))
print(val(3) < val(2) < val(1))
print("abc" < "abd", "a" < "B", "Z" < "a", "" < "a", "abc" < "ab")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] == [])
print(None is None, None is not None, x is not None)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "ab" in "xaby")
print(1 != 2, 2 != 2, 5 >= 5, 5 <= 4)
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)
