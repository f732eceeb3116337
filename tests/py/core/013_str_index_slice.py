# String indexing (including negative indices) and slicing with steps.
s = "abcdefghij"
print(s[0], s[3], s[-1], s[-10], s[9])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3])
print(s[5:2], s[100:], s[-100:3], s[3:100], repr(s[10:]))
print(s[-2:-5:-1], s[1:-1:3])
print(len(s), len(""), len(s[2:7]))
t = "hello"
for i in range(-len(t), len(t)):
    print(i, t[i])
print("".join([t[i] for i in range(len(t) - 1, -1, -1)]))
