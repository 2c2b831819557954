# Instances keep attributes without a dict object until __dict__ is asked for.
import gc
import sys


class Node:
    def __init__(self):
        self.other = None


gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print(gc.collect())

a = Node()
b = Node()
a.other = b
b.other = a
print(len(vars(a)))
del a, b
print(gc.collect())


class Box(list):
    pass


box = Box()
box.me = box
print(gc.is_tracked(box.__dict__))
del box
print(gc.collect())

n = Node()
n.n = 5
print(gc.is_tracked(vars(n)))
value = object()
n.v = value
print(sys.getrefcount(value))
d = vars(n)
print(sys.getrefcount(value))
del n
print(sys.getrefcount(value))
del d
print(sys.getrefcount(value))


class Attrs:
    pass


t = Attrs()
t.x = 1
try:
    del t.y
except AttributeError as e:
    print(e)
