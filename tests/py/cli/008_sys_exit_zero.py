# sys.exit() with no argument, even inside try/finally, exits with status 0 after the finally block runs.
import sys

try:
    print("in try")
    sys.exit()
finally:
    print("finally still runs")
print("not reached")
