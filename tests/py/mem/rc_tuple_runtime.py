# Tuples made at run time: their counts follow the names that hold them.
import sys

point = tuple([3, 4])
print(sys.getrefcount(point))

origin = point
print(sys.getrefcount(point))

x, y = 10, 20
pair = (x, y)
print(sys.getrefcount(pair))

pairs = [pair, pair, pair]
print(sys.getrefcount(pair))

del pairs
print(sys.getrefcount(pair))
del origin
print(sys.getrefcount(point))
