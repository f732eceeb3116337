// time_calendar.cpp — the calendar half of the native `time` module: struct_time (a 9-item tuple
// with tm_* names), gmtime, localtime, mktime, strftime, asctime, ctime and the timezone values,
// on the C library's functions as CPython's timemodule.c uses them.
#include "modules/time_calendar.h"

#include <cmath>
#include <ctime>
#include <string>

#include "modules/structseq.h"
#include "objects/abstract.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

// struct_time: a struct sequence of 9 items, with tm_zone and tm_gmtoff hidden after them (None
// when made from a 9-sequence, as CPython's).
const char* const kFields[] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",   "tm_sec",
                               "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};
StructSeqType struct_time_type("time", "struct_time", kFields, 9, 11);

Ref struct_time_from(const std::tm& t) {
    int values[9] = {t.tm_year + 1900, t.tm_mon + 1,        t.tm_mday,     t.tm_hour, t.tm_min,
                     t.tm_sec,         (t.tm_wday + 6) % 7, t.tm_yday + 1, t.tm_isdst};
    Object* items[11];
    for (int i = 0; i < 9; ++i) items[i] = make_small_int(values[i]);
    items[9] = str_new(t.tm_zone ? t.tm_zone : "").release();
    items[10] = int_from_i64(t.tm_gmtoff).release();
    structseq_init(struct_time_type);
    return structseq_new(struct_time_type, items);
}

// A struct_time or 9-tuple back to the C library's struct tm.
std::tm tm_from(Object* o, const char* fname) {
    Ref seq = tuple_from_iterable(o);
    Tuple* t = as_tuple(seq.get());
    if (t->size != 9) raise(&TypeError_type, format("%s(): illegal time tuple argument", fname));
    std::tm tm{};
    int64_t v[9];
    for (int i = 0; i < 9; ++i) v[i] = as_index(t->items[i]);
    tm.tm_year = static_cast<int>(v[0] - 1900);
    tm.tm_mon = static_cast<int>(v[1] - 1);
    tm.tm_mday = static_cast<int>(v[2]);
    tm.tm_hour = static_cast<int>(v[3]);
    tm.tm_min = static_cast<int>(v[4]);
    tm.tm_sec = static_cast<int>(v[5]);
    tm.tm_wday = static_cast<int>((v[6] + 1) % 7);
    tm.tm_yday = static_cast<int>(v[7] - 1);
    tm.tm_isdst = static_cast<int>(v[8]);
    return tm;
}

std::time_t seconds_arg(Args args, size_t nargs) {
    if (nargs == 0 || args[0] == None) return std::time(nullptr);
    double secs = to_double(args[0]);
    if (!std::isfinite(secs)) raise(&ValueError_type, "Invalid value NaN (not a number)");
    return static_cast<std::time_t>(std::floor(secs));
}

// gmtime(secs) / localtime(secs), `Convert` being gmtime_r or localtime_r.
template <std::tm* (*Convert)(const std::time_t*, std::tm*)>
Ref time_breakdown(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional(Convert == gmtime_r ? "gmtime" : "localtime", nargs, kw, 0, 1);
    std::time_t t = seconds_arg(args, nargs);
    std::tm tm{};
    if (!Convert(&t, &tm)) raise(&OverflowError_type, "timestamp out of range for platform time_t");
    return struct_time_from(tm);
}

Ref time_mktime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("mktime", nargs, kw, 1, 1);
    std::tm tm = tm_from(args[0], "mktime");
    tm.tm_wday = -1;
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1) && tm.tm_wday == -1)
        raise(&OverflowError_type, "mktime argument out of range");
    return float_new(static_cast<double>(t));
}

Ref time_strftime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("strftime", nargs, kw, 1, 2);
    if (!is_str(args[0]))
        raise(&TypeError_type,
              format("strftime() argument 1 must be str, not %s", type_of(args[0])->name.c_str()));
    std::tm tm{};
    if (nargs == 2) {
        tm = tm_from(args[1], "strftime");
        // CPython's checktm: a 0 month, day or yday means the first one.
        if (tm.tm_mon == -1)
            tm.tm_mon = 0;
        else if (tm.tm_mon < 0 || tm.tm_mon > 11)
            raise(&ValueError_type, "month out of range");
        if (tm.tm_mday == 0)
            tm.tm_mday = 1;
        else if (tm.tm_mday < 0 || tm.tm_mday > 31)
            raise(&ValueError_type, "day of month out of range");
        if (tm.tm_hour < 0 || tm.tm_hour > 23) raise(&ValueError_type, "hour out of range");
        if (tm.tm_min < 0 || tm.tm_min > 59) raise(&ValueError_type, "minute out of range");
        if (tm.tm_sec < 0 || tm.tm_sec > 61) raise(&ValueError_type, "seconds out of range");
        if (tm.tm_wday < 0) raise(&ValueError_type, "day of week out of range");
        if (tm.tm_yday == -1)
            tm.tm_yday = 0;
        else if (tm.tm_yday < 0 || tm.tm_yday > 365)
            raise(&ValueError_type, "day of year out of range");
        tm.tm_isdst = tm.tm_isdst < -1 ? -1 : tm.tm_isdst > 1 ? 1 : tm.tm_isdst;
    } else {
        std::time_t now = std::time(nullptr);
        localtime_r(&now, &tm);
    }
    std::string fmt = str_utf8_of(args[0]);
    if (fmt.empty()) return str_new("");
    // strftime cannot tell "empty result" from "buffer too small": grow until it fits.
    for (size_t size = 256;; size *= 4) {
        std::string buf(size, '\0');
        size_t n = std::strftime(buf.data(), size, fmt.c_str(), &tm);
        if (n > 0 || size > fmt.size() * 256) return str_new(buf.substr(0, n));
    }
}

Ref text_time(const std::tm& tm) {
    static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return str_new(format("%s %s %2d %02d:%02d:%02d %d", kDays[(tm.tm_wday % 7 + 7) % 7],
                          kMonths[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                          tm.tm_year + 1900));
}

Ref time_asctime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("asctime", nargs, kw, 0, 1);
    std::tm tm{};
    if (nargs) {
        tm = tm_from(args[0], "asctime");
    } else {
        std::time_t now = std::time(nullptr);
        localtime_r(&now, &tm);
    }
    return text_time(tm);
}

Ref time_ctime(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("ctime", nargs, kw, 0, 1);
    std::time_t t = seconds_arg(args, nargs);
    std::tm tm{};
    localtime_r(&t, &tm);
    return text_time(tm);
}

const MethodDef kCalendarFunctions[] = {
    {"gmtime", time_breakdown<gmtime_r>, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_breakdown<localtime_r>,
     "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", time_strftime, "Convert a time tuple to a string according to a format specification."},
    {"asctime", time_asctime, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, "Convert a time in seconds since the Epoch to a string in local time."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

void add_time_calendar(Object* module) {
    structseq_init(struct_time_type);
    Dict* d = module_dict(module);
    for (const MethodDef* m = kCalendarFunctions; m->name; ++m)
        dict_set(d, intern(m->name), native_function_new(m, nullptr).get());
    dict_set(d, intern("struct_time"), &struct_time_type);
    dict_set(d, intern("_STRUCT_TM_ITEMS"), int_from_i64(11).get());  // _strptime slices by it
    set_timezone_values(d);
}

// CPython's init_timezone for glibc: the offsets and names in force at the start of this year and
// half a year later, not glibc's `daylight`/`tzname` (which count any rule the zone ever had:
// Asia/Tokyo's daylight would be 1). The larger offset west of UTC is standard time.
void set_timezone_values(Dict* d) {
    tzset();
    const time_t kYear = (365 * 24 + 6) * 3600;
    time_t t = (std::time(nullptr) / kYear) * kYear;
    std::tm jan{}, jul{};
    localtime_r(&t, &jan);
    t += kYear / 2;
    localtime_r(&t, &jul);
    long jan_zone = -jan.tm_gmtoff, jul_zone = -jul.tm_gmtoff;
    bool southern = jan_zone < jul_zone;  // DST is reversed in the southern hemisphere
    const std::tm& standard = southern ? jul : jan;
    const std::tm& summer = southern ? jan : jul;
    dict_set(d, intern("timezone"), int_from_i64(-standard.tm_gmtoff).get());
    dict_set(d, intern("altzone"), int_from_i64(-summer.tm_gmtoff).get());
    dict_set(d, intern("daylight"), int_from_i64(jan_zone != jul_zone).get());
    Ref names = tuple_new(2);
    as_tuple(names.get())->items[0] = str_new(standard.tm_zone ? standard.tm_zone : "").release();
    as_tuple(names.get())->items[1] = str_new(summer.tm_zone ? summer.tm_zone : "").release();
    dict_set(d, intern("tzname"), names.get());
}

}  // namespace minipy
