# match (PEP 634) 1: soft keywords stay names; literal, capture, wildcard, value, OR, AS patterns, guards.
match = 1
case = 2
_ = 3
print(match, case, _)
def match(x):
    return x + 1
print(match(1), [match for match in range(2)])
match(3)
print("soft keywords ok")

import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Consts:
    ANSWER = 42

def literal(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case 3 + 4j:
            return "complex"
        case -2 - 1j:
            return "negative complex"
        case "a" "b":
            return "concatenated str"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Consts.ANSWER:
            return "answer"
        case 10 | 20 | 30 as tens:
            return f"tens {tens}"
        case str(s) if len(s) > 3:
            return f"long str {s}"
        case other:
            return f"other {other!r}"

for v in [0, 0.0, -1, 2.5, 3 + 4j, -2 - 1j, "ab", b"raw", None, True, False, 1, 1.0, Color.RED, Color.GREEN,
          42, 20, "hello", "hi", [], 10.0]:
    print(repr(v), "->", literal(v))

# True/False/None compare by identity, numbers by ==
class EqAll:
    def __eq__(self, other):
        print("  __eq__ with", repr(other))
        return True
match EqAll():
    case None:
        print("None?")
    case 5:
        print("matched 5 via __eq__")

# the subject is evaluated once; a guard runs after the captures are bound
def subject():
    print("  subject evaluated")
    return 7
match subject():
    case x if x > 10:
        print("big", x)
    case x if print("  guard sees", x) or x == 7:
        print("seven", x)

# captures of a failed case stay unbound, of the matching case are bound
y = "unset"
match (1, 2):
    case (y, 3):
        print("no")
    case (a, b):
        print(a, b, y)

# a case without a match leaves the statement
match 99:
    case 1:
        print("no")
print("after")

# wildcard last, with and without guard
for v in range(3):
    match v:
        case 0:
            print("zero")
        case _ if v == 1:
            print("guarded wildcard")
        case _:
            print("wildcard")

# nested OR / AS
match [1, (2, 3)]:
    case [1 | 2 as first, (2 | 3, 3) as pair]:
        print(first, pair)
match 3:
    case (1 | 2) | (3 | 4) as n:
        print("nested or", n)

# name capture inside a function is a local
def capture():
    match 5:
        case n:
            pass
    return n
print(capture())
print("captures in module:", a, b)
