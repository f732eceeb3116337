// time_calendar.h — struct_time and the calendar functions of `time` (time_calendar.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds struct_time, gmtime, localtime, mktime, strftime, asctime, ctime and the timezone values.
void add_time_calendar(Object* module);
// tzset() and the values it sets: timezone, altzone, daylight, tzname (time.tzset() again).
void set_timezone_values(Dict* module_dict);

}  // namespace minipy
