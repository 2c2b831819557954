# Tuples: 40 bytes for the empty tuple, 8 more for each item.
import sys

print(sys.getsizeof(()))
items = []
for n in range(1, 11):
    items.append(n)
    print(n, sys.getsizeof(tuple(items)))

print(sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(("a", "b")))
print(sys.getsizeof(tuple(range(100))))
