# sys.argv holds the script name (as given on the command line) followed by the extra arguments.
import sys

print(len(sys.argv))
print(sys.argv[0])
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, repr(arg))
numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
print("sum of numeric arguments:", sum(numbers))
