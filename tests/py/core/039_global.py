# global declarations: assigning module variables from functions, and reading globals defined later.
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def make_new():
    global created
    created = "yes"
make_new()
print(created)
def reader():
    return later_defined * 2
later_defined = 21
print(reader())
x = "global x"
def local_only():
    x = "local x"
    return x
print(local_only(), x)
def uses_both():
    global x
    y = x + "!"
    x = "rebound"
    return y
print(uses_both(), x)
total = []
def add_item(v):
    total.append(v)
add_item(1)
add_item(2)
print(total)
