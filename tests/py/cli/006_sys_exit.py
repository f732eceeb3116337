# sys.exit(n) ends the script with exit status n; code after it does not run.
import sys

print("exiting with 3")
sys.exit(3)
print("not reached")
