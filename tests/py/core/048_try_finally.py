# finally runs on normal exit, on exceptions, on return and on break; exception state is then restored.
def f(v):
    try:
        if v == 0:
            return "returned"
        if v == 1:
            raise ValueError("boom")
        print("body done")
    except ValueError as e:
        print("caught", e)
    finally:
        print("finally", v)
    return "end"
print(f(0))
print(f(1))
print(f(2))
for i in range(3):
    try:
        if i == 1:
            break
        print("loop", i)
    finally:
        print("cleanup", i)
def override():
    try:
        return "try"
    finally:
        print("in finally")
print(override())
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError:
    print("outer handler")
i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            continue
        print("while", i)
    finally:
        print("fin", i)
