# list methods: append, pop, insert, remove, index, count, reverse, extend, clear, copy.
a = []
for i in range(5):
    a.append(i * i)
print(a)
print(a.pop(), a.pop(0), a)
a.insert(0, -1)
a.insert(100, 100)
a.insert(-1, 50)
print(a)
a.remove(4)
print(a)
print(a.index(50), a.count(1), [1, 2, 1, 1].count(1), [1, 2, 3].index(3))
a.reverse()
print(a)
a.extend([7, 8])
a.extend(range(2))
a.extend("hi")
print(a)
b = a.copy()
a.clear()
print(a, len(b))
stack = [1, 2, 3]
while stack:
    print("popped", stack.pop())
r = [3, 1, 2]
print(r.append(4), r)
print(r.pop(-2), r)
