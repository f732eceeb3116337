# CPython's bisect.py, unchanged: insertion points, insort, key= (3.10+).
import bisect

grades = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(grades, s)]) for s in (33, 99, 77, 70, 89, 90, 100)])
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2, 4))
bisect.insort(a, 4)
bisect.insort_left(a, 0)
print(a)
records = [("alice", 31), ("bob", 25), ("carol", 40)]
records.sort(key=lambda r: r[1])
print(bisect.bisect_left(records, 30, key=lambda r: r[1]))
bisect.insort(records, ("dave", 35), key=lambda r: r[1])
print(records)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
print(bisect.__file__.startswith("/usr/lib/python3.11/"))
