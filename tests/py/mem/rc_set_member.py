# A set holds one reference to each distinct member.
import sys

point = tuple([1, 2])
print(sys.getrefcount(point))
seen = set()
seen.add(point)
print(sys.getrefcount(point))
seen.add(point)            # already there
print(sys.getrefcount(point))
frozen = frozenset([point])
print(sys.getrefcount(point))
seen.discard(point)
print(sys.getrefcount(point))
del frozen
print(sys.getrefcount(point))
