# Resurrection from a __del__ run by reference counting (no cycle).
import sys

class Phoenix:
    def __del__(self):
        print("del, refcount inside:", sys.getrefcount(self))
        global saved
        saved = self

saved = None
p = Phoenix()
p.value = [42]
del p
print(type(saved).__name__, saved.value, sys.getrefcount(saved))
saved = None
print("gone, no second __del__")
