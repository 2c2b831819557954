# A generator that holds itself (through a local of its own frame) and a
# generator kept by an object it refers to.
import gc

def gen():
    me = yield 1
    yield me

gc.collect()
g = gen()
next(g)
print(g.send(g) is g)
del g
print("generator holding itself:", gc.collect())

class Box:
    pass

def walk(box):
    while True:
        yield box

b = Box()
b.it = walk(b)
next(b.it)
del b
print("object and its generator:", gc.collect())

def finished():
    yield 1

h = finished()
list(h)
print(gc.is_tracked(h))
del h
print(gc.collect())
