# A tuple holds each of its items, even repeated ones.
import sys

part = ["bolt"]
print(sys.getrefcount(part))
kit = (part, part, part)
print(sys.getrefcount(part))
print(sys.getrefcount(kit))
kits = kit * 2
print(sys.getrefcount(part))
del kits
print(sys.getrefcount(part))
first, second, third = kit
print(sys.getrefcount(part))
del first, second, third, kit
print(sys.getrefcount(part))
