# Two instances that refer to each other (the seed example): two objects.
import gc
import sys

class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

gc.collect()
a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
print(sys.getrefcount(a), sys.getrefcount(b))
del a
print(b.partner.name, sys.getrefcount(b.partner))
del b
print(gc.collect())
print(gc.collect())

c = Node("c")
d = Node("d")
c.partner = d
d.partner = c
e = c
del c, d
print("still referenced:", gc.collect(), e.partner.name)
del e
print(gc.collect())
