# A suspended generator's frame keeps its locals (and arguments) alive.
import sys


def walk(items):
    for item in items:
        yield item


data = [[1], [2]]
print(sys.getrefcount(data))
gen = walk(data)
print(sys.getrefcount(data))
first = next(gen)
print(sys.getrefcount(data), sys.getrefcount(first))
second = next(gen)
print(sys.getrefcount(first), sys.getrefcount(second))
print(next(gen, "end"))
print(sys.getrefcount(data), sys.getrefcount(second))
