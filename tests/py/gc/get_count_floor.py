# Freeing objects allocated before the last collection lowers generation
# 0's count only down to zero.
import gc

class Obj:
    pass

old = []
for i in range(50):
    old.append(Obj())
new = []
c = []
gc.collect()
for i in range(1):
    new.append(Obj())
c.append(gc.get_count()[0])
del c[:], new[:]
gc.collect(0)
c.append(gc.get_count()[0])
del old[:]
c.append(gc.get_count()[0])
for i in range(5):
    new.append(Obj())
c.append(gc.get_count()[0])
print(c)
