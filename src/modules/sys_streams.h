// sys_streams.h — sys.stdout and sys.stderr: native text streams over the C streams, and the
// helpers print(), input() and the REPL use to reach whatever objects sys.stdout/stdin currently are.
#pragma once

#include <string>

#include "objects/object.h"

namespace minipy {

// The current sys.stdout / sys.stderr / sys.stdin (borrowed): a script may replace them.
Object* sys_stdout();
Object* sys_stderr();
Object* sys_stdin();
// stream.write(text), straight to the C stream for the native ones.
void write_to_stream(Object* stream, const std::string& text);
void flush_stream(Object* stream);
// An exception nobody can catch (in an atexit callback, a raw thread, a __del__), written to
// sys.stderr as CPython's default sys.unraisablehook does: "Exception ignored in" + where (where is
// " atexit callback: <func>" or ": <object>"), then the traceback. Falls back to the C stream if
// sys.stderr itself fails.
// A script's sys.unraisablehook gets "Exception ignored in" + where as err_msg.
void report_unraisable(const std::string& where, Object* exc);
// The same for an exception raised while finalizing `object` (its __del__, a generator's close):
// "Exception ignored in: <object>", or sys.unraisablehook gets the object itself.
void report_unraisable_in(Object* object, Object* exc);

}  // namespace minipy
