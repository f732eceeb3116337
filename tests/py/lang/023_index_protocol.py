# __index__ lets a user object stand where Python wants an integer: subscripts of every built-in
# sequence, slices, range, hex/bin/oct, repetition, list.pop; a wrong return type is a TypeError.
class Two:
    def __index__(self):
        return 2

data = [10, 20, 30, 40]
print(data[Two()], data[Two():], "abcdef"[:Two()], (1, 2, 3)[Two()], "abc"[Two()], b"abc"[Two()], range(5)[Two()])
print(list(range(Two())), list(range(0, 10, Two())), hex(Two()), bin(Two()), oct(Two()))
print([0] * Two(), "ab" * Two(), b"x" * Two(), (1,) * Two())
data[Two()] = 99
print(data)
ba = bytearray(b"abc"); ba[Two()] = 65; print(ba, ba[Two()])
print([1, 2, 3].pop(Two()))
class Bad:
    def __index__(self):
        return "no"
for f in (lambda: data[Bad()], lambda: data[object()], lambda: range(Bad()), lambda: "x" * 2.0):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
