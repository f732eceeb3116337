# An unbound name at module level: NameError, a one-frame traceback on stderr, exit status 1.
x = 1
print(y)
