# A slot holds a reference to its value, like an attribute.
import sys


class Holder:
    __slots__ = ("item", "other")


payload = [1, 2, 3]
h = Holder()
print(sys.getrefcount(payload))
h.item = payload
print(sys.getrefcount(payload))
h.other = payload
print(sys.getrefcount(payload))
del h.item
print(sys.getrefcount(payload))
del h
print(sys.getrefcount(payload))
