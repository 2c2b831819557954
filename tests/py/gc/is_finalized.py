# gc.is_finalized: set once an object's __del__ has been run by the
# collector (PEP 442), never for objects without a finalizer.
import gc

class Plain:
    pass

class Fin:
    def __del__(self):
        seen.append(("in __del__", gc.is_finalized(self)))

seen = []
keep = []

p = Plain()
print(gc.is_finalized(p), gc.is_finalized(1), gc.is_finalized([]), gc.is_finalized("s"))

# the collector marks the object before calling __del__
f = Fin()
f.self = f
r = Fin()
r.self = r
del f
gc.collect()
print(seen)
seen.clear()

# resurrected by another object's finalizer: finalized, and stays so
class Saver:
    def __del__(self):
        keep.append(self.other)

s = Saver()
s.other = Fin()
s.other.back = s
s.me = s
del s
gc.collect()
print(len(keep), type(keep[0]).__name__, gc.is_finalized(keep[0]))
print(seen)
seen.clear()
keep[0].back = None
print(gc.is_finalized(keep[0]))
print(gc.is_finalized(r))
