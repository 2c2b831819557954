# Instance attributes hold references to their values.
import sys


class Box:
    def __init__(self, content):
        self.content = content


treasure = ["gold"]
print(sys.getrefcount(treasure))
b1 = Box(treasure)
print(sys.getrefcount(treasure))
b2 = Box(treasure)
print(sys.getrefcount(treasure))
b1.content = None
print(sys.getrefcount(treasure))
del b2
print(sys.getrefcount(treasure))
b1.other = treasure
print(sys.getrefcount(treasure))
d = b1.__dict__
print(sys.getrefcount(treasure))
del b1
print(sys.getrefcount(treasure))
del d
print(sys.getrefcount(treasure))
