# gc.get_objects(generation=None): tracked objects only; the result list is
# not part of itself.  Only counts of our own objects are printed.
import gc

class Marker:
    pass

def count(objs, cls):
    return sum(1 for o in objs if type(o) is cls)

gc.collect()
ms = [Marker() for i in range(5)]
objs = gc.get_objects()
print("result in itself:", any(o is objs for o in objs))
print("markers:", count(objs, Marker))
print("young markers:", count(gc.get_objects(0), Marker))
print("gen 1 markers:", count(gc.get_objects(1), Marker))
gc.collect(0)
print("after collect(0):", count(gc.get_objects(0), Marker), count(gc.get_objects(1), Marker),
      count(gc.get_objects(2), Marker))
gc.collect(1)
print("after collect(1):", count(gc.get_objects(0), Marker), count(gc.get_objects(1), Marker),
      count(gc.get_objects(2), Marker))
print("all:", count(gc.get_objects(), Marker), count(gc.get_objects(None), Marker),
      count(gc.get_objects(generation=None), Marker))
print("ms found:", any(o is ms for o in gc.get_objects()))
del objs
untracked = {"a": 1}
atomic = tuple([1, 2, 3])
gc.collect()
objs = gc.get_objects()
print("untracked dict listed:", any(o is untracked for o in objs))
print("atomic tuple listed:", any(o is atomic for o in objs))
print("str listed:", any(type(o) is str for o in objs))
print("int listed:", any(type(o) is int for o in objs))
print("list type:", type(objs).__name__)
