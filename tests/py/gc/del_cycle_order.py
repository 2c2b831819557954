# Finalizers of a garbage cycle run once each, in the order the objects
# were made, before any of the cycle is broken (each still sees the others).
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "->", self.next.name)

gc.collect()
a = Fin("a")
b = Fin("b")
c = Fin("c")
a.next = b
b.next = c
c.next = a
del a, b, c
print("collect:", gc.collect())
print("again:", gc.collect())

x = Fin("x")
y = Fin("y")
y.next = x
x.next = y
del y, x
print("collect:", gc.collect())
