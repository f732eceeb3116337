# Calling something that is not a function.
x = 42
x()
