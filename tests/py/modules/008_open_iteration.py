# open(): iterating over lines, with-statements and processing a small data file.
import sys

path = "/tmp/golden_008_" + sys.executable.replace("/", "_") + ".csv"
rows = [("alice", 31, 5.5), ("bob", 25, 6.25), ("carol", 40, 4.0)]
with open(path, "w") as out:
    out.write("name,age,score\n")
    for name, age, score in rows:
        out.write("%s,%d,%.2f\n" % (name, age, score))

with open(path) as f:
    header = f.readline().strip().split(",")
    total = 0.0
    for number, line in enumerate(f, 1):
        fields = dict(zip(header, line.rstrip("\n").split(",")))
        total += float(fields["score"])
        print(number, "{name:>6} is {age} ({score})".format(**fields))
print("total", total)

with open(path) as f:
    print([len(line) for line in f])
    print(list(f))
with open(path) as f:
    it = iter(f)
    print(it is f, next(it), end="")
f = open(path)
lines = f.readlines()
f.close()
print(len(lines), lines[-1].endswith("\n"))
