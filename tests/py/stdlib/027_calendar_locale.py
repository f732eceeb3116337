# CPython's calendar (text and HTML calendars, date arithmetic) and the parts of locale that do not
# read the environment (minipy has no _locale: locale.py's own C-locale emulation runs).
import calendar, locale
print(calendar.month(2024, 2))
print(calendar.calendar(2023, m=4)[:400])
print(calendar.isleap(2000), calendar.leapdays(1900, 2000), calendar.weekday(2024, 7, 4), calendar.monthrange(2024, 2))
print(calendar.month_name[1], calendar.day_abbr[0], list(calendar.Calendar(6).itermonthdays(2024, 2))[:10])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.HTMLCalendar().formatmonth(2024, 1)[:200])
print(calendar.TextCalendar(calendar.SUNDAY).formatweekheader(3))
print(locale.format_string("%d items", 1234), locale.str(3.5), locale.atof("3.25"), locale.atoi("42"))
print(locale.normalize("en_us"), locale.normalize("de_DE.utf8"), locale.localeconv()["decimal_point"], locale.LC_ALL is not None)
