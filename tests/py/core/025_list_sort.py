# list.sort and sorted: default order, key functions, reverse, and stability.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "fig", "Elder"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(sorted(pairs))
print(sorted([3.5, -1, 2, 0.5]), sorted("hello"), sorted([]))
def last_digit(n):
    return n % 10
nums = [21, 13, 42, 11, 33, 52]
print(sorted(nums, key=last_digit))
print(nums, nums.sort(), nums)
big = [(i * 7919) % 1000 for i in range(200)]
big.sort()
print(big[:5], big[-5:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
