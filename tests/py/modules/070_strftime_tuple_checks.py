# time.strftime's checks of a time tuple, as CPython's checktm: a 0 month, day of month or day of
# year means the first one; each field's range error; tm_isdst clamped to -1..1.
import time
for t in [(1,) + (0,) * 8, (2024, 0, 0, 0, 0, 0, 0, 0, 0), (2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0),
          (2024, 1, 1, 0, 0, 0, -2, 1, 0), (2024, 1, 1, 0, 0, 0, -1, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0), (2024, 1, 1, 0, 0, 0, 0, -1, 0),
          (2024, 1, 1, 0, 0, 0, 0, 1, 5), (2024, 1, 1, 0, 0, 0, 0, 1, -7), (2024, 1, 1, 24, 0, 0, 0, 1, 0)]:
    try:
        print(time.strftime("%Y %m %d %j %a %H", t))
    except ValueError as e:
        print("ValueError", e)
