# With the collector disabled, garbage cycles are still finalized at exit,
# together with the module's globals, in the order they were created.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

gc.disable()
x = Fin("cycle")
x.self = x
del x
g = Fin("global")
y = Fin("cycle2")
y.self = y
del y
h = Fin("global2")
print("end")
