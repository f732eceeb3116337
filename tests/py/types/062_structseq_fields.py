# Struct sequences (sys.flags, sys.float_info, sys.int_info, sys.hash_info, os.stat_result,
# time.struct_time): dir() lists the fields, each a member descriptor of the type; fields are
# read-only with CPython's words; __match_args__ serves class patterns.
import os
import sys
import time

objects = [sys.flags, sys.float_info, sys.int_info, sys.hash_info, os.stat("."), time.localtime(0),
           time.gmtime(0)]
for o in objects:
    t = type(o)
    print(t.__name__, t.__match_args__)
    names = [d for d in dir(o) if not d.startswith("_")]
    print(" ", names)
    first = t.__match_args__[0]
    print(" ", type(t.__dict__[first]).__name__, getattr(o, first) == t.__dict__[first].__get__(o, t))
    for name in (first, "zz"):
        for action in (lambda: setattr(o, name, 1), lambda: delattr(o, name)):
            try:
                action()
            except AttributeError as e:
                print("  AttributeError:", e)

match time.gmtime(0):
    case time.struct_time(year, month, mday):
        print("matched", year, month, mday)
match sys.version_info:
    case (major, minor, *_):
        print("version", major >= 3)
st = os.stat(".")
print(st.st_mtime == st[8] or isinstance(st.st_mtime, float), "st_atime_ns" in dir(st))
g = time.gmtime(86400 * 365)
print(g, g.tm_zone, g.tm_gmtoff, len(g), g[:3])
lt = time.localtime(0)
print(type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__)
made = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0))
print(made, made.tm_zone, made.tm_gmtoff, made == (2000, 1, 2, 3, 4, 5, 6, 7, 0))
made = time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0, "XYZ", 3600))
print(made.tm_zone, made.tm_gmtoff, len(made), time.strftime("%Y-%m-%d", made))
for bad in [(1, 2, 3), tuple(range(12))]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(e)
print(time.mktime(time.localtime(1000000)), time.asctime(time.gmtime(0)))
