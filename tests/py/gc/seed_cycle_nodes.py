# The seed example 001_cycle_nodes.py, followed by the collection the
# article describes: the two nodes are found.
import gc

class Node:
    def __init__(self):
        self.next = None
node1 = Node()
node2 = Node()
node1.next = node2
node2.next = node1
del node1
del node2
print(gc.collect())
