# Resurrection in __del__: the collector sees that the objects came back,
# keeps them (and all they refer to) alive, and does not count them.
import gc

survivors = []

class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        survivors.append(self)

class Plain:
    pass

gc.collect()
p = Phoenix("p")
p.buddy = Plain()
p.buddy.back = p
p.data = [1, 2, 3]
del p
print("collect:", gc.collect())
print(len(survivors), survivors[0].name, survivors[0].buddy.back is survivors[0], survivors[0].data)
print("finalized:", gc.is_finalized(survivors[0]))
print("collect again:", gc.collect())
survivors.clear()
print("after dropping it:", gc.collect())

# one member of a cycle resurrects another object of the same cycle
class Keeper:
    def __del__(self):
        print("keeper saves", self.other.name)
        survivors.append(self.other)

k = Keeper()
k.other = Phoenix("q")
k.other.keeper = k
del k
print("collect:", gc.collect())
print([s.name for s in survivors])
survivors[0].keeper = None
survivors.clear()
print("collect:", gc.collect())
