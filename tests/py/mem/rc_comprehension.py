# Comprehensions build new containers that reference the same objects.
import sys

cell = [0]
row = [cell for _ in range(4)]
print(sys.getrefcount(cell))
table = {i: cell for i in range(3)}
print(sys.getrefcount(cell))
pairs = [(cell, n) for n in range(2)]
print(sys.getrefcount(cell))
print(sum(1 for x in row if x is cell))
del row, table, pairs
print(sys.getrefcount(cell))


def in_function(obj):
    copies = [obj for _ in range(3)]
    return sys.getrefcount(obj)


print(in_function(cell))
