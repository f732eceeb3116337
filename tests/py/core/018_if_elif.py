# if / elif / else chains and nested conditions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
for n in [-5, 0, 3, 10, 99]:
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2 == 0:
        print("big even")
    else:
        print("big odd")
if x:
    print("truthy")
if not []:
    print("empty list is falsy")
if x > 100:
    print("unreachable")
print("done")
if x == 7: print("one-line if")
