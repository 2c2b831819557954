# List comprehensions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "hello" if c != "l"])
print([(x, y) for x in range(3) for y in range(x)])
print([x if x % 2 else -x for x in range(6)])
words = ["Memory", "is", "a", "Resource"]
print([w.lower() for w in words if len(w) > 1])
print([len(w) for w in words])
matrix = [[1, 2], [3, 4], [5, 6]]
print([n for row in matrix for n in row])
print([[row[i] for row in matrix] for i in range(2)])
x = "outer"
print([x for x in "ab"], x)
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
print([])
names = ["ann", "bob"]
print([f"{i}:{n}" for i, n in enumerate(names)])
