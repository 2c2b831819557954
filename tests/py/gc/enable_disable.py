# gc.enable / gc.disable / gc.isenabled: a disabled collector never starts
# on its own, but gc.collect() still works.
import gc

events = []

def cb(phase, info):
    if phase == "start":
        events.append(info["generation"])

class Obj:
    pass

keep = []
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.collect()
gc.callbacks.append(cb)
for i in range(3000):
    keep.append(Obj())
print("automatic collections while disabled:", len(events))
c = gc.get_count()
print("count grows past the threshold:", c[0] >= 3000)
x = []
x.append(x)
del x
print("collect while disabled:", gc.collect(), events)
gc.enable()
print(gc.isenabled())
events.clear()
del keep[:]
gc.collect()
events.clear()
for i in range(1500):
    keep.append(Obj())
print("automatic collections while enabled:", events)
gc.callbacks.remove(cb)
print(gc.enable(), gc.disable(), gc.isenabled())
gc.enable()
