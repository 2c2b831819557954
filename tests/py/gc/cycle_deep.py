# Long structures freed by the collector: breaking one link frees the rest
# by reference counting, one object after another, without running out of
# C stack.
import gc

class Node:
    __slots__ = ("next",)

gc.collect()
first = Node()
node = first
for i in range(200000):
    node.next = Node()
    node = node.next
node.next = first
del node, first
print("ring of instances:", gc.collect())

head = []
cur = head
for i in range(200000):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(head)
del cur, nxt, head
print("chain of nested lists:", gc.collect())

d = {}
cur = d
for i in range(100000):
    cur["k"] = {}
    cur = cur["k"]
cur["root"] = d
del cur, d
print("chain of dicts:", gc.collect())
