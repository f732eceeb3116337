# Output printed before an uncaught exception still reaches stdout; the traceback goes to stderr.
total = 0
for i in range(5):
    total += i
    print("running total", total)
print("about to fail")
values = [1, 2, 3]
print(values[total])
print("never printed")
