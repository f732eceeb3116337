# String concatenation, repetition, membership, comparison and building strings in a loop.
a = "foo"
b = "bar"
print(a + b, a * 3, 2 * b, a * 0, repr(a * -1))
print("o" in a, "x" in a, "" in a, "oo" in a, "fb" not in a + b)
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
print(a == "foo", a != b, a < b, min(a, b), max("apple", "pear", "fig"))
words = ["x"] * 3
print("-".join(words))
c = a
c += "!"
print(a, c)
print("abc" * 2 + "d", ("ab" + "cd") * 2)
print(str(12) + str(3.5) + str(None) + str(True))
