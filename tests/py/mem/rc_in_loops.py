# Counts that change on every iteration of a loop.
import sys

seed = [42]
keep = []
i = 0
while i < 6:
    keep.append(seed)
    print(i, sys.getrefcount(seed))
    i += 1

while keep:
    keep.pop()
    print(len(keep), sys.getrefcount(seed))


def grow(obj, n):
    refs = []
    counts = []
    for _ in range(n):
        refs.append(obj)
        counts.append(sys.getrefcount(obj))
    return counts


print(grow(seed, 8))
print(sys.getrefcount(seed))
