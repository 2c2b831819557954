# threshold0 == 0 turns automatic collection off; gc.isenabled() stays True.
import gc

class Obj:
    pass

log = []

def cb(phase, info):
    log.append(phase)

gc.set_threshold(0)
gc.callbacks.append(cb)
keep = []
for i in range(5000):
    keep.append(Obj())
print(gc.isenabled(), log)
print(gc.get_count()[0] >= 5000)
print(gc.collect(), log)
gc.callbacks.remove(cb)
gc.set_threshold(700)
