# A small threshold makes generation 0 collections frequent; every 11th
# young collection becomes a generation 1 collection.  The generation of
# each automatic collection is recorded by a callback.
import gc

class Obj:
    pass

log = []

def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])

keep = []
for i in range(3):
    keep.append(Obj())
del keep[:]
gc.callbacks.append(cb)
gc.set_threshold(10, 10, 1000)
gc.collect()
# A full collection empties CPython's free lists; the dict and the argument
# tuple made for each callback call would then be counted once.  Refill them
# and reset the counts with a young collection (which keeps the free lists).
for i in range(3):
    d = {"i": i}
    t = (i, i)
del d, t
gc.collect(0)
log.clear()
for i in range(1000):
    keep.append(Obj())
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(len(log), log.count(0), log.count(1), log.count(2))
print(log[:25])
