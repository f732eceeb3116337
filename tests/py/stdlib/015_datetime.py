# CPython's datetime.py (the pure-Python implementation), unchanged: dates, times, timedeltas,
# arithmetic, formatting and parsing of ISO strings.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, repr(d), d + dt.timedelta(days=2), d.weekday(), d.isoweekday(), d.toordinal(), tuple(d.isocalendar()))
print(dt.date.fromisoformat("2023-12-31").replace(day=1), dt.date.fromordinal(738000), d.strftime("%Y/%m/%d %a %b %j"))
t = dt.datetime(2024, 3, 1, 13, 45, 30, 123456)
print(t, t.isoformat(), t.isoformat(sep=" ", timespec="seconds"), t.date(), t.time(), t.timetuple()[:6])
print(t - dt.datetime(2024, 1, 1), (t - dt.datetime(2024, 1, 1)).total_seconds(), t.strftime("%H:%M:%S.%f %p"))
delta = dt.timedelta(days=1, hours=25, minutes=-30, seconds=3.5)
print(delta, repr(delta), delta * 2, delta // 3, -delta, abs(-delta), delta / dt.timedelta(hours=1))
utc = dt.timezone.utc
aware = dt.datetime(2024, 6, 1, 12, 0, tzinfo=utc)
plus2 = dt.timezone(dt.timedelta(hours=2), "CEST")
print(aware, aware.astimezone(plus2), aware.astimezone(plus2).tzname(), aware.utcoffset(), plus2)
print(dt.datetime.fromisoformat("2024-01-02T03:04:05+01:00"), dt.datetime.fromtimestamp(0, utc))
print(sorted([dt.date(2020, 1, 2), dt.date(2019, 5, 5), dt.date(2020, 1, 1)]), dt.date(2020, 1, 1) < dt.date(2020, 1, 2))
print(dt.time(23, 59, 59).isoformat(), dt.time(1, 2) < dt.time(1, 3), dt.MINYEAR, dt.MAXYEAR, hash(d) == hash(dt.date(2024, 2, 28)))
try:
    dt.date(2023, 2, 29)
except ValueError:
    print("ValueError")  # the text differs between CPython's C _datetime and this pure datetime.py
