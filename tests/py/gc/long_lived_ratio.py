# CPython 3.11 starts a full (generation 2) collection only when the objects
# promoted into generation 2 since the last full collection are at least a
# quarter of those that survived it.  200,000 long-lived objects make that
# quarter (about 50,000 plus a quarter of the interpreter's own objects)
# larger than one promotion of 40,000 objects and smaller than two.
import gc

class Obj:
    pass

log = []

def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])

old = []
for i in range(200000):
    old.append(Obj())
gc.callbacks.append(cb)
gc.collect()
for i in range(3):      # refill the free lists a full collection empties
    d = {"i": i}
    t = (i, i)
del d, t
gc.collect(0)
gc.collect(1)           # counts (0, 0, 1): the next young collection comes first
log.clear()
gc.set_threshold(19999, 0, 0)
young = []
for i in range(120000):
    young.append(Obj())
gc.set_threshold(700, 10, 10)
gc.callbacks.remove(cb)
print(log)
