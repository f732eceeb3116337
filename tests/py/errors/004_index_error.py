# Indexing past the end of a list.
items = [10, 20, 30]
i = 3
print(items[i])
