# Under DEBUG_SAVEALL the finalizers still run once; the objects are kept in
# gc.garbage, and are not finalized again when they are freed later.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
f = Fin("f")
f.me = f
del f
print(gc.collect())
print([o.name for o in gc.garbage], gc.is_finalized(gc.garbage[0]))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
print("done")
