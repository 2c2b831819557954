# Callbacks that change gc.callbacks while they are being called: CPython
# walks the list itself, by index.
import gc

log = []

def once(phase, info):
    log.append("once " + phase)
    gc.callbacks.remove(once)

def after(phase, info):
    log.append("after " + phase)

def adder(phase, info):
    log.append("adder " + phase)
    if phase == "start":
        gc.callbacks.append(late)

def late(phase, info):
    log.append("late " + phase)

gc.collect()
gc.callbacks.extend([once, after])
gc.collect()
print(log, len(gc.callbacks))
log.clear()
gc.callbacks.clear()
gc.callbacks.append(adder)
gc.collect()
print(log, len(gc.callbacks))
gc.callbacks.clear()
