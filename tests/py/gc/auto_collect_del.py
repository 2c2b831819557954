# The automatic collection, observed through __del__: two-node garbage
# cycles pile up until the 701st tracked allocation after the last
# collection starts a generation 0 collection, which finalizes them.
# (The loop body runs once before counting starts, and the counts are reset
# by a young collection: a full one empties CPython's free lists, which
# would make the first temporary tuples count.)
import gc

log = []

class Node:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        log.append((made, self.i))

def pair(i):
    a = Node(2 * i)
    b = Node(2 * i + 1)
    a.other = b
    b.other = a

made = -1
gc.collect()
for i in range(1):
    pair(-1)
gc.collect(0)
log.clear()
gc.collect(0)
for i in range(400):
    made = i
    pair(i)
print(len(log), "finalized during the loop")
print("first:", log[:2])
print("last:", log[-2:])
print(sorted(set(m for m, n in log)))
log.clear()
print(gc.collect(), len(log))
