# gc.collect() with each generation: the return value is the number of
# unreachable objects found in the generations examined.
import gc

def self_cycle():
    x = []
    x.append(x)

gc.collect()
self_cycle()
print("collect(0):", gc.collect(0))
self_cycle()
print("collect(1):", gc.collect(1))
self_cycle()
print("collect(2):", gc.collect(2))
self_cycle()
print("collect():", gc.collect())
self_cycle()
print("collect(generation=0):", gc.collect(generation=0))
self_cycle()
print("collect(generation=2):", gc.collect(generation=2))
print("nothing left:", gc.collect())

# a cycle that survived into generation 1 is not seen by collect(0)
x = []
x.append(x)
gc.collect(0)          # x is alive: it moves to generation 1
del x
print("young only:", gc.collect(0))
print("with gen 1:", gc.collect(1))

# into generation 2: collect(1) does not see it, collect(2) does
y = {}
y["me"] = y
gc.collect(0)
gc.collect(1)
del y
print("gen 0 and 1:", gc.collect(1))
print("all:", gc.collect(2))

for bad in (3, -1, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
print(type(gc.collect()).__name__)
