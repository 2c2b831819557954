# A list that contains itself holds a reference to itself.
import sys

loop = []
print(sys.getrefcount(loop))
loop.append(loop)
print(sys.getrefcount(loop))
loop.append(loop)
print(sys.getrefcount(loop))
print(loop)
loop.clear()
print(sys.getrefcount(loop))

d = {}
d["me"] = d
print(sys.getrefcount(d))
print(d)
