# PEP 442: __del__ runs at most once per object, whether the object dies by
# reference counting or in the collector, even if it comes back.
import gc

class Fin:
    calls = 0

    def __del__(self):
        Fin.calls += 1
        print("del", Fin.calls)
        Fin.saved = self

f = Fin()
del f
print("saved:", type(Fin.saved).__name__)
Fin.saved = None
print("calls:", Fin.calls)

g = Fin()
g.me = g
del g
print(gc.collect())
print("calls:", Fin.calls, gc.is_finalized(Fin.saved))
Fin.saved = None
print(gc.collect())
print("calls:", Fin.calls)
