// time_calendar.h — struct_time and the calendar functions of `time` (time_calendar.cpp).
#pragma once

#include "objects/object.h"

namespace minipy {

// Adds struct_time, gmtime, localtime, mktime, strftime, asctime, ctime and the timezone values.
void add_time_calendar(Object* module);

}  // namespace minipy
