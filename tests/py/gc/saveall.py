# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being freed.
import gc

class Node:
    pass

print(gc.garbage, type(gc.garbage).__name__)
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
x = []
x.append(x)
del x
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])

a = Node()
b = Node()
a.other = b
b.other = a
a.name = "a"
b.name = "b"
del a, b
print(gc.collect())
print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
print([o.name for o in gc.garbage[1:]])
print(gc.garbage[1].other is gc.garbage[2], gc.garbage[2].other is gc.garbage[1])

# nothing new is found while they are kept in gc.garbage
print(gc.collect(), len(gc.garbage))
gc.set_debug(0)
saved = gc.garbage[:]
del gc.garbage[:]
print(gc.collect(), len(gc.garbage))
del saved
print(gc.collect(), gc.garbage)
