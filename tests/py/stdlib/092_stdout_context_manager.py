# sys.stdout as a context manager closes it, as json.tool's `with outfile:` does; writing to it
# afterwards raises ValueError; `closed` says so. json.tool's main() reads stdin (the .in file).
import sys
import json.tool

print(sys.stdout.closed, sys.stderr.closed)
sys.argv = ["json.tool", "--sort-keys"]
json.tool.main()
print("closed after json.tool:", sys.stdout.closed, file=sys.stderr)
try:
    print("after")
except ValueError as e:
    print("ValueError:", e, file=sys.stderr)
try:
    sys.stdout.flush()
except ValueError as e:
    print("flush ValueError:", e, file=sys.stderr)
try:
    with sys.stdout:
        pass
except ValueError as e:
    print("enter ValueError:", e, file=sys.stderr)
sys.stdout.close()
print("done", file=sys.stderr)
