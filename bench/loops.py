# loops: nested for/while loops over ranges with int arithmetic — stresses the dispatch loop and int ops.
def work(n):
    total = 0
    for i in range(n):
        j = 0
        while j < n:
            total += (i * j) % 7 - (i ^ j) // 3
            j += 1
    return total


checksum = 0
for k in range(3):
    checksum = (checksum * 31 + work(1400)) % 1000000007
print("loops checksum", checksum)
