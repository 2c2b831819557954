# An object used as a dict key is held by the dict.
import sys


class Node:
    pass


key = Node()
print(sys.getrefcount(key))

cache = {key: "first"}
print(sys.getrefcount(key))

cache[key] = "second"          # same key: no new reference
print(sys.getrefcount(key))

coords = tuple([1, 2])
cache[coords] = key
print(sys.getrefcount(key), sys.getrefcount(coords))

del cache[coords]
print(sys.getrefcount(key), sys.getrefcount(coords))
del cache
print(sys.getrefcount(key))
