# Many automatic collections: generation 1 every 11th, and the full
# collections limited by the long-lived ratio (the module's 100,000 objects
# dominate the heap so that the interpreter's own objects do not matter).
import gc

class Obj:
    pass

log = []

def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])

base = []
for i in range(100000):
    base.append(Obj())
gc.callbacks.append(cb)
gc.collect()
for i in range(3):      # refill the free lists a full collection empties
    d = {"i": i}
    t = (i, i)
del d, t
gc.collect(0)
gc.collect(1)
log.clear()
churn = []
for i in range(300000):
    churn.append(Obj())
    if i % 2:
        churn.pop()
gc.callbacks.remove(cb)
print(len(log), log.count(0), log.count(1), log.count(2))
print([i for i, g in enumerate(log) if g == 2])
