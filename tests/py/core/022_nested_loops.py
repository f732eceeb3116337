# Nested loops: break and continue apply to the innermost loop only.
for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    print(row)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i + 1:
            break
        print(i, j)
count = 0
i = 0
while i < 5:
    j = 0
    while j < 5:
        if (i + j) % 3 == 0:
            count += 1
        j += 1
    i += 1
print("count", count)
pairs = []
for a in "ab":
    for b in "xyz":
        for c in range(2):
            pairs.append(a + b + str(c))
print(len(pairs), pairs[:4], pairs[-1])
