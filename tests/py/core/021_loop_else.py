# The else clause of for and while runs only when the loop was not left by break.
def find(items, target):
    for i, x in enumerate(items):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while finished, n =", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
for i in range(3):
    if i == 1:
        continue
    print("i", i)
else:
    print("for else after continue")
for p in range(2, 20):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
