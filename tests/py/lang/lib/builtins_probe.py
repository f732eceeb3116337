# For lang/099: an imported module's __builtins__ is the builtins dict (in __main__ it is the module).
kind = type(__builtins__).__name__
