# Assigning to an empty list or tuple target unpacks zero items (it used to crash the VM's stack).
[] = []
() = ()
[] = ()
() = ""
for [] in [[], ()]:
    pass
print("empty targets ok")
try:
    [] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    () = "ab"
except ValueError as e:
    print("ValueError:", e)
