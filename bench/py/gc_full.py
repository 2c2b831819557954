# Full collections over a million live tracked objects (lists and instances).
import gc

class Leaf:
    def __init__(self, n):
        self.n = n

keep = [[i] for i in range(500000)]
more = [Leaf(i) for i in range(500000)]
found = 0
for _ in range(5):
    found += gc.collect()
print(len(keep) + len(more), found)
