# Reading lines until EOF: input() raises EOFError when stdin is exhausted.
total = 0
count = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    if line.strip() == "":
        continue
    total += int(line)
    count += 1
print("count", count, "total", total)
