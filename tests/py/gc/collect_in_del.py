# gc.collect() called from a finalizer while the collector is running
# returns 0 and does nothing; called from a finalizer run by reference
# counting, it collects.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "collect ->", gc.collect())

gc.collect()
a = Fin("in a cycle")
a.me = a
del a
print("outer collect ->", gc.collect())

junk = []
junk.append(junk)
del junk
b = Fin("by refcount")
del b
print("left:", gc.collect())
