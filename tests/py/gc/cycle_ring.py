# A ring of 1,000 nodes: every node is unreachable once the last outside
# reference goes.
import gc

class Node:
    def __init__(self, i):
        self.i = i
        self.next = None

gc.collect()
first = Node(0)
node = first
for i in range(1, 1000):
    node.next = Node(i)
    node = node.next
node.next = first
del node
n = 0
p = first
while True:
    n += 1
    p = p.next
    if p is first:
        break
del p
print(n)
print(gc.collect())
del first
print(gc.collect())

ring = [[] for i in range(1000)]
for i in range(1000):
    ring[i].append(ring[(i + 1) % 1000])
del ring
print(gc.collect())
