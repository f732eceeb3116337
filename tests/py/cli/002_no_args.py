# With no extra arguments sys.argv is just the script name.
import sys

print(sys.argv[1:], len(sys.argv))
if len(sys.argv) < 2:
    print("usage: 002_no_args.py NAME")
