# gc.get_objects' generation argument: None and -1 mean every generation;
# other values outside 0..2 are ValueErrors.
import gc

class Marker:
    pass

gc.collect()
m = [Marker(), Marker()]
gc.collect(0)
m.append(Marker())

def markers(objs):
    return sum(1 for o in objs if type(o) is Marker)

for g in (None, -1, 0, 1, 2):
    print(g, markers(gc.get_objects(g)), markers(gc.get_objects(generation=g)))
for g in (-2, 3, 10, -100):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(g, "ValueError:", e)
print(markers(gc.get_objects(True)), markers(gc.get_objects(False)))
