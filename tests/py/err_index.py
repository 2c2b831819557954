# A list index out of range.
items = ["a", "b", "c"]
for i in range(len(items)):
    print(items[i])
print(items[3])
