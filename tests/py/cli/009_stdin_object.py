# sys.stdin is a text file over descriptor 0, and input() reads its lines from it: the two share
# one buffer, and input() reads whatever object sys.stdin is.
import io
import sys

print(sys.stdin.name, sys.stdin.mode, sys.stdin.readable(), sys.stdin is sys.__stdin__)
print(repr(input()))
print(repr(sys.stdin.readline()))
print(repr(input("prompt> ")))
print(repr(sys.stdin.read()))
sys.stdin = io.StringIO("from a string\nsecond")
print(repr(input()), repr(input()))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("RuntimeError:", e)
