# The order finalizers run in follows the collector's lists: an object first
# taken for unreachable and then found reachable moves behind the others.
import gc

class Fin:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

gc.collect()
x = Fin("x")
y = Fin("y")
x.other = y
y.other = x
del x                  # x is now reachable only through y
gc.collect(0)          # both survive into generation 1: y first, then x
del y
print(gc.collect(1))

p = Fin("p")
q = Fin("q")
r = Fin("r")
p.next = q
q.next = r
r.next = p
keep = r
del p, q, r
gc.collect(0)
del keep
print(gc.collect(1))
