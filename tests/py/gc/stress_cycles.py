# Build and drop 10**6 small cyclic structures.  The automatic collections
# free them as the program goes: the young generation never holds much more
# than the threshold (CPython reuses lists from its free list without
# counting them, so the bound is loose), every cycle is found, and none of
# the objects built is left.
import gc

class Node:
    __slots__ = ("other",)

found = []
peak = [0]

def cb(phase, info):
    if phase == "stop":
        found.append(info["collected"])
    else:
        n = len(gc.get_objects(0))
        if n > peak[0]:
            peak[0] = n

def pairs(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a

def lists(n):
    for i in range(n):
        x = []
        x.append(x)

def main():
    gc.collect()
    gc.callbacks.append(cb)
    pairs(500000)
    lists(500000)
    gc.callbacks.remove(cb)
    tail = gc.collect()
    print("cycles built:", 10 ** 6)
    print("objects found:", sum(found) + tail)
    print("collections:", len(found) > 1000)
    print("young generation never above 1000:", peak[0] <= 1000)
    objs = gc.get_objects()
    print("nodes left:", sum(1 for o in objs if type(o) is Node))
    print("self-referencing lists left:", sum(1 for o in objs if type(o) is list and len(o) == 1 and o[0] is o))

main()
