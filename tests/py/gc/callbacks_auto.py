# Automatic collections call gc.callbacks too: the first one starts while
# the 701st container made after a collection is being allocated.
import gc

class Obj:
    pass

events = []

def cb(phase, info):
    events.append((phase, info["generation"], len(keep)))

keep = []
for i in range(2):      # the loop runs once before counting starts
    keep.append(Obj())
del keep[:]
gc.collect()
gc.callbacks.append(cb)
for i in range(800):
    keep.append(Obj())
gc.callbacks.remove(cb)
print(events)
