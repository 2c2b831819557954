# A callback that raises is reported as unraisable ("Exception ignored
# in: ..." on stderr); the collection and the other callbacks go on.
import gc

log = []

def bad(phase, info):
    if phase == "stop":
        raise ValueError("callback failed")

def good(phase, info):
    log.append(phase)

gc.collect()
gc.callbacks.append(bad)
gc.callbacks.append(good)
x = []
x.append(x)
del x
print(gc.collect())
gc.callbacks.clear()
print(log)
print("still running")
