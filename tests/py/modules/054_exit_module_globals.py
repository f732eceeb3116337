# At exit an imported module is released like __main__ (053): the objects only its globals hold
# are freed, and their __del__ methods run after the atexit functions, even when the program ends
# in an uncaught exception (its traceback, printed first, no longer holds the frames then).
import atexit

from lib import exit_helper

atexit.register(print, "atexit first")
print("end of the script", exit_helper.held.__class__.__name__)
local_ref = exit_helper.held
raise ValueError("the program fails")
