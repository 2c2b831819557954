# Tuples are tracked when made; a collection of their generation untracks
# those that hold only untrackable values (as it examines them, so an outer
# tuple made after its inner ones is untracked too).
import gc

one = 1
t1 = (one, 2)
t2 = (one, "s", 2.5, None)
t3 = (one, [])
t4 = ((one, 2), (3, one))
t5 = (one, {})
t6 = (one, {"a": 1})
t7 = (one, {"a": []})
t8 = (one, ())
t9 = tuple([one, 2])
empty = tuple([])

class T(tuple):
    pass

t10 = T((one, 2))
names = ["t1", "t2", "t3", "t4", "t4[0]", "t5", "t6", "t7", "t8", "t9", "empty", "t10"]
objs = [t1, t2, t3, t4, t4[0], t5, t6, t7, t8, t9, empty, t10]
print([gc.is_tracked(o) for o in objs])
gc.collect(0)
print([gc.is_tracked(o) for o in objs])
gc.collect()
print([gc.is_tracked(o) for o in objs])
t3[1].append(1)
gc.collect()
print(gc.is_tracked(t3))
# a tuple that was untracked stays untracked when it gains a tracked neighbour
outer = (one, t1)
inner_list = [t1]
gc.collect()
print(gc.is_tracked(outer), gc.is_tracked(t1))
