# Which tuples and dicts a collection untracks depends on the order in which
# it meets the survivors: tuples first, in list order, then (in a full
# collection) dicts, after every tuple.  An object found alive only through
# another one is met after it.
import gc

one = 1


def tracked(*objs):
    return [gc.is_tracked(o) for o in objs]


# the inner tuple is reached only through the outer one, so it is met later
outer = ((one, 2),)
gc.collect()
print("outer before inner:", tracked(outer, outer[0]))
gc.collect()
print("next collection:", tracked(outer, outer[0]))

# a dict older than the tuple it holds: the tuple is decided first
d = {}
d["t"] = (one, 2)
gc.collect()
print("dict before its tuple:", tracked(d, d["t"]))

# the same, in a young collection: tuples only
d2 = {}
d2["t"] = (one, 3)
gc.collect(0)
print("young collection:", tracked(d2, d2["t"]))
gc.collect()
print("then a full one:", tracked(d2, d2["t"]))

# a dict whose tuple must stay tracked, and one whose tuple holds a later tuple
d3 = {"t": (one, [])}
d4 = {}
d4["t"] = ((one, 4),)
gc.collect()
print("tuple with a list:", tracked(d3, d3["t"]))
print("tuple of a later tuple:", tracked(d4, d4["t"], d4["t"][0]))
gc.collect()
print("next collection:", tracked(d4, d4["t"], d4["t"][0]))

# a tuple in the young generation holding one in an older generation
old = (one, [])
gc.collect()
young = (one, old)
gc.collect(0)
print("young over old:", tracked(young, old))

# dicts in a list reached after them, mixed with tuples and cycles
class Node:
    pass

holder = []
for i in range(5):
    n = Node()
    n.me = n
    n.d = {"k": (i, one)}
    holder.append((one, n.d, {"x": (i,)}))
del n
gc.collect()
print("through a list:", [tracked(t, t[1], t[2], t[2]["x"]) for t in holder])
print("survivors:", gc.get_count(), len(gc.get_objects()) > 0)
