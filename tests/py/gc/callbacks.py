# gc.callbacks: called with "start" before and "stop" after each collection,
# with an info dict of generation, collected and uncollectable.
import gc

print(gc.callbacks, type(gc.callbacks).__name__)

def cb(phase, info):
    print(phase, sorted(info), info["generation"], info["collected"], info["uncollectable"])
    print("  keys in order:", list(info))

gc.collect()
gc.callbacks.append(cb)
x = []
x.append(x)
del x
print("returned", gc.collect(0))
a = {}
b = [a]
a["b"] = b
del a, b
print("returned", gc.collect(1))
print("returned", gc.collect())
gc.callbacks.remove(cb)
print("returned", gc.collect())
print(gc.callbacks)
