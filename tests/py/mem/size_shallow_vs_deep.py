# getsizeof is shallow: a container's size does not include its items.
# A recursive helper (as memory articles show) adds them up.
import sys


def deep_size(obj, seen=None):
    if seen is None:
        seen = set()
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            size += deep_size(k, seen) + deep_size(v, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            size += deep_size(item, seen)
    return size


small = [1, 2, 3]
big = [10**20, 10**40, 10**60]
print(sys.getsizeof(small), sys.getsizeof(big))
print(deep_size(small), deep_size(big))
nested = [[1, 2], [3, 4], (5.0, 6.0)]
print(sys.getsizeof(nested), deep_size(nested))
shared = [1000.5]
print(deep_size([shared, shared, shared]))
print(deep_size({"alpha": [1.5, 2.5], "beta": (None, True)}))
