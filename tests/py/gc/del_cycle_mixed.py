# A cycle where only some objects have __del__: the finalizers run, then
# every object of the cycle is freed.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, len(self.items))

gc.collect()
f = Fin("f")
f.items = [f, {"k": f}, (f,)]
g = Fin("g")
g.items = [f]
f.items.append(g)
del f, g
print(gc.collect())
