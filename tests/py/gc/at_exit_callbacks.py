# The collection at exit calls gc.callbacks (generation 2) when the
# collector is enabled; it runs before the module's globals go away.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

def cb(phase, info):
    print(phase, info)

gc.collect()
gc.callbacks.append(cb)
x = Fin("cycle")
x.self = x
del x
g = Fin("global")
print("end")
