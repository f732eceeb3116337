# assert passes silently when true; a failing assert raises AssertionError, with an optional message.
assert True
assert 1 + 1 == 2, "math works"
x = [1, 2]
assert x, "non-empty"
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError", repr(str(e)))
try:
    assert len(x) == 3, "expected 3 items, got " + str(len(x))
except AssertionError as e:
    print("AssertionError", e)
def check(v):
    assert v >= 0, f"negative: {v}"
    return v * 2
print(check(4))
try:
    check(-1)
except AssertionError as e:
    print("caught", e)
