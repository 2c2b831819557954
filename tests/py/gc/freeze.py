# gc.freeze moves every tracked object to the permanent generation, which
# collections never examine; gc.unfreeze puts them back in generation 2.
import gc

class Marker:
    pass

def markers(objs):
    return sum(1 for o in objs if type(o) is Marker)

gc.collect()
print(gc.get_freeze_count())
cyc = Marker()
cyc.me = cyc
live = Marker()
gc.freeze()
c = gc.get_count()
print(c)
print("frozen some:", gc.get_freeze_count() > 0)
print("markers visible:", markers(gc.get_objects()))
print("still tracked:", gc.is_tracked(cyc), gc.is_tracked(live))
print("not a referrer:", [r for r in gc.get_referrers(live) if r is cyc])
del cyc
print("frozen cycle not collected:", gc.collect())
n = gc.get_freeze_count()
gc.freeze()
print("second freeze adds:", gc.get_freeze_count() - n >= 0)
gc.unfreeze()
print(gc.get_freeze_count())
print("back in generation 2:", markers(gc.get_objects(2)), markers(gc.get_objects(0)))
print("collected after unfreeze:", gc.collect())
print(gc.unfreeze(), gc.get_freeze_count())
